package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// TestBrowserTrace traces the browser (Chrome's devtools.timeline and User
// Timing) while the default scenario runs after an input change, and prints
// where each thread's time went: the main thread's tasks and what they did,
// each worker's busy time and its idle gaps. It is the profile behind
// docs/ARCHITECTURE.md "Speed: after an input change"; it judges nothing.
// SMACALC_TRACE=1 runs it on the desktop profile, SMACALC_TRACE=phone on the
// phone profile (390×844, CPU slowed 4×).
func TestBrowserTrace(t *testing.T) {
	mode := os.Getenv("SMACALC_TRACE")
	if mode == "" {
		t.Skip("set SMACALC_TRACE=1 (desktop) or SMACALC_TRACE=phone")
	}
	srv := startServer(t, siteV1)
	ctx := profileTab(t, mode == "phone")
	if err := chromedp.Run(ctx, coldVisit(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	// SMACALC_TRACE_WARMED=1 first waits for the page's idle warm-up to
	// end (the smacalc:warmed mark, wasm/simclient warm.go): on a loaded
	// machine it takes several times what an idle one's benchmark leaves.
	if os.Getenv("SMACALC_TRACE_WARMED") == "1" {
		if err := chromedp.Run(ctx, waitMark("smacalc:warmed")); err != nil {
			t.Fatal(err)
		}
	}
	// SMACALC_TRACE_PAUSE (e.g. 2s): a person reading the first answer
	// before changing an input, as the benchmark's other cold visits
	// leave the page idle before its input change.
	if d, err := time.ParseDuration(os.Getenv("SMACALC_TRACE_PAUSE")); err == nil {
		if err := chromedp.Run(ctx, chromedp.Sleep(d)); err != nil {
			t.Fatal(err)
		}
	}
	// SMACALC_TRACE_BEFORE=n makes n input changes before the traced one:
	// the traced change is then a later one, what the first is measured
	// against (docs/ARCHITECTURE.md, "Round 6").
	if n, err := strconv.Atoi(os.Getenv("SMACALC_TRACE_BEFORE")); err == nil {
		for i := range n {
			if _, err := measureInputChange(ctx, strconv.Itoa(1100000+1000*i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	// When the page's idle warm-up (wasm/simclient, warm.go) ended, if it
	// did before the change: a trace of a change during the warm-up
	// measures something else.
	warmed, now, err := warmUpEnded(ctx)
	if err != nil {
		t.Fatal(err)
	}
	step, err := warmUpStep(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("warm-up ended at %.0f ms (0: not before the change; the last step sent: %s), the change at about %.0f ms\n", warmed, step, now)
	var pageGC string // the page's collection after the warm-up, if any
	if err := chromedp.Run(ctx, chromedp.Evaluate(`JSON.stringify(performance.getEntriesByName("smacalc:page-gc", "measure").map((m) => ({at: m.startTime, ms: m.duration, heap: m.detail})))`, &pageGC)); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("page collection after the warm-up: %s\n", pageGC)
	events, done := listenTrace(ctx, 1024)
	// The main thread's CPU profile too (function names need an unstripped
	// app.wasm: build one without -ldflags='-s -w' into SMACALC_WASM_DIR).
	var prof *profiler.Profile
	if err := chromedp.Run(ctx, profiler.Enable(), profiler.SetSamplingInterval(200), profiler.Start()); err != nil {
		t.Fatal(err)
	}
	categories := []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "toplevel", "v8.execute"}
	// More categories for one trace, e.g. V8's WebAssembly compilation
	// ("v8.wasm,disabled-by-default-v8.wasm.detailed": lazy compilation on
	// first call and the tier-up, which a first input change pays).
	if extra := os.Getenv("SMACALC_TRACE_CATEGORIES"); extra != "" {
		categories = append(categories, strings.Split(extra, ",")...)
	}
	if err := chromedp.Run(ctx,
		tracing.Start().WithTransferMode(tracing.TransferModeReportEvents).
			WithTraceConfig(&tracing.TraceConfig{IncludedCategories: categories}),
		chromedp.Evaluate(`performance.clearMarks(); performance.clearMeasures(); window.__bench.mutations = []`, nil),
		chromedp.Evaluate(changeInputInOwnTask("1250000"), nil),
		waitMark("smacalc:result"),
		waitStableDOM(),
		tracing.End(),
		chromedp.ActionFunc(func(ctx context.Context) (err error) {
			prof, err = profiler.Stop().Do(ctx)
			return err
		}),
	); err != nil {
		t.Fatal(err)
	}
	raw := traceEvents(events, done)
	// The whole trace, for a closer look (chrome://tracing, Perfetto, or a
	// script reading wasm.CompileLazy's func_index against the WASM's name
	// section).
	if out := writeTrace(t, raw); out != "" {
		// The main thread's CPU profile beside it (out + ".cpuprofile",
		// Chrome's format: DevTools opens it), whose samples' times are on
		// the trace's clock: what one task did, by function.
		b, err := json.Marshal(prof)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out+".cpuprofile", b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Print(traceSummary(t, raw))
	fmt.Print(profileSummary(prof))
}

// listenTrace passes the tab's trace events to events, a batch at a time,
// and closes done when the tracing is complete (traceEvents reads them).
func listenTrace(ctx context.Context, buffer int) (chan []json.RawMessage, chan struct{}) {
	events := make(chan []json.RawMessage, buffer)
	done := make(chan struct{})
	chromedp.ListenTarget(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			batch := make([]json.RawMessage, len(e.Value))
			for i, v := range e.Value {
				batch[i] = json.RawMessage(v)
			}
			events <- batch
		case *tracing.EventTracingComplete:
			close(done)
		}
	})
	return events, done
}

// warmUpEnded is when the page's idle warm-up (wasm/simclient, warm.go)
// marked its end (0: not yet) and the page's time now, in ms since its
// navigation: a change during the warm-up measures something else.
func warmUpEnded(ctx context.Context) (warmed, now float64, err error) {
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`(performance.getEntriesByName("smacalc:warmed", "mark")[0] || {startTime: 0}).startTime`, &warmed),
		chromedp.Evaluate(`performance.now()`, &now),
	)
	return warmed, now, err
}

// warmUpStep says which of the page's warm-up steps (wasm/simclient,
// warm.go, the smacalc:warm-step marks) was the last sent: "step k of n
// (kind)", then the page's own turn's steps after it ("+ j of the
// page's", the smacalc:warm-page marks), or "none" before the first (or
// with a build without the marks).
func warmUpStep(ctx context.Context) (string, error) {
	var step string
	err := chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const m = performance.getEntriesByName("smacalc:warm-step", "mark");
		const d = m.length ? m[m.length - 1].detail : null;
		const page = performance.getEntriesByName("smacalc:warm-page", "mark").length;
		return (d ? "step " + d.index + " of " + d.of + " (" + d.step + ")" : "none") + (page ? " + " + page + " of the page's" : "");
	})()`, &step))
	return step, err
}

// traceEvents gathers the trace's events from events until done (the
// tracing's end), and those still buffered then.
func traceEvents(events chan []json.RawMessage, done chan struct{}) []json.RawMessage {
	var raw []json.RawMessage
	for {
		select {
		case b := <-events:
			raw = append(raw, b...)
		case <-done:
			for len(events) > 0 {
				raw = append(raw, <-events...)
			}
			return raw
		}
	}
}

// writeTrace writes the whole trace to SMACALC_TRACE_OUT, when set, for a
// closer look (chrome://tracing, Perfetto), and says where (or "").
func writeTrace(t *testing.T, raw []json.RawMessage) string {
	t.Helper()
	out := os.Getenv("SMACALC_TRACE_OUT")
	if out == "" {
		return ""
	}
	b, err := json.Marshal(map[string]any{"traceEvents": raw})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// profileSummary lists the functions with the most self time in a CPU
// profile, and the share of the whole each has.
func profileSummary(p *profiler.Profile) string {
	self := map[string]int{}
	byID := map[int64]string{}
	for _, n := range p.Nodes {
		byID[n.ID] = n.CallFrame.FunctionName
	}
	total := 0
	for _, id := range p.Samples {
		if name := byID[id]; name != "(idle)" && name != "(program)" {
			self[name]++
			total++
		}
	}
	names := make([]string, 0, len(self))
	for n := range self {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return self[names[i]] > self[names[j]] })
	var b strings.Builder
	fmt.Fprintf(&b, "main thread CPU profile: %d samples\n", total)
	for _, n := range names[:min(40, len(names))] {
		fmt.Fprintf(&b, "  %5.1f%% %s\n", 100*float64(self[n])/float64(total), n)
	}
	return b.String()
}

// traceEvent is the part of a Chrome trace event the summaries read
// (TestBrowserTrace's, and TestInputChangeWork's layouts).
type traceEvent struct {
	Name string  `json:"name"`
	Cat  string  `json:"cat"`
	Ph   string  `json:"ph"`
	Ts   float64 `json:"ts"`   // µs
	Dur  float64 `json:"dur"`  // µs
	TDur float64 `json:"tdur"` // µs of the thread's CPU time
	Pid  int     `json:"pid"`
	Tid  int     `json:"tid"`
	Args struct {
		Name      string `json:"name"`
		SrcFunc   string `json:"src_func"` // a thread pool task's origin: V8's WebAssembly compiler is v8::internal::wasm::…
		BeginData struct {
			DirtyObjects  int  `json:"dirtyObjects"`
			TotalObjects  int  `json:"totalObjects"`
			PartialLayout bool `json:"partialLayout"`
		} `json:"beginData"` // a Layout event's
		EndData struct {
			LayoutRoots []struct {
				Depth int `json:"depth"`
			} `json:"layoutRoots"`
		} `json:"endData"` // a Layout event's
	} `json:"args"`
}

// traceSummary reports, between the input change's mark and the result's,
// each thread's busy time, the main thread's longest tasks with the events
// inside them, and each worker's gaps.
func traceSummary(t *testing.T, raw []json.RawMessage) string {
	var evs []traceEvent
	threads := map[[2]int]string{}
	for _, r := range raw {
		var e traceEvent
		if err := json.Unmarshal(r, &e); err != nil {
			t.Fatal(err)
		}
		if e.Ph == "M" && e.Name == "thread_name" {
			threads[[2]int{e.Pid, e.Tid}] = e.Args.Name
			continue
		}
		evs = append(evs, e)
	}
	// The window: from the first user-timing mark (smacalc:run) to the
	// last (smacalc:result) on the page's main thread.
	var start, end float64
	marks := []string{}
	for _, e := range evs {
		if strings.HasPrefix(e.Name, "smacalc:") && strings.Contains(e.Cat, "user_timing") {
			marks = append(marks, fmt.Sprintf("%s@%.0f", e.Name, e.Ts/1000))
			if e.Name == "smacalc:run" && start == 0 {
				start = e.Ts
			}
			if e.Name == "smacalc:result" {
				end = e.Ts
			}
		}
	}
	if start == 0 || end == 0 {
		t.Fatalf("no smacalc:run/result marks in the trace: %v", marks)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "window: %.1f ms (run → result)\n", (end-start)/1000)
	type threadStats struct {
		name    string
		busy    float64
		cpu     float64 // thread CPU time of its tasks (tdur): what a busy machine does not inflate
		tasks   []traceEvent
		lastEnd float64
		gaps    []float64
		inside  map[string]float64
	}
	stats := map[[2]int]*threadStats{}
	sort.Slice(evs, func(i, j int) bool { return evs[i].Ts < evs[j].Ts })
	for _, e := range evs {
		if e.Ph != "X" || e.Ts+e.Dur < start || e.Ts > end {
			continue
		}
		k := [2]int{e.Pid, e.Tid}
		name := threads[k]
		if name == "" || (!strings.Contains(name, "Main") && !strings.Contains(name, "Worker")) {
			continue
		}
		st := stats[k]
		if st == nil {
			st = &threadStats{name: name, inside: map[string]float64{}, lastEnd: start}
			stats[k] = st
		}
		if e.Name == "ThreadControllerImpl::RunTask" {
			continue // the same task as the RunTask inside it
		}
		if e.Name == "RunTask" {
			st.cpu += e.TDur
			if e.Ts > st.lastEnd {
				st.gaps = append(st.gaps, (e.Ts-st.lastEnd)/1000)
			}
			st.lastEnd = max(st.lastEnd, e.Ts+e.Dur)
			st.busy += e.Dur
			st.tasks = append(st.tasks, e)
		} else {
			st.inside[e.Name] += e.Dur
		}
	}
	keys := make([][2]int, 0, len(stats))
	for k := range stats {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return stats[keys[i]].name < stats[keys[j]].name })
	for _, k := range keys {
		st := stats[k]
		sort.Slice(st.tasks, func(i, j int) bool { return st.tasks[i].Dur > st.tasks[j].Dur })
		fmt.Fprintf(&b, "%s (%d/%d): busy %.1f ms (CPU %.1f ms) in %d tasks; longest:", st.name, k[0], k[1], st.busy/1000, st.cpu/1000, len(st.tasks))
		for _, task := range st.tasks[:min(8, len(st.tasks))] {
			fmt.Fprintf(&b, " %.1f@%.0f", task.Dur/1000, (task.Ts-start)/1000)
		}
		if strings.Contains(st.name, "Main") {
			// What the longest tasks did: the events inside each, by name.
			for _, task := range st.tasks[:min(6, len(st.tasks))] {
				if task.Name != "RunTask" {
					continue
				}
				in := map[string]float64{}
				for _, e := range evs {
					if e.Ph == "X" && e.Pid == k[0] && e.Tid == k[1] && e.Ts >= task.Ts && e.Ts+e.Dur <= task.Ts+task.Dur && !strings.Contains(e.Name, "RunTask") {
						in[e.Name] += e.Dur
					}
				}
				names := make([]string, 0, len(in))
				for n := range in {
					names = append(names, n)
				}
				sort.Slice(names, func(i, j int) bool { return in[names[i]] > in[names[j]] })
				fmt.Fprintf(&b, "\n  task %.1f ms @%.0f:", task.Dur/1000, (task.Ts-start)/1000)
				for _, n := range names[:min(10, len(names))] {
					fmt.Fprintf(&b, " %s %.1f;", n, in[n]/1000)
				}
			}
		}
		sort.Float64s(st.gaps)
		var idle float64
		for _, g := range st.gaps {
			idle += g
		}
		fmt.Fprintf(&b, "\n  idle gaps: %.1f ms in %d, largest %v\n  inside:", idle, len(st.gaps), st.gaps[max(0, len(st.gaps)-5):])
		names := make([]string, 0, len(st.inside))
		for n := range st.inside {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool { return st.inside[names[i]] > st.inside[names[j]] })
		for _, n := range names[:min(12, len(names))] {
			fmt.Fprintf(&b, " %s %.1f;", n, st.inside[n]/1000)
		}
		b.WriteString("\n")
	}
	// User Timing measures (smacalc:chunk, smacalc:paths …): async begin
	// and end events, summed per thread and name.
	open := map[string]float64{}
	sums := map[string][]float64{}
	for _, e := range evs {
		if !strings.HasPrefix(e.Name, "smacalc:") || (e.Ph != "b" && e.Ph != "e") {
			continue
		}
		k := fmt.Sprintf("%s %s", threads[[2]int{e.Pid, e.Tid}], e.Name)
		if e.Ph == "b" {
			open[k] = e.Ts
		} else if t0, ok := open[k]; ok && t0 >= start {
			sums[k] = append(sums[k], (e.Ts-t0)/1000)
		}
	}
	measures := make([]string, 0, len(sums))
	for k := range sums {
		measures = append(measures, k)
	}
	sort.Strings(measures)
	for _, k := range measures {
		var total float64
		for _, d := range sums[k] {
			total += d
		}
		fmt.Fprintf(&b, "measure %s: %d, total %.1f ms: %.1f\n", k, len(sums[k]), total, sums[k])
	}
	fmt.Fprintf(&b, "marks: %v\n", marks)
	b.WriteString(runTimeline(evs, threads, start, end))
	return b.String()
}

// TestBrowserCompare measures input changes in two builds side by side,
// interleaved (A, B, A, B …), so that a busy machine slows both alike: the
// ratio B ÷ A of the medians is what docs/ARCHITECTURE.md reports for a
// change. A is the WASM in SMACALC_COMPARE_DIR (e.g. a build of main), B the
// one under test (SMACALC_WASM_DIR). SMACALC_COMPARE_PHONE=1 uses the phone
// profile; SMACALC_COMPARE_ROUNDS sets the rounds (default 5).
func TestBrowserCompare(t *testing.T) {
	dirA := os.Getenv("SMACALC_COMPARE_DIR")
	if dirA == "" {
		t.Skip("set SMACALC_COMPARE_DIR to the WASM directory of the build to compare with")
	}
	siteA := compareSite(t, dirA)
	rounds := 5
	if n, err := strconv.Atoi(os.Getenv("SMACALC_COMPARE_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	phone := os.Getenv("SMACALC_COMPARE_PHONE") == "1"
	// SMACALC_COMPARE_FIRST=1 measures only the first input change after a
	// cold visit, each round in new tabs (new browser contexts: nothing
	// compiled or cached), A then B, with SMACALC_COMPARE_PAUSE (default
	// 1s) between the page's first answer and the change: a person reads
	// the answer before changing an input (in make bench-browser the other
	// cold visits take about as long), and SMACALC_COMPARE_WARMED (below).
	first := os.Getenv("SMACALC_COMPARE_FIRST") == "1"
	pause := time.Second
	if d, err := time.ParseDuration(os.Getenv("SMACALC_COMPARE_PAUSE")); err == nil {
		pause = d
	}
	servers := [2]*server{startServer(t, siteA), startServer(t, siteV1)}
	open := func(srv *server) context.Context {
		ctx := profileTab(t, phone)
		if err := chromedp.Run(ctx, coldVisit(srv.URL+"/")); err != nil {
			t.Fatal(err)
		}
		return ctx
	}
	var tabs [2]context.Context
	if !first {
		tabs = [2]context.Context{open(servers[0]), open(servers[1])}
	}
	var got [2][]inputChange
	for i := range rounds {
		for k := range tabs {
			ctx := tabs[k]
			if first {
				ctx = open(servers[k])
				if err := chromedp.Run(ctx, chromedp.Sleep(pause)); err != nil {
					t.Fatal(err)
				}
				// SMACALC_COMPARE_WARMED=1 waits, after the pause, for the
				// page's idle warm-up to end (the smacalc:warmed mark of
				// wasm/simclient, warm.go; both builds must set it): on a
				// loaded machine the warm-up takes several times the pause
				// an idle machine's benchmark leaves. Either way each
				// round says whether it had ended before the change.
				if os.Getenv("SMACALC_COMPARE_WARMED") == "1" {
					if err := chromedp.Run(ctx, waitMark("smacalc:warmed")); err != nil {
						t.Fatal(err)
					}
				}
				warmed, now, err := warmUpEnded(ctx)
				if err != nil {
					t.Fatal(err)
				}
				step, err := warmUpStep(ctx)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Printf("round %d %s: warm-up ended at %.0f ms (0: not yet; the last step sent: %s), the change at %.0f ms\n", i, "AB"[k:k+1], warmed, step, now)
			}
			c, err := measureInputChange(ctx, strconv.Itoa(1250000+1000*i))
			if err != nil {
				t.Fatal(err)
			}
			if first {
				closeTab(t, ctx)
			}
			got[k] = append(got[k], c)
		}
	}
	median := medianOf[inputChange]
	figures := []struct {
		name string
		f    func(inputChange) float64
	}{
		{"first_partial_ms", func(c inputChange) float64 { return c.FirstPartialMs }},
		{"full_result_ms", func(c inputChange) float64 { return c.FullResultMs }},
		{"simulation_ms", func(c inputChange) float64 { return c.SimulationMs }},
		{"longest_task_ms", func(c inputChange) float64 { return c.LongestTaskMs }},
		{"merge_ms", func(c inputChange) float64 { return c.MergeMs }},
		{"partials", func(c inputChange) float64 { return float64(c.Partials) }},
	}
	fmt.Printf("compare (%d rounds, phone %v, first change after a cold visit %v): A=%s B=%s\n", rounds, phone, first, dirA, wasmDir)
	for _, fig := range figures {
		a, b := median(got[0], fig.f), median(got[1], fig.f)
		fmt.Printf("%-18s A %8.1f  B %8.1f  B/A %.2f   A %v\n%-18s                                   B %v\n", fig.name, a, b, b/a, values(got[0], fig.f), "", values(got[1], fig.f))
	}
}

// medianOf is the median of f over xs (of an even count, the upper of the
// middle two), as the A/B tools report it.
func medianOf[T any](xs []T, f func(T) float64) float64 {
	v := make([]float64, len(xs))
	for i, x := range xs {
		v[i] = f(x)
	}
	sort.Float64s(v)
	return v[len(v)/2]
}

func values(cs []inputChange, f func(inputChange) float64) []float64 {
	v := make([]float64, len(cs))
	for i, c := range cs {
		v[i] = math.Round(f(c))
	}
	return v
}

// runTimeline is the run's critical path in short, from the trace's
// events between start (smacalc:run) and end (smacalc:result), in ms from
// start: when each worker simulated each chunk (its smacalc:chunk
// measures) and how long before the result it sent its last, so an idle
// worker at the end shows; and the CPU time of V8's WebAssembly compiler
// threads (TurboFan's tier-up) in the window, which takes the cores from
// the workers.
func runTimeline(evs []traceEvent, threads map[[2]int]string, start, end float64) string {
	var b strings.Builder
	chunks := map[[2]int][][2]float64{}
	open := map[[2]int]float64{}
	var compile float64
	for _, e := range evs {
		k := [2]int{e.Pid, e.Tid}
		switch {
		case e.Name == "smacalc:chunk" && e.Ph == "b":
			open[k] = e.Ts
		case e.Name == "smacalc:chunk" && e.Ph == "e":
			if t0, ok := open[k]; ok && t0 >= start && e.Ts <= end {
				chunks[k] = append(chunks[k], [2]float64{(t0 - start) / 1000, (e.Ts - start) / 1000})
			}
		case e.Name == "ThreadPool_RunTask" && strings.Contains(e.Args.SrcFunc, "wasm::") && e.Ts >= start && e.Ts <= end:
			compile += e.TDur
		}
	}
	keys := make([][2]int, 0, len(chunks))
	for k := range chunks {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][1] < keys[j][1] })
	for _, k := range keys {
		c := chunks[k]
		var busy float64
		fmt.Fprintf(&b, "timeline %s %d: %d chunks:", threads[k], k[1], len(c))
		for _, r := range c {
			busy += r[1] - r[0]
			fmt.Fprintf(&b, " %.0f–%.0f", r[0], r[1])
		}
		fmt.Fprintf(&b, "; simulating %.0f ms, first at %.0f, last ended %.0f ms before the result\n", busy, c[0][0], (end-start)/1000-c[len(c)-1][1])
	}
	fmt.Fprintf(&b, "timeline: V8's WebAssembly compiler threads %.1f ms CPU in the window\n", compile/1000)
	return b.String()
}

// profileTab opens a tab of its own browser on the benchmark's desktop
// (1280×800) or, with phone, on Lighthouse's mobile profile (390×844, the
// CPU phoneCPUSlowdown times slower).
func profileTab(t *testing.T, phone bool) context.Context {
	t.Helper()
	if !phone {
		return browser(t, 1280, 800)
	}
	ctx := browser(t, 390, 844)
	if err := chromedp.Run(ctx, emulation.SetCPUThrottlingRate(phoneCPUSlowdown)); err != nil {
		t.Fatal(err)
	}
	return ctx
}
