package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"smacalc/calc/scenario"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// runCounter is installed before the page's scripts: it counts the "run"
// requests the page posts to its simulation workers, so a test can tell a
// computed result from a kept one.
const runCounter = `(() => {
  window.__runs = 0;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (msg, ...rest) {
    if (msg && msg.type === "run") window.__runs++;
    return post.call(this, msg, ...rest);
  };
})()`

// TestResultsAreNeverComputedTwice changes a value and goes back to the
// earlier one (its result is shown at once, without a simulation), then
// reloads the page and opens a saved scenario computed before (its result
// is kept in the browser's storage).
func TestResultsAreNeverComputedTwice(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	first, err := scenario.Decode("paths=40&stocks=60&horizon=6&amount=500000")
	if err != nil {
		t.Fatal(err)
	}
	saved, _ := json.Marshal(map[string]any{
		"format": "smacalc-saved-scenarios", "version": 1,
		"scenarios": []map[string]string{{"label": "Ng household", "query": first.Encode()}},
	})
	runs := func(n *int) chromedp.Action { return chromedp.Evaluate(`window.__runs`, n) }
	var afterFirst, afterChange, afterReturn, afterReload int
	var run int
	var median, returned string
	err = chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(runCounter).Do(ctx)
			return err
		}),
		chromedp.Navigate(srv.URL+"/?"+first.Encode()),
		waitVisible(appReady),
		chromedp.Evaluate(`localStorage.setItem("smacalc.saved-scenarios", JSON.stringify(`+jsString(string(saved))+`))`, nil),
		waitSimulated(),
		chromedp.Text("#hl-median", &median),
		runs(&afterFirst),

		runNumber(&run),
		// Set and committed in one go (as a paste and Enter): the field
		// groups the amount with commas on "change", so chromedp.SetValue,
		// which reads the value back, cannot set it; typed key by key, a
		// slow machine could simulate an intermediate amount.
		chromedp.Evaluate(`(() => { const e = document.querySelector("#in-amount"); e.value = "750000"; e.dispatchEvent(new Event("input", { bubbles: true })); e.dispatchEvent(new Event("change", { bubbles: true })); })()`, nil),
		waitNewRun(&run),
		runs(&afterChange),

		runNumber(&run),
		// Set and committed in one go (as a paste and Enter): the field
		// groups the amount with commas on "change", so chromedp.SetValue,
		// which reads the value back, cannot set it; typed key by key, a
		// slow machine could simulate an intermediate amount.
		chromedp.Evaluate(`(() => { const e = document.querySelector("#in-amount"); e.value = "500000"; e.dispatchEvent(new Event("input", { bubbles: true })); e.dispatchEvent(new Event("change", { bubbles: true })); })()`, nil),
		waitNewRun(&run),
		chromedp.Text("#hl-median", &returned),
		runs(&afterReturn),
	)
	if err != nil {
		t.Fatal(err)
	}
	if afterFirst < 1 || afterChange <= afterFirst {
		t.Fatalf("runs posted: %d for the first scenario, %d after a change; want each to simulate", afterFirst, afterChange)
	}
	if afterReturn != afterChange {
		t.Errorf("going back to an earlier value simulated again (%d runs posted, want %d)", afterReturn, afterChange)
	}
	if returned != median {
		t.Errorf("the kept result shows %q, the computed one showed %q", returned, median)
	}

	// A new visit: the saved scenario's result comes from the storage.
	err = chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?"+first.Encode()),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Text("#hl-median", &returned),
		runs(&afterReload),
	)
	if err != nil {
		t.Fatal(err)
	}
	if afterReload != 0 {
		t.Errorf("a saved scenario computed before was simulated again after a reload (%d runs)", afterReload)
	}
	if returned != median {
		t.Errorf("the stored result shows %q, the computed one showed %q", returned, median)
	}
}

