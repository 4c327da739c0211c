package simclient

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"smacalc/calc"
)

// TestChunkPlan hands out runs' paths as Pool.Run and the workers' replies
// do (each worker's first chunk, then one chunk per reply) and checks that
// every path is handed out once, in order, on even starts, with the sizes
// guided self-scheduling gives.
func TestChunkPlan(t *testing.T) {
	for _, tc := range []struct {
		paths, workers int
		want           string // the chunks' sizes in the order handed out
	}{
		// The default run on 2 cores: a pair each for the first answer,
		// a fifth of a worker's share while much is left, then shares of
		// what is left, down to two pairs, the last chunk what remains.
		{200, 2, "2 2 20 20 20 20 18 16 12 10 10 8 6 6 4 4 4 4 4 4 4 2"},
		{200, 4, "2 2 2 2 10 10 10 10 10 10 10 10 8 8 8 6 6 6 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 2"},
		{1000, 2, "10 10 100 100 100 100 96 80 66 56 46 38 32 26 22 18 16 14 10 10 8 6 6 4 4 4 4 4 4 4 2"},
		{1, 1, "1"},
		{3, 2, "3"},
		{5, 2, "2 3"},
		{7, 2, "2 2 3"},
		{40, 1, "2 8 8 6 4 4 4 4"},
	} {
		c := chunkPlan{paths: tc.paths, workers: tc.workers}
		var sizes []string
		covered := 0
		for k := 0; ; k++ {
			first, n := c.take(k < tc.workers)
			if n == 0 {
				break
			}
			if first != covered {
				t.Errorf("%d paths, %d workers: chunk %d starts at %d, want %d", tc.paths, tc.workers, k, first, covered)
			}
			if first%2 != 0 {
				t.Errorf("%d paths, %d workers: chunk %d starts on odd path %d", tc.paths, tc.workers, k, first)
			}
			covered += n
			sizes = append(sizes, fmt.Sprint(n))
			if k > tc.paths {
				t.Fatalf("%d paths: no end after %v", tc.paths, sizes)
			}
		}
		if covered != tc.paths {
			t.Errorf("%d paths, %d workers: %d handed out", tc.paths, tc.workers, covered)
		}
		if got := strings.Join(sizes, " "); got != tc.want {
			t.Errorf("%d paths, %d workers: chunks %s, want %s", tc.paths, tc.workers, got, tc.want)
		}
	}
}

// TestTakeStarted: a chunk a worker started before the run (a share
// link's first) is the run's first only when take could have handed it
// out, and the plan goes on after it.
func TestTakeStarted(t *testing.T) {
	for _, tc := range []struct {
		paths, started, handedOut int
		want                      bool
		rest                      string // the chunks' sizes after it, one worker
	}{
		{200, 2, 0, true, "40 40 38 26 18 12 8 4 4 4 4"},
		{4, 2, 0, true, "2"},
		{3, 3, 0, true, ""},
		{2, 2, 0, true, ""},
		{3, 2, 0, false, ""},   // a lone path would be left
		{200, 3, 0, false, ""}, // not whole pairs
		{200, 2, 2, false, ""}, // a chunk is out already
		{2, 4, 0, false, ""},   // more than the run
		{200, 0, 0, false, ""},
	} {
		c := chunkPlan{paths: tc.paths, workers: 1, next: tc.handedOut}
		if got := c.takeStarted(tc.started); got != tc.want {
			t.Errorf("%d paths, %d out, started %d: %v, want %v", tc.paths, tc.handedOut, tc.started, got, tc.want)
			continue
		}
		if !tc.want {
			if c.next != tc.handedOut {
				t.Errorf("%d paths, started %d refused: next %d, want %d", tc.paths, tc.started, c.next, tc.handedOut)
			}
			continue
		}
		var sizes []string
		for {
			_, n := c.take(false)
			if n == 0 {
				break
			}
			sizes = append(sizes, fmt.Sprint(n))
		}
		if got := strings.Join(sizes, " "); got != tc.rest {
			t.Errorf("%d paths, started %d: then %s, want %s", tc.paths, tc.started, got, tc.rest)
		}
	}
}

func TestInsertInPathOrder(t *testing.T) {
	for _, tc := range []struct {
		name    string
		arrived []int // the chunks' first paths, in the order they arrive
		want    []int
	}{
		{"in order", []int{0, 2, 6}, []int{0, 2, 6}},
		{"two workers interleaved", []int{2, 0, 4, 10, 6, 14, 8}, []int{0, 2, 4, 6, 8, 10, 14}},
		{"last first", []int{8, 6, 4, 2, 0}, []int{0, 2, 4, 6, 8}},
		{"one", []int{4}, []int{4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var parts []calc.Paths
			for _, f := range tc.arrived {
				parts = insertInPathOrder(parts, calc.Paths{First: f})
			}
			var got []int
			for _, p := range parts {
				got = append(got, p.First)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("first paths %v, want %v", got, tc.want)
			}
		})
	}
}
