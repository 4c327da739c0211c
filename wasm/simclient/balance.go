package simclient

import (
	"time"

	"smacalc/calc"
)

// A run's workers end together when the one that runs out of chunks takes
// over part of a chunk another worker holds but has not started.
//
// Before, each worker got three quarters of its share up front, so that a
// page busy rendering could not leave it without work, and the last
// quarter was handed out as chunks came back; but a worker that lost the
// cores to the page's render or to V8's compiler threads early in the run
// still held most of its share when the other had simulated its own and
// the chunks handed out later. Traces of the desktop's change after the
// warm-up (e2e TestBrowserTrace, main c4a746e) showed one worker idle at
// the end of 376–519 ms runs while the other simulated the chunks it still
// held (six traces: 21, 66, 72, 14, 53 and 20 ms). Now every path is
// handed out up front (upFrontPercent, chunk_plan.go), and the ends are
// evened out here.
//
// When the plan has nothing left for a worker that is down to the chunk
// it simulates, the page takes the end of a chunk, or a whole chunk, that
// another worker holds in its queue (shareOut): the holder is told to
// simulate only the chunk's start, or to drop it ("withdraw",
// static/sim-worker.js, which starts a chunk only after reading the
// messages that came while it simulated the previous one), and the idle
// worker gets the rest as a chunk of its own. The holder may have started
// the chunk by the time the message comes (its reply of the chunk before
// was on its way): then both simulate the part taken, and the page keeps
// the paths it receives first (coverage.fresh). Either way every path is
// in once, and a path's outcome does not depend on which worker simulated
// it (calc.SimulatePaths).

// pathRange is a chunk of a run's paths: first … first+count−1.
type pathRange struct{ first, count int }

// heldPaths is how many paths the chunks of held hold.
func heldPaths(held []pathRange) int {
	n := 0
	for _, c := range held {
		n += c.count
	}
	return n
}

// workload is what a worker of a run has to simulate: the chunks it holds,
// in the order it simulates them, and how many of their paths it has
// simulated as far as the page can tell (done).
type workload struct {
	held []pathRange
	done float64
}

// left is how many paths the worker still has to simulate.
func (l workload) left() float64 { return float64(heldPaths(l.held)) - l.done }

// workloadOf is the workload of a worker holding held, which started the
// first of them elapsed ago and simulated its last chunk at pace (a path's
// time; 0: none is back yet, and then half the first chunk counts as
// done). The page reads a worker's replies only between its own tasks: a
// page busy rendering (hundreds of milliseconds on the phone profile)
// reads them late, and by then the worker may be chunks further on, which
// the estimate counts.
func workloadOf(held []pathRange, elapsed, pace time.Duration) workload {
	l := workload{held: held}
	switch {
	case len(held) == 0:
	case pace <= 0:
		l.done = float64(held[0].count) / 2
	default:
		l.done = min(float64(heldPaths(held)), float64(elapsed)/float64(pace))
	}
	return l
}

// shareOut chooses what a worker with workload thief (at most the chunk it
// simulates) takes over from the others, holders[v] worker v's: the end of
// chunk holders[victim].held[chunk], of which the holder keeps the first
// keep paths (0: the whole chunk is taken). It takes from the holder with
// the most work left, as much as evens their work out; the part taken
// starts on an even path (whole antithetic pairs). Only a chunk the holder
// has not started, as far as the page can tell, can be taken (never its
// first, which it started when it got it). Of those it takes from the
// last that can give that much (the latest to start: the least likely to
// have started when the message comes), or else from the last of those
// that can give most. ok is false when there is nothing worth a message:
// less than a pair to even out.
func shareOut(thief workload, holders []workload) (victim, chunk, keep int, ok bool) {
	if len(thief.held) > 1 {
		return 0, 0, 0, false // it has a chunk queued: no idle time yet
	}
	best := 0.0
	victim = -1
	for v, h := range holders {
		if len(h.held) < 2 {
			continue
		}
		if left := h.left(); victim < 0 || left > best {
			victim, best = v, left
		}
	}
	if victim < 0 {
		return 0, 0, 0, false
	}
	want := int((best - thief.left()) / 2)
	if want < 2 {
		return 0, 0, 0, false
	}
	held := holders[victim].held
	chunk, most := -1, 0
	start := heldPaths(held) // where chunk j starts in the holder's work
	for j := len(held) - 1; j >= 1; j-- {
		if start -= held[j].count; float64(start) < holders[victim].done {
			break // started, as far as the page can tell, and so are those before it
		}
		g := taken(held[j], want)
		if g >= want {
			chunk, most = j, g
			break
		}
		if g > most {
			chunk, most = j, g
		}
	}
	if chunk < 0 {
		return 0, 0, 0, false
	}
	return victim, chunk, held[chunk].count - most, true
}

// taken is how many paths, at most want, another worker can take from the
// end of chunk c, or the whole of c: the holder keeps an even count, so
// that the part taken starts on an even path as c does (chunkPlan) and its
// pairs stay whole. 0: less than a pair (or than all of c).
func taken(c pathRange, want int) int {
	g := min(want, c.count)
	if (c.count-g)%2 != 0 {
		g--
	}
	if g < 2 && g < c.count {
		return 0
	}
	return g
}

// coverage is which of a run's paths the page has received.
type coverage []bool

// fresh marks the paths of part as received and returns those it had not
// received before, as parts (part itself when all are new, nothing when
// none are): a chunk whose end another worker took over (shareOut) may
// still come back whole.
func (c coverage) fresh(part calc.Paths) []calc.Paths {
	var out []calc.Paths
	start := -1 // the first new path of the range being gathered, −1: none
	for k := 0; k <= len(part.Outcomes); k++ {
		isNew := k < len(part.Outcomes) && !c[part.First+k]
		if isNew && start < 0 {
			start = k
		}
		if !isNew && start >= 0 {
			out = append(out, calc.Paths{Scenario: part.Scenario, First: part.First + start, Outcomes: part.Outcomes[start:k]})
			start = -1
		}
		if k < len(part.Outcomes) {
			c[part.First+k] = true
		}
	}
	return out
}
