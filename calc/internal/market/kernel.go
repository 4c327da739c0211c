package market

import "math"

// SectorSlots is a power of two at least the number of sectors: the
// kernel indexes SectorLR by a masked sector, so no bounds are checked.
const SectorSlots = 16

// Params are the per-step constants of the market model (calc's
// market.go derives them from a scenario).
type Params struct {
	MktSd, SectorSd, SpecificSd float64
	StockDrift                  float64 // log drift per step of a stock
	SectorDrift                 float64 // log drift per step of a sector proxy (market + sector factor)
}

// StockVol is one name's stock-specific volatility relative to
// Params.SpecificSd, and its drift correction per step in units of
// ln 2/64 (the kernel's units; calc's idio_weight.go).
type StockVol struct {
	Rel, Drift float64
}

// History is a replayed market factor (calc's history_market.go): each
// month's log price return and each quarter's dividend yield.
type History struct {
	LogPrice []float64
	DivQ     []float64
}

// State is one path's market: every stock's price, the index's value
// (whole, and held: without the excluded sectors), the step's sector
// factors and the random source. It knows nothing of the strategies:
// Step reads the SMA's shares and highest lot bases as plain slices, and
// a fund's NAV follows IdxVal.
type State struct {
	Params  Params
	Sector  []uint8    // each stock's sector (< SectorSlots)
	Vols    []StockVol // each stock's specific volatility and drift
	Div     float64    // dividend yield a year (a replay of history has its own)
	History *History   // non-nil: the market factor replays history

	// Rng is the path's source: Step draws from it, and so may the
	// path's other parts that move with the market (calc's transition.go).
	Rng     NormalSource
	zigSW   [128]float64 // zigW × the specific volatility × the path's sign, in units of ln 2/64
	sdUnits float64      // the specific volatility × the path's sign, in units of ln 2/64
	allHeld bool         // no stock excluded: the held index is the index

	Price, IdxN, HeldN []float64            // per stock: price, index shares, held index shares
	SectorLR           [SectorSlots]float64 // the step's sector log return + stock drift, in units of ln 2/64
	SectorG            []float64            // the step's growth of each sector's proxy (market + sector factor)
	IdxVal, HeldIdxVal float64              // the index's value, the held part's
	MktZ               float64              // the step's market log return
	histStep           int                  // the next month of History
	draw               []float64            // the step's specific shocks (Step's first pass)

	// The antithetic partner (Mirror): drawFrom and drawTo are the source
	// before and after the last Step's specific shocks, drawn says that
	// Step drew them (into draw) rather than taking a partner's, and
	// mirror is the partner whose shocks this path takes, negated by
	// mirrorVols (Vols with every Rel negated).
	drawFrom, drawTo NormalSource
	drawn            bool
	mirror           *State
	mirrorVols       []StockVol
}

// NewState returns the market of n stocks in `sectors` sectors with the
// given parameters; idxN are the index's shares of each stock and heldN
// the held index's (0 for an excluded stock).
func NewState(p Params, sector []uint8, sectors int, vols []StockVol, idxN, heldN []float64, div float64, h *History) State {
	if sectors > SectorSlots {
		panic("market: more sectors than SectorSlots")
	}
	m := State{Params: p, Sector: sector, Vols: vols, Div: div, History: h,
		Price: make([]float64, len(sector)), IdxN: idxN, HeldN: heldN,
		SectorG: make([]float64, sectors), allHeld: true}
	for i := range idxN {
		if heldN[i] != idxN[i] {
			m.allHeld = false
		}
	}
	return m
}

// Begin seeds the path's draws (from PathSeed) and sets every price, and
// the index, to 1; it returns the held index's value.
func (m *State) Begin(a, b uint64, sign float64) (held float64) {
	m.Rng.Seed(a, b, sign)
	m.histStep = 0
	m.sdUnits = sign * m.Params.SpecificSd * ExpUnitsPerLog
	for i, w := range zigW {
		m.zigSW[i] = w * m.sdUnits
	}
	for i := range m.Price {
		m.Price[i] = 1
		held += m.HeldN[i]
	}
	m.IdxVal, m.HeldIdxVal = 1, held
	return held
}

