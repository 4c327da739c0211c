package calc

import (
	"cmp"
	"math"
	"slices"

	"smacalc/calc/internal/lotbook"
	"smacalc/calc/internal/market"
	"smacalc/calc/scenario"
)

// Transition: what the client owns today, moved into the SMA within a
// yearly tax budget.
//
// The holdings are a concentrated position (key "single": a fraction of
// Amount in one stock with basis "singlebasis" × its value) or legacy lots
// from a file (Scenario.Legacy, ParseLegacyLots). Each holding is its own
// stock outside the index: beta 1 — the market shock of the index's
// stocks — plus its own idiosyncratic shock, so that its total volatility
// is "singlevol" (when that is below the market's "vol", the holding moves
// with the market alone). Its drift gives the expected price growth of
// every stock, ln(1+ret) − div a year, and it pays the same dividend
// yield (the dividends, like every SMA dividend, buy the index).
//
// SMA: the holdings sit in the account from the start. At each year's
// last step, after that month's harvest, when every gain and loss of the
// tax year is known, it sells lots so that the year's net realized
// capital gain — harvested losses, the sector proxies' gains and losses
// and any sale for cash included — reaches "gainbudget" dollars and no
// more, and invests the proceeds in the index. So the harvested losses
// pay for moving more at no net gain: the ledger's
// legacy_sold_harvest_funded is the part of the year's sale whose gain is
// beyond the budget. Selling once, at the year end, keeps every path's
// yearly net gain within the budget exactly: a sale earlier in the year
// could be followed by gains (a proxy sold at a gain a month after a
// harvest) that no later sale can undo. Lots are sold lowest gain per
// dollar first (losses first, so they add to the room), the last one in
// part. With no budget (the key empty) everything is sold at the start,
// as the fund strategy does. It never buys more of a holding. Cash needs
// the index stocks cannot meet (a tax or a withdrawal larger than the
// rest of the account) sell the holdings in proportion, whatever the
// budget.
//
// Fund: the holdings are sold at the start (the gain is realized in
// year 1, the tax paid at the start of year 2 like every tax) and the
// proceeds, after trading costs, buy the fund.
//
// The kernel is untouched: the holdings move after it, from the market
// shock it stores (market.State.MktZ), and cost nothing when there are none
// (pathSim.tr is nil). The transition sees only what it is given: the
// market's shock and draws, the SMA (its account and value, and the
// stocks' prices to invest the proceeds), the fund at the start; the
// "keep it" strategy reads the holdings from it.

// legacyLot is one lot of a holding being moved. Prices start at 1, so
// shares are the lot's value at the start and basis is per share.
type legacyLot struct {
	holding int32
	step    int32 // acquisition (holding period start); < 0 before the start
	shares  float64
	basis   float64
}

// transition is a path's state of the holdings being moved.
type transition struct {
	budget float64     // most net gain a year; +Inf: no limit
	lots0  []legacyLot // at the start
	value0 float64     // their value at the start

	lots   []legacyLot
	price  []float64 // per holding
	shares []float64 // per holding
	drift  float64   // log drift per step
	sd     float64   // idiosyncratic log volatility per step
	order  []int     // scratch: lots in sale order

	sold, extra float64 // this year's sales (proceeds before costs); extra: the year-end top-up

}

