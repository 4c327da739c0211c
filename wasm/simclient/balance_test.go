package simclient

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"smacalc/calc"
)

func TestShareOut(t *testing.T) {
	half := func(held ...pathRange) workload { // half of the current chunk done
		return workloadOf(held, 0, 0)
	}
	for _, tc := range []struct {
		name    string
		thief   workload
		holders []workload
		want    string // "victim chunk keep", or "none"
	}{
		{"the thief still has a chunk queued", half(pathRange{100, 4}, pathRange{104, 4}), []workload{half(pathRange{40, 20}, pathRange{60, 20})}, "none"},
		{"nothing queued elsewhere", workload{}, []workload{half(pathRange{40, 20})}, "none"},
		{"the last queued chunk gives what evens out", half(pathRange{100, 4}), []workload{half(pathRange{0, 20}, pathRange{20, 20}, pathRange{40, 40})}, "0 2 6"},
		{"no chunk gives it all: the whole last one", half(pathRange{100, 4}), []workload{half(pathRange{0, 20}, pathRange{20, 20}, pathRange{40, 20})}, "0 2 0"},
		{"pairs queued: the last pair", workload{}, []workload{half(pathRange{0, 4}, pathRange{4, 2}, pathRange{6, 2}, pathRange{8, 2})}, "0 3 0"},
		{"a lone last path is not worth a message", workload{}, []workload{half(pathRange{0, 2}, pathRange{2, 1})}, "none"},
		{"a larger chunk before a small last one", workload{}, []workload{half(pathRange{0, 4}, pathRange{4, 20}, pathRange{24, 4})}, "0 1 8"},
		{"an idle thief and two pairs queued", workload{}, []workload{half(pathRange{40, 4}, pathRange{44, 4})}, "0 1 2"},
		{"less than a pair to even out", half(pathRange{8, 4}), []workload{half(pathRange{0, 4}, pathRange{4, 2})}, "none"},
		{"an odd last chunk keeps an even count", workload{}, []workload{half(pathRange{180, 4}, pathRange{184, 4}, pathRange{188, 11})}, "0 2 4"},
		{"the holder with the most work", workload{}, []workload{half(pathRange{0, 4}, pathRange{4, 4}), half(pathRange{8, 4}, pathRange{12, 16})}, "1 1 8"},
		{"a holder at the end of its chunk", workload{}, []workload{{held: []pathRange{{0, 20}, {20, 8}}, done: 20}}, "0 1 4"},
		{"a thief at the start of its chunk", workload{held: []pathRange{{100, 20}}}, []workload{{held: []pathRange{{0, 20}, {20, 20}}, done: 10}}, "0 1 16"},
		{"a holder into its second chunk by the page's estimate", workload{}, []workload{{held: []pathRange{{0, 20}, {20, 20}, {40, 20}}, done: 24}}, "0 2 2"},
		{"a holder into its last chunk by the page's estimate", workload{}, []workload{{held: []pathRange{{0, 20}, {20, 20}, {40, 20}}, done: 44}}, "none"},
	} {
		v, j, keep, ok := shareOut(tc.thief, tc.holders)
		got := "none"
		if ok {
			got = fmt.Sprint(v, j, keep)
		}
		if got != tc.want {
			t.Errorf("%s: shareOut = %s, want %s", tc.name, got, tc.want)
		}
		if c := tc.holders[v].held[j]; ok && (keep < 0 || keep%2 != 0 || keep >= c.count) {
			t.Errorf("%s: keeps %d of %d", tc.name, keep, c.count)
		}
	}
}

func TestWorkloadOf(t *testing.T) {
	held := []pathRange{{0, 20}, {20, 10}}
	for _, tc := range []struct {
		held          []pathRange
		elapsed, pace time.Duration
		want          float64
	}{
		{nil, time.Second, time.Millisecond, 0},
		{held, 0, 0, 10},                    // no pace yet: half the first chunk
		{held, 5 * time.Millisecond, 0, 10}, // still half
		{held, 6 * time.Millisecond, time.Millisecond, 6},
		{held, 24 * time.Millisecond, time.Millisecond, 24}, // into the second chunk
		{held, 90 * time.Millisecond, time.Millisecond, 30}, // late: all of it, not more
	} {
		if got := workloadOf(tc.held, tc.elapsed, tc.pace).done; got != tc.want {
			t.Errorf("workloadOf(%v, %v, %v).done = %v, want %v", tc.held, tc.elapsed, tc.pace, got, tc.want)
		}
	}
}

func TestCoverageFresh(t *testing.T) {
	part := func(first, n int) calc.Paths {
		p := calc.Paths{Scenario: "s", First: first}
		for k := range n {
			p.Outcomes = append(p.Outcomes, calc.PathOutcome{TrackingError: float64(first + k)})
		}
		return p
	}
	ranges := func(parts []calc.Paths) string {
		s := ""
		for _, p := range parts {
			for k, o := range p.Outcomes {
				if o.TrackingError != float64(p.First+k) {
					return fmt.Sprintf("path %d holds path %v's outcome", p.First+k, o.TrackingError)
				}
			}
			s += fmt.Sprintf("[%d+%d]", p.First, len(p.Outcomes))
		}
		return s
	}
	c := make(coverage, 20)
	for _, tc := range []struct {
		part calc.Paths
		want string
	}{
		{part(0, 4), "[0+4]"},
		{part(8, 4), "[8+4]"},
		{part(4, 8), "[4+4]"}, // a chunk back whole after its end came from the other worker
		{part(8, 4), ""},      // the end back whole after the chunk came
		{part(12, 2), "[12+2]"},
		{part(10, 8), "[14+4]"},
		{part(16, 4), "[18+2]"},
	} {
		if got := ranges(c.fresh(tc.part)); got != tc.want {
			t.Errorf("fresh(%d+%d) = %s, want %s", tc.part.First, len(tc.part.Outcomes), got, tc.want)
		}
	}
	c = make(coverage, 10)
	c.fresh(part(2, 2))
	if got := ranges(c.fresh(part(0, 6))); got != "[0+2][4+2]" {
		t.Errorf("around a range received: %s", got)
	}
}

