package market

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

func ulps(a, b float64) int64 {
	d := int64(math.Float64bits(a)) - int64(math.Float64bits(b))
	if d < 0 {
		d = -d
	}
	return d
}

// bigExp is e^x to about 250 bits: a Taylor series of e^(x/1024), squared
// ten times.
func bigExp(x float64) *big.Float {
	const prec = 300
	y := new(big.Float).SetPrec(prec).SetFloat64(x)
	y.Quo(y, big.NewFloat(1024))
	sum := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for n := int64(1); n < 60; n++ {
		term.Mul(term, y)
		term.Quo(term, new(big.Float).SetInt64(n))
		sum.Add(sum, term)
	}
	for range 10 {
		sum.Mul(sum, sum)
	}
	return sum
}

// errUlps is |got − exact| in units of got's last place.
func errUlps(got float64, exact *big.Float) float64 {
	d := new(big.Float).SetPrec(300).SetFloat64(got)
	d.Sub(d, exact)
	ulp := math.Nextafter(got, math.Inf(1)) - got
	e, _ := new(big.Float).Quo(d.Abs(d), new(big.Float).SetFloat64(ulp)).Float64()
	return e
}

// ExpFast must be within 0.52 ulp of e^x (so at most one ulp from the
// correctly rounded value; almost always equal to it).
func TestExpFast(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, scale := range []float64{1e-9, 0.01, 0.1, 0.5, 2, 30, 700} {
		worst, wrong, wrongStd, n := 0.0, 0, 0, 3000
		for range n {
			x := (2*r.Float64() - 1) * scale
			exact := bigExp(x)
			e := errUlps(ExpFast(x), exact)
			worst = max(worst, e)
			if e > 0.5 {
				wrong++
			}
			if errUlps(math.Exp(x), exact) > 0.5 {
				wrongStd++
			}
		}
		t.Logf("|x| ≤ %v: worst %.3f ulp, %d of %d not correctly rounded (math.Exp: %d)", scale, worst, wrong, n, wrongStd)
		if worst > 0.52 || wrong > n/100 {
			t.Errorf("|x| ≤ %v: worst error %.3f ulp, %d of %d not correctly rounded", scale, worst, wrong, n)
		}
	}
	for _, x := range []float64{0, math.Copysign(0, -1), 1, -1, 700, -700, 709, -745, math.Inf(1), math.Inf(-1)} {
		if got, want := ExpFast(x), math.Exp(x); ulps(got, want) > 1 {
			t.Errorf("ExpFast(%v) = %v, want %v", x, got, want)
		}
	}
	if ExpFast(0) != 1 || ExpFast(math.Inf(-1)) != 0 || !math.IsInf(ExpFast(math.Inf(1)), 1) || !math.IsNaN(ExpFast(math.NaN())) {
		t.Error("special cases")
	}
}

func TestLogPure(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		x := r.Float64()
		if got, want := LogPure(x), math.Log(x); ulps(got, want) > 1 {
			t.Fatalf("LogPure(%v) = %v, math.Log %v", x, got, want)
		}
	}
	if LogPure(0) != math.Inf(-1) || !math.IsNaN(LogPure(-1)) || LogPure(1) != 0 {
		t.Error("special cases")
	}
}

// xoshiroStep is xoshiro256++: outputs of the authors' reference C code
// (xoshiro256plusplus.c) from the state {1, 2, 3, 4}.
func TestXoshiroReference(t *testing.T) {
	r := NormalSource{s0: 1, s1: 2, s2: 3, s3: 4}
	want := map[int]uint64{0: 0x0000000002800001, 1: 0x0000000003800067, 2: 0x000cc00003800067,
		3: 0x000cc201994400b2, 4: 0x8012a2019ac433cd, 999: 0x0e82dbfdabb0d354}
	for i := range 1000 {
		if u := r.Uint64(); want[i] != 0 && u != want[i] {
			t.Errorf("output %d: %#x, reference %#x", i, u, want[i])
		}
	}
}

// The kernel's normal draws are math/rand/v2's NormFloat64 (the ziggurat)
// on the xoshiro256++ stream, negated on the second path of a pair.
func TestNormalSourceMatchesMathRand(t *testing.T) {
	for seed := range uint64(5) {
		a, b, _ := PathSeed(seed, int(seed*7))
		var got, src NormalSource
		got.Seed(a, b, 1)
		src.Seed(a, b, 1)
		want := rand.New(&src)
		var neg NormalSource
		neg.Seed(a, b, -1)
		same := 0
		const n = 1000000
		for k := range n {
			g, w := got.Norm(), want.NormFloat64()
			if ulps(g, w) > 1 {
				t.Fatalf("seed %d draw %d: %v, math/rand/v2 %v", seed, k, g, w)
			}
			if g == w {
				same++
			}
			if ng := neg.Norm(); ng != -g {
				t.Fatalf("seed %d draw %d: antithetic %v, not −%v", seed, k, ng, g)
			}
		}
		if same < n-20 {
			t.Errorf("seed %d: %d of %d draws differ", seed, n-same, n)
		}
	}
}

