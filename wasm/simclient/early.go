//go:build js && wasm

package simclient

import (
	"errors"
	"slices"
	"strings"
	"syscall/js"
	"time"

	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/calc/scenario"
	"smacalc/wasm/simworker"
)

// A cold visit through a share link of another scenario than the page was
// prerendered with has no answer to show until the workers have one.
// Measured step by step (e2e TestColdLinkSteps), its run used to start only
// once the UI had loaded, mounted and asked for it — about as long again as
// loading and compiling app.wasm — and the workers' own Go runtimes started
// only then (docs/ARCHITECTURE.md "Speed: a cold share link"). Now
// static/app-module.js creates the link's workers while the page is parsed
// and hands them the compiled Module with the page's own, New adopts them
// (adoptEarly) and starts the link's run at once (runLink), and the UI's
// first Run of that scenario takes the run over (claimEarly): one run, its
// result cached under its canonical query like any other. The page's Go
// program waits for the run's first answer (LinkAnswer) and shows it
// before it starts the UI (main_wasm.go), whose mount would otherwise keep
// the thread from reading it.

// earlyRun is the link's run started by New, until the UI's first Run
// claims it. Its updates are held meanwhile: the latest (a provisional
// answer, or the final one) is handed over on the claim. first is closed
// by the first update (LinkAnswer waits for it).
type earlyRun struct {
	run      *run
	scenario fields.Scenario
	held     *store.SimulationUpdate
	first    chan struct{}
}

// adoptEarly makes the workers that smacalcStartLink created the pool's
// idle workers, and reports whether there were any. A worker that broke
// before this program ran is replaced.
func (p *Pool) adoptEarly() bool {
	early := js.Global().Get("smacalcEarly")
	if !early.Truthy() {
		return false
	}
	js.Global().Delete("smacalcEarly")
	started := early.Get("workers")
	broken := map[int]string{}
	for i, errs := 0, early.Get("errors"); i < errs.Length(); i++ {
		broken[errs.Index(i).Index(0).Int()] = errs.Index(i).Index(1).String()
	}
	// smacalcStartLink hands the workers the Module that static/app-module.js
	// kept, before this program runs; without it (New compiles app.wasm
	// again) they wait for New's.
	handed := js.Global().Get("smacalcModule").Truthy()
	// The worker that simulates the link's first chunk on its own (−1:
	// none), handed the address's query with the Module
	// (wasm/simworker, link.go).
	link := -1
	if l := early.Get("link"); l.Type() == js.TypeNumber && handed {
		link = l.Int()
	}
	for i := range started.Length() {
		var w *worker
		w = p.listen(started.Index(i), func(msg js.Value) { w.receive(msg) }, func(err error) { w.failed(err) })
		if msg, ok := broken[i]; ok {
			w.failed(errors.New(msg))
			continue
		}
		if !handed {
			p.waiting = append(p.waiting, w)
		}
		if i == link {
			p.linked.worker = w
			// What it sent before this program took it over: its
			// chunk, when it was done first (runLink reads it).
			for k, replies := 0, early.Get("replies"); k < replies.Length(); k++ {
				p.linked.replies = append(p.linked.replies, replies.Index(k))
			}
		}
		p.idle = append(p.idle, w)
	}
	return true
}

// linkStart is a share link's first chunk, which the worker simulates on
// its own from the address's query (wasm/simworker, link.go), until
// runLink's run adopts it.
type linkStart struct {
	worker  *worker    // the link's worker (none: no such chunk)
	query   string     // the link's canonical query, once runLink decoded it
	replies []js.Value // what the worker sent before this program took it over
}

// adoptLinked makes the link's first chunk, which its worker started on
// its own (p.linked, wasm/simworker link.go), run r's first chunk: paths 0
// to simworker.LinkChunk − 1, held by that worker, whose reply
// (simworker.LinkRunID) is r's (worker.receive). Only runLink's run
// adopts it, and only when that worker is still idle and r is the link's
// scenario as the worker decoded it (the same query, no lots: the chunk's
// paths carry their canonical query, which calc.Summarize and calc.Merge
// check again). Called by Run before it hands out the first chunks.
func (p *Pool) adoptLinked(r *run) {
	w := p.linked.worker
	if w == nil || p.linked.query != r.query || w.link != 0 {
		return
	}
	if w.dead || w.run != nil || r.lots != "" {
		return
	}
	n := simworker.LinkChunk(r.scenario.Paths)
	if !r.plan.takeStarted(n) {
		return
	}
	p.idle = slices.DeleteFunc(p.idle, func(idle *worker) bool { return idle == w })
	r.workers = append(r.workers, w)
	w.run, w.held, w.link = r, []pathRange{{0, n}}, r.id
	mark("smacalc:link-adopted")
}

// prerenderedQuery is the canonical query of the start scenario the page
// was prerendered with ("" for none), as the page names it
// (<meta name="smacalc-prerendered">, which static/first-paint.js reads
// too). The result itself is in go-app's environment as JSON
// (store.PrerenderedFromEnv), whose decoding and consistency check take a
// while in a WASM that has just been compiled: a share link's run need
// not wait for them.
func prerenderedQuery() string {
	meta := js.Global().Get("document").Call("querySelector", `meta[name="smacalc-prerendered"]`)
	if !meta.Truthy() {
		return ""
	}
	return meta.Get("content").String()
}