// newTransition returns the holdings of s, or nil when there are none.
func newTransition(s scenario.Scenario) *transition {
	if s.Single == 0 && len(s.Legacy) == 0 {
		return nil
	}
	tr := &transition{budget: math.Inf(1)}
	if s.HasGainBudget {
		tr.budget = s.GainBudget
	}
	holdings := 0
	if s.Single > 0 {
		v := s.Single * s.Amount
		// Held long-term: acquired 13 months before the start.
		tr.lots0 = []legacyLot{{holding: 0, step: -(stepsPerYear + 1), shares: v, basis: s.SingleBasis}}
		holdings = 1
	} else {
		names := map[string]int32{}
		start := legacyStart(s.Year)
		for _, l := range s.Legacy {
			h, ok := names[l.Holding]
			if !ok {
				h = int32(len(names))
				names[l.Holding] = h
			}
			tr.lots0 = append(tr.lots0, legacyLot{holding: h, step: acquiredStep(l.Acquired, start),
				shares: l.Value, basis: l.Basis / l.Value})
		}
		holdings = len(names)
	}
	for _, l := range tr.lots0 {
		tr.value0 += l.shares
	}
	tr.price = make([]float64, holdings)
	tr.shares = make([]float64, holdings)
	mu := math.Log1p(s.Ret) - s.Div
	own := math.Max(s.SingleVol*s.SingleVol-s.Vol*s.Vol, 0)
	tr.drift = (mu - 0.5*(s.Vol*s.Vol+own)) * dt
	tr.sd = math.Sqrt(own * dt)
	return tr
}

// replayHistory makes a concentrated position's drift that of a replay:
// its market part is history's month (market.State.MktZ), so only its own
// variance correction remains (transition.go draws it as market + own).
func (tr *transition) replayHistory() {
	tr.drift = -0.5 * tr.sd * tr.sd
}

// startValue is the holdings' value at the start (0 without a transition).
func (tr *transition) startValue() float64 {
	if tr == nil {
		return 0
	}
	return tr.value0
}

// start puts the holdings in the SMA (adding their value to sma.value),
// and sells them in the fund strategy (realized at step 0, in year 1) to
// buy the fund after trading costs.
func (tr *transition) start(sma *smaSide, fund *fundSide) {
	tr.lots = append(tr.lots[:0], tr.lots0...)
	for j := range tr.price {
		tr.price[j], tr.shares[j] = 1, 0
	}
	for _, l := range tr.lots {
		tr.shares[l.holding] += l.shares
		fund.real.Add(l.step, 0, l.shares*(1-l.basis))
	}
	tr.sold, tr.extra = 0, 0
	sma.value += tr.value0
	cost := tr.value0 * sma.tc
	fund.year.trading += cost
	fund.buy(tr.value0-cost, 0)
}

// value is the holdings' market value.
func (tr *transition) value() float64 {
	v := 0.0
	for j, q := range tr.shares {
		v += q * tr.price[j]
	}
	return v
}

// step moves the holdings' prices by one month (the market shock of the
// step, mktZ, plus each holding's own, drawn from the market's source)
// and returns their growth.
func (tr *transition) step(mktZ float64, rng *market.NormalSource) float64 {
	growth := 0.0
	for j, q := range tr.shares {
		pr := tr.price[j]
		g := market.ExpFast(tr.drift + mktZ + tr.sd*rng.Norm())
		tr.price[j] = pr * g
		growth += q * pr * (g - 1)
	}
	return growth
}

// move sells lots within what is left of the year's budget (the SMA's
// gains so far count against it) and invests the proceeds in the index at
// m's prices. It records the part of the proceeds whose gain is beyond
// the budget: what the year's losses paid for.
func (tr *transition) move(sma *smaSide, m *market.State, t int32) {
	before := sma.real.ST + sma.real.LT
	gross := tr.sell(&sma.real, tr.budget-before, t)
	if gross == 0 {
		return
	}
	if gain := sma.real.ST + sma.real.LT - before; gain > tr.budget && !math.IsInf(tr.budget, 1) {
		tr.extra += gross * (gain - tr.budget) / gain
	}
	cost := gross * sma.tc
	sma.year.trading += cost
	sma.value -= gross
	sma.buy(gross-cost, t, m)
	tr.sold += gross
}

// yearStart sells everything at the start when there is no budget.
func (tr *transition) yearStart(sma *smaSide, m *market.State, t int32) {
	if math.IsInf(tr.budget, 1) {
		tr.move(sma, m, t)
	}
}

