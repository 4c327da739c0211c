//go:build js && wasm

package simclient

import (
	"runtime"
	"syscall/js"

	"smacalc/app/fields"
	"smacalc/app/widget"
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
// can compile for the page: the pool's workers run the warm-up steps of
// wasm/simworker (warm.go), one message each, the next sent when the last
// is done:
//
//   - the page's step, on one worker as soon as the pool starts (while the
//     page loads the UI), on the others once the page is idle: the Go
//     collector's first cycle, the paths' binary form, calc.Summarize,
//     calc.Merge and the result cache's JSON, on two paths;
//   - then, on one worker, warmPaths paths of the start scenario at most
//     (why not a run's worth: see there), warmStepPaths a step, simulated,
//     encoded and decoded as a run's chunks are, and a summary of them
//     (Summarize, Merge, JSON), so that a run's functions, the engine's
//     and the page's, have run and begun to tier up (TurboFan) while the
//     page is idle. V8 counts a function's heat per instance, so one
//     worker takes all of them;
//   - then, on the same worker, the years scenario's paths and the answer
//     steps (warm_plan.go): what round 8's code log still found TurboFan
//     compiling inside the first change's run, the engine's once-a-year
//     functions and the page's side of an answer (summary, merge, the
//     answer's render), made hot here so that their compilation is done
//     while the page is idle, not on the cores the first run needs;
//   - and beside them, from the browser's first idle period, the page's
//     own turn (WarmPage: app's update rehearsal), one step an idle
//     period: go-app's update of the DOM, which only the page's thread
//     can run, made hot and seen with every kind of element
//     (docs/ARCHITECTURE.md, "Round 10: go-app's update, rehearsed";
//     until round 11 it came after the workers' steps). The
//     smacalc:warmed mark comes when both are done.
//
// Round 5's warm-up (the page's step and 24 paths on one worker, then
// idle) left 720–900 ms of TurboFan CPU in the first run on the desktop
// (traces of main 03e9b7b, load ≈ 30), and the run's encoding, summaries
// and merge had not run at all (docs/ARCHITECTURE.md, "Round 6: the first
// change, continued"): the summary step and the page's step on every
// worker are from there.
//
// A step is a few milliseconds once compiled (the first ones: the
// compilation, tens of milliseconds, in the worker; the summary, a run's
// merge). A run stops the warm-up: no further step is sent, and the run's
// message to a worker waits behind at most the step in progress. Nothing
// is warmed when a run has started already (a share link's run warms as it
// goes).

// warmUp is the warm-up in progress.
type warmUp struct {
	worker *worker
	query  string     // the start scenario with warmPaths paths at most
	years  string     // the years scenario's query (warm_plan.go)
	plan   []warmStep // warmPlan's
	at     int        // the next step in plan
	id     int        // the step in progress
	idle   bool       // the browser has been idle since the page loaded
	held   bool       // the page's step is done, the next waits for idle

	stepsDone bool // the workers' steps are done
	pageDone  bool // the page's turn (warmPageStep) is done or cut
}

// scheduleWarmUp starts the warm-up, with the start scenario's query
// (prerendered; "" for the default scenario): the page's step at once, the
// rest once the browser is idle.
func (p *Pool) scheduleWarmUp(query string) {
	s := scenario.DefaultScenario()
	if query != "" {
		var err error
		if s, err = scenario.Decode(query); err != nil {
			return // the page's own query: the first run will tell
		}
	}
	years, withYears := yearsScenario(s)
	s.Paths = min(s.Paths, warmPaths)
	wu := &warmUp{query: s.Encode(), years: years.Encode(), plan: warmPlan(s.Paths, withYears)}
	if p.ran || p.current != nil || len(p.idle) == 0 {
		return
	}
	// Workers stay idle: a run may take them at once. The last one gets
	// every step, the page's at once: it compiles the page's run handling
	// on a worker's core while the page's thread loads and mounts the UI
	// (seconds on a phone), so that even an input change made as soon as
	// the UI is up (the phone benchmark's) finds it compiled. The
	// simulation steps wait for the browser to be idle.
	wu.worker = p.idle[len(p.idle)-1]
	p.warming = wu
	p.warmStep()
	whenIdle(func() {
		if p.ran || p.current != nil || p.warming != wu {
			return
		}
		// Every other worker gets the page's step alone (its replies are
		// taken as a stale step's, below).
		for _, w := range p.idle {
			if w != wu.worker {
				p.nextID++
				w.post(map[string]any{"type": "warm", "id": p.nextID, "query": wu.query, "step": "page", "first": 0, "count": 0})
			}
		}
		wu.idle = true
		if wu.held {
			wu.held = false
			p.warmStep()
		}
		// The page's turn goes beside the workers' steps, from the first
		// idle period: an input change made early, before the workers'
		// steps are done (on a phone, seconds), then finds go-app's
		// update rehearsed too (docs/ARCHITECTURE.md, "Round 11: the
		// page's turn beside the workers'").
		whenIdle(func() { p.warmPageStep(wu) })
	})
}

// warmStep sends the next warm-up step, or gives the page its turn when
// the workers' steps are done, or ends the warm-up when a run has started.
func (p *Pool) warmStep() {
	wu := p.warming
	if wu == nil {
		return
	}
	if p.ran || wu.worker.dead || wu.worker.run != nil {
		p.warming = nil
		return
	}
	if wu.at > 0 && !wu.idle {
		wu.held = true // the page's step is done; the rest when idle
		return
	}
	if wu.at == len(wu.plan) { // the last answer step is done
		wu.stepsDone = true
		p.warmed(wu)
		return
	}
	step := wu.plan[wu.at]
	query, kind := wu.query, step.kind
	switch {
	case kind == "years":
		query = wu.years
	case kind == "answer" && widget.WideScreen():
		kind = "answer-wide" // the drawings the page shows
	}
	// For e2e TestBrowserCompare and TestBrowserTrace: which step was in
	// flight when a change came (a change during the warm-up measures
	// something else).
	if perf := js.Global().Get("performance"); perf.Truthy() && perf.Get("mark").Truthy() {
		perf.Call("mark", "smacalc:warm-step", map[string]any{"detail": map[string]any{"step": kind, "index": wu.at + 1, "of": len(wu.plan)}})
	}
	p.nextID++
	wu.id = p.nextID
	wu.at++
	wu.worker.post(map[string]any{"type": "warm", "id": wu.id, "query": query, "step": kind, "first": step.first, "count": step.count})
}

// warmPageStep gives the page its turn (WarmPage) in warm-up wu, beside
// the workers' steps: one call of its step an idle period, until the step
// is done, or cut (its step's cut) once a run has started.
func (p *Pool) warmPageStep(wu *warmUp) {
	mark("smacalc:warm-page") // one a step: the tests and traces see where it stood
	if p.pageWarmStep != nil && p.pageWarmStep(p.ran) && !p.ran {
		whenIdle(func() { p.warmPageStep(wu) })
		return
	}
	wu.pageDone = true
	p.warmed(wu)
}

// warmed ends warm-up wu once both its parts are done, the workers' steps
// and the page's turn, unless a run ended it before.
func (p *Pool) warmed(wu *warmUp) {
	if p.warming != wu || !wu.stepsDone || !wu.pageDone {
		return
	}
	p.warming = nil
	if p.ran {
		return
	}
	mark("smacalc:warmed") // the benchmark and the traces show when
	whenIdle(p.collectPage)
}

// WarmPage implements store.PageWarmer.
func (p *Pool) WarmPage(step func(cut bool) bool) { p.pageWarmStep = step }

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

// Rehearse implements store.Rehearser: the page's part of starting a run
// of sc, when sc's result is in the result cache (the prerendered start
// scenario: app/store's rehearsal of an input change, right after the UI
// is painted), computing nothing and sending nothing to the workers. Then,
// in a task of its own, the page's first collection (collectPage): on the
// phone profile the first change comes about 100 ms after the UI is up,
// with no idle time before it, and the collector's first cycle on the
// page's heap was in the input's task (docs/ARCHITECTURE.md, "Round 7:
// the first change's task").
func (p *Pool) Rehearse(sc fields.Scenario) {
	if p.ran || p.current != nil || p.early != nil {
		return
	}
	if p.results.get(cacheKey(sc.Query, "")) == nil {
		return // not a result the page has: a run would compute it
	}
	mark("smacalc:rehearsed")
	widget.NextTask(p.collectPage)
}

// collectPage runs the Go collector on the page's own heap once, unless a
// run has started or the page has collected already: after the rehearsal
// of an input change (Rehearse), or else once the warm-up is done and the
// browser is idle again.
// The workers' steps compile the collector for the page (one module), but
// only the page can collect its heap: what the page allocated while it
// loaded (the UI's tree, the prerendered result, the stores) was otherwise
// collected in the first input change's task, the collector's mark assists
// slowing go-app's update (traces of main 03e9b7b: runtime.gcBgMarkWorker
// in 14% of the input task's samples). The collection is one task; its
// mark, "smacalc:page-gc", carries the heap's size before and after.
func (p *Pool) collectPage() {
	if p.ran {
		return
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	if before.NumGC > 0 {
		return // collected once already (by this, or by the runtime itself)
	}
	collectMeasured("smacalc:page-gc", &before, map[string]any{})
}
