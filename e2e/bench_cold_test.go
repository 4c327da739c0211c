package e2e

import (
	"context"
	"os"
	"sort"
	"strconv"
	"strings"
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
	UIStart      float64 // the page's Go program started the UI (smacalc:ui-start; 0: a build without the mark)
	Ready        float64 // the UI mounted (#smacalc[data-ready])
	Run          float64 // the simulation sent to the workers (smacalc:run)
	Claimed      float64 // the UI took over the run started before it (smacalc:claimed; 0: it started the run itself)
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

	link := measureColdLink(t, srv.URL)
	report.ColdLinkAnswerMs = link.OnScreen
	report.ColdLinkFinalMs = link.Final
	report.ColdLinkWasmMs = link.WasmFetched
	report.ColdLinkInstantiatedMs = link.Instantiated
	report.ColdLinkReadyMs = link.Ready
	report.ColdLinkRunMs = link.Run
}

// measureColdLink visits coldLink on the site at base on a desktop with an
// empty cache and returns its steps.
func measureColdLink(t *testing.T, base string) coldLinkFigures {
	t.Helper()
	var link coldLinkFigures
	desktop := browser(t, 1280, 800)
	if err := chromedp.Run(desktop,
		coldVisit(base+coldLink),
		chromedp.Evaluate(`(() => {
			const mark = (n) => { const m = performance.getEntriesByName(n, "mark"); return m.length ? m[0].startTime : 0; };
			const wasm = performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/app.wasm")).map((e) => e.responseEnd);
			return {
				WasmFetched: wasm.length ? Math.min(...wasm) : 0,
				Instantiated: window.__answer.instantiated,
				UIStart: mark("smacalc:ui-start"),
				Ready: window.__bench.ready,
				Run: mark("smacalc:run"),
				Claimed: mark("smacalc:claimed"),
				FirstPartial: mark("smacalc:first-partial"),
				OnScreen: window.__answer.onScreen,
				Final: window.__answer.final,
			};
		})()`, &link),
	); err != nil {
		t.Fatal(err)
	}
	closeTab(t, desktop)
	return link
}

// TestColdLinkSteps logs the steps of cold visits through a share link
// (coldLink), to see where the time goes: `SMACALC_BENCH=1 go test -run
// TestColdLinkSteps -v ./e2e/`. With SMACALC_COMPARE_URL (another build
// served, e.g. `smacalc serve` of main) it visits that site and this one
// in turn (A, B, A, B …), so that a busy machine slows both alike, and
// logs the ratio B ÷ A of the medians; SMACALC_COMPARE_URL_B serves B
// the same way (e.g. `smacalc serve` of this tree) instead of this test's
// server. SMACALC_COMPARE_ROUNDS sets the rounds (default 3). Like TestBrowserBenchmark it reports, it does not
// judge.
func TestColdLinkSteps(t *testing.T) {
	if os.Getenv("SMACALC_BENCH") != "1" {
		t.Skip("set SMACALC_BENCH=1")
	}
	b := os.Getenv("SMACALC_COMPARE_URL_B") // B served the same way as A
	if b == "" {
		b = startServer(t, siteV1).URL
	}
	sites := []string{strings.TrimSuffix(b, "/")}
	if a := os.Getenv("SMACALC_COMPARE_URL"); a != "" {
		sites = []string{strings.TrimSuffix(a, "/"), sites[0]}
	}
	rounds := 3
	if n, err := strconv.Atoi(os.Getenv("SMACALC_COMPARE_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	got := make([][]coldLinkFigures, len(sites))
	for range rounds {
		for k, base := range sites {
			l := measureColdLink(t, base)
			got[k] = append(got[k], l)
			t.Logf("%c: wasm fetched %5.0f  instantiated %5.0f  run %5.0f  first partial %5.0f  ui start %5.0f  claimed %5.0f  ready %5.0f  on screen %5.0f  final %5.0f",
				"AB"[k+2-len(sites)], l.WasmFetched, l.Instantiated, l.Run, l.FirstPartial, l.UIStart, l.Claimed, l.Ready, l.OnScreen, l.Final)
		}
	}
	if len(sites) < 2 {
		return
	}
	median := func(ls []coldLinkFigures, f func(coldLinkFigures) float64) float64 {
		v := make([]float64, len(ls))
		for i, l := range ls {
			v[i] = f(l)
		}
		sort.Float64s(v)
		return v[len(v)/2]
	}
	for _, fig := range []struct {
		name string
		f    func(coldLinkFigures) float64
	}{
		{"instantiated", func(l coldLinkFigures) float64 { return l.Instantiated }},
		{"run", func(l coldLinkFigures) float64 { return l.Run }},
		{"ready", func(l coldLinkFigures) float64 { return l.Ready }},
		{"on screen", func(l coldLinkFigures) float64 { return l.OnScreen }},
		{"final", func(l coldLinkFigures) float64 { return l.Final }},
	} {
		a, b := median(got[0], fig.f), median(got[1], fig.f)
		t.Logf("%-13s median A %6.0f  B %6.0f  B/A %.2f", fig.name, a, b, b/a)
	}
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
