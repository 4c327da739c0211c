package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/cdproto/tracing"
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
	WasmFetched  float64 // app.wasm downloaded (Resource Timing responseEnd, or smacalc:wasm-fetched: the compile worker's download)
	Compiled     float64 // the Module ready for the page and its workers (smacalc:wasm-compiled; 0: a build without the mark)
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
	report.PhoneColdFirstAnswerMs = measureColdPhone(t, srv.URL)

	link := measureColdLink(t, srv.URL)
	report.ColdLinkAnswerMs = link.OnScreen
	report.ColdLinkFinalMs = link.Final
	report.ColdLinkWasmMs = link.WasmFetched
	report.ColdLinkInstantiatedMs = link.Instantiated
	report.ColdLinkReadyMs = link.Ready
	report.ColdLinkRunMs = link.Run
}

// measureColdPhone visits the start page of the site at base on the phone
// profile with an empty cache and returns the time from navigation to the
// answer on screen (phone_cold_first_answer_ms).
func measureColdPhone(t *testing.T, base string) float64 {
	t.Helper()
	var onScreen float64
	phone := browser(t, 390, 844)
	if err := chromedp.Run(phone,
		emulation.SetCPUThrottlingRate(phoneCPUSlowdown),
		coldVisit(base+"/"),
		chromedp.Evaluate(firstAnswerOnScreen, &onScreen),
	); err != nil {
		t.Fatal(err)
	}
	closeTab(t, phone)
	return onScreen
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
			// The page's own download of app.wasm (go-app's loader), or the
			// compile worker's (static/compile-worker.js), which the page's
			// Resource Timing does not list.
			const wasm = performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/app.wasm")).map((e) => e.responseEnd);
			return {
				WasmFetched: wasm.length ? Math.min(...wasm) : mark("smacalc:wasm-fetched"),
				Compiled: mark("smacalc:wasm-compiled"),
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
// in turn (A, B, B, A, A, B …), so that a busy machine slows both alike, and
// logs the ratio B ÷ A of the medians; SMACALC_COMPARE_URL_B serves B
// the same way (e.g. `smacalc serve` of this tree) instead of this test's
// server. SMACALC_COMPARE_ROUNDS sets the rounds (default 3).
// SMACALC_COLD_PHONE=1 also visits each site's start page on the phone
// profile in each round (phone_cold_first_answer_ms). Like
// TestBrowserBenchmark it reports, it does not judge.
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
	phone := os.Getenv("SMACALC_COLD_PHONE") == "1"
	got := make([][]coldLinkFigures, len(sites))
	phones := make([][]float64, len(sites))
	for round := range rounds {
		// A, B in one round, B, A in the next: a visit follows the other
		// build's as often as its own side, so what the previous visit
		// leaves running (its renderer winding down) slows both alike
		// (round 8 read B's unchanged download 1.25× A's when B always
		// came second).
		for i := range sites {
			k := i
			if round%2 == 1 {
				k = len(sites) - 1 - i
			}
			base := sites[k]
			if phone {
				p := measureColdPhone(t, base)
				phones[k] = append(phones[k], p)
				t.Logf("%c: phone answer on screen %5.0f", "AB"[k+2-len(sites)], p)
			}
			l := measureColdLink(t, base)
			got[k] = append(got[k], l)
			t.Logf("%c: wasm fetched %5.0f  compiled %5.0f  instantiated %5.0f  run %5.0f  first partial %5.0f  ui start %5.0f  claimed %5.0f  ready %5.0f  on screen %5.0f  final %5.0f",
				"AB"[k+2-len(sites)], l.WasmFetched, l.Compiled, l.Instantiated, l.Run, l.FirstPartial, l.UIStart, l.Claimed, l.Ready, l.OnScreen, l.Final)
		}
	}
	if len(sites) < 2 {
		return
	}
	median := medianOf[coldLinkFigures]
	for _, fig := range []struct {
		name string
		f    func(coldLinkFigures) float64
	}{
		{"wasm fetched", func(l coldLinkFigures) float64 { return l.WasmFetched }},
		{"instantiated", func(l coldLinkFigures) float64 { return l.Instantiated }},
		{"run", func(l coldLinkFigures) float64 { return l.Run }},
		{"ready", func(l coldLinkFigures) float64 { return l.Ready }},
		{"on screen", func(l coldLinkFigures) float64 { return l.OnScreen }},
		{"final", func(l coldLinkFigures) float64 { return l.Final }},
	} {
		a, b := median(got[0], fig.f), median(got[1], fig.f)
		t.Logf("%-13s median A %6.0f  B %6.0f  B/A %.2f", fig.name, a, b, b/a)
	}
	if phone {
		for k := range phones {
			sort.Float64s(phones[k])
		}
		a, b := phones[0][len(phones[0])/2], phones[1][len(phones[1])/2]
		t.Logf("%-13s median A %6.0f  B %6.0f  B/A %.2f", "phone", a, b, b/a)
	}
}

// closeTab closes a measuring tab once its figures are read, and its
// browser context with it: an open page goes on working (the holdings'
// inspection, the stock-count sweep, its workers), and so does its
// service worker after the tab is closed, which would slow the figures
// measured after it. A cold visit's service worker precaches the site
// (app.wasm among it) once the UI is up: sampled per process, the cold
// link's renderer went on at 54–80 % of a core for about a second after
// its tab had closed, inside the desktop tab's input change measured
// next (full_result_ms 1,059–1,213 ms, against 529 with 15 s between
// them; docs/ARCHITECTURE.md "Round 8's end"). Disposing of the context
// ends its service worker and its renderer.
func closeTab(t *testing.T, ctx context.Context) {
	t.Helper()
	c := chromedp.FromContext(ctx)
	var contextID cdp.BrowserContextID
	if c != nil && c.Target != nil {
		if info, err := target.GetTargetInfo().WithTargetID(c.Target.TargetID).Do(cdp.WithExecutor(ctx, c.Target)); err == nil {
			contextID = info.BrowserContextID
		}
	}
	if err := chromedp.Cancel(ctx); err != nil {
		t.Logf("closing a measuring tab: %v", err)
	}
	if contextID == "" {
		return
	}
	browserExec := cdp.WithExecutor(chromium, chromedp.FromContext(chromium).Browser)
	if err := target.DisposeBrowserContext(contextID).Do(browserExec); err != nil {
		t.Logf("disposing of a measuring tab's browser context: %v", err)
	}
}

// TestColdLinkTrace traces a cold visit through a share link (coldLink) from
// before the navigation to the complete answer on screen: every thread of
// the page's renderer (the page, its simulation workers, the service
// worker, V8's compile threads) and the network. It prints each thread's
// busy time in windows of SMACALC_TRACE_BIN (default 250ms) and the
// longest events on it, to see what the first answer waits for
// (docs/ARCHITECTURE.md "Round 6: the cold share link and the phone's first
// paint"); SMACALC_TRACE_OUT keeps the whole trace (chrome://tracing,
// Perfetto). SMACALC_TRACE=cold-link runs it on a desktop,
// SMACALC_TRACE=cold-phone visits the start page on the phone profile
// (390×844, CPU slowed 4×) instead, to the prerendered answer's paint.
// It judges nothing.
func TestColdLinkTrace(t *testing.T) {
	mode := os.Getenv("SMACALC_TRACE")
	if mode != "cold-link" && mode != "cold-phone" {
		t.Skip("set SMACALC_TRACE=cold-link or SMACALC_TRACE=cold-phone")
	}
	base := os.Getenv("SMACALC_COMPARE_URL_B")
	if base == "" {
		base = startServer(t, siteV1).URL
	}
	base = strings.TrimSuffix(base, "/")
	ctx := browser(t, 1280, 800)
	url := base + coldLink
	if mode == "cold-phone" {
		ctx = browser(t, 390, 844)
		url = base + "/"
		if err := chromedp.Run(ctx, emulation.SetCPUThrottlingRate(phoneCPUSlowdown)); err != nil {
			t.Fatal(err)
		}
	}
	// chromedp enables DevTools' Network domain in every tab, which keeps a
	// copy of each response's body on the page's main thread: with
	// SMACALC_TRACE_NETWORK=off the trace shows a page without it, as a
	// visitor's browser loads it.
	if os.Getenv("SMACALC_TRACE_NETWORK") == "off" {
		if err := chromedp.Run(ctx, network.Disable()); err != nil {
			t.Fatal(err)
		}
	}
	events, done := listenTrace(ctx, 4096)
	var origin float64 // smacalc:trace-origin's time in the page, ms since its navigation
	categories := []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing",
		"toplevel", "v8.execute", "v8", "v8.wasm", "loading", "netlog", "disabled-by-default-netlog", "ServiceWorker"}
	if extra := os.Getenv("SMACALC_TRACE_CATEGORIES"); extra != "" {
		categories = append(categories, strings.Split(extra, ",")...)
	}
	// SMACALC_TRACE_PROFILE=1: the page's main thread's CPU profile too,
	// read between the Module's arrival and the link's run (function names
	// need an unstripped app.wasm in SMACALC_WASM_DIR).
	profile := os.Getenv("SMACALC_TRACE_PROFILE") == "1"
	if profile {
		if err := chromedp.Run(ctx, profiler.Enable(), profiler.SetSamplingInterval(100), profiler.Start()); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Run(ctx,
		tracing.Start().WithTransferMode(tracing.TransferModeReportEvents).
			WithTraceConfig(&tracing.TraceConfig{IncludedCategories: categories}),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(answerProbe).Do(ctx)
			return err
		}),
		chromedp.Navigate(url),
		chromedp.Poll(`window.__answer.final > 0`, nil,
			chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(5*time.Millisecond)),
		// The trace's clock is not the page's: a mark's time in both
		// places gives the navigation's start in the trace.
		chromedp.Evaluate(`performance.mark("smacalc:trace-origin").startTime`, &origin),
		tracing.End(),
	); err != nil {
		t.Fatal(err)
	}
	raw := traceEvents(events, done)
	writeTrace(t, raw)
	if profile {
		var prof *profiler.Profile
		if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) (err error) {
			prof, err = profiler.Stop().Do(ctx)
			return err
		})); err != nil {
			t.Fatal(err)
		}
		fmt.Print(profileBetween(prof, raw, "smacalc:wasm-compiled", "smacalc:run"))
	}
	bin := 250 * time.Millisecond
	if d, err := time.ParseDuration(os.Getenv("SMACALC_TRACE_BIN")); err == nil && d > 0 {
		bin = d
	}
	fmt.Print(coldTraceSummary(t, raw, origin, bin))
}

