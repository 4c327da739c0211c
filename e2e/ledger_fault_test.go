package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
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
	failingWorker(srv, ledgerFaultPostamble)
	ctx := matchNative(t, srv, []string{"give=20000&itemized=40000&stocks=60&paths=30&horizon=4&seed=12"})
	var errorShown bool
	if err := chromedp.Run(ctx, chromedp.Evaluate(`!!document.querySelector("#run-error")`, &errorShown)); err != nil {
		t.Fatal(err)
	}
	if errorShown {
		t.Error("an error is shown: the ledger's failed worker ended the run")
	}
}
