//go:build js && wasm

// Package simclient runs simulations for the page in Web Workers (see
// wasm/simworker) and implements store.Simulator (package app/store).
//
// The scenario's paths are handed to the workers in chunks up front, and
// a worker that runs out takes over chunks another has not started
// (chunk_plan.go, balance.go); the page summarises what
// has arrived (calc.Summarize) for provisional figures, and merges
// everything at the end: calc.Merge's two halves, the summary of all paths
// on the page and the typical market's ledger in a worker (finish).
// Because every antithetic pair of paths has its own random
// source seeded from the scenario's seed and the pair's index, the merged
// result is identical to calc.Simulate's — in the browser and natively.
package simclient

import (
	"errors"
	"fmt"
	"slices"
	"syscall/js"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/advisor"
	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc"
	"smacalc/calc/scenario"
	"smacalc/wasm/simworker"
	"smacalc/wasm/wire"
)

// maxWorkers bounds the pool: past about four the merge and message traffic
// on the main thread cost more than the extra cores give for the path counts
// people use.
const maxWorkers = 4

// Pool is a set of simulation workers. It is used from the browser's event
// loop only (go-app handlers and worker callbacks), so it needs no locking.
type Pool struct {
	scriptURL string
	module    js.Value // the compiled app.wasm the workers run, once ready
	waiting   []*worker
	idle      []*worker
	size      int
	current   *run
	early     *earlyRun // a cold share link's run, until Run claims it (early.go)
	linked    linkStart // a share link's first chunk, started by its worker, until runLink's run adopts it (early.go)
	nextID    int
	ran       bool    // a run was sent to the workers since the page loaded
	warming   *warmUp // the warm-up in progress (warm.go)
	// pageWarmStep is the page's turn in the warm-up, after the
	// workers' steps (WarmPage; nil: none).
	pageWarmStep func(cut bool) bool

	inspector   *worker // the side worker: Inspect and Background, see inspect.go
	inspections map[int]*sideRequest

	results *resultCache // final results by canonical query
	maps    mapWorkers   // the break-even map's workers and cells (map.go)

	prerenderedKept bool // the start scenario's result is in results (RememberPrerendered, early.go)

	collector collectorHold // the page's collector, held back while a run goes on (collector.go)
}

// New returns a pool of as many workers as the browser reports cores, at
// most maxWorkers, and starts them: each worker runs this program's own WASM
// (see wasm/simworker), compiled once by the page. static/app-module.js keeps
// the Module that go-app's loader compiled; without it (a page loaded
// without that script), app.wasm is compiled again from the cache. saved
// reads the scenarios saved in this browser: the page's own reader (see
// main), whose saved scenarios' results the pool keeps stored.
func New(saved *advisor.SavedStore) *Pool {
	web := goapp.Getenv("GOAPP_STATIC_RESOURCES_URL") // "/web", or a sub-path's
	p := &Pool{scriptURL: web + "/sim-worker.js", size: 1, results: newResultCache(goapp.Getenv("GOAPP_VERSION"), saved)}
	if n := js.Global().Get("navigator").Get("hardwareConcurrency"); n.Type() == js.TypeNumber {
		p.size = min(max(1, n.Int()), maxWorkers)
	}
	if m := js.Global().Get("smacalcModule"); m.Truthy() {
		p.module = m
	} else {
		p.compile(web + "/app.wasm")
	}
	// Take over the workers a share link started before this program ran
	// (early.go), or start the workers now: starting a Go runtime takes a
	// moment, which then overlaps the page's first render instead of
	// delaying the first answer.
	if !p.adoptEarly() {
		for range p.size {
			p.idle = append(p.idle, p.spawn())
		}
	}
	// A share link's run starts now, not once the UI asks (early.go),
	// before the prerendered result is decoded (prerenderedQuery).
	prerendered := prerenderedQuery()
	p.runLink(prerendered)
	// The start scenario's result, computed when the site was built and
	// shown with the page: a return to that scenario is never simulated.
	// A share link's run has it kept once its first answer is shown
	// (early.go).
	if p.early == nil {
		p.RememberPrerendered()
	}
	// Otherwise the first input change would be the first time the
	// engine runs at all (warm.go).
	p.scheduleWarmUp(prerendered)
	return p
}

