package e2e

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// countRenders turns on the UI's render counter (app/widget.Rendered):
// set before the page's scripts run, it makes every component's Render
// add one to window.smacalcRenders[its name] (a text field's name is
// "textField/<key>"). Without it the counter is a test of one bool.
const countRenders = `window.smacalcCountRenders = true;`

// renderCounts types keys into the input sel and returns the renders they
// caused, once done (a JavaScript condition) holds and the counts have
// settled.
func renderCounts(ctx context.Context, t *testing.T, sel, keys, done string) map[string]int {
	t.Helper()
	var counts map[string]int
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.smacalcRenders = {}; true`, nil),
		chromedp.Focus(sel),
		chromedp.SendKeys(sel, keys),
		chromedp.Poll(done, nil, chromedp.WithPollingTimeout(30*time.Second)),
		waitStable(`window.smacalcRenders`),
		chromedp.Evaluate(`window.smacalcRenders`, &counts),
	); err != nil {
		t.Fatalf("typing %q into %s: %v", keys, sel, err)
	}
	return counts
}

// countsText lists counts as "name×n" in name order, for the log.
func countsText(counts map[string]int) string {
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	total := 0
	for _, n := range names {
		b.WriteString(" " + n + "×" + strconvFormat(float64(counts[n]), 0))
		total += counts[n]
	}
	return strconvFormat(float64(total), 0) + " renders:" + b.String()
}

// A keystroke re-renders only the components whose data it changed (issue
// 22): the field typed in, the form holding it and what depends on the
// form's validity, never the other text fields or the advisors' tools.
// go-app updates a child when one of its exported fields differs
// (reflect.DeepEqual), so a component given a func field re-rendered on
// every keystroke whatever changed; intents now go up as actions.
func TestKeystrokeRendersOnlyWhatChanged(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	for _, step := range []struct {
		name   string
		action chromedp.Action
	}{
		{"counting renders", chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(countRenders).Do(ctx)
			return err
		})},
		{"opening the page", chromedp.Navigate(srv.URL + "/")},
		{"waiting for the app", waitVisible(appReady)},
		{"waiting for the result", waitSimulated()},
		// The idle warm-up ends with the page's turn, which renders the
		// page's hidden update rehearsal (app/update_rehearsal.go) a few
		// times: not a keystroke's.
		{"waiting for the idle warm-up to end", waitMark("smacalc:warmed")},
		{"waiting for the renders to settle", waitStable(`window.smacalcRenders`)},
	} {
		if err := chromedp.Run(ctx, step.action); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
	}
	var counting bool
	if err := chromedp.Run(ctx, chromedp.Evaluate(`!!(window.smacalcRenders && window.smacalcRenders.calculator > 0)`, &counting)); err != nil || !counting {
		t.Fatalf("the page counted no renders (%v): is widget.Rendered called from the components?", err)
	}
	// The shell re-renders with the store on every action: cheap, and
	// its children are compared, not rendered.
	shell := []string{"Page", "calculatorArea", "calculator"}

	// "," changes the typed text but not the scenario (thousands
	// separators are dropped): only the field and its form have new data.
	typed := renderCounts(ctx, t, "#in-amount", ",",
		`!!window.smacalcRenders && window.smacalcRenders["textField/amount"] > 0`)
	t.Logf("a keystroke that keeps the scenario: %s", countsText(typed))
	checkRenders(t, "a keystroke that keeps the scenario", typed, append(shell, "prospectForm", "textField/amount"))

	// "x" makes the amount invalid: its message shows, the headline marks
	// the result as of the previous inputs, and the tools that act on
	// the complete result or the savable scenario (export, compare, save,
	// the tracking note) lose them.
	invalid := renderCounts(ctx, t, "#in-amount", "x", `!!document.querySelector("#err-amount")`)
	t.Logf("a keystroke that makes the amount invalid: %s", countsText(invalid))
	checkRenders(t, "a keystroke that makes the amount invalid", invalid, append(shell, "prospectForm", "textField/amount",
		"headline", "trackingNote", "savedScenarios", "compareView", "reportExports",
		// "After a few years" and the giving room lose the result they
		// showed, as the tracking note.
		"after", "afterExits", "afterBudgets", "givingRoom"))
}

// checkRenders fails unless every name in want rendered at most once and
// nothing else rendered; the typed field must have rendered.
func checkRenders(t *testing.T, what string, counts map[string]int, want []string) {
	t.Helper()
	allowed := map[string]bool{}
	for _, n := range want {
		allowed[n] = true
	}
	if counts["textField/amount"] != 1 {
		t.Errorf("%s: the amount field rendered %d times, want 1", what, counts["textField/amount"])
	}
	for n, c := range counts {
		switch {
		case !allowed[n]:
			t.Errorf("%s: %s rendered %d times; its data did not change", what, n, c)
		case c > 1:
			t.Errorf("%s: %s rendered %d times, want at most 1", what, n, c)
		}
	}
}
