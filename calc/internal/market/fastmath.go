package market

import (
	"math"
	"math/big"
)

// Pure-Go elementary functions for the kernel. The standard library's
// math.Exp and math.Log are assembly on amd64 (and arm64) but pure Go in
// WebAssembly, and they differ in the last bit for about 7% of the
// arguments of a monthly stock return, so an engine calling them gives
// different results natively and in the browser. These functions give the
// same bits everywhere: every product that could be fused with an addition
// into an FMA (arm64; amd64 with GOAMD64=v3) is rounded explicitly with a
// float64 conversion, which the Go spec says prevents the fusion.

// expTable holds 2^(j/64), j = 0…63, as hi + lo: hi is the correctly
// rounded float64 and lo the rounded remainder. It is computed from square
// roots of 2 at 256 bits (math/big is exact arithmetic, the same on every
// platform).
var expTable = func() (t [64][2]float64) {
	const prec = 256
	var c [6]*big.Float // c[b] = 2^(2^b/64)
	v := new(big.Float).SetPrec(prec).SetInt64(2)
	for b := 5; b >= 0; b-- {
		v = new(big.Float).SetPrec(prec).Sqrt(v)
		c[b] = v
	}
	for j := range 64 {
		p := new(big.Float).SetPrec(prec).SetInt64(1)
		for b := range 6 {
			if j>>b&1 == 1 {
				p.Mul(p, c[b])
			}
		}
		hi, _ := p.Float64()
		rest := new(big.Float).SetPrec(prec).Sub(p, new(big.Float).SetFloat64(hi))
		lo, _ := rest.Float64()
		t[j] = [2]float64{hi, lo}
	}
	return t
}()

// expWide holds 2^(k/64) for |k| ≤ expWideHalf as expTable's hi and lo
// parts times 2^⌊k/64⌋, exact products (scaling by a power of two, the
// results normal). The kernel (State.move) looks 2^(k/64) up here when k
// is within it — nearly always: a month's log return within ±5.5, more
// than eight standard deviations of the most volatile name a scenario
// allows — and so saves exp2over64's last product and the integer
// operations that make its power of two. The result is exp2over64's to
// the bit: with both table parts scaled by 2^e, every sum and product
// that combines them is the unscaled one times 2^e exactly (rounding
// commutes with scaling by powers of two in the normal range), which is
// what exp2over64's final product computes (TestStepInlineExpIsExp2over64
// checks the kernel's prices against exp2over64 inside and outside it).
const expWideHalf = 512

var expWide = func() (t [2 * expWideHalf][2]float64) {
	for j := range t {
		k := int64(j - expWideHalf)
		scale := math.Float64frombits(uint64(k>>6+1023) << 52)
		e := expTable[k&63]
		t[j] = [2]float64{e[0] * scale, e[1] * scale}
	}
	return t
}()

const (
	expInvL = 64 / math.Ln2
	// ln 2 / 64 split in two: expL1 has 32 significant bits, so k·expL1
	// is exact for |k| < 2^21 (fdlibm's Ln2Hi, Ln2Lo divided by 64).
	expL1    = 6.93147180369123816490e-01 / 64
	expL2    = 1.90821492927058770002e-10 / 64
	expShift = 0x1.8p52 // adding it rounds to an integer
)

// ExpFast returns e^x within about 0.51 ulp (nearly always the correctly
// rounded value; tested against math.Exp). Tang's table method: x = k·ln2/64
// + r with |r| ≤ ln2/128, e^x = 2^(k/64) · e^r with a degree-6 polynomial for
// e^r − 1 (truncation error below 2^−62). Arguments beyond ±700 (never a
// monthly return) and NaN go to math.Exp.
func ExpFast(x float64) float64 {
	if !(x <= 700 && x >= -700) {
		return math.Exp(x)
	}
	kd := float64(float64(x*expInvL)+expShift) - expShift
	k := int64(kd)
	r := float64(x-float64(kd*expL1)) - float64(kd*expL2)
	q := float64(r*(1.0/720)) + 1.0/120
	q = float64(r*q) + 1.0/24
	q = float64(r*q) + 1.0/6
	q = float64(r*q) + 1.0/2
	q = float64(r*q) + 1
	p := r * q // e^r − 1
	t := &expTable[k&63]
	v := t[0] + float64(t[1]+float64(t[0]*p))
	return v * math.Float64frombits(uint64(k>>6+1023)<<52)
}