// compile compiles the WASM at url for the workers, which wait until then.
func (p *Pool) compile(url string) {
	compile := js.Global().Get("WebAssembly").Call("compileStreaming", js.Global().Call("fetch", url))
	var onCompiled, onFailed js.Func
	onCompiled = js.FuncOf(func(this js.Value, args []js.Value) any {
		p.module = args[0]
		for _, w := range p.waiting {
			w.init(p.module)
		}
		p.waiting = nil
		onCompiled.Release()
		onFailed.Release()
		return nil
	})
	onFailed = js.FuncOf(func(this js.Value, args []js.Value) any {
		msg := "the simulation engine could not be loaded"
		if len(args) > 0 {
			msg += ": " + args[0].Call("toString").String()
		}
		if p.current != nil {
			p.current.fail(errors.New(msg))
		}
		onCompiled.Release()
		onFailed.Release()
		return nil
	})
	compile.Call("then", onCompiled, onFailed)
}

// Run implements store.Simulator. A run replaces the previous one: workers
// still busy with it are terminated (a Go WASM busy in a loop cannot read a
// cancel message) and replaced on demand.
//
// The scenario comes decoded, with its canonical query: the query is what
// the workers get and, with the lots, the cache key. lots (nil: none) are
// the scenario's legacy lots, which the query does not carry: the workers
// get them as a lots file, the amount becomes their total, and the result
// is cached under the query and a hash of the lots.
func (p *Pool) Run(sc fields.Scenario, lots []scenario.LegacyLot, update func(store.SimulationUpdate)) (cancel func()) {
	if cancel, ok := p.claimEarly(sc, lots, update); ok {
		return cancel // the link's run, started before the page's Go program
	}
	p.stop()
	s, key := sc.Scenario, sc.Query
	lotsFile := "" // the worker's and the cache key's form of the lots
	if len(lots) > 0 {
		s.Legacy, s.Amount = lots, scenario.LegacyTotal(lots)
		if err := s.Validate(); err != nil {
			update(store.SimulationUpdate{Final: true, Err: err})
			return func() {}
		}
		key = s.Encode() // the amount is the lots' total
		lotsFile = scenario.LegacyLotsCSV(lots)
	}
	key = cacheKey(key, lotsFile)
	if r := p.results.get(key); r != nil {
		// Computed before (an earlier value, a saved scenario, presenter
		// mode): the same scenario always gives the same result.
		mark("smacalc:run")
		mark("smacalc:result")
		update(store.SimulationUpdate{Done: s.Paths, Total: s.Paths, Final: true, Result: r})
		return func() {}
	}
	p.nextID++
	p.collector.hold()
	r := &run{pool: p, id: p.nextID, scenario: s, key: key, update: update, started: time.Now(), received: make(coverage, s.Paths)}
	mark("smacalc:run")
	p.ran = true // ends a warm-up (warm.go)
	p.current = r
	// The paths go out in chunks (chunk_plan.go): each worker gets its
	// first chunk, then the rest of its share, which it starts without
	// waiting for the page; a worker that runs out takes over chunks from
	// another (balance.go). Chunks
	// start on even paths: the paths come in antithetic pairs (2k, 2k+1)
	// that share their random draws, so a pair simulated together costs
	// less, and a provisional result of whole pairs has the paired
	// standard error (calc.SimulatePaths).
	r.plan = chunkPlan{paths: s.Paths, workers: min(p.size, s.Paths)}
	r.query, r.lots = sc.Query, lotsFile
	p.adoptLinked(r) // a share link's first chunk, started by its worker (early.go)
	for range r.plan.workers - len(r.workers) {
		first, count := r.plan.take(true)
		if count == 0 {
			break
		}
		w := p.worker()
		r.workers = append(r.workers, w)
		w.run = r
		r.send(w, first, count)
	}
	// Up front each worker gets chunks until it holds chunksAhead of them
	// and upFrontPercent of its share of the paths (all of it): a page
	// busy rendering (seconds on a phone) cannot leave a worker without
	// work. What a division by the workers leaves goes out as chunks come
	// back; after that a worker that runs out takes over queued chunks
	// from another (balance.go).
	share := s.Paths / max(1, len(r.workers))
	for topped := true; topped; {
		topped = false
		for _, w := range r.workers {
			if c, ok := r.plan.upFront(w.held, share); ok {
				r.send(w, c.first, c.count)
				topped = true
			}
		}
	}
	return func() {
		if p.current == r {
			p.stop()
		}
	}
}