// runLink starts the run of the page's address when it is a share link of
// a scenario other than the prerendered one (prerendered: its canonical
// query, "" for none), before the UI is up. A link that does not decode
// as it is is left to the UI, which names its problems and runs what it
// recovers (fields.Recover). A result in the cache (a link computed in an
// earlier visit) is not run again: Run finds it.
func (p *Pool) runLink(prerendered string) {
	// The link's worker's first chunk (adoptLinked) is for this run only:
	// a link that is not run here (it does not decode, it is the
	// prerendered scenario, its result was stored) leaves it unused, its
	// reply dropped as a stale one.
	defer func() { p.linked = linkStart{} }()
	raw := strings.TrimPrefix(js.Global().Get("location").Get("search").String(), "?")
	if raw == "" {
		return
	}
	s, err := scenario.Decode(raw)
	if err != nil {
		return
	}
	sc := fields.Of(s)
	if sc.Query == prerendered {
		return // the page's own answer (app/store runs nothing for it)
	}
	// Its first chunk may be simulated already (adoptLinked).
	p.linked.query = sc.Query
	// One core is left to the page's own start-up (loading, mounting and
	// rendering the UI), which the answer waits for as well: on 2 cores,
	// the page and two workers would each get two thirds of one, and the
	// UI, the longer of the two, would be ready later. The run's other
	// workers join the next runs.
	size := p.size
	if n := js.Global().Get("navigator").Get("hardwareConcurrency"); n.Type() == js.TypeNumber {
		p.size = min(size, max(1, n.Int()-1))
	}
	e := &earlyRun{scenario: sc, first: make(chan struct{})}
	p.Run(sc, nil, func(u store.SimulationUpdate) {
		if e.held == nil {
			close(e.first)
		}
		e.held = &u
	})
	p.size = size
	if p.current != nil {
		e.run, p.early = p.current, e
	}
	// The link's worker's chunk, when it came before this program took
	// the worker over: read now, as it would have been on its arrival.
	if w := p.linked.worker; w != nil && w.link != 0 && len(p.linked.replies) > 0 {
		mark("smacalc:link-early-reply") // e2e TestShareLinkStartsInItsWorker
		for _, msg := range p.linked.replies {
			w.receive(msg)
		}
	}
}

// RememberPrerendered keeps the start scenario's result, computed when
// the site was built and shown with the page (store.PrerenderedFromEnv),
// in the result cache, so that a return to that scenario is never
// simulated. New keeps it at once, but for a share link's run: decoding
// and checking it (JSON, calc.Result.CheckConsistency, in a WASM whose
// code has not run yet) holds the page's thread for one task, and the
// link's first chunk, which its worker now simulates from the start
// (adoptLinked), came back while that task ran (a trace of round 8: 200 ms
// at load 15) and was read only after it. The page's Go program calls it
// once the link's first answer is shown (main_wasm.go). Called again, it
// does nothing.
func (p *Pool) RememberPrerendered() {
	if p.prerenderedKept {
		return
	}
	p.prerenderedKept = true
	if r := store.PrerenderedFromEnv(); r != nil {
		p.results.remember(r.Scenario, r)
	}
}

// claimEarly hands the early run over to the UI's first Run when that Run
// is of the same scenario (its canonical query, no legacy lots) and the
// run is still going: update gets the held update at once and the run's
// next ones. Otherwise that Run goes on as usual: it stops the early run
// (its busy workers are replaced) or finds its result in the cache.
func (p *Pool) claimEarly(sc fields.Scenario, lots []scenario.LegacyLot, update func(store.SimulationUpdate)) (cancel func(), ok bool) {
	e := p.early
	if e == nil {
		return nil, false
	}
	p.early = nil // the first Run decides
	r := e.run
	if r != p.current || r.over || len(lots) > 0 || r.key != cacheKey(sc.Query, "") {
		return nil, false
	}
	r.update = update
	mark("smacalc:claimed")
	if e.held != nil {
		update(*e.held)
	}
	return func() {
		if p.current == r {
			p.stop()
		}
	}, true
}

// LinkAnswer waits for the first answer of the link's run that New
// started (runLink), for at most limit, and returns it with the link's
// scenario; ok is false when there is no such run, when it failed, or when
// limit passed first (the UI then shows the answer when it has it, as
// without this wait).
//
// The page's Go program runs on the browser's main thread, which mounting
// the UI keeps busy without a break for about as long as loading the WASM
// (a second on an idle 2-core machine, measured by TestColdLinkSteps):
// the workers' replies cannot even be read meanwhile, so the link's answer
// waited for the whole mount although the workers had it before. Waiting
// here first, with the thread free for the workers' messages, puts the
// first answer on screen (main_wasm.go) a mount earlier; the UI then takes
// the run over with the same update (claimEarly).
//
// While it waits, the calling goroutine is blocked and the Go runtime
// hands the thread back to the browser, so the pool's message handlers
// run.
//
// prepare, unless nil, is called first with the link's scenario when the
// answer has not come yet: work for the page's thread while a worker
// simulates (main_wasm.go).
func (p *Pool) LinkAnswer(limit time.Duration, prepare func(link fields.Scenario)) (u store.SimulationUpdate, link fields.Scenario, ok bool) {
	e := p.early
	if e == nil || e.run == nil {
		return store.SimulationUpdate{}, fields.Scenario{}, false
	}
	if prepare != nil && e.held == nil {
		prepare(e.scenario)
	}
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case <-e.first:
	case <-timer.C:
		return store.SimulationUpdate{}, fields.Scenario{}, false
	}
	if p.early != e || e.held.Err != nil || e.held.Result == nil {
		return store.SimulationUpdate{}, fields.Scenario{}, false
	}
	return *e.held, e.scenario, true
}
