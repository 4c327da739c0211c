package answer

import (
	"strings"
	"testing"
)

// TestMarketAssumption: the assumptions state the scenario's own turnover
// and takeovers, not a fixed figure.
func TestMarketAssumption(t *testing.T) {
	for _, tc := range []struct {
		turnover, takeover, premium float64
		want, notWant               string
	}{
		{0.045, 0, 0.3, "replaces 4.5% of its companies a year", "cash"},
		{0.08, 0.5, 0.3, "replaces 8% of its companies a year: the SMA sells them and pays tax on their gains, the fund does not. 50% of them are bought for cash at 30% above their price", ""},
		{0.02, 0.25, 0.425, "25% of them are bought for cash at 42.5% above their price", ""},
		{0, 0.5, 0.3, "left out (turnover 0)", "cash"},
	} {
		got := marketAssumption(tc.turnover, tc.takeover, tc.premium)
		if !strings.Contains(got, tc.want) || (tc.notWant != "" && strings.Contains(got, tc.notWant)) {
			t.Errorf("marketAssumption(%v, %v, %v) = %q, want %q and not %q", tc.turnover, tc.takeover, tc.premium, got, tc.want, tc.notWant)
		}
	}
}
