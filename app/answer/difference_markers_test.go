package answer

import (
	"testing"

	"smacalc/calc"
)

// The difference chart's events: the year the losses run out (from year
// 1, before the horizon) and, for an end that is not a sale, the marked
// last step from the median if sold to the headline's median.
func TestDifferenceMarkers(t *testing.T) {
	result := func(end string, runOut *int) *calc.Result {
		r := &calc.Result{End: end, Horizon: 3, LossesRunOutYear: runOut}
		for y, d := range []string{"0", "100", "200", "-500"} {
			r.DifferenceOverTime = append(r.DifferenceOverTime, calc.DifferencePoint{Year: y, Difference: calc.Quantiles{P50: money(d)}})
		}
		r.Difference.P50 = money("4000")
		return r
	}
	for _, tc := range []struct {
		name       string
		r          *calc.Result
		wantLabels []string
	}{
		{"sold at the end, losses never run out", result("liquidate", nil), nil},
		{"sold, run out in year 2", result("liquidate", at(2)), []string{"Losses run out, year 2"}},
		{"never covers: no marker", result("liquidate", at(0)), nil},
		{"heirs", result("stepup", nil), []string{"Heirs' step-up: \u2212$500 if sold → $4K"}},
		{"keep, run out", result("hold", at(1)), []string{"Losses run out, year 1", "Kept, not sold: \u2212$500 if sold → $4K"}},
		{"donate", result("donate", nil), []string{"Shares donated: \u2212$500 if sold → $4K"}},
	} {
		ms := differenceMarkers(tc.r)
		if len(ms) != len(tc.wantLabels) {
			t.Errorf("%s: %d markers %+v, want %q", tc.name, len(ms), ms, tc.wantLabels)
			continue
		}
		for i, m := range ms {
			if m.Label != tc.wantLabels[i] {
				t.Errorf("%s: label %q, want %q", tc.name, m.Label, tc.wantLabels[i])
			}
			if m.Step && (m.X != 3 || m.From != -500 || m.To != 4000) {
				t.Errorf("%s: step %+v", tc.name, m)
			}
		}
	}
}