// TestSharingOutEndsWorkersTogether runs the page's chunk plan, its
// replies and shareOut against two workers simulated on a clock, one of
// them slowed for the first part of the run (the page's render and V8's
// compiler threads took its core), and checks that every path comes in
// once, that the workers end within a pair of each other, and that the
// last path comes in sooner than without sharing out. With race, the
// holder has started every chunk whose end is taken from right behind the
// one it simulates (its reply crossed the message): both simulate that
// end, the page keeps the first, and the last path comes in no later than
// without sharing out.
func TestSharingOutEndsWorkersTogether(t *testing.T) {
	for _, tc := range []struct {
		paths     int
		slowUntil float64 // when the slowed worker is back at full speed, in one path's time
		race      bool
	}{
		{200, 60, false},
		{200, 120, false},
		{200, 60, true},
		{1000, 200, false},
		{1000, 400, true},
	} {
		name := fmt.Sprintf("%d paths, slowed until %v, race %v", tc.paths, tc.slowUntil, tc.race)
		without, _, in := simulateRun(t, tc.paths, tc.slowUntil, false, false)
		if in != tc.paths {
			t.Errorf("%s, without sharing out: %d paths in", name, in)
		}
		allIn, ends, in := simulateRun(t, tc.paths, tc.slowUntil, true, tc.race)
		if in != tc.paths {
			t.Errorf("%s: %d paths in", name, in)
		}
		if allIn > without || (!tc.race && allIn == without) {
			t.Errorf("%s: every path in at %v, %v without sharing out", name, allIn, without)
		}
		if apart := max(ends[0], ends[1]) - min(ends[0], ends[1]); !tc.race && apart > 2 {
			t.Errorf("%s: the workers end %v apart (%v)", name, apart, ends)
		}
		t.Logf("%s: every path in at %v (%v without sharing out), the workers end at %v", name, allIn, without, ends)
	}
}

// simulateRun: a path costs 1 (2 while worker 1 is slowed), messages take
// no time, the page answers each reply at once. It returns when the last
// path came in, when each worker ended and how many distinct paths came in
// (t fails for a path that never did).
func simulateRun(t *testing.T, paths int, slowUntil float64, share, race bool) (allIn float64, ends [2]float64, in int) {
	t.Helper()
	plan := chunkPlan{paths: paths, workers: 2}
	held := [2][]pathRange{}
	for w := range 2 {
		f, n := plan.take(true)
		held[w] = append(held[w], pathRange{f, n})
	}
	for topped := true; topped; {
		topped = false
		for w := range 2 {
			if c, ok := plan.upFront(held[w], paths/2); ok {
				held[w] = append(held[w], c)
				topped = true
			}
		}
	}
	received := make(coverage, paths)
	var clock, since [2]float64 // each worker's time, and when it started its chunk
	var pace [2]time.Duration   // the page's estimate: a path's time in the worker's last chunk
	tick := func(paths float64) time.Duration { return time.Duration(paths * float64(time.Millisecond)) }
	var started [2]pathRange // the chunk each worker simulates (as the worker has it)
	for w := range 2 {
		started[w] = held[w][0]
	}
	for {
		// The worker whose current chunk ends first replies.
		w := -1
		var at [2]float64
		for k := range 2 {
			if started[k].count == 0 {
				continue
			}
			cost := float64(started[k].count)
			if k == 1 && clock[k] < slowUntil {
				cost *= 2
			}
			at[k] = clock[k] + cost
			if w < 0 || at[k] < at[w] {
				w = k
			}
		}
		if w < 0 {
			break
		}
		pace[w] = tick(at[w]-since[w]) / time.Duration(started[w].count)
		clock[w], since[w] = at[w], at[w]
		done := started[w]
		held[w] = held[w][1:]
		if f, n := plan.take(false); n > 0 {
			held[w] = append(held[w], pathRange{f, n})
		} else if share {
			o := 1 - w
			thief := workloadOf(held[w], 0, pace[w])
			holder := workloadOf(held[o], tick(clock[w]-since[o]), pace[o])
			if _, j, keep, ok := shareOut(thief, []workload{holder}); ok {
				c := held[o][j]
				switch {
				case race && j == 1:
					// The holder's reply of its chunk before crossed the
					// message: it simulates c whole, as it had it.
				case keep > 0:
					held[o][j].count = keep
				default:
					held[o] = slices.Delete(held[o], j, j+1)
				}
				held[w] = append(held[w], pathRange{c.first + keep, c.count - keep})
			}
		}
		p := calc.Paths{First: done.first, Outcomes: make([]calc.PathOutcome, done.count)}
		for _, f := range received.fresh(p) {
			in += len(f.Outcomes)
			if in == paths {
				allIn = clock[w]
			}
		}
		ends[w] = clock[w]
		started[w] = pathRange{}
		if len(held[w]) > 0 {
			started[w] = held[w][0]
		}
		if started[1-w].count == 0 && len(held[1-w]) > 0 {
			started[1-w], clock[1-w], since[1-w] = held[1-w][0], clock[w], clock[w]
		}
	}
	for p, ok := range received {
		if !ok {
			t.Errorf("path %d never came in", p)
		}
	}
	return allIn, ends, in
}
