package market

import "math"

// Pure-Go elementary functions for the kernel. The standard library's
// math.Exp and math.Log are assembly on amd64 (and arm64) but pure Go in
// WebAssembly, and they differ in the last bit for about 7% of the
// arguments of a monthly stock return, so an engine calling them gives
// different results natively and in the browser. These functions give the
// same bits everywhere: every product that could be fused with an addition
// into an FMA (arm64; amd64 with GOAMD64=v3) is rounded explicitly with a
// float64 conversion, which the Go spec says prevents the fusion.

// expTable holds 2^(j/64), j = 0…63, as hi + lo: hi is the correctly
// rounded float64 and lo the rounded remainder. The values are written
// out (hexadecimal floats, exact): they were computed at start-up from
// square roots of 2 at 256 bits with math/big, which took 6 % of the
// page's start in a profile of a cold share link (docs/ARCHITECTURE.md,
// "Round 6: the cold share link"), and every simulation worker ran it
// again. TestExpTableIsExact computes them that way (math/big is exact
// arithmetic, the same on every platform) and compares every bit.
var expTable = [64][2]float64{
	{0x1p+00, 0x0p+00}, // 0
	{0x1.02c9a3e778061p+00, -0x1.19083535b085dp-56}, // 1
	{0x1.059b0d3158574p+00, 0x1.d73e2a475b465p-55},  // 2
	{0x1.0874518759bc8p+00, 0x1.186be4bb284ffp-57},  // 3
	{0x1.0b5586cf9890fp+00, 0x1.8a62e4adc610bp-54},  // 4
	{0x1.0e3ec32d3d1a2p+00, 0x1.03a1727c57b53p-59},  // 5
	{0x1.11301d0125b51p+00, -0x1.6c51039449b3ap-54}, // 6
	{0x1.1429aaea92dep+00, -0x1.32fbf9af1369ep-54},  // 7
	{0x1.172b83c7d517bp+00, -0x1.19041b9d78a76p-55}, // 8
	{0x1.1a35beb6fcb75p+00, 0x1.e5b4c7b4968e4p-55},  // 9
	{0x1.1d4873168b9aap+00, 0x1.e016e00a2643cp-54},  // 10
	{0x1.2063b88628cd6p+00, 0x1.dc775814a8495p-55},  // 11
	{0x1.2387a6e756238p+00, 0x1.9b07eb6c70573p-54},  // 12
	{0x1.26b4565e27cddp+00, 0x1.2bd339940e9d9p-55},  // 13
	{0x1.29e9df51fdee1p+00, 0x1.612e8afad1255p-55},  // 14
	{0x1.2d285a6e4030bp+00, 0x1.0024754db41d5p-54},  // 15
	{0x1.306fe0a31b715p+00, 0x1.6f46ad23182e4p-55},  // 16
	{0x1.33c08b26416ffp+00, 0x1.32721843659a6p-54},  // 17
	{0x1.371a7373aa9cbp+00, -0x1.63aeabf42eae2p-54}, // 18
	{0x1.3a7db34e59ff7p+00, -0x1.5e436d661f5e3p-56}, // 19
	{0x1.3dea64c123422p+00, 0x1.ada0911f09ebcp-55},  // 20
	{0x1.4160a21f72e2ap+00, -0x1.ef3691c309278p-58}, // 21
	{0x1.44e086061892dp+00, 0x1.89b7a04ef80dp-59},   // 22
	{0x1.486a2b5c13cdp+00, 0x1.3c1a3b69062fp-56},    // 23
	{0x1.4bfdad5362a27p+00, 0x1.d4397afec42e2p-56},  // 24
	{0x1.4f9b2769d2ca7p+00, -0x1.4b309d25957e3p-54}, // 25
	{0x1.5342b569d4f82p+00, -0x1.07abe1db13cadp-55}, // 26
	{0x1.56f4736b527dap+00, 0x1.9bb2c011d93adp-54},  // 27
	{0x1.5ab07dd485429p+00, 0x1.6324c054647adp-54},  // 28
	{0x1.5e76f15ad2148p+00, 0x1.ba6f93080e65ep-54},  // 29
	{0x1.6247eb03a5585p+00, -0x1.383c17e40b497p-54}, // 30
	{0x1.6623882552225p+00, -0x1.bb60987591c34p-54}, // 31
	{0x1.6a09e667f3bcdp+00, -0x1.bdd3413b26456p-54}, // 32
	{0x1.6dfb23c651a2fp+00, -0x1.bbe3a683c88abp-57}, // 33
	{0x1.71f75e8ec5f74p+00, -0x1.16e4786887a99p-55}, // 34
	{0x1.75feb564267c9p+00, -0x1.0245957316dd3p-54}, // 35
	{0x1.7a11473eb0187p+00, -0x1.41577ee04992fp-55}, // 36
	{0x1.7e2f336cf4e62p+00, 0x1.05d02ba15797ep-56},  // 37
	{0x1.82589994cce13p+00, -0x1.d4c1dd41532d8p-54}, // 38
	{0x1.868d99b4492edp+00, -0x1.fc6f89bd4f6bap-54}, // 39
	{0x1.8ace5422aa0dbp+00, 0x1.6e9f156864b27p-54},  // 40
	{0x1.8f1ae99157736p+00, 0x1.5cc13a2e3976cp-55},  // 41
	{0x1.93737b0cdc5e5p+00, -0x1.75fc781b57ebcp-57}, // 42
	{0x1.97d829fde4e5p+00, -0x1.d185b7c1b85d1p-54},  // 43
	{0x1.9c49182a3f09p+00, 0x1.c7c46b071f2bep-56},   // 44
	{0x1.a0c667b5de565p+00, -0x1.359495d1cd533p-54}, // 45
	{0x1.a5503b23e255dp+00, -0x1.d2f6edb8d41e1p-54}, // 46
	{0x1.a9e6b5579fdbfp+00, 0x1.0fac90ef7fd31p-54},  // 47
	{0x1.ae89f995ad3adp+00, 0x1.7a1cd345dcc81p-54},  // 48
	{0x1.b33a2b84f15fbp+00, -0x1.2805e3084d708p-57}, // 49
	{0x1.b7f76f2fb5e47p+00, -0x1.5584f7e54ac3bp-56}, // 50
	{0x1.bcc1e904bc1d2p+00, 0x1.23dd07a2d9e84p-55},  // 51
	{0x1.c199bdd85529cp+00, 0x1.11065895048ddp-55},  // 52
	{0x1.c67f12e57d14bp+00, 0x1.2884dff483cadp-54},  // 53
	{0x1.cb720dcef9069p+00, 0x1.503cbd1e949dbp-56},  // 54
	{0x1.d072d4a07897cp+00, -0x1.cbc3743797a9cp-54}, // 55
	{0x1.d5818dcfba487p+00, 0x1.2ed02d75b3707p-55},  // 56
	{0x1.da9e603db3285p+00, 0x1.c2300696db532p-54},  // 57
	{0x1.dfc97337b9b5fp+00, -0x1.1a5cd4f184b5cp-54}, // 58
	{0x1.e502ee78b3ff6p+00, 0x1.39e8980a9cc8fp-55},  // 59
	{0x1.ea4afa2a490dap+00, -0x1.e9c23179c2893p-54}, // 60
	{0x1.efa1bee615a27p+00, 0x1.dc7f486a4b6bp-54},   // 61
	{0x1.f50765b6e454p+00, 0x1.9d3e12dd8a18bp-54},   // 62
	{0x1.fa7c1819e90d8p+00, 0x1.74853f3a5931ep-55},  // 63
}

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

// roundedInt is the integer k that adding expShift rounded y to (ys =
// y + expShift, kd = ys − expShift = k exactly, for |y| < 2^51): the low
// bits of ys's significand, read from its bits. int64(kd) gives the same
// k, but in WebAssembly a float-to-integer conversion is a trapping
// instruction that V8 guards with a rounding, a conversion back and a
// comparison on every stock of the kernel (their code, --print-wasm-code);
// natively it is one conversion on the chain to the table's load.
func roundedInt(ys float64) int64 {
	return int64(math.Float64bits(ys)) - int64(math.Float64bits(expShift))
}
