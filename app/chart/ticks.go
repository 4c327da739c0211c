package chart

import "math"

// niceStep rounds raw up to the nearest "nice" step: 1, 2, 2.5 or 5 × 10^k.
// With integer set, steps below 1 and 2.5 are avoided (axes of years).
func niceStep(raw float64, integer bool) float64 {
	if !(raw > 0) || !finite(raw) {
		return 1
	}
	if integer && raw <= 1 {
		return 1
	}
	exp := math.Floor(math.Log10(raw))
	pow := math.Pow(10, exp)
	f := raw / pow
	var n float64
	switch {
	case f <= 1:
		n = 1
	case f <= 2:
		n = 2
	case f <= 2.5:
		n = 2.5
	case f <= 5:
		n = 5
	default:
		n = 10
	}
	step := n * pow
	if integer && step != math.Trunc(step) {
		step = 5 * pow
	}
	return step
}

// niceTicks returns evenly spaced nice tick values covering [lo, hi] with
// about n intervals. The first tick is ≤ lo and the last ≥ hi, so they can
// serve as the axis domain. It always returns at least two ticks, never NaN.
func niceTicks(lo, hi float64, n int, integer bool) []float64 {
	if !finite(lo) || !finite(hi) {
		lo, hi = 0, 1
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	n = max(n, 1)
	m := math.Max(math.Abs(lo), math.Abs(hi))
	if hi-lo <= m*1e-9 {
		// A single value (or a range too narrow for float64 ticks).
		switch {
		case m == 0:
			return []float64{0, 1}
		case integer && m < 1e9:
			lo, hi = math.Floor(lo)-1, math.Ceil(hi)+1
		default:
			// A constant: show it against zero.
			lo, hi = math.Min(lo, 0), math.Max(hi, 0)
		}
	}
	step := niceStep((hi-lo)/float64(n), integer)
	start := math.Floor(lo/step) * step
	end := math.Ceil(hi/step) * step
	count := int(math.Round((end-start)/step)) + 1
	if count < 2 || count > 200 || !finite(start) || !finite(end) {
		return []float64{lo, hi}
	}
	ticks := make([]float64, count)
	for i := range ticks {
		v := start + float64(i)*step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		ticks[i] = v
	}
	return ticks
}
