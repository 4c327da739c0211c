package calc

import (
	"math"

	"smacalc/calc/internal/lotbook"
	"smacalc/calc/internal/market"
	"smacalc/calc/scenario"
)

// pathSim simulates the paths of one scenario, reusing its memory path
// after path (no allocation per path once warm). It composes the parts of
// a path, each of which sees only what it is given — never the pathSim:
//
//	mkt    the market: prices, index, random draws (package
//	       calc/internal/market, set up in market_state.go)
//	sma    the SMA: its account, lot book and trading rules (sma.go)
//	fund   the fund: its account, shares and NAV (fund.go)
//	tr     existing holdings being moved, when there are any (transition.go)
//	keep   the same holdings kept, for comparison (transition_keep.go)
//	weeks  weekly harvest checks, when asked for (weekly.go)
//	turn   the names leaving the index (turnover.go)
//	insp   the recorder of an Inspection, when inspecting (inspect.go)
//	watch  the index's months, for IndexMonths (index_months.go)
//
// and runs the month (month), the quarter (quarter) and the year
// (closeYear, year_end.go) in the order the model states (doc.go).
type pathSim struct {
	s     scenario.Scenario
	tx    *taxer
	steps int32
	every int32 // harvest every so many steps; 0 = never

	mkt   market.State
	sma   smaSide
	fund  fundSide
	tr    *transition   // non-nil: holdings moved into the SMA (transition.go)
	keep  *keepStrategy // non-nil with tr: the holdings kept, for comparison (transition_keep.go)
	weeks *weekState    // non-nil: harvest checks every week (weekly.go)
	turn  turnover

	years []PathYear
	rec   *[2][]yearFlows // non-nil: record the ledger of this path
	insp  *inspector      // non-nil: record an Inspection of this path (inspect.go)
	watch *indexWatch     // non-nil: report each month's index (index_months.go)

	// Exit plans (exit.go): exits non-nil runs the exits to a fund beside
	// the path; inKindFrom > 0 makes this pass the in-kind plan (no
	// harvest and the fee exitFee after that step).
	exits      *exitPlans
	inKindFrom int32
	exitFee    float64
}

func newPathSim(s scenario.Scenario, tx *taxer) *pathSim {
	p := &pathSim{
		s: s, tx: tx,
		steps: int32(s.Horizon * stepsPerYear),
		mkt:   newMarketState(s),
		sma: smaSide{lots: newHoldings(s.Stocks), tc: s.TradeCost, limitF: 1 / (1 - s.Threshold),
			size: make([]float64, s.Stocks)},
		turn: newTurnover(s),
	}
	switch s.Harvest {
	case "monthly", "weekly":
		p.every = 1
	case "quarterly":
		p.every = 3
	case "annual":
		p.every = 12
	}
	if s.Harvest == "weekly" {
		p.weeks = newWeekState(s)
	}
	p.exits = newExitPlans(s)
	if p.tr = newTransition(s); p.tr != nil {
		p.keep = newKeepStrategy(s)
		if p.mkt.History != nil {
			p.tr.replayHistory()
		}
	}
	return p
}

// inspect makes the path record an Inspection in `in` (nil: stop).
func (p *pathSim) inspect(in *inspector) {
	p.insp = in
	p.sma.log = nil
	if in != nil {
		p.sma.log = &in.harvestLog
	}
}

// run simulates path number `path` and returns its outcome.
func (p *pathSim) run(path int) PathOutcome {
	p.begin(path)
	var te trackingSums
	for t := int32(1); t <= p.steps; t++ {
		p.step(t, &te)
	}
	return p.outcome(te.annualized(p.steps))
}

