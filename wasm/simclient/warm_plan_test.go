package simclient

import (
	"fmt"
	"strings"
	"testing"

	"smacalc/calc/scenario"
)

func TestWarmPlan(t *testing.T) {
	answers := strings.Repeat("; answer", answerSteps)
	years := ""
	for first := 0; first < yearsPaths; first += warmStepPaths {
		years += fmt.Sprintf("; years %d+%d", first, min(warmStepPaths, yearsPaths-first))
	}
	for _, tc := range []struct {
		paths     int
		withYears bool
		want      string
	}{
		{2, false, "page; paths 0+2; summary" + answers},
		{5, false, "page; paths 0+2; paths 2+2; paths 4+1; summary" + answers},
		{6, true, "page; paths 0+2; paths 2+2; paths 4+2; summary" + years + answers},
	} {
		var steps []string
		for _, step := range warmPlan(tc.paths, tc.withYears) {
			s := step.kind
			if s == "paths" || s == "years" {
				s = fmt.Sprintf("%s %d+%d", s, step.first, step.count)
			}
			steps = append(steps, s)
		}
		if got := strings.Join(steps, "; "); got != tc.want {
			t.Errorf("%d paths: %s, want %s", tc.paths, got, tc.want)
		}
	}
}

// TestWarmPlanCoversTheRun: the summary and the answer steps merge the
// paths steps' paths, which calc.Merge accepts only if they are every path
// of the scenario, each once; the years steps cover the years scenario's
// paths; the answer steps count down to 1, the step after which the worker
// drops the paths, and come after everything else.
func TestWarmPlanCoversTheRun(t *testing.T) {
	for _, paths := range []int{2, 3, 50, 199, warmPaths} {
		seen := make([]int, paths)
		years := make([]int, yearsPaths)
		summaries, answerLeft := 0, answerSteps+1
		for _, step := range warmPlan(paths, true) {
			if answerLeft <= answerSteps && step.kind != "answer" {
				t.Errorf("%d paths: %s after an answer step", paths, step.kind)
			}
			switch step.kind {
			case "paths", "years":
				if step.first%2 != 0 {
					t.Errorf("%d paths: a %s step starts on odd path %d", paths, step.kind, step.first)
				}
				for i := step.first; i < step.first+step.count; i++ {
					if step.kind == "paths" {
						seen[i]++
					} else {
						years[i]++
					}
				}
			case "summary":
				summaries++
			case "answer":
				if step.count != answerLeft-1 {
					t.Errorf("%d paths: answer step with %d left after %d", paths, step.count, answerLeft)
				}
				answerLeft = step.count
			}
		}
		for i, n := range seen {
			if n != 1 {
				t.Errorf("%d paths: path %d simulated %d times", paths, i, n)
			}
		}
		for i, n := range years {
			if n != 1 {
				t.Errorf("years scenario: path %d simulated %d times", i, n)
			}
		}
		if summaries != 1 || answerLeft != 1 {
			t.Errorf("%d paths: %d summaries, the answer steps ended at %d", paths, summaries, answerLeft)
		}
	}
}

// TestYearsScenario: the years scenario of the default start is valid, and
// costs at most about three of the default's paths in stock-years while it
// holds more path-years than the 24 paths of the start.
func TestYearsScenario(t *testing.T) {
	start := scenario.DefaultScenario()
	s, ok := yearsScenario(start)
	if !ok {
		t.Fatal("the default's years scenario is not valid")
	}
	cost := s.Paths * s.Horizon * s.Stocks
	if defaultPath := start.Horizon * start.Stocks; cost > 4*defaultPath {
		t.Errorf("years scenario costs %d stock-years, %.1f default paths", cost, float64(cost)/float64(defaultPath))
	}
	if s.Paths*s.Horizon <= warmPaths*start.Horizon {
		t.Errorf("years scenario holds %d path-years, the start's warm-up %d", s.Paths*s.Horizon, warmPaths*start.Horizon)
	}
	// A start of fewer stocks keeps its own count: never a dearer warm-up.
	start.Stocks = 5
	if s, _ := yearsScenario(start); s.Stocks != 5 {
		t.Errorf("a start of 5 stocks: years scenario of %d", s.Stocks)
	}
}
