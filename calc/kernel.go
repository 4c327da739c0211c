package calc

import "math"

// sectorSlots is a power of two at least len(sectors).
const sectorSlots = 16

// marketState is one path's market: every stock's price, the index's
// value (whole and held: without the excluded sectors), the step's sector
// factors and the random source. It knows nothing of the strategies: the
// kernel (step) reads the SMA's shares and highest lot bases as plain
// slices, and the fund's NAV follows idxVal.
type marketState struct {
	mp   marketParams
	ix   index
	vols []stockVol // each name's specific volatility and drift (idio_weight.go)
	div  float64    // the scenario's dividend yield (a replay of history has its own)

	rng     normalSource
	zigSW   [128]float64 // zigW × the specific volatility × the path's sign, in units of ln 2/64
	sdUnits float64      // the specific volatility × the path's sign, in units of ln 2/64
	allHeld bool         // no sector excluded: the held index is the index

	price, idxN, heldN []float64
	sectorLR           [sectorSlots]float64 // an array: indexed by a masked sector, no bounds check
	sectorG            []float64            // the step's growth of each sector proxy (market + sector factor)
	idxVal, heldIdxVal float64

	mktZ     float64        // this step's market log return, for the transition and weekly checks
	hist     *historyMarket // non-nil: the market replays history (history_market.go)
	histStep int            // the next month of hist
}

// newMarketState sets up the market of s; held[i] is false for the names
// of excluded sectors.
func newMarketState(s Scenario) marketState {
	if len(sectors) > sectorSlots {
		panic("calc: more sectors than sectorSlots")
	}
	n := s.Stocks
	m := marketState{
		mp: newMarketParams(s), ix: indexFor(s), div: s.Div,
		price: make([]float64, n), idxN: make([]float64, n), heldN: make([]float64, n),
		sectorG: make([]float64, len(sectors)),
	}
	m.vols = stockVols(s, m.ix)
	if m.hist = newHistoryMarket(s); m.hist != nil {
		m.mp = historyParams(m.mp, s)
	}
	excluded := make([]bool, len(sectors))
	for _, name := range s.Exclude {
		excluded[sectorIndex(name)] = true
	}
	m.allHeld = len(s.Exclude) == 0
	for i := range n {
		m.idxN[i] = m.ix.weight[i]
		if !excluded[m.ix.sector[i]] {
			m.heldN[i] = m.ix.weight[i]
		}
	}
	return m
}

// begin seeds the path's draws and sets every price, and the index, to 1;
// it returns the held index's value.
func (m *marketState) begin(a, b uint64, sign float64) (held float64) {
	m.rng.seed(a, b, sign)
	m.histStep = 0
	m.sdUnits = sign * m.mp.specificSd * expUnitsPerLog
	for i, w := range zigW {
		m.zigSW[i] = w * m.sdUnits
	}
	for i := range m.price {
		m.price[i] = 1
		held += m.heldN[i]
	}
	m.idxVal, m.heldIdxVal = 1, held
	return held
}

