package simclient

import (
	"fmt"
	"strings"
	"testing"
)

func TestWarmPlan(t *testing.T) {
	for _, tc := range []struct {
		paths int
		want  string
	}{
		{2, "page; paths 0+2; summary"},
		{5, "page; paths 0+2; paths 2+2; paths 4+1; summary"},
		{6, "page; paths 0+2; paths 2+2; paths 4+2; summary"},
	} {
		var steps []string
		for next, n := -1, 0; ; n++ {
			step, first, count, after := warmPlan(next, tc.paths)
			if step == "" {
				break
			}
			if n > tc.paths+2 {
				t.Fatalf("%d paths: no end after %v", tc.paths, steps)
			}
			if step == "paths" {
				step = fmt.Sprintf("paths %d+%d", first, count)
			}
			steps = append(steps, step)
			next = after
		}
		if got := strings.Join(steps, "; "); got != tc.want {
			t.Errorf("%d paths: %s, want %s", tc.paths, got, tc.want)
		}
	}
}

// TestWarmPlanCoversTheRun: the summary merges the paths steps' paths,
// which calc.Merge accepts only if they are every path of the scenario,
// each once.
func TestWarmPlanCoversTheRun(t *testing.T) {
	for _, paths := range []int{2, 3, 50, 199, warmPaths} {
		seen := make([]int, paths)
		summaries := 0
		for next := -1; ; {
			step, first, count, after := warmPlan(next, paths)
			if step == "" {
				break
			}
			switch step {
			case "paths":
				if first%2 != 0 {
					t.Errorf("%d paths: a step starts on odd path %d", paths, first)
				}
				for i := first; i < first+count; i++ {
					seen[i]++
				}
			case "summary":
				summaries++
			}
			next = after
		}
		for i, n := range seen {
			if n != 1 {
				t.Errorf("%d paths: path %d simulated %d times", paths, i, n)
			}
		}
		if summaries != 1 {
			t.Errorf("%d paths: %d summaries", paths, summaries)
		}
	}
}
