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

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// inputWorkProbe records, for one input change, what the UI does in the
// page: every component's Render (app/widget.Rendered, through a Proxy on
// the render counter) and every DOM mutation, each with its time and where
// it happened (the nearest element with an id), so a change's work can be
// told apart by task: the input's, the first provisional answer's, the
// final result's. Installed before the page's scripts run, with
// countRenders.
const inputWorkProbe = `(() => {
  const w = window.__work = { on: false };
  window.smacalcRenders = new Proxy({}, {
    set(o, k, v) { o[k] = v; if (w.on) performance.mark("w:render:" + String(k)); return true; },
  });
  const place = (n) => {
    for (let e = n && n.nodeType === 1 ? n : n && n.parentElement; e; e = e.parentElement) if (e.id) return e.id;
    return "?";
  };
  const size = (nodes) => { let n = 0; for (const x of nodes) n += 1 + (x.querySelectorAll ? x.querySelectorAll("*").length : 0); return n; };
  new MutationObserver((list) => {
    if (!w.on) return;
    for (const r of list) {
      const what = r.type === "attributes" ? "@" + r.attributeName : r.type === "characterData" ? "#text" :
        [...r.addedNodes].map((x) => "+" + x.nodeName).concat([...r.removedNodes].map((x) => "-" + x.nodeName)).join("");
      performance.mark("w:dom:" + size(r.addedNodes) + ":" + size(r.removedNodes) + ":" + place(r.target) + what);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})()`

