package e2e

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"smacalc/calc"
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
	first, err := calc.Decode("paths=40&stocks=60&horizon=6&amount=500000")
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
		chromedp.WaitVisible(appReady),
		chromedp.Evaluate(`localStorage.setItem("smacalc.saved-scenarios", JSON.stringify(`+jsString(string(saved))+`))`, nil),
		waitSimulated(),
		chromedp.Text("#hl-median", &median),
		runs(&afterFirst),

		runNumber(&run),
		chromedp.SetValue("#in-amount", "750000"),
		chromedp.Evaluate(`document.querySelector("#in-amount").dispatchEvent(new Event("change", { bubbles: true }))`, nil),
		waitNewRun(&run),
		runs(&afterChange),

		runNumber(&run),
		chromedp.SetValue("#in-amount", "500000"),
		chromedp.Evaluate(`document.querySelector("#in-amount").dispatchEvent(new Event("change", { bubbles: true }))`, nil),
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
		chromedp.WaitVisible(appReady),
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