// release makes w, which holds no chunk of a run, idle again. Its pace
// was its last run's (another scenario's paths may take longer or less).
func (p *Pool) release(w *worker) {
	w.run, w.held, w.pace = nil, nil, 0
	p.idle = append(p.idle, w)
}

// stop ends the current run, terminating its busy workers (those with a
// chunk in hand); the others are idle again.
func (p *Pool) stop() {
	r := p.current
	if r == nil {
		return
	}
	p.current = nil
	r.over = true
	for _, w := range r.workers {
		if w.run != r {
			continue
		}
		if len(w.held) > 0 {
			w.terminate()
		} else {
			p.release(w)
		}
	}
	p.collectWhenIdle()
}

// worker returns an idle worker or starts a new one.
func (p *Pool) worker() *worker {
	if n := len(p.idle); n > 0 {
		w := p.idle[n-1]
		p.idle = p.idle[:n-1]
		return w
	}
	return p.spawn()
}

// spawn starts a worker for runs.
func (p *Pool) spawn() *worker {
	var w *worker
	w = p.newWorker(func(msg js.Value) { w.receive(msg) }, func(err error) { w.failed(err) })
	return w
}

// newWorker starts a Web Worker running wasm/simworker, calling receive with
// each message's data and failed when the worker itself breaks (its script
// or the Go program dies).
func (p *Pool) newWorker(receive func(js.Value), failed func(error)) *worker {
	w := p.listen(js.Global().Get("Worker").New(p.scriptURL), receive, failed)
	if p.module.Truthy() {
		w.init(p.module)
	} else {
		p.waiting = append(p.waiting, w)
	}
	return w
}

// listen makes a started Web Worker one of the pool's, calling receive with
// each message's data and failed when the worker itself breaks.
func (p *Pool) listen(started js.Value, receive func(js.Value), failed func(error)) *worker {
	w := &worker{pool: p, js: started}
	w.onMessage = js.FuncOf(func(this js.Value, args []js.Value) any {
		receive(args[0].Get("data"))
		return nil
	})
	w.onError = js.FuncOf(func(this js.Value, args []js.Value) any {
		msg := "the simulation stopped unexpectedly"
		if m := args[0].Get("message"); m.Type() == js.TypeString {
			msg += ": " + m.String()
		}
		failed(errors.New(msg))
		return nil
	})
	w.js.Set("onmessage", w.onMessage)
	w.js.Set("onerror", w.onError)
	return w
}

// run is one simulation request spread over workers.
type run struct {
	pool     *Pool
	id       int
	scenario scenario.Scenario
	key      string // the result's cache key (cacheKey)
	update   func(store.SimulationUpdate)
	workers  []*worker
	plan     chunkPlan // the paths not yet handed to a worker
	query    string    // the scenario's canonical query, for the workers
	lots     string    // its legacy lots file ("" for none), for the workers
	parts    []calc.Paths
	received coverage // which paths are in
	done     int      // paths received
	over     bool

	started       time.Time // when the run was sent to the workers
	partialShown  bool
	lastPartial   time.Time     // when the last provisional answer was sent
	refreshQueued bool          // a provisional answer is due in a task of its own (refreshSoon)
	refreshCost   time.Duration // the last provisional answer's time on the page's thread

	summary *calc.Result // every path summarised, waiting for the typical market's ledger (finish)
}

// send hands worker w paths first … first+count−1 of the run, one chunk.
func (r *run) send(w *worker, first, count int) {
	if len(w.held) == 0 {
		w.since = time.Now()
	}
	w.held = append(w.held, pathRange{first, count})
	w.post(map[string]any{
		"type": "run", "id": r.id, "query": r.query, "lots": r.lots,
		"first": first, "count": count,
	})
}