// Step draws one month of returns and moves every price and the index:
// the kernel. It runs in two passes over the stocks: drawSpecific draws
// every stock's specific shock (the generator's state in registers, the
// ziggurat's fast path — over 99% of draws — written out inline), then
// move computes every new price (exp2over64 written out inline) and the
// sums. Split, neither loop holds more live values than the registers
// (amd64 has 16 of each kind; the fused loop spilled the loop index and
// slice bases around the slow branch's call): 3% less time per stock-step
// measured on BenchmarkMarketStep. No bounds are checked. A stock's log
// return is computed in units of ln 2/64 (the sector part once per
// sector, the specific part as the ziggurat's integer times a per-path
// table, zigSW), which makes the exponential's range reduction exact and
// short (fastmath.go). With the scenario ranges (vol ≤ 1, idio ≤ 2) and
// the ziggurat's largest draw (about 14), a month's log return is below
// 30 in size, far inside exp2over64's range.
//
// shares and maxB are the SMA's shares and highest lot basis of each
// stock: move sums the SMA's stocks before (valOld) and after (val) the
// move, and listCandidates lists in cand, in stock order and without a branch, the nc
// stocks whose price times lf is below their highest basis (lf =
// 1/(1 − threshold); +Inf lists none): the only ones a harvest looks at.
func (m *State) Step(shares, maxB []float64, cand []int32, lf float64) (nc int, valOld, val float64) {
	mp := &m.Params
	rng := &m.Rng
	mz := m.marketFactor(mp.MktSd * rng.Norm())
	m.MktZ = mz
	for k := range m.SectorG {
		f := mp.SectorSd * rng.Norm()
		m.SectorLR[k] = float64(mp.StockDrift+mz+f) * ExpUnitsPerLog
		m.SectorG[k] = ExpFast(mp.SectorDrift + mz + f)
	}
	n := len(m.Sector)
	if cap(m.draw) < n {
		m.draw = make([]float64, n)
	}
	draw, vols := m.draw[:n], m.Vols
	if a := m.mirror; a != nil && a.drawn && a.drawFrom.sameState(&m.Rng) && a.sdUnits == -m.sdUnits && len(a.draw) >= n {
		// The partner drew this step's shocks from this very state with the
		// opposite sign: take them, and its source after them.
		draw, vols = a.draw[:n], m.mirrorVols
		m.Rng.setState(&a.drawTo)
		m.drawn = false
	} else {
		m.drawFrom = m.Rng
		m.drawSpecific(draw)
		m.drawTo, m.drawn = m.Rng, true
	}
	valOld, val = m.move(draw, shares, vols)
	nc = m.listCandidates(maxB, cand, lf)
	if m.allHeld {
		m.HeldIdxVal = m.IdxVal
	} else {
		// The same products summed in the same order as the index's.
		heldIdx := 0.0
		for i, pn := range m.Price {
			heldIdx += float64(m.HeldN[i] * pn)
		}
		m.HeldIdxVal = heldIdx
	}
	return nc, valOld, val
}

// drawSpecific fills d with every stock's specific shock in units of
// ln 2/64: a standard normal draw (math/rand/v2's ziggurat on
// xoshiro256++) times the specific volatility and the path's sign. It is
// the kernel's first pass: the generator's state lives in registers, and
// the rare slow branch (normSlow, a call) is in a loop that keeps nothing
// else live, so the second pass (move) needs no spills.
func (m *State) drawSpecific(d []float64) {
	rng := &m.Rng
	sw := &m.zigSW
	sdu := m.sdUnits
	s0, s1, s2, s3 := rng.s0, rng.s1, rng.s2, rng.s3
	for i := range d {
		var u uint64
		s0, s1, s2, s3, u = xoshiroStep(s0, s1, s2, s3)
		j := int32(u)
		zi := u >> 32 & 0x7F
		x := float64(j) * sw[zi]
		if absInt32(j) >= zigK[zi] {
			rng.s0, rng.s1, rng.s2, rng.s3 = s0, s1, s2, s3
			x = sdu * rng.normSlow(j, zi, float64(j)*zigW[zi])
			s0, s1, s2, s3 = rng.s0, rng.s1, rng.s2, rng.s3
		}
		d[i] = x
	}
	rng.s0, rng.s1, rng.s2, rng.s3 = s0, s1, s2, s3
}

