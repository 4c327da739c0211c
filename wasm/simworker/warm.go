//go:build js && wasm

package simworker

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"runtime"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	answerui "smacalc/app/answer"
	"smacalc/app/fields"
	"smacalc/calc"
	"smacalc/calc/scenario"
	"smacalc/wasm/wire"
)

// warm is one step of the page's warm-up (wasm/simclient, warm.go): code
// run here while the page is idle so that the first input change after a
// cold visit does not pay for it. Chrome compiles each WebAssembly function
// on its first call (lazy compilation, on the calling thread), then
// recompiles the hot ones with TurboFan on background threads; the page and
// its workers share one compiled module, so a function compiled here, by
// either compiler, is compiled for the page and the other workers too. What
// makes a function hot is counted per instance (V8's tiering budget, spent
// by the code each function runs itself), so the steps that are meant to
// tier up go to one worker.
//
// A trace of the first change on main a3aa8cc (e2e TestBrowserTrace with
// SMACALC_TRACE_CATEGORIES, load ~28) found 515 ms of lazy compilation in
// the input event's task alone, 366 ms of it the Go collector's first cycle
// (the page had not collected before), and 766 ms more in the first
// provisional answer's task (calc.Summarize, sorting): the "page" step. On
// main 03e9b7b, with that step and 24 paths, the first run still spent
// 720–900 ms of TurboFan CPU on the two cores (V8's code log: the engine's
// outer loops pathSim.quarter, runPair, SimulatePaths, the collector,
// calc/tax, wasm/wire, the sorting of Summarize and Merge), more than the
// workers' 430–540 ms of simulation: the "paths" and "summary" steps,
// repeated over a whole run's worth of paths, make those hot here.
//
// Steps:
//
//   - "page": the collector (runtime.GC), the paths' binary form both ways
//     (wasm/wire), calc.Summarize, the final result with the typical path's
//     ledger (settle: Merge's halves, as a run takes them) and the result
//     cache's JSON, on two paths of the scenario: the first run's lazy
//     compilation, on both workers (each also collects its own heap once,
//     and either may be asked for a run's ledger);
//   - "paths": count paths of the scenario from first, as a run's chunk is
//     simulated and encoded, decoded as the page does, and kept;
//   - "summary": calc.Summarize and the final result (settle) and its JSON
//     over the paths kept, as the page and a worker do at a run's
//     provisional answers and its end. The "paths" steps before it cover
//     the scenario's paths (the page sends a scenario of warm-up size).
//     The paths stay for the "answer" steps;
//   - "years": count paths of the page's years scenario (the start
//     scenario with a long horizon and few stocks: wasm/simclient,
//     warm_plan.go), simulated, encoded and decoded, then dropped: the
//     engine's once-a-year functions and the tax law's, at a fraction of
//     the cost of as many of the start scenario's years;
//   - "answer" ("answer-wide" for a page that draws its charts wide): the
//     page's side of a run's answer, on the kept paths: a provisional
//     summary and the merge again (the percentiles' sorting, calc's
//     build), and the answer's render (answerRender): its charts' SVG
//     (the drawings the page shows), the year table and the headline,
//     built as go-app elements, and their fields compared as go-app
//     compares a component's on each render. The last "answer" step
//     (count 1) drops the paths.
//
// Round 8's code log (docs/ARCHITECTURE.md, "Round 8: the first change's
// tier-up"): after the round 7 warm-up, TurboFan still compiled 84–228
// functions (353–648 KB of code, 315–620 ms of CPU) inside the first
// change's run, most of them the page's (go-app's update, chart.Bars,
// the ledger table, reflect.Value.Equal, calc's build and the sorting)
// and the engine's once-a-year ones. V8 tiers a function up once the
// code it ran itself in one instance (Liftoff's budget, about 1.8 MB of
// WebAssembly executed) runs out, and the compiled code is the module's:
// what this worker makes hot is TurboFan code on the page too. So the
// page's pure functions are run here, off the page's thread, where
// nothing is shown; go-app's update of the page's own tree cannot be (it
// needs the page's DOM).
//
// Nothing a step computes is shown or sent.
func warm(req request, step string) {
	answer(req, "warm-up", func(func(string, any) error) error {
		s, err := scenario.Decode(req.Query)
		if err != nil {
			return err
		}
		switch step {
		case "page":
			runtime.GC()
			s.Paths = 2
			part, err := chunk(s, 0, 2)
			if err != nil {
				return err
			}
			if err := summarize(s, []calc.Paths{part}); err != nil {
				return err
			}
		case "paths":
			part, err := chunk(s, req.First, req.Count)
			if err != nil {
				return err
			}
			warmParts = append(warmParts, part)
		case "summary":
			if err := summarize(s, warmParts); err != nil {
				return err
			}
		case "years":
			// A chunk's encoding both ways: wasm/wire's per-year
			// functions, fifty years a path.
			if _, err := chunk(s, req.First, req.Count); err != nil {
				return err
			}
		case "answer", "answer-wide":
			if err := answerRender(s, req.Query, warmParts, step == "answer-wide"); err != nil {
				return err
			}
			if req.Count == 1 { // the last
				warmParts = nil
			}
		default:
			return fmt.Errorf("no warm-up step %q", step)
		}
		post(req.ID, "warmed", "", "")
		return nil
	})
}

