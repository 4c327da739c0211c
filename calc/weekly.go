package calc

import (
	"math"

	"smacalc/calc/internal/market"
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
// sale): a stock bought at the previous month end (a buy-back or a
// purchase with the waiting cash, cash.go, all made at month ends), or
// whose substitute is to be bought back at this month end, is not sold in
// weeks 1–3; a substitute bought in week k is bought back at the end of
// the next month (5 to 7 weeks later), and the cash invested at this month
// end does not buy a stock sold in the month (lossStep, as for a month-end
// harvest).
//
// Speed: the bridges cost a logarithm, three normal draws and three
// exponentials per stock and month, about three times the kernel's work,
// so a weekly scenario counts as 4 steps a month against MaxWork. A replay
// of history (monthly data) is refused with weekly checks.
const weeksPerMonth = scenario.WeeksPerMonth

// weekState is the working memory of weekly checks. It sees the market
// state and the SMA it is given at each call.
type weekState struct {
	rng      market.NormalSource
	idio     float64   // the scenario's non-market volatility
	vol      float64   // the scenario's market volatility
	start    []float64 // each stock's price at the start of the month
	eligible []bool    // may be sold at a loss in weeks 1–3 of this month
	bridgeM  [weeksPerMonth - 1]float64
	bridgeS  [weeksPerMonth - 1][market.SectorSlots]float64
}

// newWeekState prepares weekly checks (harvest=weekly).
func newWeekState(s scenario.Scenario) *weekState {
	n := s.Stocks
	return &weekState{idio: s.Idio, vol: s.Vol, start: make([]float64, n), eligible: make([]bool, n)}
}

// begin seeds the path's bridge stream from its pair's seed word.
func (w *weekState) begin(pairWord uint64, sign float64) {
	a := market.SplitMix64(pairWord ^ 0x7f4a7c159e3779b9)
	w.rng.Seed(a, market.SplitMix64(a), sign)
}

// beginMonth records the month's start prices and which stocks may be
// sold in its first three weeks (the month ends at step t).
func (w *weekState) beginMonth(t int32, m *market.State, lots *holdings) {
	copy(w.start, m.Price)
	for i := range w.eligible {
		w.eligible[i] = lots.buyStep[i] < t-1 && lots.subSlot[i] < 0 && m.HeldN[i] > 0
	}
}

// bridge fills out[0..2] with a random walk at weeks 1–3 that ends at
// total after 4 weeks, each week's variance v.
func bridge(rng *market.NormalSource, total, v float64, out *[weeksPerMonth - 1]float64) {
	prev := 0.0
	for k := range weeksPerMonth - 1 {
		r := float64(weeksPerMonth - k) // weeks left, this one included
		mean := prev + (total-prev)/r
		prev = mean + math.Sqrt(v*(r-1)/r)*rng.Norm()
		out[k] = prev
	}
}

// harvests runs the harvest checks of weeks 1–3 of the month ending at
// step t (see the top of this file), after the kernel moved m to the
// month end, selling from sma, and returns the correction to the SMA's
// growth this month.
func (w *weekState) harvests(t int32, m *market.State, sma *smaSide) float64 {
	mp := &m.Params
	rng := &w.rng
	// Market and sector bridges (natural logs, without drift).
	sv := w.idio * math.Sqrt(sectorVarianceShare)
	bridge(rng, m.MktZ, w.vol*w.vol*dt/weeksPerMonth, &w.bridgeM)
	var sectorF [market.SectorSlots]float64
	for k := range len(sectors) {
		sectorF[k] = m.SectorLR[k]/market.ExpUnitsPerLog - mp.StockDrift - m.MktZ
		var b [weeksPerMonth - 1]float64
		bridge(rng, sectorF[k], sv*sv*dt/weeksPerMonth, &b)
		for j := range b {
			w.bridgeS[j][k] = b[j]
		}
	}
	ev := w.idio * math.Sqrt(1-sectorVarianceShare)
	sec := m.Sector
	lots := &sma.lots
	lf := sma.limitF
	correction := 0.0
	var e [weeksPerMonth - 1]float64
	for i, pend := range m.Price {
		if !w.eligible[i] || lots.shares[i] <= 0 {
			continue
		}
		sc := sec[i]
		v := m.Vols[i]
		drift := mp.StockDrift + v.Drift/market.ExpUnitsPerLog
		spec := market.LogPure(pend/w.start[i]) - drift - m.MktZ - sectorF[sc]
		se := ev * v.Rel
		bridge(rng, spec, se*se*dt/weeksPerMonth, &e)
		for k := range weeksPerMonth - 1 {
			frac := float64(k+1) / weeksPerMonth
			pk := w.start[i] * market.ExpFast(drift*frac+w.bridgeM[k]+w.bridgeS[k][sc]+e[k])
			if !(pk*lf < lots.maxB[i]) {
				continue
			}
			rest := m.MktZ - w.bridgeM[k] + sectorF[sc] - w.bridgeS[k][sc]
			correction += sma.weekSell(i, t, pk, pend, frac, mp.SectorDrift, rest)
			if lots.shares[i] <= 0 {
				break
			}
		}
	}
	sma.year.growth += correction
	return correction
}

// weekSell harvests stock i at price pk in the week ending at fraction
// frac of month t; pend is the stock's price at the month end, and the
// sector proxy's log return from then to the month end is its drift
// sectorDrift × the rest of the month plus rest. It returns the month's
// growth correction.
func (a *smaSide) weekSell(i int, t int32, pk, pend, frac, sectorDrift, rest float64) float64 {
	h := &a.lots
	before := h.books[i]
	c := before.CheckHarvest(pk, a.limitF, t, minTrade) // as smaSide.harvest's
	if !c.Made {
		return 0
	}
	h.books[i] = h.books[i][:c.Keep] // only the length written: no write barrier
	invest, cost := a.lossSold(i, t, pk, c.Sold, c.Gains, before)
	grown := invest * market.ExpFast(sectorDrift*(1-frac)+rest)
	h.addSubstitute(int32(i), grown, invest)
	dVal := grown - c.Sold*pend
	a.value += dVal
	return dVal + cost
}
