package market

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// testState is a market of n stocks in 11 sectors with the volatilities
// of a scenario (vol, idio: a year's; a quarter of idio's variance is the
// sector's, as in calc's market.go), each stock's own volatility spread
// around the average as calc's idio_weight.go spreads it.
func testState(n int, vol, idio float64, excluded bool) State {
	const dt = 1.0 / 12
	sv, ev := idio/2, idio*math.Sqrt(0.75)
	p := Params{MktSd: vol * math.Sqrt(dt), SectorSd: sv * math.Sqrt(dt), SpecificSd: ev * math.Sqrt(dt),
		StockDrift:  (math.Log1p(0.07) - 0.015 - 0.5*(vol*vol+sv*sv+ev*ev)) * dt,
		SectorDrift: (math.Log1p(0.07) - 0.015 - 0.5*(vol*vol+sv*sv)) * dt}
	sector := make([]uint8, n)
	vols := make([]StockVol, n)
	idxN, heldN := make([]float64, n), make([]float64, n)
	for i := range n {
		sector[i] = uint8(i % 11)
		rel := 0.7 + 0.6*float64(i)/float64(n)
		e := rel * ev
		vols[i] = StockVol{Rel: rel, Drift: -0.5 * (e*e - ev*ev) * dt * ExpUnitsPerLog}
		idxN[i] = math.Pow(float64(i+1), -0.8)
		if !excluded || sector[i] != 3 {
			heldN[i] = idxN[i]
		}
	}
	return NewState(p, sector, 11, vols, idxN, heldN, 0.015, nil)
}

// Step writes exp2over64 out inline (speed: docs/ARCHITECTURE.md,
// "Speed: the engine"). This replays steps' draws from a copy of the
// random source and checks that every price moved by exactly
// exp2over64(log return), bit for bit, so the inline copy cannot drift
// from the function that fastmath_test.go checks against math/big; and
// that the sums and the harvest candidates are those of the prices.
func TestStepInlineExpIsExp2over64(t *testing.T) {
	for _, c := range []struct {
		n             int
		vol, idio     float64
		excluded      bool
		seed          uint64
		paths, skipTo int
		shift         float64 // added to every third name's drift (units of ln 2/64): log returns beyond expWide
	}{
		{200, 0.16, 0.25, false, 1, 2, 0, 0},
		{200, 0.3, 0.6, true, 1, 2, 30, 0},
		{50, 0.16, 0.25, false, 7, 2, 12, 0},
		{60, 0.16, 0.6, false, 3, 2, 0, expWideHalf - 2},
		{60, 0.16, 0.6, false, 3, 2, 0, -expWideHalf - 1},
		{60, 0.16, 0.6, false, 5, 2, 0, 2000},
		// An odd count (move's last stock outside its pairs), beyond
		// expWide in both places of a pair and in the last stock.
		{61, 0.16, 0.6, false, 5, 2, 0, 2000},
		{51, 0.16, 0.25, false, 7, 2, 0, 0},
	} {
		m := testState(c.n, c.vol, c.idio, c.excluded)
		for i := 1; i < c.n; i += 3 { // both places of move's pairs
			m.Vols[i].Drift += c.shift
		}
		r := rand.New(rand.NewPCG(c.seed, 9))
		shares, maxB, cand := make([]float64, c.n), make([]float64, c.n), make([]int32, c.n)
		for path := range c.paths { // the even path and its antithetic partner
			a, b, sign := PathSeed(c.seed, path)
			m.Begin(a, b, sign)
			for i := range shares {
				shares[i], maxB[i] = r.Float64(), 0.8+0.4*r.Float64()
			}
			for step := range c.skipTo + 24 {
				before := slices.Clone(m.Price)
				rng := m.Rng
				lf := math.Inf(1)
				if step%2 == 0 {
					lf = 1 / (1 - 0.05)
				}
				nc, valOld, val := m.Step(shares, maxB, cand, lf)
				if step < c.skipTo {
					continue
				}
				// The market and sector draws come first (Step stored the
				// sector parts it used in SectorLR), then one per stock.
				for range len(m.SectorG) + 1 {
					rng.Norm()
				}
				var wantOld, wantVal, idx float64
				k := 0
				for i, sc := range m.Sector {
					var u uint64
					rng.s0, rng.s1, rng.s2, rng.s3, u = xoshiroStep(rng.s0, rng.s1, rng.s2, rng.s3)
					j := int32(u)
					zi := u >> 32 & 0x7F
					d := float64(j) * m.zigSW[zi]
					if absInt32(j) >= zigK[zi] {
						d = m.sdUnits * rng.normSlow(j, zi, float64(j)*zigW[zi])
					}
					v := m.Vols[i]
					y := float64(m.SectorLR[sc&(SectorSlots-1)]+v.Drift) + float64(d*v.Rel)
					want := before[i] * exp2over64(y)
					if math.Float64bits(m.Price[i]) != math.Float64bits(want) {
						t.Fatalf("%+v path %d step %d stock %d: price %v, exp2over64 gives %v", c, path, step, i, m.Price[i], want)
					}
					wantOld += shares[i] * before[i]
					wantVal += shares[i] * want
					idx += m.IdxN[i] * want
					if want*lf < maxB[i] {
						if k >= nc || cand[k] != int32(i) {
							t.Fatalf("%+v path %d step %d: stock %d missing from the candidates %v", c, path, step, i, cand[:nc])
						}
						k++
					}
				}
				if k != nc || valOld != wantOld || val != wantVal || m.IdxVal != idx {
					t.Fatalf("%+v path %d step %d: %d candidates (want %d), values %v %v (want %v %v), index %v (want %v)",
						c, path, step, nc, k, valOld, val, wantOld, wantVal, m.IdxVal, idx)
				}
			}
		}
	}
}
