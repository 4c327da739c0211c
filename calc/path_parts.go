package calc

import "math"

// How pathSim hands its optional parts what they need: a replay of
// history (history_market.go), weekly checks (weekly.go), existing
// holdings being moved (transition.go) and the inspector (inspect.go).
// Each is nil, or off, in the default scenario and costs a nil check.

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
	growth := val - p.sma.value
	p.sma.value = val
	return growth
}

// transitionYearEnd moves holdings within the year's budget at its last
// step t and records their weight in the SMA.
func (p *pathSim) transitionYearEnd(y int, t int32) {
	final := y == p.s.Horizon
	p.years[y-1].SingleW = p.tr.yearEnd(&p.sma, &p.mkt, p.tx, final, t, p.fund.nav, p.fund.units > 0)
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