// Paths 2k and 2k+1 are an antithetic pair; pairs have distinct streams.
func TestPathSeedPairs(t *testing.T) {
	a0, b0, s0 := PathSeed(1, 0)
	a1, b1, s1 := PathSeed(1, 1)
	a2, b2, _ := PathSeed(1, 2)
	if a0 != a1 || b0 != b1 || s0 != 1 || s1 != -1 {
		t.Errorf("pair 0: (%x %x %v) (%x %x %v)", a0, b0, s0, a1, b1, s1)
	}
	if a2 == a0 || b2 == b0 {
		t.Error("pairs 0 and 1 share a stream")
	}
}

// bigExp2over64 is 2^(y/64) = e^(y·ln2/64) to 200 bits.
func bigExp2over64(y float64) *big.Float {
	// 2^(y/64) = 2^(k/64) · 2^(f/64), k = round(y).
	const prec = 200
	kd := math.Round(y)
	f := y - kd
	root := new(big.Float).SetPrec(prec).SetInt64(2)
	for range 6 {
		root.Sqrt(root)
	}
	p := new(big.Float).SetPrec(prec).SetInt64(1)
	k := int64(kd)
	base := root
	if k < 0 {
		base = new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).SetInt64(1), root)
		k = -k
	}
	for ; k > 0; k-- {
		p.Mul(p, base)
	}
	// 2^(f/64) = e^(f·ln2/64); ln 2 from math/big: ln2 = Σ 1/(k·2^k).
	ln2 := new(big.Float).SetPrec(prec)
	pow := new(big.Float).SetPrec(prec).SetInt64(1)
	for i := int64(1); i < 260; i++ {
		pow.Quo(pow, big.NewFloat(2))
		term := new(big.Float).SetPrec(prec).Quo(pow, new(big.Float).SetInt64(i))
		ln2.Add(ln2, term)
	}
	r := new(big.Float).SetPrec(prec).Mul(new(big.Float).SetFloat64(f), ln2)
	r.Quo(r, big.NewFloat(64))
	// e^r by its series (|r| ≤ 0.0055).
	sum := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for i := int64(1); i < 30; i++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetInt64(i))
		sum.Add(sum, term)
	}
	return p.Mul(p, sum)
}

// exp2over64 must be within 0.52 ulp of 2^(y/64) over the arguments the
// kernel sees (a month's log return in units of ln 2/64 is well within
// ±3000).
func TestExp2over64(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, scale := range []float64{1e-6, 0.5, 3, 30, 300, 3000} {
		worst, wrong, n := 0.0, 0, 1500
		for range n {
			y := (2*r.Float64() - 1) * scale
			e := errUlps(exp2over64(y), bigExp2over64(y))
			worst = max(worst, e)
			if e > 0.5 {
				wrong++
			}
		}
		t.Logf("|y| ≤ %v: worst %.3f ulp, %d of %d not correctly rounded", scale, worst, wrong, n)
		if worst > 0.52 || wrong > n/100 {
			t.Errorf("|y| ≤ %v: worst error %.3f ulp, %d of %d not correctly rounded", scale, worst, wrong, n)
		}
	}
	if exp2over64(0) != 1 || exp2over64(64) != 2 || exp2over64(-128) != 0.25 {
		t.Error("exact powers of two")
	}
}

// TestExpTableIsExact computes expTable as it was computed at start-up
// before it was written out: 2^(j/64) as products of 2^(2^b/64), square
// roots of 2 at 256 bits (math/big is exact arithmetic, the same on every
// platform), hi the correctly rounded float64 and lo the rounded rest. A
// changed digit in the table fails here, and so would a table that
// differed between platforms.
func TestExpTableIsExact(t *testing.T) {
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
		if got := expTable[j]; math.Float64bits(got[0]) != math.Float64bits(hi) || math.Float64bits(got[1]) != math.Float64bits(lo) {
			t.Errorf("expTable[%d] = {%x, %x}, want {%x, %x}", j, got[0], got[1], hi, lo)
		}
	}
}
