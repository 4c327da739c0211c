package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// ledgerFaultPostamble is appended to the real static/sim-worker.js: the
// worker fails on every request for a run's ledger (the typical market's
// path re-run at a run's end, wasm/simclient finish), as a worker whose
// Go program died there would, and works for every other request.
const ledgerFaultPostamble = `
;(() => {
  const real = self.onmessage;
  self.onmessage = (e) => {
    if (e.data.type === "ledger") throw new Error("injected ledger fault");
    real(e);
  };
})();
`

// TestLedgerWorkerFailureLeavesItToThePage: when the worker asked for the
// run's ledger fails, the page re-runs the path itself, and the result is
// the native one, its ledger too, with no error shown.
func TestLedgerWorkerFailureLeavesItToThePage(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	failingWorker(srv, ledgerFaultPostamble)
	const query = "give=20000&itemized=40000&stocks=60&paths=30&horizon=4&seed=12"
	s, err := scenario.Decode(query)
	if err != nil {
		t.Fatal(err)
	}
	want, err := calc.Simulate(context.Background(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	var median, smaEnd string
	var errorShown bool
	err = chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?"+query),
		waitVisible(appReady),
		waitSimulated(),
		waitVisible(`#ledger-sma`),
		chromedp.AttributeValue(`#hl-median`, "data-value", &median, nil),
		chromedp.Text(`#ledger-sma tbody tr:last-child td:last-child`, &smaEnd),
		chromedp.Evaluate(`!!document.querySelector("#run-error")`, &errorShown),
	)
	if err != nil {
		t.Fatal(err)
	}
	if errorShown {
		t.Error("an error is shown: the ledger's failed worker ended the run")
	}
	if median != want.Difference.P50.String() {
		t.Errorf("median difference in the browser %s, native %s", median, want.Difference.P50)
	}
	last := len(want.Ledger.SMA) - 1
	if got, wantEnd := cents(smaEnd), want.Ledger.SMA[last].End.String(); got != wantEnd {
		t.Errorf("SMA ends at %s in the browser, %s natively", got, wantEnd)
	}
}
