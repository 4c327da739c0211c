package tax

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// The float path computes in whole cents held in int64, and multiplies by
// Rates (integers in millionths) with exact integer arithmetic. Every line
// is therefore rounded exactly as the decimal path rounds it (half away from
// zero, to the cent), so the two paths agree to the cent, and the kernel
// needs no allocation and no decimal arithmetic.

// maxDollars bounds float-path amounts: inputs beyond ±10^13 dollars are
// clamped so that sums of a return's lines can never overflow int64 cents.
const maxDollars = 1e13

// centsOf rounds a dollar amount to whole cents, half away from zero, as the
// decimal path rounds decimal.NewFromFloat(x): a product x*100 that lies
// within floating-point error of a half cent is treated as the half cent its
// shortest decimal form shows (1.005 → 101 cents, although the float 1.005
// is slightly below 1.005). NaN is 0; beyond ±maxDollars x is clamped.
func centsOf(x float64) int64 {
	if !(x >= -maxDollars && x <= maxDollars) {
		switch {
		case x > 0:
			x = maxDollars
		case x < 0:
			x = -maxDollars
		default: // NaN
			return 0
		}
	}
	c := x * 100
	whole := math.Trunc(c)
	a := math.Abs(c)
	// x is within half an ulp of its shortest decimal form and the product
	// adds half an ulp of c, so a half cent typed as such lands within
	// 1.5·2^-52·|c| of k+0.5; the tolerance is 4·2^-52·|c| (capped where
	// fractions of a cent drop below float precision anyway).
	tol := a * 0x1p-50
	if tol > 0x1p-10 {
		tol = 0x1p-10
	}
	n := int64(whole)
	if math.Abs(c-whole) >= 0.5-tol {
		if c > 0 {
			n++
		} else {
			n--
		}
	}
	return n
}

// RoundToCent returns x rounded to the cent exactly as the float path
// rounds its inputs, as a decimal. Build the decimal twin of float inputs
// with it (the ledger of a simulated path) and both paths see the same
// cents. For a typed amount it equals decimal.NewFromFloat(x).Round(2).
func RoundToCent(x float64) decimal.Decimal { return decimal.New(centsOf(x), -2) }

// dollarsOf converts cents back to dollars (the nearest float64).
func dollarsOf(c int64) float64 { return float64(c) / 100 }

// fastProduct bounds |a| so that a*r (+ a bracket floor) fits in int64 for
// any r ≤ 100% (10^6 < 2^20): 2^43 cents is about 88 billion dollars.
const fastProduct = 1 << 43

// applyRate returns a×r rounded to the cent, half away from zero, for an
// amount a in cents and a rate r ≤ 100%.
func applyRate(a int64, r Rate) int64 {
	if a < 0 {
		return -applyRate(-a, r)
	}
	return roundMillionths(a, r, 0)
}

// roundMillionths returns (a×r + floor)/10^6 rounded half up, for a ≥ 0,
// 0 ≤ r ≤ 100% and 0 ≤ floor < 2^53 (a bracket's tax at its lower edge,
// in cent-millionths).
func roundMillionths(a int64, r Rate, floor int64) int64 {
	const m = int64(fullRate)
	if a < fastProduct {
		n := a*int64(r) + floor
		return (n + m/2) / m
	}
	// Rare, huge amounts: 128-bit product. The quotient fits in 64 bits
	// because r ≤ 10^6.
	hi, lo := bits.Mul64(uint64(a), uint64(r))
	var carry uint64
	lo, carry = bits.Add64(lo, uint64(floor), 0)
	hi += carry
	q, rem := bits.Div64(hi, lo, uint64(m))
	if rem >= uint64(m/2) {
		q++
	}
	return int64(q)
}
