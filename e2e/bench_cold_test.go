package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The cold figures of `make bench-browser` (issue 23): a first visit with an
// empty cache, from navigation to the answer on screen.
//
// "On screen" is the first animation frame in which the median difference
// (#hl-median) is rendered and visible: the page is prerendered with the
// start scenario's answer (site/prerender.go), so for the default it is the
// first paint, before any WASM has run; for a share link of another
// scenario the prerendered answer is hidden (static/first-paint.js) and the
// link's own appears once the workers have it. An animation frame's
// callback runs just before the frame is painted, and none runs while the
// page's stylesheets still block rendering.

// answerProbe is installed in the page before any of its scripts run, with
// the main benchmark's probe. It records, in milliseconds since navigation:
// the first frame with an answer on screen (provisional or complete), the
// first with a complete one, and when app.wasm was compiled and
// instantiated (go-app's loader calls WebAssembly.instantiateStreaming or,
// without it, instantiate; static/app-module.js wraps them after this).
const answerProbe = `(() => {
  const a = window.__answer = { onScreen: 0, final: 0, instantiated: 0 };
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const real = WebAssembly[name];
    if (typeof real === "function") {
      WebAssembly[name] = (...args) => real.apply(WebAssembly, args).then((r) => {
        if (!a.instantiated) a.instantiated = performance.now();
        return r;
      });
    }
  }
  const shown = (e) => !!e && e.offsetParent !== null && getComputedStyle(e).visibility === "visible";
  const frame = (now) => {
    if (!a.onScreen && shown(document.getElementById("hl-median"))) a.onScreen = now;
    if (!a.final && shown(document.querySelector('#headline[data-provisional="false"] #hl-median'))) a.final = now;
    if (!a.final) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`

// coldVisit opens url in a fresh browser with the probes installed and
// waits until the complete answer is on screen and the app is ready and
// idle (no simulation running, the DOM unchanged for 100 ms).
func coldVisit(url string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.ActionFunc(func(ctx context.Context) error {
			if _, err := page.AddScriptToEvaluateOnNewDocument(probe).Do(ctx); err != nil {
				return err
			}
			_, err := page.AddScriptToEvaluateOnNewDocument(answerProbe).Do(ctx)
			return err
		}),
		chromedp.Navigate(url),
		chromedp.WaitVisible(appReady),
		chromedp.Poll(`window.__answer.final > 0`, nil,
			chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(5*time.Millisecond)),
		chromedp.WaitVisible(simulationDone),
		waitStableDOM(),
	}
}

// firstAnswerOnScreen is the time from navigation to the first frame with
// an answer (provisional or complete) on screen.
const firstAnswerOnScreen = `window.__answer.onScreen`

// coldLink is a share link of another scenario than the start: no
// prerendered answer can serve it. The default's size (200 paths of 500
// stocks), another amount and horizon.
const coldLink = "/?amount=750000&horizon=15"

// coldLinkFigures are the steps of a cold visit through a share link, in
// milliseconds since navigation: what the first answer waits for.
type coldLinkFigures struct {
	WasmFetched  float64 // app.wasm downloaded (Resource Timing responseEnd)
	Instantiated float64 // app.wasm compiled and instantiated (go-app's loader)
	Ready        float64 // the UI mounted (#smacalc[data-ready])
	Run          float64 // the simulation sent to the workers (smacalc:run)
	FirstPartial float64 // the workers' first paths summarised (smacalc:first-partial)
	OnScreen     float64 // the first answer on screen
	Final        float64 // the complete answer on screen
}

// coldFigures measures the cold figures the main benchmark does not: the
// default scenario on Lighthouse's mobile profile (390×844 with mobile
// emulation, the CPU slowed 4× with Emulation.setCPUThrottlingRate, from
// navigation to the answer on screen), and a share link of another
// scenario on a desktop, step by step. Each visit is a browser context of
// its own: nothing cached.
func coldFigures(t *testing.T, srv *server, report *benchReport) {
	t.Helper()
	phone := browser(t, 390, 844)
	if err := chromedp.Run(phone,
		emulation.SetCPUThrottlingRate(4),
		coldVisit(srv.URL+"/"),
		chromedp.Evaluate(firstAnswerOnScreen, &report.PhoneColdFirstAnswerMs),
	); err != nil {
		t.Fatal(err)
	}
	closeTab(t, phone)

	var link coldLinkFigures
	desktop := browser(t, 1280, 800)
	if err := chromedp.Run(desktop,
		coldVisit(srv.URL+coldLink),
		chromedp.Evaluate(`(() => {
			const mark = (n) => { const m = performance.getEntriesByName(n, "mark"); return m.length ? m[0].startTime : 0; };
			const wasm = performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/app.wasm")).map((e) => e.responseEnd);
			return {
				WasmFetched: wasm.length ? Math.min(...wasm) : 0,
				Instantiated: window.__answer.instantiated,
				Ready: window.__bench.ready,
				Run: mark("smacalc:run"),
				FirstPartial: mark("smacalc:first-partial"),
				OnScreen: window.__answer.onScreen,
				Final: window.__answer.final,
			};
		})()`, &link),
	); err != nil {
		t.Fatal(err)
	}
	closeTab(t, desktop)
	report.ColdLinkAnswerMs = link.OnScreen
	report.ColdLinkFinalMs = link.Final
	report.ColdLinkWasmMs = link.WasmFetched
	report.ColdLinkInstantiatedMs = link.Instantiated
	report.ColdLinkReadyMs = link.Ready
	report.ColdLinkRunMs = link.Run
}

// closeTab closes a measuring tab once its figures are read: an open page
// goes on working (the holdings' inspection, the stock-count sweep, its
// workers), which would slow the figures measured after it.
func closeTab(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Cancel(ctx); err != nil {
		t.Logf("closing a measuring tab: %v", err)
	}
}
