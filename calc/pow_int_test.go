package calc

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestPowersAreMathPow checks powers against math.Pow bit for bit: on
// the bisection's bounds and random points of its range, every whole
// power up to 64, and outside the range and beyond 64 (math.Pow itself).
func TestPowersAreMathPow(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	xs := []float64{1.0 / 16384, 0.0001, 0.5, 1, 1.05, 2, 11, 16, 20, 1e-6}
	for range 20000 {
		xs = append(xs, 1.0/16384+r.Float64()*(16-1.0/16384), 1+r.NormFloat64()*0.1)
	}
	pw := make([]float64, 71)
	for _, x := range xs {
		powers(x, pw)
		for n, got := range pw {
			if want := math.Pow(x, float64(n)); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("powers(%v)[%d] = %v, math.Pow gives %v", x, n, got, want)
			}
		}
	}
}
