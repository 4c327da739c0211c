package calc

import (
	"math"
	"math/bits"

	"smacalc/calc/scenario"
)

// moneyWeightedReturn is the annual internal rate of return r of investing
// amount + contrib[0] at the start and contrib[k] at the start of year k+1,
// and receiving wealth after len(contrib) years:
//
//	Σ_k contrib'[k]·(1+r)^(H−k) = wealth
//
// found by bisection on [−99.99%, 1000%] (deterministic, 64 halvings).
// wealth may be zero: a portfolio that ran out paying withdrawals still has
// a return (the withdrawals are what the investor received).
func moneyWeightedReturn(amount float64, contrib []float64, wealth float64) float64 {
	h := len(contrib)
	var buf [maxSquared + 1]float64
	pw := buf[:]
	if h+1 > len(buf) {
		pw = make([]float64, h+1)
	}
	pw = pw[:h+1]
	f := func(r float64) float64 {
		powers(1+r, pw)
		v := 0.0
		for k, c := range contrib {
			if k == 0 {
				c += amount
			}
			v += c * pw[h-k]
		}
		return v - wealth
	}
	// Nothing left and no withdrawal since the last contribution: every
	// dollar is lost. (A portfolio that ran out after paying withdrawals
	// has a root: f < 0 near −100%, where the latest withdrawal dominates.)
	if wealth <= 0 && f(-0.9999) >= 0 {
		return -1
	}
	return bisectReturn(f)
}

// maxSquared is the largest power that powers takes by squaring.
const maxSquared = 64

// powers sets pw[m] to math.Pow(x, m) for every m < len(pw), to the bit,
// in a fraction of its time: the bisection above evaluates 64 × 10 powers
// a strategy on a default path (perf: math.Pow with its Frexp and Ldexp
// 2% of SimulateDefault). math.Pow raises x to a whole power by squaring
// x's mantissa (Frexp, in [½, 1)) and multiplying in the squares of m's
// bits, lowest first, scaling the exponent apart, then Ldexp. Scaling by
// powers of two is exact, so the same squarings and products of x itself
// round the same, as long as every one of them is a normal number: for x
// in [1/16384, 16] and m ≤ 64 (the bisection's x is in [0.0001, 11], m
// at most the horizon, 50) they lie between x^m and x, within 2^±900.
// Elsewhere it is math.Pow. The products for m are those for m less its
// highest bit b, then x^b (a square of squares: pw[b]), so each power is
// one multiplication of two before it, instead of a squaring loop (a
// call) for each (in WebAssembly those calls cost more than their
// multiplications; docs/ARCHITECTURE.md, "Round 10: the engine's calls
// under V8"). TestPowersAreMathPow compares them.
func powers(x float64, pw []float64) {
	inRange := x >= 1.0/16384 && x <= 16
	for m := range pw {
		switch {
		case m == 0:
			pw[m] = 1
		case m == 1:
			pw[m] = x // math.Pow's too
		case !inRange || m > maxSquared:
			pw[m] = math.Pow(x, float64(m))
		case m&(m-1) == 0: // a power of two: the square of the one before
			pw[m] = pw[m/2] * pw[m/2]
		default:
			b := 1 << (bits.Len(uint(m)) - 1) // m's highest bit
			pw[m] = pw[m-b] * pw[b]
		}
	}
}

// bisectReturn finds the root of f, increasing in r, on [−99.99%, 1000%]
// by 64 halvings (deterministic: the same bits on every platform when f's
// arithmetic is).
func bisectReturn(f func(r float64) float64) float64 {
	lo, hi := -0.9999, 10.0
	flo := f(lo)
	for range 64 {
		mid := 0.5 * (lo + hi)
		fm := f(mid)
		if (fm < 0) == (flo < 0) {
			lo, flo = mid, fm
		} else {
			hi = mid
		}
	}
	return 0.5 * (lo + hi)
}

// returnBeforeSale is a strategy's annualized after-tax money-weighted
// return with the value before the final sale (preLiq) as the end wealth:
// the tax on unrealized gains is not paid. contrib are the yearly flows
// the path actually made (settle in account.go): the scenario's contribution,
// less the tax saved paid out with savings=withdraw, and cut to what was
// left, then none, by a path that ran out. Equal yearly flows — the common
// case — take irrHorner's shortcut to the same root.
func returnBeforeSale(s scenario.Scenario, contrib []float64, preLiq float64) float64 {
	for _, c := range contrib {
		if c != s.Contrib {
			return moneyWeightedReturn(s.Amount, contrib, preLiq)
		}
	}
	return irrHorner(s.Amount, s.Contrib, s.Horizon, preLiq)
}

// irrHorner is moneyWeightedReturn for equal yearly contributions (amount
// plus contrib at the start, contrib at the start of each later year, the
// end wealth after h years). It runs for every path of every provisional
// summary on the browser's main thread, so it evaluates the flows by
// Horner's rule (with the derivative alongside) and takes Newton steps
// inside a shrinking bracket, falling back to halving it when a step
// would leave it: a handful of evaluations instead of 64. Products are
// rounded explicitly (float64(...)) so that no platform fuses them into an
// FMA: native and WebAssembly give the same bits.
func irrHorner(amount, contrib float64, h int, wealth float64) float64 {
	if wealth <= 0 {
		return -1
	}
	eval := func(r float64) (f, df float64) {
		g := 1 + r
		v, dv := 0.0, 0.0
		for k := range h {
			c := contrib
			if k == 0 {
				c += amount
			}
			dv = float64(dv*g) + (v + c)
			v = float64((v + c) * g)
		}
		return v - wealth, dv
	}
	lo, hi := -0.9999, 10.0
	flo, _ := eval(lo)
	r := 0.05
	for range 200 {
		f, df := eval(r)
		if f == 0 {
			return r
		}
		if (f < 0) == (flo < 0) {
			lo, flo = r, f
		} else {
			hi = r
		}
		next := r - f/df
		if df == 0 || !(next > lo && next < hi) {
			next = 0.5 * (lo + hi)
		}
		if math.Abs(next-r) <= 1e-15*(1+math.Abs(r)) || hi-lo <= 1e-15 {
			return next
		}
		r = next
	}
	return r
}