// TestResultCacheSetsAsidePlantedValues: values planted in the result
// cache (issue 25, findings 1–3) never reach the screen and never stop the
// page: a deeply nested index or entry (the WebAssembly stack ran out on
// every load), an amount with a huge exponent (the page froze), an edited
// median and an entry holding only the scenario. Each time the page loads,
// computes the scenario again and shows the result it computed the first
// time.
//
// The scenario is computed once, from empty local storage, and what that
// left in the storage (the result cache's index and entry) is kept; each
// plant then starts from that storage again, put back and planted on a
// page of the origin that is not the app (emptyStorage's manifest), so no
// page of the calculator can write to it in between, and the app is loaded
// once over it. That is the storage each plant found when it computed the
// scenario itself from empty storage before each plant (issue 29: 12 loads
// of the app, now 7): the cache the plants are about is local storage, and
// a scenario's result is the same every time (calc is deterministic). The
// plants take turns in one tab; what the tab keeps besides (the HTTP cache,
// the WASM's compiled code) spares each a cold start.
func TestResultCacheSetsAsidePlantedValues(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(runCounter).Do(ctx)
		return err
	})); err != nil {
		t.Fatal(err)
	}
	s, err := scenario.Decode("paths=40&stocks=60&horizon=6&amount=500000")
	if err != nil {
		t.Fatal(err)
	}
	query := s.Encode()
	entry := jsString("smacalc:result:" + query)
	var computed, stored string
	var firstRuns int
	if err := chromedp.Run(ctx,
		emptyStorage(srv.URL),
		chromedp.Navigate(srv.URL+"/?"+query),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Text("#hl-median", &computed),
		chromedp.Evaluate(`window.__runs`, &firstRuns),
		chromedp.Poll(`localStorage.getItem(`+entry+`) !== null`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		// Every item the page left, the result's entry and the index
		// listing it among them, as JSON.
		chromedp.Evaluate(`JSON.stringify(Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])))`, &stored),
	); err != nil {
		t.Fatal(err)
	}
	if firstRuns < 1 {
		t.Fatalf("the scenario was not computed from empty storage (%d runs)", firstRuns)
	}
	// restore puts back, with nothing else, what the computation left; it
	// fails unless the result's entry is back (as the wait for it did).
	restore := `(() => { localStorage.clear(); for (const [k, v] of Object.entries(JSON.parse(` + jsString(stored) + `))) localStorage.setItem(k, v);
		if (localStorage.getItem(` + entry + `) === null) throw new Error("the result's entry was not stored"); })()`
	// Each plant runs on what the scenario's computation stored.
	for _, tc := range []struct{ name, plant string }{
		{"deep index", `localStorage.setItem("smacalc:results", "[".repeat(5000) + "]".repeat(5000))`},
		{"deep entry", `localStorage.setItem(` + entry + `, "[".repeat(5000) + "]".repeat(5000))`},
		{"deep inside a result", `(() => { const e = JSON.parse(localStorage.getItem(` + entry + `));
			e.result.years = JSON.parse("[".repeat(2000) + "]".repeat(2000)); localStorage.setItem(` + entry + `, JSON.stringify(e)); })()`},
		{"huge exponent", `(() => { const e = JSON.parse(localStorage.getItem(` + entry + `));
			e.result.difference.p50 = "1e999999999"; localStorage.setItem(` + entry + `, JSON.stringify(e)); })()`},
		{"edited median", `(() => { const e = JSON.parse(localStorage.getItem(` + entry + `));
			e.result.difference.p50 = "987654.00"; e.result.sma_ahead_fraction = 0.99; localStorage.setItem(` + entry + `, JSON.stringify(e)); })()`},
		{"only the scenario", `(() => { const e = JSON.parse(localStorage.getItem(` + entry + `));
			e.result = {scenario: e.result.scenario}; localStorage.setItem(` + entry + `, JSON.stringify(e)); })()`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var exceptions exceptionLog
			exceptions.listen(ctx)
			var shown, headline string
			var runs int
			err := chromedp.Run(ctx,
				emptyStorage(srv.URL),
				chromedp.Evaluate(restore, nil),
				chromedp.Evaluate(tc.plant, nil),
				chromedp.Navigate(srv.URL+"/?"+query),
				waitVisible(appReady),
				waitSimulated(),
				chromedp.Text("#hl-median", &shown),
				chromedp.Text("#headline", &headline),
				chromedp.Evaluate(`window.__runs`, &runs),
			)
			if err != nil {
				t.Fatalf("%v (headline %q)", err, headline)
			}
			exceptions.check(t)
			if shown != computed {
				t.Errorf("after the plant the headline shows %q, the computed result %q", shown, computed)
			}
			if runs < 1 {
				t.Errorf("the planted value was used without computing the scenario (headline %q)", headline)
			}
			if strings.Contains(headline, "987,654") || strings.Contains(headline, "After 0 years") {
				t.Errorf("a planted figure is shown: %q", headline)
			}
		})
	}
}
