package simclient

import "smacalc/calc"

// A run's paths are handed to its workers in chunks: each worker gets its
// share up front (upFrontPercent), and a worker that runs out of chunks
// takes over chunks, or their ends, that another holds but has not started
// (balance.go): whichever worker gets more of the cores simulates more of
// the paths, and both finish together.
//
// Before, each worker got one contiguous half of the paths at the start.
// On 2 cores the two workers share them with the page's main thread (the
// input's render, the provisional answers) and V8's compiler threads, and
// the half that lost the most to them finished last: in traces of a later
// input change (e2e TestBrowserTrace, SMACALC_TRACE_BEFORE, main 5faaed4)
// one worker was idle for the last 120–380 ms of a 1.3–1.7 s run at load
// ≈ 20 while the other finished its half (docs/ARCHITECTURE.md, "Round 7:
// a later change's floor").
//
// The sizes are guided self-scheduling's (Polychronopoulos and Kuck,
// "Guided self-scheduling", IEEE Trans. Computers C-36(12), 1987): a
// chunk is a share of the paths still to hand out, so chunks are large
// while much is left (few messages) and small at the end (the last chunks,
// which decide when both workers are done and which another worker takes
// over, are a pair or two of paths). A worker's first chunk is small so
// that a first provisional answer comes early.

// chunksAhead is how many chunks a worker holds at least after the run's
// first messages: the one it simulates and the next ones, which it starts
// without waiting for the page (a chunk is a message through the page's
// main thread, which may be busy rendering).
// With two, traces on the phone profile (CPU 4×) showed workers waiting
// 100–450 ms for their next chunk while the page rendered a provisional
// answer; three keep about twice as many paths queued early in a run (the
// chunks are a share of what is left). Since round 12 each worker gets
// its whole share up front (upFrontPercent), which for all but the
// smallest runs is more than three chunks.
const chunksAhead = 3

// chunkPlan hands out paths [0, paths) in chunks for workers workers.
// Chunks start on even paths and, but for the last, hold whole antithetic
// pairs (2k, 2k+1), which share their random draws and are simulated
// together (calc.SimulatePaths).
type chunkPlan struct {
	paths, workers int
	next           int // the first path not yet handed out
}

// take hands out the next chunk, a worker's first (firstOfWorker) or a
// later one: its first path and count, count 0 when every path is handed
// out.
func (c *chunkPlan) take(firstOfWorker bool) (first, count int) {
	left := c.paths - c.next
	if left <= 0 {
		return c.next, 0
	}
	perWorker := max(1, c.paths/c.workers)
	var n int
	if firstOfWorker {
		// A pair, or a fiftieth of a worker's share of a long run: the
		// first provisional answer within about 150 ms (see Pool.Run).
		n = max(2, perWorker/firstChunkShare&^1)
	} else {
		// A share of what is left: every worker holds chunksAhead chunks,
		// so this one ends about when the others' do. At most a fifth of
		// a worker's share (chunksPerWorker/2: few messages and summaries
		// on the page), at least minChunk.
		n = max(minChunk, min(left/(c.workers*chunksAhead), 2*perWorker/chunksPerWorker)) &^ 1
	}
	if left-n < 2 { // no lone path (an odd count) left for a chunk of its own
		n = left
	}
	first = c.next
	c.next += n
	return first, n
}

// upFrontPercent: a run's first messages give each worker at least this
// share of its paths (and chunksAhead chunks). Handed out only as chunks
// came back, the paths reached the workers through the page's main
// thread, and on the phone profile (CPU 4×, load ≈ 57) traces showed
// workers waiting 0.4–0.9 s for their next chunk while the page rendered;
// with half up front a phone comparison still measured the run slower
// than main's halves (`simulation_ms` 1.67, load 47–58). Three quarters
// left the last quarter to even the workers' ends out, and still left the
// workers without chunks on the phone profile: a trace of round 12 (main
// c4a746e with balance.go) had both idle for 100–130 ms while the page's
// main thread drew the change's first frames. Now every path is handed
// out up front, and the workers' ends are evened out by taking queued
// chunks, or their ends, from the worker with the most left to the one
// that runs out (balance.go).
const upFrontPercent = 100

// upFront hands out the next chunk a worker holding held gets at a run's
// start, share its share of the paths: until it holds chunksAhead chunks
// and upFrontPercent of its share. ok is false when it has them, or when
// every path is handed out.
func (c *chunkPlan) upFront(held []pathRange, share int) (next pathRange, ok bool) {
	if len(held) >= chunksAhead && 100*heldPaths(held) >= upFrontPercent*share {
		return pathRange{}, false
	}
	first, count := c.take(false)
	return pathRange{first, count}, count > 0
}

// takeStarted hands out paths 0 … n−1 as the run's first chunk, which a
// worker started before the run (a share link's, simworker.LinkChunk:
// early.go, adoptLinked), and reports whether it did: only before any
// other chunk, and only a chunk take would allow — whole pairs, or every
// path, with no lone path left after it.
func (c *chunkPlan) takeStarted(n int) bool {
	left := c.paths - n
	if c.next != 0 || n <= 0 || left < 0 || (left > 0 && (n%2 != 0 || left < 2)) {
		return false
	}
	c.next = n
	return true
}

// chunksPerWorker sets how often a worker reports: rarely enough that
// summarising on the main thread stays cheap (a chunk is at most
// 2/chunksPerWorker of a worker's share). A worker's first chunk is
// smaller (1/firstChunkShare of its share), so that a first provisional
// result is on screen within about 150 ms of an input change.
const (
	chunksPerWorker = 10
	firstChunkShare = 50
)

// minChunk is the smallest chunk but a worker's first and the run's last:
// two pairs, about 4 ms of a worker on a desktop, so the workers' ends
// differ by no more than that while the messages stay few.
const minChunk = 4

// insertInPathOrder inserts part into parts, kept in the order of their
// first paths. The two workers' chunks arrive interleaved; in path order,
// calc.Merge's halves and calc.Summarize take them as they are instead of
// sorting them (a sort of a run's 22 chunks was a quarter of the page's
// final summary task on the phone profile: its code compiled there on its
// first call; calc's inPathOrder). Chunks arrive nearly in order, so the
// place is found from the end.
func insertInPathOrder(parts []calc.Paths, part calc.Paths) []calc.Paths {
	i := len(parts)
	for i > 0 && parts[i-1].First > part.First {
		i--
	}
	parts = append(parts, calc.Paths{})
	copy(parts[i+1:], parts[i:])
	parts[i] = part
	return parts
}