// TestInputChangeWork profiles the UI's own work for the benchmark's
// first input change after a cold visit (the amount, input then change
// events, in a task of their own): a trace of the page's main thread, and
// for each of its tasks after the change which components rendered, how
// many DOM nodes were added, removed or updated where, and what its layout
// laid out (Layout's dirty and total objects, its roots). It judges
// nothing: it is the profile behind docs/ARCHITECTURE.md "Round 8: the
// page's work after a change". SMACALC_INPUT_WORK=1 runs it on the
// desktop, =phone on the phone profile (390×844, CPU 4×);
// SMACALC_INPUT_WORK_PAUSE (default 1s) is the pause after the first
// answer, SMACALC_INPUT_WORK_DOM=1 lists every DOM change.
func TestInputChangeWork(t *testing.T) {
	mode := os.Getenv("SMACALC_INPUT_WORK")
	if mode != "1" && mode != "phone" {
		t.Skip("set SMACALC_INPUT_WORK=1 (desktop) or =phone")
	}
	pause := time.Second
	if d, err := time.ParseDuration(os.Getenv("SMACALC_INPUT_WORK_PAUSE")); err == nil {
		pause = d
	}
	everyDOM := os.Getenv("SMACALC_INPUT_WORK_DOM") == "1"
	// With SMACALC_COMPARE_DIR (a build's WASM directory, A) the change is
	// traced in A and in this build (B) for SMACALC_COMPARE_ROUNDS rounds,
	// A B B A …, and the main thread's CPU compared: on a shared machine a
	// task's wall time is mostly other processes', its CPU time is not.
	dirA := os.Getenv("SMACALC_COMPARE_DIR")
	if dirA == "" {
		summary, _ := traceInputChange(t, startServer(t, siteV1), mode == "phone", pause, everyDOM)
		fmt.Print(summary)
		return
	}
	siteA := compareSite(t, dirA)
	rounds := 3
	if n, err := strconv.Atoi(os.Getenv("SMACALC_COMPARE_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	servers := [2]*server{startServer(t, siteA), startServer(t, siteV1)}
	var got [2][]workStats
	for i := range rounds {
		for j := range 2 {
			k := j
			if i%2 == 1 {
				k = 1 - j // A B, then B A: neither always goes first
			}
			summary, st := traceInputChange(t, servers[k], mode == "phone", pause, everyDOM)
			if os.Getenv("SMACALC_INPUT_WORK_VERBOSE") == "1" {
				fmt.Print(summary)
			}
			fmt.Printf("round %d %s: %s\n", i, "AB"[k:k+1], st)
			got[k] = append(got[k], st)
		}
	}
	median := medianOf[workStats]
	for _, fig := range []struct {
		name string
		f    func(workStats) float64
	}{
		{"input task CPU", func(w workStats) float64 { return w.InputCPU }},
		{"input task wall", func(w workStats) float64 { return w.InputWall }},
		{"longest task CPU", func(w workStats) float64 { return w.LongestCPU }},
		{"longest task wall", func(w workStats) float64 { return w.LongestWall }},
		{"main thread CPU", func(w workStats) float64 { return w.TotalCPU }},
		{"nodes added", func(w workStats) float64 { return float64(w.Added) }},
		{"layout CPU", func(w workStats) float64 { return w.LayoutCPU }},
		{"paint CPU", func(w workStats) float64 { return w.PaintCPU }},
		{"tiles rastered", func(w workStats) float64 { return float64(w.Tiles) }},
		{"raster CPU", func(w workStats) float64 { return w.RasterCPU }},
	} {
		a, b := median(got[0], fig.f), median(got[1], fig.f)
		fmt.Printf("%-18s A %7.1f  B %7.1f  B/A %.2f\n", fig.name, a, b, b/a)
	}
}

// workStats sums up one traced change's main thread, from the input's
// task to the last task that changed the DOM or painted: the input's task, the
// longest task (wall and CPU time, ms), the CPU time of all of them, the
// DOM nodes added.
type workStats struct {
	InputWall, InputCPU     float64
	LongestWall, LongestCPU float64
	TotalCPU                float64
	Added                   int
	// The main thread's CPU time in style, layout and paint (Paint,
	// PrePaint, Layerize), the display item clients Blink invalidated (with
	// SMACALC_INPUT_WORK_INVALIDATIONS=1), the tiles rastered and the
	// raster threads' CPU time.
	StyleCPU, LayoutCPU, PaintCPU float64
	Invalidated, Tiles            int
	RasterCPU                     float64
}

func (w workStats) String() string {
	return fmt.Sprintf("input task %.1f ms (CPU %.1f), longest %.1f ms (CPU %.1f), main thread CPU %.1f ms (style %.1f, layout %.1f, paint %.1f), %d nodes added, %d display items invalidated, %d tiles rastered (CPU %.1f ms)",
		w.InputWall, w.InputCPU, w.LongestWall, w.LongestCPU, w.TotalCPU, w.StyleCPU, w.LayoutCPU, w.PaintCPU, w.Added, w.Invalidated, w.Tiles, w.RasterCPU)
}

// traceInputChange visits srv's page cold, waits pause, and traces the
// benchmark's input change to its final result on screen.
func traceInputChange(t *testing.T, srv *server, phone bool, pause time.Duration, everyDOM bool) (string, workStats) {
	t.Helper()
	ctx := profileTab(t, phone)
	defer closeTab(t, ctx)
	if err := chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			for _, s := range []string{countRenders, inputWorkProbe} {
				if _, err := page.AddScriptToEvaluateOnNewDocument(s).Do(ctx); err != nil {
					return err
				}
			}
			return nil
		}),
		coldVisit(srv.URL+"/"),
		chromedp.Sleep(pause),
	); err != nil {
		t.Fatal(err)
	}
	addTrialCSS(t, ctx) // SMACALC_INPUT_WORK_CSS: rules tried before the change
	// Where the parts of the page are: what the first screen shows.
	var parts string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll(".calculator-root > *, #calc > *, #results > *, #charts > *")].map((e) => (e.id || e.className) + " " + Math.round(e.getBoundingClientRect().top + scrollY) + "+" + Math.round(e.getBoundingClientRect().height)).join("; ") + " (window " + innerHeight + ")"`, &parts)); err != nil {
		t.Fatal(err)
	}
	events, done := listenTrace(ctx, 1024)
	var nodes int
	if err := chromedp.Run(ctx,
		tracing.Start().WithTransferMode(tracing.TransferModeReportEvents).
			WithTraceConfig(&tracing.TraceConfig{IncludedCategories: inputWorkCategories()}),
		chromedp.Evaluate(`window.__work.on = true; setTimeout(() => { performance.mark("w:input"); (`+changeInputFunc("1250000")+`)(); }, 0)`, nil),
		waitMark("smacalc:result"),
		// The final result's frames too: the benchmark's waitStableDOM
		// can end before them.
		waitVisible(simulationDone),
		waitStableDOM(),
		chromedp.Evaluate(`window.__work.on = false; document.getElementsByTagName("*").length`, &nodes),
		tracing.End(),
	); err != nil {
		t.Fatal(err)
	}
	raw := traceEvents(events, done)
	writeTrace(t, raw)
	summary, st := inputWorkSummary(t, raw, everyDOM)
	return fmt.Sprintf("parts (top+height, px): %s\ninput change (phone %v, pause %v): %d elements in the document after it\n%s%s\n", parts, phone, pause, nodes, summary, st), st
}

// inputWorkCategories are the trace's categories: the main thread's
// tasks and what is inside them, the raster threads' tasks (RasterTask is
// in disabled-by-default-devtools.timeline too), and with
// SMACALC_INPUT_WORK_INVALIDATIONS=1 Blink's paint invalidations
// (InvalidateDisplayItemClient: which layout object's display items were
// invalidated, and why), which add thousands of events to a change.
func inputWorkCategories() []string {
	c := []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "toplevel"}
	if os.Getenv("SMACALC_INPUT_WORK_INVALIDATIONS") == "1" {
		c = append(c, "disabled-by-default-blink.invalidation")
	}
	return c
}

// renderArgs are the arguments of the trace events that say what was
// painted and rastered: a RasterTask's tile (the commit it rasters, by its
// source frame number), an InvalidateDisplayItemClient's layout object and
// reason ("geometry": it moved or was resized, its old and new rects are
// rastered again; "incremental": only the strip that changed).
type renderArgs struct {
	Args struct {
		TileData struct {
			SourceFrameNumber int `json:"sourceFrameNumber"`
		} `json:"tileData"`
		Client string `json:"client"`
		Reason string `json:"reason"`
	} `json:"args"`
}

// inputWorkSummary lists the main thread's tasks from the input's mark on
// (those of 2 ms or more, or with a render, a DOM change or a mark in
// them): when, how long (wall and CPU), the renders, the DOM changes, the
// style recalculations, layouts and paints inside (their CPU time: on a
// shared machine their wall time is mostly other processes'), the display
// items invalidated (with SMACALC_INPUT_WORK_INVALIDATIONS=1); then the
// tiles the raster threads rastered for each commit, and their CPU time.
func inputWorkSummary(t *testing.T, raw []json.RawMessage, everyDOM bool) (string, workStats) {
	var evs []traceEvent
	var rasters []traceEvent
	frames := map[float64]int{} // a RasterTask's ts → its commit's source frame number
	var invalidations []renderArgs
	var invalidatedAt []float64
	main := [2]int{-1, -1}
	var input float64
	for _, r := range raw {
		var e traceEvent
		if err := json.Unmarshal(r, &e); err != nil {
			t.Fatal(err)
		}
		switch {
		case e.Name == "RasterTask" && e.Ph == "X":
			var a renderArgs
			if err := json.Unmarshal(r, &a); err != nil {
				t.Fatal(err)
			}
			rasters = append(rasters, e)
			frames[e.Ts] = a.Args.TileData.SourceFrameNumber
			continue
		case e.Name == "InvalidateDisplayItemClient":
			var a renderArgs
			if err := json.Unmarshal(r, &a); err != nil {
				t.Fatal(err)
			}
			invalidations = append(invalidations, a)
			invalidatedAt = append(invalidatedAt, e.Ts)
			continue
		}
		evs = append(evs, e)
		if e.Name == "w:input" && main[0] < 0 {
			main, input = [2]int{e.Pid, e.Tid}, e.Ts
		}
	}
	if main[0] < 0 {
		t.Fatal("no w:input mark in the trace")
	}
	var tasks, inner []traceEvent
	for _, e := range evs {
		if [2]int{e.Pid, e.Tid} != main || e.Ts+e.Dur < input {
			continue
		}
		if e.Name == "RunTask" && e.Ph == "X" {
			tasks = append(tasks, e)
		} else {
			inner = append(inner, e)
		}
	}
	sort.Slice(tasks, func(i, j int) bool { return tasks[i].Ts < tasks[j].Ts })
	var b strings.Builder
	var st, upTo workStats // upTo: the sums up to the last task that changed the DOM or painted
	var lastChange float64 // the end of the last task that changed the DOM or painted
	for n, task := range tasks {
		renders := map[string]int{}
		dom := map[string]int{}
		var marks, layout []string
		added, removed, changes := 0, 0, 0
		var style, layoutCPU, paint, animation, script float64
		for _, e := range inner {
			if e.Ts < task.Ts || e.Ts > task.Ts+task.Dur {
				continue
			}
			switch {
			case strings.HasPrefix(e.Name, "w:render:"):
				renders[strings.TrimPrefix(e.Name, "w:render:")]++
			case strings.HasPrefix(e.Name, "w:dom:"):
				parts := strings.SplitN(strings.TrimPrefix(e.Name, "w:dom:"), ":", 3)
				if len(parts) == 3 {
					a, _ := strconv.Atoi(parts[0])
					r, _ := strconv.Atoi(parts[1])
					added, removed = added+a, removed+r
					changes++
					dom[parts[2]]++
				}
			case strings.HasPrefix(e.Name, "smacalc:") && strings.Contains(e.Cat, "user_timing"):
				marks = append(marks, e.Name)
			case e.Name == "Layout" && e.Ph == "X":
				depth := 0
				for _, r := range e.Args.EndData.LayoutRoots {
					depth = max(depth, r.Depth)
				}
				layoutCPU += e.TDur
				layout = append(layout, fmt.Sprintf("%.1f ms, CPU %.1f (%d of %d objects dirty, partial %v, %d roots, deepest %d)",
					e.Dur/1000, e.TDur/1000, e.Args.BeginData.DirtyObjects, e.Args.BeginData.TotalObjects, e.Args.BeginData.PartialLayout,
					len(e.Args.EndData.LayoutRoots), depth))
			case (e.Name == "UpdateLayoutTree" || e.Name == "RecalculateStyles") && e.Ph == "X":
				style += e.TDur
			case (e.Name == "Paint" || e.Name == "PrePaint" || e.Name == "Layerize") && e.Ph == "X":
				paint += e.TDur
			case e.Name == "FireAnimationFrame" && e.Ph == "X":
				animation += e.Dur
			case (e.Name == "FunctionCall" || e.Name == "TimerFire" || e.Name == "EventDispatch") && e.Ph == "X":
				script += e.Dur
			}
		}
		reasons := map[string]int{}
		var moved []string // the invalidated objects with an id or a class: which parts moved
		invalidated := 0
		for i, at := range invalidatedAt {
			if at < task.Ts || at > task.Ts+task.Dur {
				continue
			}
			a := invalidations[i].Args
			invalidated++
			reasons[a.Reason]++
			if (strings.Contains(a.Client, "id='") || strings.Contains(a.Client, "class='")) && len(moved) < 12 {
				moved = append(moved, a.Reason+" "+a.Client)
			}
		}
		if n == 0 {
			st.InputWall, st.InputCPU = task.Dur/1000, task.TDur/1000
		}
		st.LongestWall, st.LongestCPU = max(st.LongestWall, task.Dur/1000), max(st.LongestCPU, task.TDur/1000)
		st.TotalCPU += task.TDur / 1000
		st.StyleCPU += style / 1000
		st.LayoutCPU += layoutCPU / 1000
		st.PaintCPU += paint / 1000
		st.Invalidated += invalidated
		st.Added += added
		if changes > 0 || paint > 0 {
			upTo, lastChange = st, task.Ts+task.Dur
		}
		if task.Dur < 2000 && len(renders) == 0 && changes == 0 && len(marks) == 0 {
			continue
		}
		fmt.Fprintf(&b, "+%7.1f ms task %6.1f ms (CPU %.1f): scripts %.1f, rAF %.1f; CPU: style %.1f, layout %.1f, paint %.1f %v\n",
			(task.Ts-input)/1000, task.Dur/1000, task.TDur/1000, script/1000, animation/1000, style/1000, layoutCPU/1000, paint/1000, marks)
		for _, l := range layout {
			fmt.Fprintf(&b, "    layout %s\n", l)
		}
		if invalidated > 0 {
			fmt.Fprintf(&b, "    %d display item clients invalidated: %v\n", invalidated, reasons)
			for _, m := range moved {
				fmt.Fprintf(&b, "      %s\n", m)
			}
		}
		if len(renders) > 0 {
			names := make([]string, 0, len(renders))
			n := 0
			for k, c := range renders {
				names = append(names, fmt.Sprintf("%s×%d", k, c))
				n += c
			}
			sort.Strings(names)
			fmt.Fprintf(&b, "    %d renders: %s\n", n, strings.Join(names, " "))
		}
		if changes > 0 {
			fmt.Fprintf(&b, "    DOM: %d changes, nodes +%d −%d\n", changes, added, removed)
			if everyDOM {
				where := make([]string, 0, len(dom))
				for k, c := range dom {
					where = append(where, fmt.Sprintf("%s×%d", k, c))
				}
				sort.Strings(where)
				fmt.Fprintf(&b, "      %s\n", strings.Join(where, "; "))
			}
		}
	}
	// The raster threads' tiles, by the commit they raster: a frame
	// whose invalidations cover the window rasters every tile of it
	// again (on 2 cores, CPU the workers simulating the run lose).
	type commit struct {
		first     float64
		tiles     int
		cpu, wall float64
	}
	commits := map[int]*commit{}
	for _, e := range rasters {
		if e.Pid != main[0] || e.Ts < input || e.Ts > lastChange+500_000 {
			continue
		}
		f := frames[e.Ts]
		c := commits[f]
		if c == nil {
			c = &commit{first: e.Ts}
			commits[f] = c
		}
		c.tiles++
		c.cpu += e.TDur / 1000
		c.wall += e.Dur / 1000
		upTo.Tiles++
		upTo.RasterCPU += e.TDur / 1000
	}
	order := make([]int, 0, len(commits))
	for f := range commits {
		order = append(order, f)
	}
	sort.Ints(order)
	for _, f := range order {
		c := commits[f]
		fmt.Fprintf(&b, "raster of commit %d (+%.1f ms): %d tiles, CPU %.1f ms (wall %.1f)\n", f, (c.first-input)/1000, c.tiles, c.cpu, c.wall)
	}
	return b.String(), upTo
}

// TestInputChangeScreens takes the pictures of an input change that
// docs/ARCHITECTURE.md "Round 8" was looked at with: the window on the
// desktop (1280×800) and on a phone (390×844), the answer before the
// change, while it is provisional and once final, and the whole page
// once final (what lies below the first screen is drawn only near the
// viewport: smacalc.css). Run with SMACALC_INPUT_WORK=screens; the PNGs go
// to the artifacts directory (input-*.png).
func TestInputChangeScreens(t *testing.T) {
	if os.Getenv("SMACALC_INPUT_WORK") != "screens" {
		t.Skip("set SMACALC_INPUT_WORK=screens")
	}
	srv := startServer(t, siteV1)
	for _, size := range []struct {
		name          string
		width, height int
	}{{"desktop", 1280, 800}, {"phone", 390, 844}} {
		ctx := browser(t, size.width, size.height)
		if err := chromedp.Run(ctx, emulation.SetCPUThrottlingRate(phoneCPUSlowdown), coldVisit(srv.URL+"/")); err != nil {
			t.Fatal(err)
		}
		viewportShot(t, ctx, "input-"+size.name+"-before.png")
		// The provisional answer lasts a few hundred milliseconds: the CPU
		// is slowed on both (as the phone profile), and the picture taken
		// again with another amount if the run had settled before it.
		for i := range 4 {
			var png []byte
			var still bool
			if err := chromedp.Run(ctx,
				chromedp.Evaluate(changeInputInOwnTask(strconv.Itoa(1250000+10000*i)), nil),
				waitVisible(`#headline[data-provisional="true"]`),
				pagePNG(false, &png),
				chromedp.Evaluate(`document.querySelector("#headline").dataset.provisional === "true"`, &still),
				waitVisible(simulationDone),
			); err != nil {
				t.Fatal(err)
			}
			if still {
				writeArtifact(t, "input-"+size.name+"-provisional.png", png)
				break
			}
		}
		if err := chromedp.Run(ctx, waitStableDOM()); err != nil {
			t.Fatal(err)
		}
		viewportShot(t, ctx, "input-"+size.name+"-final.png")
		screenshot(t, ctx, "input-"+size.name+"-page.png")
	}
}

// addTrialCSS adds SMACALC_INPUT_WORK_CSS, when set, to the page's rules (a
// constructed style sheet, which the page's CSP allows) and waits for the
// layout it causes: a rule's effect on a change's layout and paint is
// tried without a build.
func addTrialCSS(t *testing.T, ctx context.Context) {
	t.Helper()
	css := os.Getenv("SMACALC_INPUT_WORK_CSS")
	if css == "" {
		return
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const s = new CSSStyleSheet();
		s.replaceSync(`+jsString(css)+`);
		document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
		return document.body.offsetHeight;
	})()`, nil)); err != nil {
		t.Fatal(err)
	}
}
