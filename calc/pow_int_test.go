package calc

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestPowIntIsMathPow checks powInt against math.Pow bit for bit: on
// the bisection's bounds and random points of its range, every whole
// power up to 64, and outside the range (math.Pow itself).
func TestPowIntIsMathPow(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	xs := []float64{1.0 / 16384, 0.0001, 0.5, 1, 1.05, 2, 11, 16, 20, 1e-6}
	for range 20000 {
		xs = append(xs, 1.0/16384+r.Float64()*(16-1.0/16384), 1+r.NormFloat64()*0.1)
	}
	for _, x := range xs {
		for n := 0; n <= 70; n++ {
			got, want := powInt(x, n), math.Pow(x, float64(n))
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("powInt(%v, %d) = %v, math.Pow gives %v", x, n, got, want)
			}
		}
	}
}
