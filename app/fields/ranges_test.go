package fields

import (
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/calc"
)

// The form's ranges (Min, Max, shown in each field's help) are typed as
// text beside calc's validation ranges: each bound must be accepted by
// calc, and a step beyond it refused, so the help never promises a value
// the engine refuses or hides one it takes.
func TestFormRangesMatchTheEngine(t *testing.T) {
	// Small otherwise, so the work limit on paths × stocks × months (a
	// bound of the three together, said in its own message) stays out of
	// the way of each key's own range.
	small := calc.DefaultScenario()
	small.Stocks, small.Horizon, small.Paths = 10, 1, 10
	base := FromScenario(small)
	for _, f := range All() {
		if f.Min == "" || f.Max == "" || f.Kind == KindChoice {
			continue
		}
		step := decimal.RequireFromString("1")
		if f.Step != "" && f.Step != "any" {
			step = decimal.RequireFromString(f.Step)
		}
		for _, tc := range []struct {
			text  string
			valid bool
		}{
			{f.Min, true},
			{f.Max, true},
			{decimal.RequireFromString(f.Min).Sub(step).String(), false},
			{decimal.RequireFromString(f.Max).Add(step).String(), false},
		} {
			values := base.With(f.Key, tc.text)
			if f.Key == StateRateField.Key {
				values = values.With("state", "CA")
			}
			_, problems := ToScenario(values)
			if got := problems[f.Key] == ""; got != tc.valid {
				t.Errorf("%s = %s: accepted %v, want %v (%q)", f.Key, tc.text, got, tc.valid, problems[f.Key])
			}
		}
	}
}
