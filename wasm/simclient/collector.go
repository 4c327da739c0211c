//go:build js && wasm

package simclient

import (
	"runtime"
	"runtime/debug"
	"time"
)

// The page's Go collector waits while a run goes on, and collects once the
// browser is idle after it.
//
// A run allocates about 2.4 MB on the page (the chunks' outcomes, the
// provisional summary, the merge, the answer's render) over a live heap
// of 1–3 MB, so with Go's default GOGC of 100 a collection fell inside
// nearly every run, most often in the final merge, the run's one task
// that the workers do not share: a desktop trace of round 13's start had
// 20 of the final task's 66 samples in the collector's mark assists. A
// run's first collection after the warm-up also made the collector's code
// hot enough for V8 to compile it with TurboFan inside the run (gcDrainN,
// scanSpan, scanObjectSmall, the span allocator), on the cores the workers
// simulate on (docs/ARCHITECTURE.md, "Round 13").
//
// So a run holds the collector back (heldGCPercent), and the page collects
// collectDelay after the run, once the browser is idle and no run goes on.
// A memory limit of the heap at the hold plus runHeadroom is the
// backstop: a run, or a series of runs cut short by new inputs, that
// allocates that much before then has the collector run anyway.
type collectorHold struct {
	held    bool   // runs have allocated since the last collection
	queued  bool   // a collection waits for the browser's idle time
	percent int    // GOGC before the hold
	limit   int64  // the memory limit before the hold
	numGC   uint32 // the collections the page had made at the hold
}

// runHeadroom is how much the page's memory may grow while the collector
// is held: the phone profile's runs allocate about as much as the
// desktop's, so this is about 25 runs' worth.
const runHeadroom = 64 << 20

// heldGCPercent is GOGC while the collector is held: the next collection
// due when the heap is ten thousand times what the last one left, that is
// at the memory limit. Not off (-1): debug.SetGCPercent(-1) waits for a
// collection in progress to end its mark, and under WebAssembly that wait
// lets the page's other goroutines run inside the input's task, go-app's
// update among them (e2e TestChangeUpdatesAfterItsTask saw the page change
// in that task).
const heldGCPercent = 1_000_000

// hold holds the collector back, if it is not held already.
func (c *collectorHold) hold() {
	if c.held {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	c.held, c.numGC = true, m.NumGC
	c.percent = debug.SetGCPercent(heldGCPercent)
	c.limit = debug.SetMemoryLimit(int64(m.Sys-m.HeapReleased) + runHeadroom)
}

// collectDelay is how long after a run's end the page waits before it
// collects, in the browser's next idle period then. The collection is one
// task (Go's collector marks the whole heap at once under WebAssembly:
// 5–14 ms on the desktop, 36–96 on the phone profile), and a person reads
// the answer for longer than that before the next input; a slider dragged on starts run after run, and the
// collector waits until it stops. Collected in the first idle period
// after the answer, the task came while the answer was being drawn and
// read: `make bench-browser` counted it, 74 ms on a busy machine, among
// the change's long tasks in one run of four.
const collectDelay = time.Second

// collectWhenIdle collects the page's heap and lets the collector run
// again collectDelay after a run's end, once the browser is idle, unless a
// run goes on then: that run's end comes back here.
func (p *Pool) collectWhenIdle() {
	c := &p.collector
	if !c.held || c.queued {
		return
	}
	c.queued = true
	afterIdle(collectDelay, func() {
		c.queued = false
		if p.current != nil || !c.held {
			return
		}
		c.held = false
		debug.SetGCPercent(c.percent)
		debug.SetMemoryLimit(c.limit)
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		// For e2e TestCollectorWaitsForTheRuns: how many collections ran
		// while held (the memory limit's, or none), and what this one
		// freed.
		collectMeasured("smacalc:run-gc", &before, map[string]any{"heldGCs": before.NumGC - c.numGC})
	})
}

// collectMeasured collects the page's heap (runtime.GC, one task's work)
// between a mark name+"-start" and a measure name, whose detail is extra
// with the heap's size before (before) and after, its size in all and the
// collections made.
func collectMeasured(name string, before *runtime.MemStats, extra map[string]any) {
	mark(name + "-start")
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	extra["heapBefore"], extra["heapAfter"] = before.HeapAlloc, after.HeapAlloc
	extra["heapSys"], extra["numGC"] = after.HeapSys, after.NumGC
	measureWith(name, name+"-start", extra)
}