// The "paths" steps' decoded paths, for the "summary" and "answer" steps
// (24 paths of the default: about 70 KB), and the binary form's buffer,
// reused as a run reuses its own.
var (
	warmParts []calc.Paths
	warmBuf   []byte
)

// chunk simulates paths first … first+count−1 of s and takes them through
// their binary form both ways, as a run's chunk goes from a worker to the
// page.
func chunk(s scenario.Scenario, first, count int) (calc.Paths, error) {
	paths, err := calc.SimulatePaths(context.Background(), s, first, count, nil)
	if err != nil {
		return calc.Paths{}, err
	}
	warmBuf = wire.AppendPaths(warmBuf[:0], paths)
	return wire.DecodePaths(warmBuf)
}

// summarize does with parts what the page and the last chunk's worker do
// with a run's paths: a provisional summary, the final result in Merge's
// two halves (wasm/simclient, pool.go: the typical path, the summary
// without the ledger, the ledger re-run and taken through its binary form
// both ways, then added) and the result cache's JSON both ways. parts must
// hold every path of s.
func summarize(s scenario.Scenario, parts []calc.Paths) error {
	if _, err := calc.Summarize(s, parts...); err != nil {
		return err
	}
	r, err := settle(s, parts)
	if err != nil {
		return err
	}
	b, err := json.Marshal(&r)
	if err != nil {
		return err
	}
	var back calc.Result
	return json.Unmarshal(b, &back)
}

// settle is the final result of parts (every path of s) as a run reaches
// it: calc.TypicalPath, calc.LedgerOf (the worker's part: its code made
// hot here, before the first change asks a worker for it) through
// wasm/wire's binary form, calc.MergeWithoutLedger and Result.AddLedger
// (the page's). The result is calc.Merge's.
func settle(s scenario.Scenario, parts []calc.Paths) (calc.Result, error) {
	path, err := calc.TypicalPath(s, parts...)
	if err != nil {
		return calc.Result{}, err
	}
	l, err := calc.LedgerOf(s, path)
	if err != nil {
		return calc.Result{}, err
	}
	warmBuf = wire.AppendLedger(warmBuf[:0], l)
	if l, err = wire.DecodeLedger(warmBuf); err != nil {
		return calc.Result{}, err
	}
	r, err := calc.MergeWithoutLedger(s, parts...)
	if err != nil {
		return calc.Result{}, err
	}
	return r, r.AddLedger(l)
}

// answerRender does, with parts (every path of s, whose query is query),
// what the page does with a run's paths after it has them: a provisional
// summary, the merge, and the answer's render — the calculator's headline,
// charts (the wide drawings when wide, else the phone's: only the page's
// own, so that no other drawing's code is made hot and compiled) and year
// table, as app/calculator.go gives them the result — and go-app's
// comparison of each component's fields with the previous render's
// (comparedFields). The elements are built and dropped: no DOM here.
func answerRender(s scenario.Scenario, query string, parts []calc.Paths, wide bool) error {
	partial, err := calc.Summarize(s, parts...)
	if err != nil {
		return err
	}
	r, err := settle(s, parts)
	if err != nil {
		return err
	}
	basis := fields.Scenario{Scenario: s, Query: query}
	for _, res := range []*calc.Result{&partial, &r} {
		final := res == &r
		headline := &answerui.Headline{Result: res, Provisional: !final, Done: len(parts), Total: s.Paths, Basis: basis}
		year := &answerui.YearTable{Ledger: res.Ledger}
		for _, c := range []app.Composer{headline, year, &answerui.Charts{Result: res, Wide: wide}} {
			c.Render()
		}
		comparedFields(headline, &answerui.Headline{Result: &r, Done: s.Paths, Total: s.Paths, Basis: basis})
		comparedFields(year, &answerui.YearTable{Ledger: r.Ledger})
	}
	return nil
}

// comparedFields compares a's exported fields with b's (both pointers to
// the same struct type) as go-app does before it renders a component again
// (its node.go, canUpdateValue: reflect.Value.Equal for scalars,
// reflect.DeepEqual otherwise) and reports how many differ.
func comparedFields(a, b any) int {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	n := 0
	for i := range va.NumField() {
		fa, fb := va.Field(i), vb.Field(i)
		if !fa.CanSet() || va.Type().Field(i).Anonymous { // go-app skips its Compo
			continue
		}
		switch fa.Kind() {
		case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Float64:
			if !fa.Equal(fb) {
				n++
			}
		default:
			if !reflect.DeepEqual(fa.Interface(), fb.Interface()) {
				n++
			}
		}
	}
	return n
}