// step draws one month of returns and moves every price and the index:
// the kernel. The generator's state lives in registers, the ziggurat's
// fast path (over 99% of draws) and exp2over64 are written out inline,
// and no bounds are checked. A stock's log return is computed in units of
// ln 2/64 (the sector part once per sector, the specific part as the
// ziggurat's integer times a per-path table, zigSW), which makes the
// exponential's range reduction exact and short (fastmath.go). With the
// scenario ranges (vol ≤ 1, idio ≤ 2) and the ziggurat's largest draw
// (about 14), a month's log return is below 30 in size, far inside
// exp2over64's range.
//
// shares and maxB are the SMA's shares and highest lot basis of each
// stock: the same loop sums the SMA's stocks before (valOld) and after
// (val) the move, and lists in cand, in stock order and without a branch,
// the nc stocks whose price times lf is below their highest basis (lf =
// 1/(1 − threshold); +Inf lists none): the only ones a harvest looks at.
func (m *marketState) step(shares, maxB []float64, cand []int32, lf float64) (nc int, valOld, val float64) {
	mp := &m.mp
	rng := &m.rng
	mz := m.marketFactor(mp.mktSd * rng.norm())
	m.mktZ = mz
	for k := range len(sectors) {
		f := mp.sectorSd * rng.norm()
		m.sectorLR[k] = float64(mp.stockDrift+mz+f) * expUnitsPerLog
		m.sectorG[k] = expFast(mp.sectorDrift + mz + f)
	}
	sec := m.ix.sector
	n := len(sec)
	price, idxN, heldN := m.price[:n], m.idxN[:n], m.heldN[:n]
	shares, maxB, cand, vols := shares[:n], maxB[:n], cand[:n], m.vols[:n]
	lr := &m.sectorLR
	sw := &m.zigSW
	sdu := m.sdUnits
	allHeld := m.allHeld
	s0, s1, s2, s3 := rng.s0, rng.s1, rng.s2, rng.s3
	var idx, heldIdx float64
	for i, sc := range sec {
		// Standard normal draw: math/rand/v2's ziggurat on xoshiro256++,
		// times the specific volatility in units of ln 2/64.
		var u uint64
		s0, s1, s2, s3, u = xoshiroStep(s0, s1, s2, s3)
		j := int32(u)
		zi := u >> 32 & 0x7F
		d := float64(j) * sw[zi]
		if absInt32(j) >= zigK[zi] {
			rng.s0, rng.s1, rng.s2, rng.s3 = s0, s1, s2, s3
			d = sdu * rng.normSlow(j, zi, float64(j)*zigW[zi])
			s0, s1, s2, s3 = rng.s0, rng.s1, rng.s2, rng.s3
		}
		// g = 2^(y/64) = e^(log return) (exp2over64, inline), with the
		// name's own volatility and drift (idio_weight.go); the drift is
		// added to the sector's part, off the draw's dependency chain.
		v := &vols[i]
		y := float64(lr[sc&(sectorSlots-1)]+v.drift) + float64(d*v.rel)
		kd := float64(y+expShift) - expShift
		k := int64(kd)
		r := float64(y-kd) * ln2over64
		r2 := float64(r * r)
		a0 := float64(r*0.5) + 1
		a1 := float64(r*(1.0/24)) + 1.0/6
		a2 := float64(r*(1.0/720)) + 1.0/120
		q := a0 + float64(r2*(a1+float64(r2*a2)))
		t := &expTable[k&63]
		g := (t[0] + float64(t[1]+float64(t[0]*float64(r*q)))) * math.Float64frombits(uint64(k>>6+1023)<<52)

		po := price[i]
		pn := po * g
		price[i] = pn
		sh := shares[i]
		valOld += float64(sh * po)
		val += float64(sh * pn)
		idx += float64(idxN[i] * pn)
		if !allHeld {
			heldIdx += float64(heldN[i] * pn)
		}
		cand[nc] = int32(i)
		if float64(pn*lf) < maxB[i] {
			nc++
		}
	}
	if allHeld {
		heldIdx = idx
	}
	rng.s0, rng.s1, rng.s2, rng.s3 = s0, s1, s2, s3
	m.idxVal, m.heldIdxVal = idx, heldIdx
	return nc, valOld, val
}

// takeOver moves name i's price to a cash offer `premium` above it,
// with the index, and returns the price's rise.
func (m *marketState) takeOver(i int, premium float64) float64 {
	d := m.price[i] * premium
	m.price[i] += d
	m.idxVal += m.idxN[i] * d
	m.heldIdxVal += m.heldN[i] * d
	return d
}

// pathSeed derives the seed words of a path's random source from the
// scenario's seed and the path index through SplitMix64. Paths come in
// antithetic pairs (Hammersley & Morton 1956): paths 2k and 2k+1 share
// pair k's stream, the second with every normal draw negated (sign −1), so
// a down market on one is an up market on the other. Pairs are
// independent of each other and of how paths are split across workers;
// the even paths alone are plain independent Monte Carlo paths.
func pathSeed(seed uint64, path int) (a, b uint64, sign float64) {
	pair := uint64(path) >> 1
	a = splitmix64(seed ^ splitmix64(pair+0x632be59bd9b4e019))
	sign = 1
	if path&1 == 1 {
		sign = -1
	}
	return a, splitmix64(a ^ 0x9e3779b97f4a7c15), sign
}