// sell sells lots realizing at most room dollars of net gain (+Inf: every
// lot), lowest gain per dollar first — so lots at a loss come first and
// widen the room — the last lot in part, and returns the proceeds before
// trading costs. The gains are added to real (the SMA's for the year).
func (tr *transition) sell(real *lotbook.Gains, room float64, t int32) float64 {
	order := tr.order[:0]
	for k := range tr.lots {
		order = append(order, k)
	}
	// Highest basis relative to the price first; ties in lot order.
	slices.SortFunc(order, func(a, b int) int {
		la, lb := &tr.lots[a], &tr.lots[b]
		if c := cmp.Compare(lb.basis/tr.price[lb.holding], la.basis/tr.price[la.holding]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	tr.order = order
	gross := 0.0
	for _, k := range order {
		l := &tr.lots[k]
		pr := tr.price[l.holding]
		gain := l.shares * (pr - l.basis)
		q := l.shares
		if gain > 0 && gain > room {
			if room <= 0 {
				break
			}
			q = l.shares * room / gain
		}
		g := q * (pr - l.basis)
		real.Add(l.step, t, g)
		room -= g
		gross += q * pr
		tr.shares[l.holding] -= q
		partial := q < l.shares
		l.shares -= q
		if partial {
			break // the room is used up
		}
	}
	tr.compact()
	return gross
}

// compact drops the lots sold out.
func (tr *transition) compact() {
	tr.lots = slices.DeleteFunc(tr.lots, func(l legacyLot) bool { return l.shares <= 0 })
	for j, q := range tr.shares {
		if q < 0 || !tr.holds(int32(j)) {
			tr.shares[j] = 0
		}
	}
}

func (tr *transition) holds(h int32) bool {
	for _, l := range tr.lots {
		if l.holding == h {
			return true
		}
	}
	return false
}

// cover sells the holdings in proportion for the part of a cash need
// (after trading costs) the SMA's index stocks (at price) cannot raise,
// and returns the need left for them. Running out of index comes before
// the budget: a tax or a withdrawal must be paid.
func (tr *transition) cover(need float64, t int32, sma *smaSide, price []float64) float64 {
	if need <= 0 || len(tr.lots) == 0 {
		return need
	}
	stockVal := sma.lots.stockValue(price)
	short := need/(1-sma.tc) - stockVal
	lv := tr.value()
	if short <= 0 || lv <= 0 {
		return need
	}
	f := math.Min(short/lv, 1)
	gross := 0.0
	for k := range tr.lots {
		l := &tr.lots[k]
		pr := tr.price[l.holding]
		q := l.shares * f
		if f == 1 {
			q = l.shares
		}
		sma.real.Add(l.step, t, q*(pr-l.basis))
		gross += q * pr
		tr.shares[l.holding] -= q
		l.shares -= q
	}
	tr.compact()
	cost := gross * sma.tc
	sma.year.trading += cost
	sma.value -= gross
	return need - (gross - cost)
}

// unrealized adds the gains of selling every lot at step t to g (donate:
// long-term lots at a gain are given away, as in lotbook.Book.Unrealized).
func (tr *transition) unrealized(t int32, donate bool, g *lotbook.Gains) {
	for _, l := range tr.lots {
		gain := l.shares * (tr.price[l.holding] - l.basis)
		if donate && gain > 0 && longTerm(l.step, t) {
			continue
		}
		g.Add(l.step, t, gain)
	}
}

// yearEnd sells up to the year's budget (when the SMA is still managed:
// not after an in-kind exit, exit.go) and records the year's sales in the
// SMA's flows. It returns the holdings' weight in the SMA.
func (tr *transition) yearEnd(sma *smaSide, m *market.State, t int32, managed bool) (weight float64) {
	if managed {
		tr.move(sma, m, t)
	}
	if sma.value > 0 {
		weight = math.Max(tr.value(), 0) / sma.value
	}
	sma.year.moved, sma.year.movedExtra, sma.year.legacy = tr.sold, tr.extra, true
	sma.year.realized = sma.real.ST + sma.real.LT
	tr.sold, tr.extra = 0, 0
	return weight
}
