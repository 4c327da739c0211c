package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// faultPostamble is appended to the real static/sim-worker.js: the worker
// then fails on one scenario (horizon=5), as a worker whose Go program
// panicked outside the engine's own recovery, or ran out of memory, would,
// and works for every other.
const faultPostamble = `
;(() => {
  const real = self.onmessage;
  self.onmessage = (e) => {
    if (e.data.type === "run" && /(^|&)horizon=5(&|$)/.test(e.data.query)) throw new Error("injected worker fault");
    real(e);
  };
})();
`

// TestWorkerFailureIsReportedAndRecovered checks that a failing worker makes
// the page say the simulation failed (instead of waiting forever), and that
// the next run works: the failed worker was replaced.
func TestWorkerFailureIsReportedAndRecovered(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	failingWorker(srv, faultPostamble)

	var message string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?paths=40&stocks=50&horizon=5"),
		waitVisible(appReady),
		waitVisible("#run-error"),
		chromedp.Text("#run-error", &message),
	)
	if err != nil {
		t.Fatalf("no error shown for a failing worker: %v", err)
	}
	if !strings.Contains(strings.ToLower(message), "simulation") {
		t.Errorf("error message %q does not say what failed", message)
	}
	viewportShot(t, ctx, "worker-failure.png")

	var run int
	var after string
	var errorShown bool
	err = chromedp.Run(ctx,
		runNumber(&run),
		typeInto("#in-horizon", "6"),
		waitNewRun(&run),
		chromedp.Text("#hl-median", &after),
		chromedp.Evaluate(`!!document.querySelector("#run-error")`, &errorShown),
	)
	if err != nil {
		t.Fatalf("the run after a worker failure did not complete: %v", err)
	}
	if errorShown {
		t.Error("the error stayed on screen after a successful run")
	}
	if after == "" {
		t.Error("no result after recovery")
	}
}

// failingWorker makes srv serve static/sim-worker.js with postamble
// appended (a fault injected into the worker's message handler), the rest
// of the site as it is.
func failingWorker(srv *server, postamble string) {
	real := srv.siteHandler()
	srv.Override(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/sim-worker.js") {
			real.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		r.Header.Del("Accept-Encoding")
		r.Header.Del("If-None-Match")
		real.ServeHTTP(rec, r)
		w.Header().Set("Content-Type", "text/javascript")
		w.Write(append(rec.Body.Bytes(), postamble...))
	})
}
