package breakeven

import (
	"math"
	"testing"

	"smacalc/calc"
)

// The current scenario is marked at its square, between squares on a
// number axis, and nowhere when it is off the axis.
func TestCurrentAt(t *testing.T) {
	num := calc.MapAxis{Values: []string{"0", "100000", "200000"}, Numeric: true}
	words := calc.MapAxis{Values: []string{"liquidate", "hold"}}
	for _, c := range []struct {
		a       calc.MapAxis
		current string
		want    float64
		ok      bool
	}{
		{num, "100000", 1, true},
		{num, "150000", 1.5, true},
		{num, "250000", 0, false},
		{words, "hold", 1, true},
		{words, "donate", 0, false},
	} {
		c.a.Current = c.current
		got, ok := currentAt(c.a)
		if ok != c.ok || got != c.want {
			t.Errorf("currentAt(%v at %s) = %v, %v; want %v, %v", c.a.Values, c.current, got, ok, c.want, c.ok)
		}
	}
}

func TestValueText(t *testing.T) {
	for _, c := range []struct {
		key, v      string
		short, full string
	}{
		{"wages", "400000", "$400K", "$400,000"},
		{"smafee", "0.0035", "0.35%", "0.35%"},
		{"basis", "0.3", "30%", "30%"},
		{"horizon", "10", "10y", "10 years"},
		{"end", "stepup", "Heirs", "Leave to heirs (step-up in basis)"},
		{"state", "NY", "NY", "New York"},
	} {
		if got := valueText(c.key, c.v, true); got != c.short {
			t.Errorf("short %s=%s: %q, want %q", c.key, c.v, got, c.short)
		}
		if got := valueText(c.key, c.v, false); got != c.full {
			t.Errorf("full %s=%s: %q, want %q", c.key, c.v, got, c.full)
		}
	}
}

// A square not computed yet stands in with the nearest square of the
// coarse map, which is computed first; a computed one has no stand-in.
func TestEstimates(t *testing.T) {
	nan := math.NaN()
	g := grid{nx: 3, ny: 1, value: []float64{10, nan, 30}}
	est := g.estimates()
	if !math.IsNaN(est[0]) || est[1] != 10 || !math.IsNaN(est[2]) {
		t.Errorf("estimates %v", est)
	}
}
