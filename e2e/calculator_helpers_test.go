package e2e

import (
	"context"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"
)

// smallQuery keeps a scenario's simulation small (40 paths of 60 stocks
// instead of 200 of 500) where a test is about the page, not the numbers:
// the page behaves the same and the browser spends a fraction of the time.
const smallQuery = "paths=40&stocks=60"

// Selectors of the calculator's result area.
const (
	// simulationDone matches once a complete (not provisional) result is
	// shown and no simulation is running.
	simulationDone = `#progress[data-running="false"] #progress-text.done`
	headlineFinal  = `#headline[data-provisional="false"] #hl-median`
)

// simulationTimeout bounds one wait for a result. A minute was too short
// on a machine at load 65–90 (TestCopyLink failed at paths=100 while the
// same run's other tabs passed); the test's own testTimeout still bounds a
// page that never finishes.
const simulationTimeout = 3 * time.Minute

// simulatedJS is true once a complete result is shown and no simulation
// runs: simulationDone and headlineFinal both visible.
var simulatedJS = visibleJS(simulationDone) + " && " + visibleJS(headlineFinal)

// waitSimulated waits for a complete result, without polling (waitUntil).
func waitSimulated() chromedp.Action {
	return waitUntil("a complete result", simulatedJS, simulationTimeout)
}

// typeInto replaces a text input's value as a person would: select all,
// type.
func typeInto(sel, text string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Focus(sel),
		chromedp.Evaluate(`document.querySelector(`+jsString(sel)+`).select()`, nil),
		chromedp.SendKeys(sel, text),
	}
}

// typeAtOnce types text into a text input one character at a time, every
// keystroke's input event dispatched in the same task: the values on the
// way ("8" on the way to "80") reach the page as typing does, but no time
// passes between them, so the 250 ms debounce sees them together however
// slow a busy machine makes CDP's key events (typeInto).
func typeAtOnce(sel, text string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Focus(sel),
		chromedp.Evaluate(`(() => {
			const e = document.querySelector(`+jsString(sel)+`);
			const text = `+jsString(text)+`;
			for (let i = 1; i <= text.length; i++) {
				e.value = text.slice(0, i);
				e.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text[i - 1] }));
			}
		})()`, nil),
	}
}

// dollars formats an amount as the headline does: whole dollars with
// thousands separators, no sign ("$11,680").
func dollars(d decimal.Decimal) string {
	s := d.Abs().Round(0).StringFixed(0)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return "$" + b.String()
}

// runNumber reads the number of the calculator's latest simulation run.
func runNumber(n *int) chromedp.Action {
	return chromedp.Evaluate(`Number(document.querySelector("#progress").dataset.run)`, n)
}

// waitNewRun waits until a run later than n has started and completed,
// with its complete result shown (waitSimulated), in one wait that reacts to
// the page's own changes (waitUntil) instead of asking every 100 ms.
func waitNewRun(n *int) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		return waitUntil("a run after run "+strconv.Itoa(*n), `(() => { const p = document.querySelector("#progress"); return !!p && Number(p.dataset.run) > `+strconv.Itoa(*n)+` && p.dataset.running === "false"; })() && `+simulatedJS,
			simulationTimeout).Do(ctx)
	})
}

// stableCalls numbers waitStable's calls, so each keeps its own state in
// the page.
var stableCalls atomic.Int64

// waitStable waits until a JavaScript expression has the same value on
// three animation frames in a row: layout, scrolling or a frame's height
// has settled. (chromedp polls on animation frames by default.)
func waitStable(expr string) chromedp.Action {
	key := strconv.FormatInt(stableCalls.Add(1), 10)
	return chromedp.Poll(`(() => {
		const v = JSON.stringify(`+expr+`);
		const all = window.__e2eStable || (window.__e2eStable = {});
		const s = all[`+key+`] || (all[`+key+`] = {v: undefined, n: 0});
		s.n = s.v === v ? s.n + 1 : 0;
		s.v = v;
		return s.n >= 2;
	})()`, nil, chromedp.WithPollingTimeout(30*time.Second))
}

func strconvFormat(v float64, dec int) string { return strconv.FormatFloat(v, 'f', dec, 64) }

// addScripts installs scripts to run before each document's own.
func addScripts(scripts ...string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		for _, s := range scripts {
			if _, err := page.AddScriptToEvaluateOnNewDocument(s).Do(ctx); err != nil {
				return err
			}
		}
		return nil
	})
}
