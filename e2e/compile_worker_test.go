package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// wasmLoads reads how app.wasm reached the page: the downloads in the
// page's own Resource Timing (the head's preload or go-app's loader fetch
// it on the page's thread) and the compile worker's (static/app-module.js
// marks smacalc:wasm-fetched when the worker's Module arrives).
const wasmLoads = `({
  page: performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/app.wasm")).length,
  worker: performance.getEntriesByName("smacalc:wasm-fetched", "mark").length,
  compiled: performance.getEntriesByName("smacalc:wasm-compiled", "mark").length,
})`

type wasmLoadCount struct{ Page, Worker, Compiled int }

// TestWasmCompiledOffThePage checks that a cold share link's app.wasm is
// downloaded and compiled by the compile worker (static/compile-worker.js),
// once, and that its 13 MB body never reaches the page's thread, which
// receiving it kept from painting the prerendered answer on the phone
// profile (docs/ARCHITECTURE.md "Round 6: the cold share link and the
// phone's first paint"). On a page with the head's preload it fails: the
// page downloads it.
func TestWasmCompiledOffThePage(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 390, 844)
	var got wasmLoadCount
	if err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?amount=600000&"+smallQuery),
		waitVisible(appReady),
		waitVisible("#hl-median"),
		chromedp.Evaluate(wasmLoads, &got),
	); err != nil {
		t.Fatal(err)
	}
	if got.Page != 0 || got.Worker != 1 || got.Compiled != 1 {
		t.Errorf("app.wasm downloaded %d times by the page and %d by the compile worker, compiled %d times; want 0, 1, 1", got.Page, got.Worker, got.Compiled)
	}
}

// TestWasmCompiledWithoutTheWorker checks the way back: where the compile
// worker cannot compile (here its script is missing, as on a host that did
// not copy it; or a download that failed), go-app's loader
// downloads and compiles app.wasm itself, and a share link still gets its
// answer from its early workers (static/app-module.js hands them the
// loader's Module).
func TestWasmCompiledWithoutTheWorker(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	srv.Override(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/compile-worker.js") {
			http.NotFound(w, r)
			return
		}
		srv.siteHandler().ServeHTTP(w, r)
	})
	ctx := browser(t, 1280, 800)
	var got wasmLoadCount
	var headline string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?amount=600000&"+smallQuery),
		waitVisible(appReady),
		waitVisible(simulationDone),
		chromedp.Text("#hl-median", &headline),
		chromedp.Evaluate(wasmLoads, &got),
	); err != nil {
		t.Fatal(err)
	}
	if got.Page != 1 || got.Worker != 0 || got.Compiled != 1 {
		t.Errorf("app.wasm downloaded %d times by the page and %d by the compile worker, compiled %d times; want 1, 0, 1", got.Page, got.Worker, got.Compiled)
	}
	if strings.TrimSpace(headline) == "" {
		t.Error("no answer without the compile worker")
	}
}
