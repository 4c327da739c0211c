//go:build wasm

package minmax

import "math"

// Min is min(x, y): the same comparisons as the runtime's fmin, so the same
// result for NaN and for zeros of either sign (min(-0, +0) is -0).
func Min(x, y float64) float64 {
	if y != y || y < x {
		return y
	}
	if x != x || x < y || x != 0 {
		return x
	}
	// Both are zeros: -0 if either is.
	return math.Float64frombits(math.Float64bits(x) | math.Float64bits(y))
}

// Max is max(x, y): the same comparisons as the runtime's fmax, so the same
// result for NaN and for zeros of either sign (max(-0, +0) is +0).
func Max(x, y float64) float64 {
	if y != y || y > x {
		return y
	}
	if x != x || x > y || x != 0 {
		return x
	}
	// Both are zeros: -0 only if both are.
	return math.Float64frombits(math.Float64bits(x) & math.Float64bits(y))
}
