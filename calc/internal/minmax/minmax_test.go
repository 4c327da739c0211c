package minmax

import (
	"math"
	"math/rand/v2"
	"testing"
)

// sameBits says whether a and b are the same float64 bit for bit, any NaN
// matching any NaN (the builtins promise a NaN, not which one).
func sameBits(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Float64bits(a) == math.Float64bits(b)
}

// check compares Min and Max with the builtins for x and y. Run it for
// GOOS=js GOARCH=wasm too (make unit-js, or go test with
// go_js_wasm_exec): there Min and Max are not the builtins.
func check(t *testing.T, x, y float64) {
	t.Helper()
	if got, want := Min(x, y), min(x, y); !sameBits(got, want) {
		t.Errorf("Min(%v, %v) = %v (%#x), min gives %v (%#x)", x, y, got, math.Float64bits(got), want, math.Float64bits(want))
	}
	if got, want := Max(x, y), max(x, y); !sameBits(got, want) {
		t.Errorf("Max(%v, %v) = %v (%#x), max gives %v (%#x)", x, y, got, math.Float64bits(got), want, math.Float64bits(want))
	}
}

func TestSameAsBuiltins(t *testing.T) {
	negZero := math.Copysign(0, -1)
	values := []float64{0, negZero, 1, -1, 0.5, -2.75, 1e-300, -1e-300, math.SmallestNonzeroFloat64,
		math.MaxFloat64, -math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN()}
	for _, x := range values {
		for _, y := range values {
			check(t, x, y)
		}
	}
}

// TestSameAsBuiltinsRandom compares ordinary values too: pairs of random
// bit patterns (NaNs, infinities and subnormals among them) and pairs of
// nearby values, from a fixed seed.
func TestSameAsBuiltinsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 100_000 {
		x := math.Float64frombits(r.Uint64())
		check(t, x, math.Float64frombits(r.Uint64()))
		check(t, x, math.Nextafter(x, math.Inf(1)))
		check(t, x, -x)
		check(t, x, x)
	}
}
