package calc

import "math"

// How pathSim hands its optional parts what they need: a replay of
// history (history_market.go), existing holdings being moved
// (transition.go), the inspector (inspect.go), the index's turnover
// (turnover.go) and cash takeovers (takeover.go). Each is nil, or off, in
// the default scenario and costs a nil check.

// pinToHistory corrects the kernel's month to history's when replaying
// (market.State.PinToHistory), moves the substitutes with the market
// factor's correction, and returns the change in the SMA's value.
func (p *pathSim) pinToHistory(idxPrev float64, harvestNow bool) float64 {
	lf := p.sma.limitF
	if !harvestNow {
		lf = math.Inf(1)
	}
	h := &p.sma.lots
	c, nc, val, ok := p.mkt.PinToHistory(idxPrev, h.shares, h.maxB, h.cand, lf)
	if !ok {
		return 0
	}
	h.cand = h.cand[:nc]
	for k := range h.subs {
		h.subs[k].value *= c
		val += h.subs[k].value
	}
	val += p.sma.cash
	growth := val - p.sma.value
	p.sma.value = val
	return growth
}

// transitionYearEnd moves holdings within the year's budget at its last
// step t and records their weight in the SMA.
func (p *pathSim) transitionYearEnd(y int, t int32) {
	nav, fundHolds := p.fund.nav, p.fund.units > 0 // before the fund's distribution
	p.years[y-1].SingleW = p.tr.yearEnd(&p.sma, &p.mkt, t, p.managed(t))
	p.keep.yearEnd(p.tr, p.tx, y == p.s.Horizon, t, nav, fundHolds)
}

// snapshot records the inspection's state at step t, the end of year y
// (0: the start).
func (p *pathSim) snapshot(y int, t int32) {
	var harvested PathYear
	if y > 0 {
		harvested = p.years[y-1]
	}
	p.insp.snapshot(y, t, inspectedState{
		sma: &p.sma, fund: &p.fund, mkt: &p.mkt,
		harvST: harvested.HarvST, harvLT: harvested.HarvLT,
	})
}

// reconstitute replaces the names drawn at the quarter ending at step t,
// first moving the prices of those taken over for cash to the offer, and
// returns the SMA's growth from the takeovers.
func (p *pathSim) reconstitute(t int32) float64 {
	if p.turn.q <= 0 {
		return 0
	}
	growth := 0.0
	for _, l := range p.turn.quarterLeavers(t, len(p.mkt.HeldN)) {
		i := int(l.name)
		if l.cash { // an excluded sector's name too: it moves the index
			growth += p.takeOver(i)
		}
		if p.mkt.HeldN[i] != 0 { // an excluded sector's name: the SMA holds none
			p.sma.replaceName(i, t, p.mkt.Price)
		}
	}
	return growth
}

// takeOver moves name i's price to the cash offer, the premium above its
// price, together with the index, the fund's NAV and the SMA's value, and
// returns the SMA's growth. The caller then sells the name (replaceName).
func (p *pathSim) takeOver(i int) float64 {
	idxOld := p.mkt.IdxVal
	d := p.mkt.TakeOver(i, p.s.Premium)
	growth := p.sma.lots.shares[i] * d
	p.sma.value += growth
	p.sma.year.growth += growth
	p.fund.followIndex(p.mkt.IdxVal, idxOld)
	return growth
}
