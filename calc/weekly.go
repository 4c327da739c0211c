package calc

import (
	"math"

	"smacalc/calc/scenario"
)

// Harvest checks every week (harvest=weekly).
//
// The market still steps monthly (the kernel, and every monthly scenario's
// figures, are unchanged). In weekly mode each month is split into four
// weeks whose returns multiply exactly to the month's: the month's market
// factor, each sector factor and each stock's own shock are each
// interpolated by a Brownian bridge (the path of a random walk given its
// end point), with the variance of a week, from a random stream of the
// path's own (so the month-end prices are those of the same scenario
// harvested monthly: weekly and monthly compare on the same markets). At
// weeks 1–3 every stock is checked against its price of that week; the
// month-end check is the monthly harvest.
//
// A loss sold in week k realizes the loss at that week's price; the
// proceeds go to the stock's sector substitute, which follows the sector
// (market + sector factor bridge) to the month end. The bookkeeping is
// done at the month end, after the kernel moved every price and after the
// previous month's substitutes were bought back: the shares sold are taken
// out at their month-end value and the substitute put in at its month-end
// value, and the difference is the month's growth correction.
//
// Wash sales (IRC §1091: no purchase within 30 days before or after a loss
// sale): a stock bought at the previous month end (a buy-back, dividend
// reinvestment or contribution, all made at month ends), or whose
// substitute is to be bought back at this month end, is not sold in weeks
// 1–3; a substitute bought in week k is bought back at the end of the next
// month (5 to 7 weeks later), and a dividend reinvestment at this month end
// goes to the substitute (lossStep, as for a month-end harvest).
//
// Speed: the bridges cost a logarithm, three normal draws and three
// exponentials per stock and month, about three times the kernel's work,
// so a weekly scenario counts as 4 steps a month against MaxWork. A replay
// of history (monthly data) is refused with weekly checks.
const weeksPerMonth = scenario.WeeksPerMonth

// weekState is the working memory of weekly checks.
type weekState struct {
	rng      normalSource
	start    []float64 // each stock's price at the start of the month
	eligible []bool    // may be sold at a loss in weeks 1–3 of this month
	bridgeM  [weeksPerMonth - 1]float64
	bridgeS  [weeksPerMonth - 1][sectorSlots]float64
}

// setupWeeks prepares weekly checks when the scenario asks for them.
func (p *pathSim) setupWeeks() {
	if p.s.Harvest != "weekly" {
		return
	}
	p.every = 1
	n := len(p.price)
	p.weeks = &weekState{start: make([]float64, n), eligible: make([]bool, n)}
}

// beginWeeks seeds the path's bridge stream from its pair's seed word.
func (p *pathSim) beginWeeks(pairWord uint64, sign float64) {
	if p.weeks == nil {
		return
	}
	a := splitmix64(pairWord ^ 0x7f4a7c159e3779b9)
	p.weeks.rng.seed(a, splitmix64(a), sign)
}

// beginMonth records the month's start prices and which stocks may be
// sold in its first three weeks.
func (p *pathSim) beginMonth(t int32) {
	w := p.weeks
	if w == nil {
		return
	}
	copy(w.start, p.price)
	for i := range w.eligible {
		w.eligible[i] = p.buyStep[i] < t-1 && p.subSlot[i] < 0 && p.heldN[i] > 0
	}
}

// bridge fills out[0..2] with a random walk at weeks 1–3 that ends at
// total after 4 weeks, each week's variance v.
func bridge(rng *normalSource, total, v float64, out *[weeksPerMonth - 1]float64) {
	prev := 0.0
	for k := range weeksPerMonth - 1 {
		r := float64(weeksPerMonth - k) // weeks left, this one included
		mean := prev + (total-prev)/r
		prev = mean + math.Sqrt(v*(r-1)/r)*rng.norm()
		out[k] = prev
	}
}

// weekHarvests runs the harvest checks of weeks 1–3 of the month ending at
// step t (see the top of this file) and returns the correction to the
// SMA's growth this month.
func (p *pathSim) weekHarvests(t int32) float64 {
	w := p.weeks
	if w == nil {
		return 0
	}
	mp := &p.mp
	rng := &w.rng
	// Market and sector bridges (natural logs, without drift).
	s := &p.s
	sv := s.Idio * math.Sqrt(sectorVarianceShare)
	bridge(rng, p.mktZ, s.Vol*s.Vol*dt/weeksPerMonth, &w.bridgeM)
	var sectorF [sectorSlots]float64
	for k := range len(sectors) {
		sectorF[k] = p.sectorLR[k]/expUnitsPerLog - mp.stockDrift - p.mktZ
		var b [weeksPerMonth - 1]float64
		bridge(rng, sectorF[k], sv*sv*dt/weeksPerMonth, &b)
		for j := range b {
			w.bridgeS[j][k] = b[j]
		}
	}
	ev := s.Idio * math.Sqrt(1-sectorVarianceShare)
	sec := p.ix.sector
	lf := p.limitF
	correction := 0.0
	var e [weeksPerMonth - 1]float64
	for i, pend := range p.price {
		if !w.eligible[i] || p.shares[i] <= 0 {
			continue
		}
		sc := sec[i]
		v := p.vols[i]
		drift := mp.stockDrift + v.drift/expUnitsPerLog
		spec := logPure(pend/w.start[i]) - drift - p.mktZ - sectorF[sc]
		se := ev * v.rel
		bridge(rng, spec, se*se*dt/weeksPerMonth, &e)
		for k := range weeksPerMonth - 1 {
			frac := float64(k+1) / weeksPerMonth
			pk := w.start[i] * expFast(drift*frac+w.bridgeM[k]+w.bridgeS[k][sc]+e[k])
			if !(pk*lf < p.maxB[i]) {
				continue
			}
			correction += p.weekSell(i, t, pk, frac, p.mktZ-w.bridgeM[k]+sectorF[sc]-w.bridgeS[k][sc])
			if p.shares[i] <= 0 {
				break
			}
		}
	}
	p.sma.year.growth += correction
	return correction
}

// weekSell harvests stock i at price pk in the week ending at fraction frac
// of month t; rest is the sector proxy's log return (without drift) from
// then to the month end. It returns the month's growth correction.
func (p *pathSim) weekSell(i int, t int32, pk, frac, rest float64) float64 {
	var g gains
	before := p.books[i]
	sold, _ := p.books[i].harvest(pk*p.limitF, pk, t, &g)
	if sold == 0 {
		return 0
	}
	invest, cost := p.lossSold(i, t, pk, sold, g, before)
	grown := invest * expFast(p.mp.sectorDrift*(1-frac)+rest)
	p.addSubstituteAt(int32(i), grown, invest)
	dVal := grown - sold*p.price[i]
	p.smaVal += dVal
	return dVal + cost
}

// addSubstituteAt adds a position of the given value and cost basis to
// stock's substitute.
func (p *pathSim) addSubstituteAt(stock int32, value, basis float64) {
	if k := p.subSlot[stock]; k >= 0 {
		p.subs[k].value += value
		p.subs[k].basis += basis
		return
	}
	p.subSlot[stock] = int32(len(p.subs))
	p.subs = append(p.subs, substitute{stock: stock, value: value, basis: basis})
}
