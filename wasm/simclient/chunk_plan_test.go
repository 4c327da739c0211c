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
