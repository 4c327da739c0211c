package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"smacalc/calc"
)

// probe is installed in the page before any of its scripts run. It records
// when the app became ready, every main-thread task longer than 50 ms (Long
// Tasks API) and when the calculator's DOM last changed, so that "on screen"
// means the DOM was updated, not merely that a result was computed.
const probe = `(() => {
  window.__bench = { ready: 0, longTasks: [], mutations: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  // Observe the whole document: go-app replaces the prerendered elements
  // when it mounts, so an observer on #smacalc itself would be left behind.
  new MutationObserver(() => {
    const now = performance.now();
    const root = document.getElementById("smacalc");
    if (!window.__bench.ready && root && root.dataset.ready === "true") window.__bench.ready = now;
    const m = window.__bench.mutations;
    if (m.length < 20000) m.push(now);
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})()`

// benchReport is the line `make bench-browser` prints.
type benchReport struct {
	Scenario          string  `json:"scenario"`
	Workers           int     `json:"workers"`
	ColdLoadMs        float64 `json:"cold_load_ms"`
	WasmTransferBytes int64   `json:"wasm_transfer_bytes"`
	FirstPartialMs    float64 `json:"first_partial_ms"`
	FullResultMs      float64 `json:"full_result_ms"`
	SimulationMs      float64 `json:"simulation_ms"`
	LongestTaskMs     float64 `json:"longest_task_ms"`
	LongTasks         int     `json:"long_tasks"`
	MergeMs           float64 `json:"merge_ms"`         // calc.Merge on the main thread
	SummarizeMs       float64 `json:"summarize_ms_max"` // the longest provisional summary
	NativeMs          float64 `json:"native_ms"`
	WasmNativeRatio   float64 `json:"wasm_native_ratio"`
}

// TestBrowserBenchmark measures the calculator in headless chromium for the
// default scenario. It runs only with SMACALC_BENCH=1 (`make bench-browser`):
// it reports speeds, it does not judge them, so it cannot flake on a busy
// machine.
func TestBrowserBenchmark(t *testing.T) {
	if os.Getenv("SMACALC_BENCH") != "1" {
		t.Skip("set SMACALC_BENCH=1 or run `make bench-browser`")
	}
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	var report benchReport

	// Cold load: empty profile, so nothing is cached.
	if err := chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(probe).Do(ctx)
			return err
		}),
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(appReady),
		waitMark("smacalc:result"),
		chromedp.Evaluate(`window.__bench.ready`, &report.ColdLoadMs),
		// Compressed size of each WASM file once: the service worker may have
		// fetched one first, leaving the page a 304.
		chromedp.Evaluate(`(() => {
			const size = {};
			for (const e of performance.getEntriesByType("resource")) {
				if (e.name.endsWith(".wasm")) size[e.name] = Math.max(size[e.name] || 0, e.encodedBodySize, e.transferSize);
			}
			return Object.values(size).reduce((n, v) => n + v, 0);
		})()`, &report.WasmTransferBytes),
		chromedp.Evaluate(`Math.min(navigator.hardwareConcurrency || 1, 4)`, &report.Workers),
	); err != nil {
		t.Fatal(err)
	}

	// An input change, as a person makes it, with the app warm.
	var timing struct {
		Input, Run, FirstPartial, Result, FirstPartialOnScreen, ResultOnScreen float64
		Merge, Summarize                                                       float64
		LongTasks                                                              []struct{ Start, Duration float64 }
	}
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`performance.clearMarks(); performance.clearMeasures(); window.__bench.mutations = []; window.__bench.longTasks = []`, nil),
		chromedp.Evaluate(changeInput, nil),
		waitMark("smacalc:result"),
		// The final render has landed: the page changed after the result.
		chromedp.Poll(`(() => { const m = performance.getEntriesByName("smacalc:result", "mark"); return m.length > 0 && window.__bench.mutations.some((x) => x >= m[0].startTime); })()`,
			nil, chromedp.WithPollingTimeout(30*time.Second)),
		chromedp.Evaluate(`(() => {
			const b = window.__bench;
			const mark = (n) => { const m = performance.getEntriesByName(n, "mark"); return m.length ? m[0].startTime : 0; };
			const after = (t) => b.mutations.find((x) => x >= t) || 0;
			const fp = mark("smacalc:first-partial"), res = mark("smacalc:result");
			return {
				Input: b.input, Run: mark("smacalc:run"), FirstPartial: fp, Result: res,
				FirstPartialOnScreen: fp ? after(fp) : 0, ResultOnScreen: after(res),
				Merge: Math.max(0, ...performance.getEntriesByName("smacalc:merge", "measure").map((m) => m.duration)),
				Summarize: Math.max(0, ...performance.getEntriesByName("smacalc:summarize", "measure").map((m) => m.duration)),
				LongTasks: b.longTasks.map((e) => ({ Start: e.start, Duration: e.duration })),
			};
		})()`, &timing),
	); err != nil {
		t.Fatal(err)
	}
	if timing.FirstPartialOnScreen == 0 { // a run short enough to have no partial result
		timing.FirstPartialOnScreen = timing.ResultOnScreen
	}
	report.FirstPartialMs = timing.FirstPartialOnScreen - timing.Input
	report.FullResultMs = timing.ResultOnScreen - timing.Input
	report.SimulationMs = timing.Result - timing.Run
	report.MergeMs, report.SummarizeMs = timing.Merge, timing.Summarize
	for _, lt := range timing.LongTasks {
		if lt.Start >= timing.Input {
			report.LongTasks++
			report.LongestTaskMs = max(report.LongestTaskMs, lt.Duration)
		}
	}

	// The same scenario natively, single-threaded, best of three.
	var query string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`location.search.slice(1)`, &query)); err != nil {
		t.Fatal(err)
	}
	s, err := calc.Decode(query)
	if err != nil {
		t.Fatalf("the page's query %q: %v", query, err)
	}
	report.Scenario = s.Encode()
	for range 3 {
		start := time.Now()
		if _, err := calc.Simulate(context.Background(), s, nil); err != nil {
			t.Fatal(err)
		}
		ms := float64(time.Since(start).Microseconds()) / 1000
		if report.NativeMs == 0 || ms < report.NativeMs {
			report.NativeMs = ms
		}
	}
	report.WasmNativeRatio = report.SimulationMs / report.NativeMs
	b, _ := json.Marshal(report)
	fmt.Println(string(b))
}

// changeInput changes the amount the way a person does (input, then change)
// and notes the time.
const changeInput = `(() => {
  const input = document.getElementById("in-amount");
  if (!input) throw new Error("no #in-amount input");
  window.__bench.input = performance.now();
  input.value = "1250000";
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
})()`

// waitMark waits for a User Timing mark set by wasm/simclient.
func waitMark(name string) chromedp.Action {
	return chromedp.Poll(fmt.Sprintf(`performance.getEntriesByName(%q, "mark").length > 0`, name), nil,
		chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(5*time.Millisecond))
}