// move is the kernel's second pass: every stock's price moves by
// g = 2^(y/64) = e^(log return) (exp2over64, written out inline), with y
// its sector's part plus the name's own drift (calc's idio_weight.go,
// added off the draw's dependency chain) and its specific shock d[i]
// times its relative volatility. It sums the index and the SMA's stocks
// before and after the move.
//
// The loop takes two stocks an iteration, each written out in full, the
// sums added in stock order (the same bits as one at a time), and
// 2^(k/64) comes from expWide. In WebAssembly every iteration of a Go
// loop, and every jump to a block that is not the next one, goes through
// the function's dispatch loop (Go's js/wasm code is a br_table over the
// function's basic blocks), saving and reloading the loop's live values
// around it: at one stock an iteration, with the table's if-else, that
// was about a third of this loop's instructions under V8 (callgrind,
// docs/ARCHITECTURE.md "Round 9"). So the loop has no branch inside but
// its exit: a pair with a k outside expWide (a month's log return beyond
// ±5.5, which no scenario's volatility makes likely) leaves it before
// anything of the pair is written, and the stocks from there on take
// exp2over64, which gives the table's result to the bit.
func (m *State) move(d, shares []float64, vols []StockVol) (valOld, val float64) {
	sec := m.Sector
	n := len(sec)
	price, idxN := m.Price[:n], m.IdxN[:n]
	shares, vols, d = shares[:n], vols[:n], d[:n]
	lr := &m.SectorLR
	var idx float64
	i := 0
	for ; i+1 < n; i += 2 {
		v, v1 := &vols[i], &vols[i+1]
		y := float64(lr[sec[i]&(SectorSlots-1)]+v.Drift) + float64(d[i]*v.Rel)
		y1 := float64(lr[sec[i+1]&(SectorSlots-1)]+v1.Drift) + float64(d[i+1]*v1.Rel)
		ys, ys1 := float64(y+expShift), float64(y1+expShift)
		k, k1 := roundedInt(ys), roundedInt(ys1)
		j, j1 := uint64(k+expWideHalf), uint64(k1+expWideHalf)
		if j|j1 >= 2*expWideHalf {
			break
		}
		kd := ys - expShift
		r := float64(y-kd) * ln2over64
		r2 := float64(r * r)
		a0 := float64(r*0.5) + 1
		a1 := float64(r*(1.0/24)) + 1.0/6
		a2 := float64(r*(1.0/720)) + 1.0/120
		q := a0 + float64(r2*(a1+float64(r2*a2)))
		t := &expWide[j&(2*expWideHalf-1)]
		g := t[0] + float64(t[1]+float64(t[0]*float64(r*q)))
		po := price[i]
		pn := po * g
		price[i] = pn
		sh := shares[i]
		valOld += float64(sh * po)
		val += float64(sh * pn)
		idx += float64(idxN[i] * pn)

		// The next stock, the same operations.
		kd1 := ys1 - expShift
		r1 := float64(y1-kd1) * ln2over64
		r21 := float64(r1 * r1)
		b0 := float64(r1*0.5) + 1
		b1 := float64(r1*(1.0/24)) + 1.0/6
		b2 := float64(r1*(1.0/720)) + 1.0/120
		q1 := b0 + float64(r21*(b1+float64(r21*b2)))
		t1 := &expWide[j1&(2*expWideHalf-1)]
		g1 := t1[0] + float64(t1[1]+float64(t1[0]*float64(r1*q1)))
		po1 := price[i+1]
		pn1 := po1 * g1
		price[i+1] = pn1
		sh1 := shares[i+1]
		valOld += float64(sh1 * po1)
		val += float64(sh1 * pn1)
		idx += float64(idxN[i+1] * pn1)
	}
	for ; i < n; i++ { // an odd count's last stock, or the rest after a k outside expWide
		v := &vols[i]
		po := price[i]
		pn := po * exp2over64(float64(lr[sec[i]&(SectorSlots-1)]+v.Drift)+float64(d[i]*v.Rel))
		price[i] = pn
		sh := shares[i]
		valOld += float64(sh * po)
		val += float64(sh * pn)
		idx += float64(idxN[i] * pn)
	}
	m.IdxVal = idx
	return valOld, val
}

// listCandidates lists in cand, in stock order and without a branch, the
// nc stocks whose price times lf is below their highest basis (see Step);
// with lf = +Inf (no harvest this step) none, without a pass. It is a
// pass of its own, after move, rather than move's tail: move's loop is
// bound by each stock's chain of dependent operations, and the listing's
// registers (the list, its length, the bases) made it spill its index
// and pointers every stock.
func (m *State) listCandidates(maxB []float64, cand []int32, lf float64) (nc int) {
	if math.IsInf(lf, 1) {
		return 0
	}
	price := m.Price
	n := len(price)
	maxB, cand = maxB[:n], cand[:n]
	i := 0
	// Four stocks an iteration: in WebAssembly each iteration of a Go
	// loop jumps through the function's dispatch loop (see move).
	for ; i+3 < n; i += 4 {
		in0 := b2i(float64(price[i]*lf) < maxB[i])
		in1 := b2i(float64(price[i+1]*lf) < maxB[i+1])
		in2 := b2i(float64(price[i+2]*lf) < maxB[i+2])
		in3 := b2i(float64(price[i+3]*lf) < maxB[i+3])
		cand[nc] = int32(i)
		nc += in0
		cand[nc] = int32(i + 1)
		nc += in1
		cand[nc] = int32(i + 2)
		nc += in2
		cand[nc] = int32(i + 3)
		nc += in3
	}
	for ; i < n; i++ {
		cand[nc] = int32(i)
		nc += b2i(float64(price[i]*lf) < maxB[i])
	}
	return nc
}