// paths takes worker w's chunk of paths (bin: their binary form), hands w
// the next chunk, if any are left, or else part of a chunk another worker
// has not started (balance.go), and shows a provisional answer, or the
// final one once every path is in.
func (r *run) paths(w *worker, bin js.Value) {
	raw := make([]byte, bin.Get("length").Int())
	js.CopyBytesToGo(raw, bin)
	part, err := wire.DecodePaths(raw)
	if err == nil && (part.First < 0 || part.First+len(part.Outcomes) > r.scenario.Paths) {
		err = fmt.Errorf("paths %d to %d of %d", part.First, part.First+len(part.Outcomes)-1, r.scenario.Paths)
	}
	if err != nil {
		r.fail(fmt.Errorf("the simulation sent an unreadable reply: %w", err))
		return
	}
	// The chunk it sent back: the first it held, unless it simulated one
	// the page had given to the other worker meanwhile (balance.go).
	if i := slices.IndexFunc(w.held, func(c pathRange) bool { return c.first == part.First }); i >= 0 {
		now := time.Now()
		w.pace, w.since = now.Sub(w.since)/time.Duration(max(1, len(part.Outcomes))), now
		w.held = slices.Delete(w.held, i, i+1)
	}
	// The next chunk: w is already simulating the one it held.
	if first, count := r.plan.take(false); count > 0 {
		r.send(w, first, count)
	} else {
		r.rebalance(w)
	}
	for _, fresh := range r.received.fresh(part) {
		r.parts = insertInPathOrder(r.parts, fresh)
		r.done += len(fresh.Outcomes)
	}
	if r.done >= r.scenario.Paths {
		r.finish(w)
		return
	}
	// After the first provisional answer, refresh it only when refreshDue
	// says so (spaced, and not just before the final result), and not in
	// this task: in a task of its own after the chunks already queued
	// (refreshSoon).
	if !r.partialShown {
		r.partial()
		return
	}
	if !r.refreshQueued && refreshDue(r.started, r.lastPartial, time.Now(), r.done, r.scenario.Paths, r.refreshCost) {
		r.refreshQueued = true
		r.refreshSoon()
	}
}

// workload is what w has to simulate of the run, as the page can tell at
// now (balance.go).
func (w *worker) workload(now time.Time) workload {
	return workloadOf(w.held, now.Sub(w.since), w.pace)
}

// rebalance gives worker w, which the plan has no chunk left for, the end
// of a chunk another worker of the run holds but has not started, or the
// whole chunk, if that evens their work out (balance.go): the holder is
// told to simulate only the chunk's start, or none of it.
func (r *run) rebalance(w *worker) {
	var others []*worker
	var holders []workload
	now := time.Now()
	for _, o := range r.workers {
		if o != w && o.run == r && !o.dead {
			others, holders = append(others, o), append(holders, o.workload(now))
		}
	}
	v, j, keep, ok := shareOut(w.workload(now), holders)
	if !ok {
		return
	}
	o, c := others[v], others[v].held[j]
	if keep > 0 {
		o.held[j].count = keep
	} else {
		o.held = slices.Delete(o.held, j, j+1)
	}
	o.post(map[string]any{"type": "withdraw", "id": r.id, "first": c.first, "count": keep})
	r.send(w, c.first+keep, c.count-keep)
	mark("smacalc:share-out")
}

// refreshSoon shows a provisional answer in a task of its own (setTimeout
// 0), with the paths received by then, unless the run is over by then.
//
// The page reads the workers' chunks one message at a time, and a
// provisional answer (a summary and a render) can take longer than the
// workers take to send the rest: on the phone profile (CPU 4×, load ≈ 60,
// main 5faaed4) a later change's page rendered provisional answers for
// 3.5 s after the workers had sent their last paths, the final result
// waiting behind them in the queue (e2e TestBrowserTrace's timeline).
// Deferred, the refresh comes after the chunks already queued: with all
// paths in, the run has finished and the refresh is dropped; otherwise it
// summarises every path received.
func (r *run) refreshSoon() {
	widget.NextTask(func() {
		r.refreshQueued = false
		if r.over || r.summary != nil || !refreshDue(r.started, r.lastPartial, time.Now(), r.done, r.scenario.Paths, r.refreshCost) {
			return
		}
		r.partial()
	})
}

// partial shows a provisional answer: the summary of the paths received.
func (r *run) partial() {
	now := time.Now()
	mark("smacalc:summarize-start")
	partial, err := calc.Summarize(r.scenario, r.parts...)
	measure("smacalc:summarize", "smacalc:summarize-start")
	if err != nil {
		r.fail(err)
		return
	}
	if !r.partialShown {
		r.partialShown = true
		mark("smacalc:first-partial")
	}
	r.lastPartial = now
	r.update(store.SimulationUpdate{Done: r.done, Total: r.scenario.Paths, Result: &partial})
	// What it cost the page's thread, read in the next timer task: the
	// summary, go-app's render (the update dispatches it to the UI
	// goroutine, which runs before this task ends) and whatever the
	// browser does before its next task (the frame's layout and paint).
	widget.NextTask(func() { r.refreshCost = time.Since(now) })
}

