//go:build js && wasm

package simworker

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"

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
//     (wasm/wire), calc.Summarize, calc.Merge with the median path's ledger,
//     and the result cache's JSON, on two paths of the scenario: the first
//     run's lazy compilation, on both workers (each also collects its own
//     heap once);
//   - "paths": count paths of the scenario from first, as a run's chunk is
//     simulated and encoded, decoded as the page does, and kept;
//   - "summary": calc.Summarize and calc.Merge (and the JSON) over the
//     paths kept, as the page does at a run's provisional answers and its
//     end; the paths are then dropped. The "paths" steps before it cover
//     the scenario's paths (the page sends a scenario of warm-up size).
//
// Nothing a step computes is shown or kept past the summary.
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
			paths, err := calc.SimulatePaths(context.Background(), s, 0, 2, nil)
			if err != nil {
				return err
			}
			part, err := wire.DecodePaths(wire.AppendPaths(nil, paths))
			if err != nil {
				return err
			}
			if err := summarize(s, []calc.Paths{part}); err != nil {
				return err
			}
		case "paths":
			paths, err := calc.SimulatePaths(context.Background(), s, req.First, req.Count, nil)
			if err != nil {
				return err
			}
			warmBuf = wire.AppendPaths(warmBuf[:0], paths)
			part, err := wire.DecodePaths(warmBuf)
			if err != nil {
				return err
			}
			warmParts = append(warmParts, part)
		case "summary":
			parts := warmParts
			warmParts = nil
			if err := summarize(s, parts); err != nil {
				return err
			}
		default:
			return fmt.Errorf("no warm-up step %q", step)
		}
		post(req.ID, "warmed", "", "")
		return nil
	})
}

// The "paths" steps' decoded paths, for the "summary" step, and the binary
// form's buffer, reused as a run reuses its own.
var (
	warmParts []calc.Paths
	warmBuf   []byte
)

// summarize does with parts what the page does with a run's paths: a
// provisional summary, the merged result and the result cache's JSON both
// ways. parts must hold every path of s.
func summarize(s scenario.Scenario, parts []calc.Paths) error {
	if _, err := calc.Summarize(s, parts...); err != nil {
		return err
	}
	r, err := calc.Merge(s, parts...)
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
