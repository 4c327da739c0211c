package store

import (
	"smacalc/app/fields"
	"smacalc/calc"
	"smacalc/calc/scenario"
)

// Simulator runs scenarios off the main thread. go-app runs on the browser's
// main thread and Go/WASM has no preemption there, so a long simulation on a
// goroutine would freeze the page: the browser build installs a Simulator
// backed by Web Workers (package wasm/simclient), which main gives to the
// shell (app.Start) and the shell to the store and the components that run
// side simulations.
type Simulator interface {
	// Run starts simulating the scenario (decoded once, with its
	// canonical query, which is also its cache key) and returns a function that cancels the run. update is called from the
	// browser's event loop, never concurrently, with partial results as paths
	// complete and a last Update with Final set (Result or Err). After cancel,
	// update is not called again.
	// lots are the scenario's legacy lots (nil: none), which the query
	// does not carry; a result with lots is never reused for the query
	// without them.
	Run(s fields.Scenario, lots []scenario.LegacyLot, update func(SimulationUpdate)) (cancel func())
	// Inspect reports what the SMA holds at the end of year (0 = the start)
	// on path of the scenario (see calc.Inspect), with the lots of stock
	// only (stock < 0: no lots), and that year's harvests. done is called
	// once from the browser's event loop unless cancelled first.
	Inspect(query string, path, year, stock int, done func(*calc.InspectionYear, error)) (cancel func())
	// Background simulates a scenario for a side result (such as how the
	// benefit changes with the number of stocks held) without disturbing
	// Run: on a worker of its own, one request at a time, in order. done is
	// called once from the browser's event loop unless cancelled first.
	Background(query string, done func(*calc.Result, error)) (cancel func())
	// Map computes a break-even map's cells (calc.MapCellResult: every
	// path, without the ledger), given by their canonical queries, on
	// workers of their own, starting them in the order given. cell is
	// called once a cell, with the cell's figures (its X and Y not set),
	// from the browser's event loop, in any order; after an error, or
	// after cancel, it is not called again. A cell the page already has
	// (a map's, or a full result of the query) is used as it is.
	Map(queries []string, cell func(c *calc.MapCell, err error)) (cancel func())
}

// SimulationUpdate reports a running simulation's progress.
type SimulationUpdate struct {
	Done, Total int          // paths done, paths in all
	Result      *calc.Result // the result of the paths done so far; the full result when Final
	Final       bool         // the run has ended: Result or Err is set
	Err         error        // why the run failed (Final only)
}

// PageWarmer is a Simulator whose idle warm-up (wasm/simclient's, after a
// cold visit) gives the page a turn of its own after the workers' steps:
// code that only the page's thread runs, go-app's update of the DOM, which
// a worker cannot make hot for it (it has no document).
type PageWarmer interface {
	// WarmPage has step called once the workers' warm-up steps are done,
	// on the browser's event loop while it is idle, again in a later idle
	// period each time it returns true, until it returns false: then the
	// warm-up is over. When a run has started meanwhile, step is called
	// once more with cut set, to put back what it changed, and the
	// warm-up is over. When no warm-up runs (a share link's run came
	// first), step is never called. A nil step takes the turn back.
	WarmPage(step func(cut bool) (more bool))
}
