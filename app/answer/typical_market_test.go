package answer

import (
	"testing"

	"smacalc/calc"
)

func TestOrdinal(t *testing.T) {
	for _, tc := range []struct {
		p    float64
		want string
	}{{1, "1st"}, {2, "2nd"}, {3, "3rd"}, {4, "4th"}, {11, "11th"}, {12.4, "12th"}, {13, "13th"}, {21, "21st"}, {42.6, "43rd"}, {50, "50th"}, {100, "100th"}, {0, "0th"}} {
		if got := ordinal(tc.p); got != tc.want {
			t.Errorf("ordinal(%v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

// The page says which market is the typical one, counted from 1.
func TestTypicalWhich(t *testing.T) {
	r := &calc.Result{Paths: 200, MedianMarket: calc.MedianMarket{Path: 94, SMAPercentile: 42.713568, FundPercentile: 51.2}}
	want := "market 95 of 200: the SMA's wealth at the 43rd percentile of its markets, the mutual fund's at the 51st"
	if got := typicalWhich(r, "mf"); got != want {
		t.Errorf("typicalWhich = %q, want %q", got, want)
	}
}