// runPair simulates the antithetic pair of paths `path` (even) and
// path+1 in lock-step, p the first and q the second, and returns their
// outcomes: the same as p.run(path) and q.run(path+1), the second taking
// the first's specific shocks, negated, instead of drawing them again
// (market.State.Mirror), and its quarters' leavers (turnover.mirror).
func runPair(p, q *pathSim, path int) (PathOutcome, PathOutcome) {
	p.begin(path)
	q.begin(path + 1)
	q.mkt.Mirror(&p.mkt)
	q.turn.mirror = &p.turn
	defer func() {
		q.mkt.Mirror(nil)
		q.turn.mirror = nil
	}()
	var te, teQ trackingSums
	for t := int32(1); t <= p.steps; t++ {
		p.step(t, &te)
		q.step(t, &teQ)
	}
	return p.outcome(te.annualized(p.steps)), q.outcome(teQ.annualized(q.steps))
}

// step simulates month t, and the year when t ends one, adding the
// month's tracking difference to te.
func (p *pathSim) step(t int32, te *trackingSums) {
	if excess, ok := p.month(t); ok {
		te.add(excess)
	}
	if t%stepsPerYear == 0 {
		p.closeYear(int(t/stepsPerYear), t, te.closeYear())
	}
}

// begin sets the path's random draws, prices every stock at 1, makes the
// initial investment and the first year's contribution.
func (p *pathSim) begin(path int) {
	s := &p.s
	h := s.Horizon
	a, b, sign := market.PathSeed(s.Seed, path)
	held := p.mkt.Begin(a, b, sign)
	drawSharePrices(p.sma.size, a)
	p.turn.begin(a)
	if p.weeks != nil {
		p.weeks.begin(a, sign)
	}
	p.sma.lots.empty()
	p.sma.account.reset(h)
	p.fund.account.reset(h)
	p.fund.book = p.fund.book[:0]
	if p.exits != nil {
		p.exits.begin()
	}
	p.years = make([]PathYear, h)
	if p.rec != nil {
		p.rec[0], p.rec[1] = p.rec[0][:0], p.rec[1][:0]
	}
	p.invest(held)
	if p.tr != nil { // the holdings go into the SMA; the fund strategy sells them
		p.tr.start(&p.sma, &p.fund)
		p.keep.start(p.tr)
	}
	p.sma.year.start, p.fund.year.start = s.Amount, s.Amount
	p.flowsAtYearStart(0, 0, 0)
	if p.insp != nil {
		p.insp.begin(p.sma.size)
		p.snapshot(0, 0)
	}
	p.sma.total.Wealth0 = math.Max(p.sma.value-p.smaEndTax(0, false, 0), 0)
	p.fund.total.Wealth0 = math.Max(p.fund.value()-p.fundEndTax(0, false, 0), 0)
}

// invest makes the initial position of the index part (held: the held
// index's value): cash (basis 1) is bought now; an existing position
// (basis ≠ 1) is held long-term with its embedded gain. Both are whole
// shares; the rest is cash, invested at the first month's end.
func (p *pathSim) invest(held float64) {
	s := &p.s
	p.fund.units, p.fund.nav = 0, 1
	p.sma.value, p.sma.cash, p.sma.idle = 0, 0, -1
	amount := math.Max(s.Amount-p.tr.startValue(), 0) // the index part
	if s.Basis == 1 {
		p.sma.buy(amount, 0, &p.mkt)
		p.fund.buy(amount, 0)
		return
	}
	if amount <= 0 {
		return
	}
	lots := &p.sma.lots
	stocks := 0.0
	for i, w := range p.mkt.HeldN {
		if w > 0 {
			q := math.Floor(amount*w/held/p.sma.size[i]) * p.sma.size[i]
			if q == 0 {
				continue
			}
			lots.books[i].Buy(q, s.Basis, -13)
			lots.shares[i] = q
			lots.maxB[i] = s.Basis
			stocks += q
		}
	}
	p.sma.value = amount
	p.sma.cash = max(amount-stocks, 0)
	p.fund.units = amount
	p.fund.book.Buy(amount, s.Basis, -13)
}