// finish settles the run once every path is in, last from worker w:
// calc.Merge in its two halves on two threads. The typical market's path
// comes first (calc.TypicalPath, a tenth of the summary) and goes to w,
// idle now (or to another worker of the run when w is not), whose engine
// is hot and which keeps the scenario's path simulators, to re-run it for
// its ledger (calc.LedgerOf, the worker's "ledger" request); meanwhile the
// page summarises every path (calc.MergeWithoutLedger). The final result
// is shown when the ledger is back (settle). On the page, calc.Merge re-ran that path itself, with a
// new path simulator (300 KB of lot books), after the summary: 36 ms of
// the final task's 47 ms in a trace of the first change (round 8's end,
// idle). The run's other workers are idle again.
func (r *run) finish(w *worker) {
	mark("smacalc:merge-start")
	path, err := calc.TypicalPath(r.scenario, r.parts...)
	if err != nil {
		r.end(err)
		return
	}
	// The ledger goes to a worker that holds no chunk: w, unless w still
	// simulates a chunk's end that the other worker sent first
	// (balance.go).
	l := w
	for _, o := range r.workers {
		if len(l.held) > 0 && o.run == r && !o.dead && len(o.held) == 0 {
			l = o
		}
	}
	for _, o := range r.workers {
		if o.run == r && o != l {
			r.pool.release(o)
		}
	}
	l.post(map[string]any{"type": "ledger", "id": r.id, "query": r.query, "lots": r.lots, "path": path})
	summary, err := calc.MergeWithoutLedger(r.scenario, r.parts...)
	// The page's own part of the merge (merge_ms in the benchmark); the
	// final result follows the ledger (smacalc:settle).
	measure("smacalc:merge", "smacalc:merge-start")
	if err != nil {
		r.end(err)
		return
	}
	r.summary = &summary
}

// ledger takes the typical market's ledger from worker w (bin: its binary
// form, wasm/wire) and settles the run with it.
func (r *run) ledger(w *worker, bin js.Value) {
	raw := make([]byte, bin.Get("length").Int())
	js.CopyBytesToGo(raw, bin)
	l, err := wire.DecodeLedger(raw)
	if err != nil || r.summary == nil {
		r.end(fmt.Errorf("the simulation sent an unreadable ledger: %v", err))
		return
	}
	r.settle(l)
}

// ledgerOnPage re-runs the typical market's path on the page, when the
// worker asked for its ledger failed, and settles the run with it.
func (r *run) ledgerOnPage() {
	l, err := calc.LedgerOf(r.scenario, r.summary.MedianMarket.Path)
	if err != nil {
		r.end(err)
		return
	}
	r.settle(l)
}

// settle shows the final result: the summary with the typical market's
// ledger (calc.Result.AddLedger: then it is calc.Merge's, field for
// field).
func (r *run) settle(l calc.TypicalLedger) {
	result := *r.summary
	if err := result.AddLedger(l); err != nil {
		r.end(err)
		return
	}
	measure("smacalc:settle", "smacalc:merge-start")
	r.end(nil)
	mark("smacalc:result")
	r.update(store.SimulationUpdate{Done: r.done, Total: r.scenario.Paths, Final: true, Result: &result})
	// Storing the result (JSON, localStorage) can wait until the page has
	// shown it: done at once it delayed the result on screen.
	cache, key := r.pool.results, r.key
	cache.remember(key, &result)
	whenIdle(func() { cache.persist(key, &result) })
}

// end ends the run, its workers idle again; with err, it shows err as its
// final update.
func (r *run) end(err error) {
	r.over = true
	if r.pool.current == r {
		r.pool.current = nil
	}
	for _, w := range r.workers {
		if w.run == r && !w.dead {
			r.pool.release(w)
		}
	}
	r.pool.collectWhenIdle()
	if err != nil {
		r.update(store.SimulationUpdate{Done: r.done, Total: r.scenario.Paths, Final: true, Err: err})
	}
}

// callOnce is f as a JavaScript function for one call, released by it.
func callOnce(f func()) js.Func {
	var cb js.Func
	cb = js.FuncOf(func(js.Value, []js.Value) any {
		cb.Release()
		f()
		return nil
	})
	return cb
}