// coldTraceSummary reads a trace of a cold visit: from the navigation's
// start on the page's main thread, each thread's busy time (its top-level
// tasks) in windows of bin, its longest events, the page's User Timing
// marks and the requests, all in milliseconds since the navigation.
func coldTraceSummary(t *testing.T, raw []json.RawMessage, origin float64, bin time.Duration) string {
	t.Helper()
	type event struct {
		Name string                     `json:"name"`
		Cat  string                     `json:"cat"`
		Ph   string                     `json:"ph"`
		Ts   float64                    `json:"ts"`
		Dur  float64                    `json:"dur"`
		Pid  int                        `json:"pid"`
		Tid  int                        `json:"tid"`
		Args map[string]json.RawMessage `json:"args"`
	}
	var evs []event
	threads := map[[2]int]string{}
	for _, r := range raw {
		var e event
		if err := json.Unmarshal(r, &e); err != nil {
			t.Fatal(err)
		}
		if e.Ph == "M" {
			if e.Name == "thread_name" {
				var n struct{ Name string }
				_ = json.Unmarshal(e.Args["name"], &n.Name)
				threads[[2]int{e.Pid, e.Tid}] = n.Name
			}
			continue
		}
		evs = append(evs, e)
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Ts < evs[j].Ts })
	data := func(e event) map[string]any {
		var d map[string]any
		_ = json.Unmarshal(e.Args["data"], &d)
		return d
	}
	// The origin: the navigation's start, origin ms before the page's
	// smacalc:trace-origin mark.
	var t0 float64
	var pagePid int
	for _, e := range evs {
		if e.Name == "smacalc:trace-origin" {
			t0, pagePid = e.Ts-origin*1000, e.Pid
		}
	}
	if t0 == 0 {
		t.Fatal("no smacalc:trace-origin mark in the trace")
	}
	ms := func(ts float64) float64 { return (ts - t0) / 1000 }
	var b strings.Builder
	fmt.Fprintf(&b, "navigation at trace time %.0f µs (smacalc:trace-origin %.1f ms after it)\n", t0, origin)
	// Marks and milestones, and the requests of the page's files.
	for _, e := range evs {
		if e.Ts < t0 {
			continue
		}
		switch {
		case strings.HasPrefix(e.Name, "smacalc:") && e.Ph != "b" && e.Ph != "e",
			e.Name == "firstContentfulPaint", e.Name == "largestContentfulPaint::Candidate",
			e.Name == "domContentLoadedEventEnd", e.Name == "loadEventEnd", e.Name == "MarkDOMContent", e.Name == "MarkLoad":
			fmt.Fprintf(&b, "%7.0f mark %s (%s)\n", ms(e.Ts), e.Name, threads[[2]int{e.Pid, e.Tid}])
		case e.Name == "ResourceSendRequest" || e.Name == "ResourceFinish" || e.Name == "ResourceReceiveResponse":
			d := data(e)
			u, _ := d["url"].(string)
			if u == "" {
				u, _ = d["requestId"].(string)
			}
			fmt.Fprintf(&b, "%7.0f %s %s (%s)\n", ms(e.Ts), e.Name, u, threads[[2]int{e.Pid, e.Tid}])
		}
	}
	// Each thread's busy time per bin: its top-level tasks, nested ones
	// not counted twice.
	type load struct {
		name    string
		busy    map[int]float64
		total   float64
		lastEnd float64
		longest []event
	}
	loads := map[[2]int]*load{}
	end := t0
	for _, e := range evs {
		if e.Ph != "X" || e.Ts < t0 {
			continue
		}
		end = max(end, e.Ts+e.Dur)
		k := [2]int{e.Pid, e.Tid}
		name := threads[k]
		if name == "" {
			continue
		}
		l := loads[k]
		if l == nil {
			l = &load{name: name, busy: map[int]float64{}}
			loads[k] = l
		}
		if strings.Contains(e.Cat, "toplevel") && (strings.HasSuffix(e.Name, "RunTask") || e.Name == "ThreadPool_RunTask") {
			if e.Ts >= l.lastEnd {
				l.lastEnd = e.Ts + e.Dur
				l.total += e.Dur
				// Split the task over the bins it spans.
				for s := e.Ts; s < e.Ts+e.Dur; {
					i := int((s - t0) / float64(bin.Microseconds()))
					binEnd := t0 + float64(i+1)*float64(bin.Microseconds())
					d := min(binEnd, e.Ts+e.Dur) - s
					l.busy[i] += d
					s += d
				}
			}
			continue
		}
		if e.Dur >= 15000 {
			l.longest = append(l.longest, e)
		}
	}
	keys := make([][2]int, 0, len(loads))
	for k, l := range loads {
		if l.total >= 20000 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if (keys[i][0] == pagePid) != (keys[j][0] == pagePid) {
			return keys[i][0] == pagePid
		}
		return loads[keys[i]].name < loads[keys[j]].name
	})
	bins := int((end-t0)/float64(bin.Microseconds())) + 1
	fmt.Fprintf(&b, "busy %% per %v from navigation (total ms):\n", bin)
	for _, k := range keys {
		l := loads[k]
		fmt.Fprintf(&b, "%-28.28s %6.0f |", fmt.Sprintf("%s %d/%d", l.name, k[0], k[1]), l.total/1000)
		for i := range bins {
			fmt.Fprintf(&b, "%3.0f", min(99, 100*l.busy[i]/float64(bin.Microseconds())))
		}
		b.WriteString("\n")
	}
	for _, k := range keys {
		l := loads[k]
		if len(l.longest) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s %d/%d, events ≥ 15 ms (start+duration):", l.name, k[0], k[1])
		for i, e := range l.longest {
			if i == 60 {
				fmt.Fprintf(&b, " … %d more", len(l.longest)-i)
				break
			}
			fmt.Fprintf(&b, " %s %.0f+%.0f;", e.Name, ms(e.Ts), e.Dur/1000)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// profileBetween summarises a CPU profile of the page's main thread between
// two of its User Timing marks (the trace gives their times on the
// profile's clock): the functions with the most self time, and those with
// the most inclusive time (package inits, main's steps).
func profileBetween(p *profiler.Profile, raw []json.RawMessage, from, to string) string {
	var start, end float64
	for _, r := range raw {
		var e struct {
			Name string  `json:"name"`
			Ph   string  `json:"ph"`
			Ts   float64 `json:"ts"`
		}
		if json.Unmarshal(r, &e) != nil {
			continue
		}
		if e.Name == from && start == 0 {
			start = e.Ts
		}
		if e.Name == to && end == 0 {
			end = e.Ts
		}
	}
	if start == 0 || end == 0 {
		return fmt.Sprintf("profile: no %s or %s mark in the trace\n", from, to)
	}
	parent := map[int64]int64{}
	name := map[int64]string{}
	for _, n := range p.Nodes {
		name[n.ID] = n.CallFrame.FunctionName
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	self := map[string]int{}
	inclusive := map[string]int{}
	total := 0
	at := p.StartTime
	for i, id := range p.Samples {
		at += float64(p.TimeDeltas[i])
		if at < start || at > end {
			continue
		}
		n := name[id]
		if n == "(idle)" || n == "(program)" {
			continue
		}
		total++
		self[n]++
		seen := map[string]bool{}
		for k := id; k != 0; k = parent[k] {
			if f := name[k]; !seen[f] {
				seen[f] = true
				inclusive[f]++
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "page main thread CPU profile, %s → %s (%.0f ms): %d samples\n", from, to, (end-start)/1000, total)
	top := func(m map[string]int, n int) {
		names := make([]string, 0, len(m))
		for k := range m {
			names = append(names, k)
		}
		sort.Slice(names, func(i, j int) bool { return m[names[i]] > m[names[j]] })
		for _, k := range names[:min(n, len(names))] {
			fmt.Fprintf(&b, "  %5.1f%% %s\n", 100*float64(m[k])/float64(max(1, total)), k)
		}
	}
	b.WriteString(" self:\n")
	top(self, 30)
	b.WriteString(" inclusive:\n")
	top(inclusive, 60)
	return b.String()
}
