package calc

import (
	"math"
	"slices"
	"testing"
)

// marketStep writes exp2over64 out inline (speed: docs/ARCHITECTURE.md,
// "Speed: the engine"). This replays one step's draws from a copy of the
// random source and checks that every price moved by exactly
// exp2over64(log return), bit for bit, so the inline copy cannot drift from
// the function that fastmath_test.go checks against math/big.
func TestMarketStepInlineExpIsExp2over64(t *testing.T) {
	for _, q := range []string{"paths=2&stocks=200&horizon=2", "paths=2&stocks=200&horizon=2&idio=0.6&vol=0.3", "paths=2&stocks=50&horizon=1&seed=7"} {
		s, err := Decode(q)
		if err != nil {
			t.Fatal(err)
		}
		tx, err := newTaxer(s)
		if err != nil {
			t.Fatal(err)
		}
		p := newPathSim(s, tx)
		for _, path := range []int{0, 1} { // the even path and its antithetic partner
			p.run(path) // leaves a path's end state: prices, lots, the source
			for step := range 24 {
				before := slices.Clone(p.mkt.price)
				rng := p.mkt.rng
				p.marketStep(step%2 == 0)
				// The market and sector draws come first (marketStep stored
				// the sector parts it used in sectorLR), then one per stock.
				for range len(sectors) + 1 {
					rng.norm()
				}
				for i, sc := range p.mkt.ix.sector {
					var u uint64
					rng.s0, rng.s1, rng.s2, rng.s3, u = xoshiroStep(rng.s0, rng.s1, rng.s2, rng.s3)
					j := int32(u)
					zi := u >> 32 & 0x7F
					d := float64(j) * p.mkt.zigSW[zi]
					if absInt32(j) >= zigK[zi] {
						d = p.mkt.sdUnits * rng.normSlow(j, zi, float64(j)*zigW[zi])
					}
					v := p.mkt.vols[i]
					y := float64(p.mkt.sectorLR[sc&(sectorSlots-1)]+v.drift) + float64(d*v.rel)
					if want := before[i] * exp2over64(y); math.Float64bits(p.mkt.price[i]) != math.Float64bits(want) {
						t.Fatalf("%s path %d step %d stock %d: price %v, exp2over64 gives %v", q, path, step, i, p.mkt.price[i], want)
					}
				}
			}
		}
	}
}
