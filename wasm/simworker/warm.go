//go:build js && wasm

package simworker

import (
	"context"
	"encoding/json"
	"runtime"

	"smacalc/calc"
	"smacalc/calc/scenario"
	"smacalc/wasm/wire"
)

// warm is one step of the page's warm-up (wasm/simclient, warm.go): code
// run once here so that the first input change after a cold visit does not
// pay for it. Chrome compiles each WebAssembly function on its first call
// (lazy compilation, on the calling thread) and the page and its workers
// share one compiled module: a function compiled here is compiled for the
// page too. A trace of that first change on main a3aa8cc (e2e
// TestBrowserTrace with SMACALC_TRACE_CATEGORIES, load ~28) found 515 ms
// of lazy compilation in the input event's task alone, 366 ms of it the Go
// collector's first cycle (the page had not collected before), and 766 ms
// more in the first provisional answer's task (calc.Summarize, sorting).
//
// A step with page set compiles what the page runs for a run: the
// collector (runtime.GC), the paths' binary form both ways (wasm/wire),
// calc.Summarize, calc.Merge with the median path's ledger, and the
// result cache's JSON, on two paths of the scenario. Without it, a step
// simulates count paths of the scenario from first: the engine's hot
// functions reach V8's optimizing tier (TurboFan) while the page is idle
// instead of during the first run, where the compiler's threads took the
// two cores from the workers. The paths are thrown away.
func warm(req request, page bool) {
	answer(req, "warm-up", func(func(string, any) error) error {
		s, err := scenario.Decode(req.Query)
		if err != nil {
			return err
		}
		if page {
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
			if _, err := calc.Summarize(s, part); err != nil {
				return err
			}
			r, err := calc.Merge(s, part)
			if err != nil {
				return err
			}
			b, err := json.Marshal(&r)
			if err != nil {
				return err
			}
			var back calc.Result
			if err := json.Unmarshal(b, &back); err != nil {
				return err
			}
		} else if _, err := calc.SimulatePaths(context.Background(), s, req.First, req.Count, nil); err != nil {
			return err
		}
		post(req.ID, "warmed", "", "")
		return nil
	})
}