// afterIdle calls f once the browser is idle after d.
func afterIdle(d time.Duration, f func()) {
	js.Global().Call("setTimeout", callOnce(func() { whenIdle(f) }), d.Milliseconds())
}

// whenIdle calls f once the browser is idle (requestIdleCallback), or in
// half a second where it has no such call (Safari).
func whenIdle(f func()) {
	cb := callOnce(f)
	if ric := js.Global().Get("requestIdleCallback"); ric.Type() == js.TypeFunction {
		js.Global().Call("requestIdleCallback", cb, map[string]any{"timeout": 2000})
		return
	}
	js.Global().Call("setTimeout", cb, 500)
}

// measure records a User Timing measure from the mark start to now.
func measure(name, start string) {
	if perf := js.Global().Get("performance"); perf.Truthy() && perf.Get("measure").Truthy() {
		perf.Call("measure", name, start)
	}
}

// measureWith records a User Timing measure from the mark start to now
// that carries detail (read by e2e tests and traces).
func measureWith(name, start string, detail map[string]any) {
	if perf := js.Global().Get("performance"); perf.Truthy() && perf.Get("measure").Truthy() {
		perf.Call("measure", name, map[string]any{"start": start, "detail": detail})
	}
}

// mark records a User Timing mark: visible in the browser's performance
// panel, and read by the browser benchmark (e2e, `make bench-browser`).
func mark(name string) {
	if perf := js.Global().Get("performance"); perf.Truthy() && perf.Get("mark").Truthy() {
		perf.Call("mark", name)
	}
}

// fail ends the run with err; its workers are replaced, not reused. A
// worker failing with the run's ledger (finish) leaves it to the page.
func (r *run) fail(err error) {
	if r.over {
		return
	}
	if r.summary != nil {
		r.ledgerOnPage()
		return
	}
	r.over = true
	if r.pool.current == r {
		r.pool.current = nil
	}
	for _, w := range r.workers {
		if w.run == r {
			w.terminate()
		}
	}
	r.update(store.SimulationUpdate{Done: r.done, Total: r.scenario.Paths, Final: true, Err: err})
}

// worker is one Web Worker running wasm/simworker.
type worker struct {
	pool               *Pool
	js                 js.Value
	onMessage, onError js.Func
	run                *run          // the run it is busy with, nil when idle
	held               []pathRange   // the run's chunks it holds (sent, not yet back), in the order it simulates them
	since              time.Time     // when it started the first of them: its last reply, or when it got it
	pace               time.Duration // a path's time in its last chunk (0: none back yet)
	link               int           // the run that adopted the share link's chunk it started on its own (early.go), 0: none
	dead               bool
}

func (w *worker) init(module js.Value) {
	w.js.Call("postMessage", map[string]any{"type": "init", "module": module})
}

func (w *worker) post(msg map[string]any) { w.js.Call("postMessage", msg) }

func (w *worker) receive(msg js.Value) {
	if w.pool.warmReply(w, msg) { // warm.go
		return
	}
	if msg.Get("type").String() == "error" && msg.Get("id").Int() < 0 {
		w.failed(errors.New(msg.Get("message").String())) // the worker could not start
		return
	}
	r, id := w.run, msg.Get("id").Int()
	if id == simworker.LinkRunID && w.link != 0 {
		id, w.link = w.link, 0 // the link's first chunk, adopted by run w.link (early.go)
	}
	if r == nil || r.over || id != r.id {
		return // a stale reply from a replaced run
	}
	switch msg.Get("type").String() {
	case "paths":
		r.paths(w, msg.Get("bin"))
	case "ledger":
		r.ledger(w, msg.Get("bin"))
	case "error":
		r.fail(errors.New(msg.Get("message").String()))
	}
}

func (w *worker) failed(err error) {
	if r := w.run; r != nil {
		r.fail(err)
	}
	w.terminate()
}

// terminate stops the worker for good; it is never reused.
func (w *worker) terminate() {
	if w.dead {
		return
	}
	w.dead = true
	w.run = nil
	w.js.Call("terminate")
	w.onMessage.Release()
	w.onError.Release()
	for i, idle := range w.pool.idle {
		if idle == w {
			w.pool.idle = append(w.pool.idle[:i], w.pool.idle[i+1:]...)
			break
		}
	}
}
