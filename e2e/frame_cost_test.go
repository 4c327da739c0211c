package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// frameCostChanges are the page changes TestFrameCost times, one a frame:
// a text that keeps its line (the progress line's percentage, as during a
// run), and a line that comes and goes above everything below the answer
// (the headline's precision line; until round 11 the headline's note came
// and went so at a run's start and end), which moves the charts, the
// ledger and every room.
var frameCostChanges = []struct{ name, js string }{
	{"text", `(i) => { document.getElementById("progress-text").textContent = "Simulating: " + (i % 100) + "%, " + i + " of 200 markets so far."; }`},
	{"move", `(i) => { document.getElementById("headline-precision").hidden = i % 2 === 1; }`},
}

// TestFrameCost measures what one frame of the page costs the browser's
// main thread once the answer is settled: a change made in a
// requestAnimationFrame callback, 40 frames in a row, traced; for each kind
// of change the median CPU time a frame of its style recalculation, layout,
// pre-paint, paint, layerization and commit, and the tiles rastered in all. A run's frames pay this besides the page's own scripts (the
// renders, the summaries): docs/ARCHITECTURE.md, "Round 9: layout, paint
// and raster during a run". SMACALC_FRAME_COST=1 runs it on the desktop,
// =phone on the phone profile; SMACALC_INPUT_WORK_CSS adds rules first, to
// try one. It judges nothing.
func TestFrameCost(t *testing.T) {
	mode := os.Getenv("SMACALC_FRAME_COST")
	if mode != "1" && mode != "phone" {
		t.Skip("set SMACALC_FRAME_COST=1 (desktop) or =phone")
	}
	srv := startServer(t, siteV1)
	ctx := profileTab(t, mode == "phone")
	if err := chromedp.Run(ctx, coldVisit(srv.URL+"/"), waitMark("smacalc:warmed"), chromedp.Sleep(time.Second)); err != nil {
		t.Fatal(err)
	}
	addTrialCSS(t, ctx)
	// One trace for all of them (a second listenTrace on the tab would
	// see the first's end), each run of frames after its mark.
	const frames = 40
	events, done := listenTrace(ctx, 1024)
	run := chromedp.Tasks{tracing.Start().WithTransferMode(tracing.TransferModeReportEvents).
		WithTraceConfig(&tracing.TraceConfig{IncludedCategories: inputWorkCategories()})}
	for _, change := range frameCostChanges {
		run = append(run, chromedp.Evaluate(fmt.Sprintf(`new Promise((resolve) => {
			const change = %s;
			let i = 0;
			performance.mark(%s);
			const step = () => { if (i === %d) { setTimeout(resolve, 200); return; } change(i++); requestAnimationFrame(step); };
			requestAnimationFrame(step);
		})`, change.js, jsString("w:frames:"+change.name), frames), nil, awaitPromise))
	}
	run = append(run, tracing.End())
	if err := chromedp.Run(ctx, run); err != nil {
		t.Fatal(err)
	}
	raw := traceEvents(events, done)
	for i, change := range frameCostChanges {
		next := ""
		if i+1 < len(frameCostChanges) {
			next = "w:frames:" + frameCostChanges[i+1].name
		}
		fmt.Printf("%s (%s): %s\n", change.name, mode, frameCosts(t, raw, "w:frames:"+change.name, next))
	}
}

// frameCosts is the median CPU time a frame of each rendering step on the
// main thread (the thread with the mark from), over its tasks that painted
// from that mark to the mark to (the trace's end if ""), and the tiles
// rastered and their CPU time.
func frameCosts(t *testing.T, raw []json.RawMessage, fromMark, toMark string) string {
	var evs []traceEvent
	main := [2]int{-1, -1}
	from, to := 0.0, math.Inf(1)
	for _, r := range raw {
		var e traceEvent
		if err := json.Unmarshal(r, &e); err != nil {
			t.Fatal(err)
		}
		evs = append(evs, e)
		switch e.Name {
		case fromMark:
			main, from = [2]int{e.Pid, e.Tid}, e.Ts
		case toMark:
			to = e.Ts
		}
	}
	if main[0] < 0 {
		t.Fatalf("no %s mark in the trace", fromMark)
	}
	steps := []string{"UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit"}
	var tasks []traceEvent
	for _, e := range evs {
		if e.Ph == "X" && e.Name == "RunTask" && [2]int{e.Pid, e.Tid} == main && e.Ts >= from && e.Ts < to {
			tasks = append(tasks, e)
		}
	}
	per := map[string][]float64{}
	var total []float64
	for _, task := range tasks {
		in := map[string]float64{}
		for _, e := range evs {
			if e.Ph == "X" && [2]int{e.Pid, e.Tid} == main && e.Ts >= task.Ts && e.Ts+e.Dur <= task.Ts+task.Dur {
				in[e.Name] += e.TDur / 1000
			}
		}
		if in["Paint"] == 0 {
			continue
		}
		sum := 0.0
		for _, s := range steps {
			per[s] = append(per[s], in[s])
			sum += in[s]
		}
		total = append(total, sum)
	}
	tiles, rasterCPU := 0, 0.0
	for _, e := range evs {
		if e.Ph == "X" && e.Name == "RasterTask" && e.Pid == main[0] && e.Ts >= from && e.Ts < to {
			tiles++
			rasterCPU += e.TDur / 1000
		}
	}
	median := func(v []float64) float64 {
		if len(v) == 0 {
			return 0
		}
		s := append([]float64(nil), v...)
		sort.Float64s(s)
		return s[len(s)/2]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d frames painted, median CPU a frame %.2f ms:", len(total), median(total))
	for _, s := range steps {
		fmt.Fprintf(&b, " %s %.2f", s, median(per[s]))
	}
	fmt.Fprintf(&b, "; %d tiles rastered, CPU %.1f ms", tiles, rasterCPU)
	return b.String()
}