// month simulates step t, the end of a month: the market moves, the
// substitutes of the last step's loss sales are sold and their stocks
// bought back, the harvest checks run, at a quarter end the index
// replaces names, the waiting cash is invested (investCash), and at a
// quarter end dividends are paid (their cash waits for the next month). It returns the SMA's return over the
// index's in the month, for the tracking error (held false when the SMA
// held nothing at its start).
func (p *pathSim) month(t int32) (excess float64, held bool) {
	vPrev := p.sma.value
	idxPrev := p.mkt.IdxVal
	harvestNow := p.every > 0 && t%p.every == 0 && p.managed(t)
	growth := p.moveMarket(t, idxPrev, harvestNow)
	p.sma.unwindSubstitutes(t, p.mkt.Price)
	if p.weeks != nil && p.managed(t) {
		growth += p.weeks.harvests(t, &p.mkt, &p.sma)
	}
	if harvestNow {
		p.sma.harvest(t, p.mkt.Price)
	}
	if t%3 == 0 {
		growth += p.reconstitute(t)
	}
	p.investCash(t)
	div := 0.0
	rIdx := p.mkt.IdxVal/idxPrev - 1
	if t%3 == 0 {
		div = p.quarter(t)
		rIdx += p.mkt.QuarterYield(t)
	}
	if vPrev <= 0 {
		return 0, false
	}
	return (growth+div)/vPrev - rIdx, true
}

// moveMarket moves the market by one month (from the index's value
// idxPrev) and everything held with it, and returns the SMA's growth.
func (p *pathSim) moveMarket(t int32, idxPrev float64, harvestNow bool) float64 {
	if p.weeks != nil {
		p.weeks.beginMonth(t, &p.mkt, &p.sma.lots)
	}
	growth := p.marketStep(harvestNow)
	growth += p.pinToHistory(idxPrev, harvestNow)
	if p.tr != nil {
		growth += p.tr.step(p.mkt.MktZ, &p.mkt.Rng)
		p.sma.value += p.tr.value()
	}
	if p.insp != nil {
		p.insp.step(p.mkt.SectorG)
	}
	if p.watch != nil {
		p.watch.step(t, p.mkt.IdxN, p.mkt.Price)
	}
	p.sma.year.growth += growth
	p.fund.followIndex(p.mkt.IdxVal, idxPrev)
	return growth
}

// marketStep runs the kernel (market.State.Step) on the SMA's stocks,
// moves the substitutes with their sectors and returns the SMA's market
// growth. With harvestNow it lists the harvest candidates.
func (p *pathSim) marketStep(harvestNow bool) float64 {
	lf := p.sma.limitF
	if !harvestNow {
		lf = math.Inf(1) // no stock is a candidate
	}
	h := &p.sma.lots
	nc, valOld, val := p.mkt.Step(h.shares, h.maxB, h.cand, lf)
	h.cand = h.cand[:nc]
	growth, val := h.growSubstitutes(val-valOld, val, p.mkt.SectorG, p.mkt.Sector)
	p.sma.value = val + p.sma.cash
	return growth
}

// quarter pays dividends and fees at a quarter end; the SMA's net cash
// waits for the next month's trading window (investCash), the fund
// reinvests at once. It returns the SMA's dividends.
func (p *pathSim) quarter(t int32) float64 {
	s := &p.s
	yield := p.mkt.QuarterYield(t)
	div := yield * p.sma.value
	fee := p.smaFeeRate(t) / 4 * p.sma.value
	p.sma.qd += div
	p.sma.year.div += div
	p.sma.year.fees += fee
	p.smaCash(div-fee, t)
	p.fund.quarter(yield, s.FundFee/4, t)
	if p.tr != nil {
		p.keep.quarter(p.tr, p.fund.nav, t)
	}
	if p.exits != nil {
		p.exits.sell.quarter(yield, p.mkt.IdxVal, t)
		p.exits.etf.quarter(yield, p.mkt.IdxVal, t)
	}
	return div
}

