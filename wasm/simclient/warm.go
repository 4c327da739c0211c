//go:build js && wasm

package simclient

import (
	"syscall/js"

	"smacalc/calc/scenario"
)

// The first input change after a cold visit was the slow one: on main
// a3aa8cc (idle, desktop) its full result took 1,444 ms and the next three
// 431–540 ms. The cold visit shows the prerendered answer, so that change
// is the first time the engine and the page's handling of a run execute at
// all, and Chrome compiles each WebAssembly function on its first call
// (lazy compilation, on the calling thread), then recompiles the hot ones
// with TurboFan on background threads, which on 2 cores took the workers'
// cores (docs/ARCHITECTURE.md, "Speed: the first input change after a cold
// visit"). The page and its workers share one compiled module, so a worker
// can compile for the page: once the page is idle after loading, one of
// the pool's workers runs the warm-up steps of wasm/simworker (warm.go),
// one message each, the next sent when the last is done:
//
//   - the page's step: the Go collector's first cycle, the paths' binary
//     form, calc.Summarize, calc.Merge and the result cache's JSON, on two
//     paths;
//   - then warmPaths paths of the start scenario, two a step, for the
//     engine's hot functions to reach the optimizing tier.
//
// A step is a few milliseconds once compiled (the first one: the
// compilation, tens of milliseconds, in the worker). A run stops the
// warm-up: no further step is sent, and the run's message to that worker
// waits behind at most the step in progress. Nothing is warmed when a run
// has started already (a share link's run warms as it goes).

// warmPaths is how many paths of the start scenario the warm-up simulates
// after the page's step, warmStepPaths a step. The paths are thrown away:
// about an eighth of a default run's work, on one worker.
const (
	warmPaths     = 24
	warmStepPaths = 2
)

// warmUp is the warm-up in progress.
type warmUp struct {
	worker *worker
	query  string
	id     int // the step in progress
	next   int // the next path to simulate; -1: the page's step is next
}

// scheduleWarmUp starts the warm-up once the browser is idle, with the
// start scenario's query (prerendered; "" for the default scenario).
func (p *Pool) scheduleWarmUp(query string) {
	if query == "" {
		query = scenario.DefaultScenario().Encode()
	}
	whenIdle(func() {
		if p.ran || p.current != nil || p.warming != nil || len(p.idle) == 0 {
			return
		}
		w := p.idle[len(p.idle)-1] // stays idle: a run may take it at once
		p.warming = &warmUp{worker: w, query: query, next: -1}
		p.warmStep()
	})
}

// warmStep sends the next warm-up step, or ends the warm-up when it is
// done or a run has started.
func (p *Pool) warmStep() {
	wu := p.warming
	if wu == nil {
		return
	}
	if p.ran || wu.worker.dead || wu.worker.run != nil {
		p.warming = nil
		return
	}
	if wu.next >= warmPaths {
		p.warming = nil
		mark("smacalc:warmed") // the benchmark and the traces show when
		return
	}
	p.nextID++
	wu.id = p.nextID
	msg := map[string]any{"type": "warm", "id": wu.id, "query": wu.query, "first": 0, "count": 0}
	if wu.next < 0 {
		msg["page"] = true
		wu.next = 0
	} else {
		msg["first"], msg["count"] = wu.next, warmStepPaths
		wu.next += warmStepPaths
	}
	wu.worker.post(msg)
}

// warmReply takes a worker's reply to the warm-up step in progress and
// reports whether msg was one: "warmed" sends the next step; an error
// ends the warm-up (the first run then compiles what is left, as it did
// without one).
func (p *Pool) warmReply(w *worker, msg js.Value) bool {
	wu := p.warming
	if wu == nil || wu.worker != w || msg.Get("id").Int() != wu.id {
		return msg.Get("type").String() == "warmed" // a stale step's
	}
	if msg.Get("type").String() == "warmed" {
		p.warmStep()
	} else {
		p.warming = nil
	}
	return true
}
