package simclient

import "time"

// partialInterval is the shortest spacing of provisional answers.
const partialInterval = 250 * time.Millisecond

// refreshDue reports whether a run that started at started, showed its last
// provisional answer at last and has done of total paths at now should show
// a new provisional answer, when the last one took cost on the page's main
// thread (its summary and render). The spacing is at least partialInterval
// and at least half the time the run has taken so far, and there is no
// refresh when, at the pace so far, the final result is due within
// partialInterval or within twice cost: a refresh that ends after the
// workers' last paths holds the final result back (the page reads their
// messages only between its tasks). Traces of a later change showed
// refreshes of 0.3–0.6 s on a loaded desktop and 0.6–1.9 s on the phone
// profile ending after the workers' last paths (docs/ARCHITECTURE.md
// "Round 7").
//
// Each refresh is a summary (calc.Summarize) and a render on the main
// thread; on a machine with few cores that time is taken from the workers
// (measured on 2 cores: 22 refreshes a run made the final result about 30%
// later; docs/ARCHITECTURE.md "Speed: after an input change"). The growing
// spacing keeps the refreshes' share small on a phone or a slow machine,
// whose runs last seconds: refreshes at about 1.5× the previous time
// instead of four a second.
func refreshDue(started, last, now time.Time, done, total int, cost time.Duration) bool {
	if now.Sub(last) < max(partialInterval, now.Sub(started)/2) {
		return false
	}
	if done <= 0 {
		return true
	}
	remaining := time.Duration(float64(now.Sub(started)) * float64(total-done) / float64(done))
	return remaining >= max(partialInterval, 2*cost)
}