// investCash invests the SMA's waiting cash at step t, toward the index
// weights of its index part (its value without holdings being moved): in
// the month after a quarter's dividends (t = 1, 4, 7, …), or in any month
// once it is more than cashWaits of the SMA (cash.go).
func (p *pathSim) investCash(t int32) {
	if c := p.sma.cash; c < minTrade || (t%3 != 1 && c < cashWaits*p.sma.value) {
		return
	}
	index := p.sma.value
	if p.tr != nil {
		index -= p.tr.value()
	}
	p.sma.investCash(t, &p.mkt, index)
}

// smaCash adds cash to the SMA (cash > 0), invested at the next month's
// trading window, or raises −cash from it.
func (p *pathSim) smaCash(cash float64, t int32) {
	if cash > 0 {
		p.sma.deposit(cash)
	} else if cash < 0 {
		p.smaSell(-cash, t)
	}
}

// smaSell raises `need` dollars of cash (after trading costs): from the
// index's stocks, from holdings being moved for what those cannot raise,
// and from the sector substitutes for what both cannot.
func (p *pathSim) smaSell(need float64, t int32) {
	need = p.sma.useCash(need)
	if p.tr != nil {
		need = p.tr.cover(need, t, &p.sma, p.mkt.Price)
	}
	p.sma.sell(need, t, p.mkt.Price)
}

// smaSellAll sells every lot and substitute: the portfolio has run out.
func (p *pathSim) smaSellAll(t int32) {
	p.smaSell(math.Inf(1), t) // the substitutes too
	p.sma.value = 0
}

// smaUnrealized is the gains of selling everything the SMA holds at step
// t (donate: keeping the long-term lots at a gain).
func (p *pathSim) smaUnrealized(t int32, donate bool) lotbook.Gains {
	g := p.sma.unrealized(t, donate, p.mkt.Price)
	if p.tr != nil {
		p.tr.unrealized(t, donate, &g)
	}
	return g
}

// outcome is the path's outcome, with the tracking error te.
func (p *pathSim) outcome(te float64) PathOutcome {
	s := &p.s
	out := PathOutcome{SMA: p.sma.total, Fund: p.fund.total, Years: p.years, TrackingError: te}
	out.SMA.Return = moneyWeightedReturn(s.Amount, p.sma.contrib, out.SMA.AfterTax)
	out.Fund.Return = moneyWeightedReturn(s.Amount, p.fund.contrib, out.Fund.AfterTax)
	out.SMA.ReturnBeforeSale, out.Fund.ReturnBeforeSale = out.SMA.Return, out.Fund.Return
	if s.End != "hold" {
		out.SMA.ReturnBeforeSale = returnBeforeSale(*s, p.sma.contrib, out.SMA.PreLiq)
		out.Fund.ReturnBeforeSale = returnBeforeSale(*s, p.fund.contrib, out.Fund.PreLiq)
	}
	if p.tr != nil {
		out.Keep = p.keep.wealth
	}
	if p.exits != nil {
		out.Exit = p.exits.outcome()
	}
	return out
}

// trackingSums accumulate the SMA's monthly return over the index's, for
// the path and for the current year.
type trackingSums struct{ sum, sum2, ySum, ySum2 float64 }

func (te *trackingSums) add(d float64) {
	te.sum += d
	te.sum2 += d * d
	te.ySum += d
	te.ySum2 += d * d
}

// closeYear returns the year's tracking error (annualized) and starts the
// next year's.
func (te *trackingSums) closeYear() float64 {
	m := te.ySum / stepsPerYear
	v := math.Sqrt(math.Max(te.ySum2/stepsPerYear-m*m, 0) * stepsPerYear)
	te.ySum, te.ySum2 = 0, 0
	return v
}

// annualized is the path's tracking error over its steps.
func (te *trackingSums) annualized(steps int32) float64 {
	mean := te.sum / float64(steps)
	v := te.sum2/float64(steps) - mean*mean
	return math.Sqrt(math.Max(v, 0) * stepsPerYear)
}