// b2i is 1 for true and 0 for false, without a branch (a SETcc).
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Mirror makes m, the second path of an antithetic pair (PathSeed), take
// its specific shocks from a, the first path of the pair, simulated in
// lock-step a step ahead (a's Step t, then m's Step t); nil stops it. The
// two paths draw from the same stream, m's normals negated, so a's
// shocks times −1 are m's to the bit: a product's rounding is symmetric,
// so x·(−v) = −(x·v), and the negation is carried by mirrorVols (each
// Rel negated) in move's one product of the shock. Drawing them was
// about an eighth of BenchmarkSimulateDefault (drawSpecific;
// docs/ARCHITECTURE.md, "Speed: the engine"), which the second path of
// each pair no longer pays. Step checks, each step, that a drew its
// shocks from the state m's source is in and with the opposite sign, and
// draws them itself otherwise, so a partner out of step (or none) changes
// nothing but the speed.
func (m *State) Mirror(a *State) {
	m.mirror = a
	if a == nil || len(m.mirrorVols) == len(m.Vols) {
		return
	}
	m.mirrorVols = make([]StockVol, len(m.Vols))
	for i, v := range m.Vols {
		m.mirrorVols[i] = StockVol{Rel: -v.Rel, Drift: v.Drift}
	}
}

// TakeOver moves stock i's price to a cash offer `premium` above it,
// with the index, and returns the price's rise.
func (m *State) TakeOver(i int, premium float64) float64 {
	d := m.Price[i] * premium
	m.Price[i] += d
	m.IdxVal += m.IdxN[i] * d
	m.HeldIdxVal += m.HeldN[i] * d
	return d
}

// marketFactor is the month's market log return: the lognormal draw, or
// history's month when replaying (the draw is then discarded, so the
// other draws are those of the lognormal market of the same seed).
func (m *State) marketFactor(draw float64) float64 {
	z := draw
	if m.History != nil {
		z = m.History.LogPrice[m.histStep]
		m.histStep++
	}
	return z
}

// QuarterYield is the dividend yield paid at the quarter ending at step t.
func (m *State) QuarterYield(t int32) float64 {
	if m.History == nil {
		return m.Div / 4
	}
	return m.History.DivQ[(t-1)/3]
}

// PinToHistory makes the index's month exactly history's when replaying:
// the simulated sector and stock shocks do not cancel in a cap-weighted
// index of a few hundred names, so after Step every price is scaled by
// the one factor c that brings the index from idxPrev to
// idxPrev·exp(logPrice) — a correction of the market factor alone. It
// returns c (the caller scales what else it holds: the SMA's substitutes),
// the SMA's stocks' value at the corrected prices and the harvest
// candidates relisted as in Step; ok is false when there is nothing to
// correct.
func (m *State) PinToHistory(idxPrev float64, shares, maxB []float64, cand []int32, lf float64) (c float64, nc int, val float64, ok bool) {
	if m.History == nil || m.IdxVal <= 0 {
		return 0, 0, 0, false
	}
	c = idxPrev * ExpFast(m.History.LogPrice[m.histStep-1]) / m.IdxVal
	var idx, heldIdx float64
	cand = cand[:len(m.Price)]
	for i, pr := range m.Price {
		pn := pr * c
		m.Price[i] = pn
		idx += m.IdxN[i] * pn
		heldIdx += m.HeldN[i] * pn
		val += shares[i] * pn
		cand[nc] = int32(i)
		if pn*lf < maxB[i] {
			nc++
		}
	}
	m.IdxVal, m.HeldIdxVal = idx, heldIdx
	return c, nc, val, true
}

// PathSeed derives the seed words of a path's random source from the
// scenario's seed and the path index through SplitMix64. Paths come in
// antithetic pairs (Hammersley & Morton 1956): paths 2k and 2k+1 share
// pair k's stream, the second with every normal draw negated (sign −1), so
// a down market on one is an up market on the other. Pairs are
// independent of each other and of how paths are split across workers;
// the even paths alone are plain independent Monte Carlo paths.
func PathSeed(seed uint64, path int) (a, b uint64, sign float64) {
	pair := uint64(path) >> 1
	a = SplitMix64(seed ^ SplitMix64(pair+0x632be59bd9b4e019))
	sign = 1
	if path&1 == 1 {
		sign = -1
	}
	return a, SplitMix64(a ^ 0x9e3779b97f4a7c15), sign
}

// SplitMix64 is the SplitMix64 finaliser (Steele, Lea & Flood 2014).
func SplitMix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
