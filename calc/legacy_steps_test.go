package calc

import (
	"testing"
	"time"

	"smacalc/calc/scenario"
)

// A lot is long-term exactly when held more than a year (IRC §1222) at
// the month's resolution: 365 days before the start is short-term at the
// start, 366 long-term; a short-term lot turns long-term when its year is
// over.
func TestAcquiredStep(t *testing.T) {
	start := scenario.LegacyStart(2026)
	for _, tc := range []struct {
		days int
		at   int32
		lt   bool
	}{{365, 0, false}, {366, 0, true}, {360, 0, false}, {360, 1, true}, {0, 12, false}, {0, 13, true}, {4000, 0, true}} {
		step := acquiredStep(start.AddDate(0, 0, -tc.days).Format(time.DateOnly), start)
		if got := longTerm(step, tc.at); got != tc.lt {
			t.Errorf("acquired %d days before the start, sold at step %d: long-term %v, want %v (step %d)", tc.days, tc.at, got, tc.lt, step)
		}
	}
}
