package scenario

import (
	"fmt"
	"testing"
)

func TestValidateHistory(t *testing.T) {
	for _, tc := range []struct {
		start, horizon int
		preset         string // a key already invalid
		wantProblem    bool
	}{
		{0, 10, "", false},    // off
		{0, 500, "", false},   // off, whatever the horizon
		{2000, 10, "", false}, // fits
		{2020, 10, "", true},  // runs past 2024
		{2020, 99, "horizon", false},
		{2020, 10, "history", false}, // one message per key
	} {
		var e ValidationError
		if tc.preset != "" {
			e.add(tc.preset, "already wrong")
		}
		before := len(e.Problems)
		validateHistory(&e, tc.start, tc.horizon)
		if got := len(e.Problems) > before; got != tc.wantProblem {
			t.Errorf("validateHistory(%d, %d) with %q invalid: problem added %v, want %v (%v)",
				tc.start, tc.horizon, tc.preset, got, tc.wantProblem, e.Problems)
		}
	}
}

func ExampleHistoryStartYears() {
	first, last, ok := HistoryStartYears(15)
	fmt.Println(first, last, ok)
	_, _, ok = HistoryStartYears(120)
	fmt.Println(ok)
	// Output:
	// 1926 2010 true
	// false
}
