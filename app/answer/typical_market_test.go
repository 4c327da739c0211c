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
	if got := typicalWhich(r, "mf", false); got != want {
		t.Errorf("typicalWhich = %q, want %q", got, want)
	}
	// A provisional result of paths 2 and 3 only.
	r = &calc.Result{Paths: 2, MedianMarket: calc.MedianMarket{Path: 2, SMAPercentile: 50, FundPercentile: 50}}
	want = "market 3 of the 2 so far: the SMA's wealth at the 50th percentile of its markets, the ETF's at the 50th"
	if got := typicalWhich(r, "etf", true); got != want {
		t.Errorf("provisional typicalWhich = %q, want %q", got, want)
	}
}