// LogPure is the natural logarithm, the algorithm of Go's pure-Go math.Log
// (FreeBSD's e_log.c) with explicit rounding of products, so it gives the
// same result on every platform. It is used only in the normal sampler's
// tail (one draw in several hundred).
func LogPure(x float64) float64 {
	const (
		Ln2Hi = 6.93147180369123816490e-01 /* 3fe62e42 fee00000 */
		Ln2Lo = 1.90821492927058770002e-10 /* 3dea39ef 35793c76 */
		L1    = 6.666666666666735130e-01   /* 3FE55555 55555593 */
		L2    = 3.999999999940941908e-01   /* 3FD99999 9997FA04 */
		L3    = 2.857142874366239149e-01   /* 3FD24924 94229359 */
		L4    = 2.222219843214978396e-01   /* 3FCC71C5 1D8E78AF */
		L5    = 1.818357216161805012e-01   /* 3FC74664 96CB03DE */
		L6    = 1.531383769920937332e-01   /* 3FC39A09 D078C69F */
		L7    = 1.479819860511658591e-01   /* 3FC2F112 DF3E5244 */
	)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	f1, ki := math.Frexp(x)
	if f1 < math.Sqrt2/2 {
		f1 *= 2
		ki--
	}
	f := f1 - 1
	k := float64(ki)
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	t1 := s2 * float64(L1+float64(s4*float64(L3+float64(s4*float64(L5+float64(s4*L7))))))
	t2 := s4 * float64(L2+float64(s4*float64(L4+float64(s4*L6))))
	R := t1 + t2
	hfsq := float64(0.5*f) * f
	return float64(k*Ln2Hi) - ((hfsq - (float64(s*float64(hfsq+R)) + float64(k*Ln2Lo))) - f)
}

// ln2over64 is ln 2 / 64 rounded to float64; ExpUnitsPerLog converts a
// natural logarithm to units of ln 2/64.
const (
	ln2over64      = math.Ln2 / 64
	ExpUnitsPerLog = 64 / math.Ln2
)

// exp2over64 returns 2^(y/64) — e^x for y = x·64/ln 2 — within about 0.51
// ulp. It is the kernel's exponential: the market model computes a stock's
// log return directly in units of ln 2/64 (State.Step), so the range
// reduction is one rounding to an integer k and an exact subtraction,
// f = y − k (|f| ≤ ½), with no Cody–Waite split of ln 2; then 2^(f/64) =
// e^r, r = f·ln2/64 (|r| ≤ 0.0055, so r's rounding error changes e^r by
// under 2^−60 relative), by a degree-6 polynomial for e^r − 1 evaluated
// with Estrin's scheme (shorter dependency chains than Horner's, the
// kernel's bottleneck), and 2^(k/64) from expTable. Every product is
// rounded explicitly (no FMA), so the bits are the same on every
// platform. |y| must be below 64·1000 (so that 2^(k/64) is a normal
// float64); the kernel's arguments are below 3,000.
func exp2over64(y float64) float64 {
	kd := float64(y+expShift) - expShift
	k := int64(kd)
	r := float64(y-kd) * ln2over64
	r2 := float64(r * r)
	a0 := float64(r*0.5) + 1
	a1 := float64(r*(1.0/24)) + 1.0/6
	a2 := float64(r*(1.0/720)) + 1.0/120
	q := a0 + float64(r2*(a1+float64(r2*a2))) // (e^r − 1)/r
	t := &expTable[k&63]
	return (t[0] + float64(t[1]+float64(t[0]*float64(r*q)))) * math.Float64frombits(uint64(k>>6+1023)<<52)
}
