package calc

import (
	"math"
	"slices"

	"smacalc/calc/internal/lotbook"
	"smacalc/calc/scenario"
)

// Exit plans (keys "exit", "exitplan", "exitfee"): what leaving the SMA
// at the end of year E (= "exit") is worth at the horizon, four ways, on
// the same market path as the SMA and the fund (common random numbers, so
// the plans' differences are paired like the SMA's with the fund):
//
//	keep    the SMA as it runs: the path itself (PathOutcome.SMA).
//	sell    at the end of year E every lot is sold (the gains realized in
//	        year E, taxed with the year's other income, the tax paid at
//	        the start of year E+1 as every tax is) and the proceeds after
//	        trading costs buy the fund.
//	inkind  the lots move as they are — basis and acquisition dates kept
//	        — to an account costing "exitfee" a year; harvesting stops
//	        (and so do a transition's yearly budget sales). Run as a
//	        second pass of the same path with the SMA's own rules and no
//	        harvest check after step 12·E (pathSim.inKindFrom): the
//	        account still reinvests dividends and sells the names leaving
//	        the index.
//	etf351  every lot is contributed to an ETF in exchange for its shares,
//	        a transfer without gain or loss under IRC §351(a): each lot
//	        becomes ETF shares of the same value with its basis (§358)
//	        and holding period (§1223(1)) carried over; from then on a
//	        fund at "exitfee". §351(e)(1) denies the nonrecognition for a
//	        transfer to an investment company that diversifies the
//	        transferor's interests; Treas. Reg. §1.351-1(c)(6)(i) says a
//	        transfer of a portfolio that is already diversified — passing
//	        the tests of IRC §368(a)(2)(F)(ii): no issuer over 25% of the
//	        value of total assets, the five largest together at most 50%
//	        — does not. So the plan applies only on a path whose portfolio
//	        at the end of year E passes both (diversification below); on
//	        any other path it is not modelled, and the result says which
//	        test failed and by how much.
//
// After an exit to a fund ("sell", "etf351") the fund follows the index's
// price like the fund strategy's NAV, pays its cost ("exitfee") from its
// dividends (the excess lowers the NAV), distributes the scenario's "dist"
// and reinvests it; the year's contribution buys it and a withdrawal or a
// tax sells its highest-basis shares first (exitFund). At the horizon the
// scenario's end treatment applies to every plan.

// Limits of the diversification tests of IRC §368(a)(2)(F)(ii), which
// Treas. Reg. §1.351-1(c)(6)(i) applies to a §351 transfer.
const (
	maxIssuerShare   = 0.25 // of the value of total assets, in one issuer
	maxFiveShare     = 0.50 // in five or fewer issuers
	diversifiedCount = 5
)

// diversification is a portfolio's test of §368(a)(2)(F)(ii): the
// largest issuer's share of the value and the five largest's together.
// Total assets exclude cash (§368(a)(2)(F)(iv)); each stock is an issuer,
// so is each holding being moved (transition.go), and each sector
// substitute counts as an issuer of its own (a conservative reading: it
// is usually a small, short-lived position).
type diversification struct {
	largest, five float64
}

func (d diversification) passes() bool {
	return d.largest <= maxIssuerShare && d.five <= maxFiveShare
}

// diversificationOf tests the SMA's holdings at prices price (the index's
// stocks) and tr's (its holdings, nil without). scratch is reused.
func diversificationOf(h *holdings, price []float64, tr *transition, scratch []float64) (diversification, []float64) {
	v := scratch[:0]
	for i, q := range h.shares {
		if q > 0 {
			v = append(v, q*price[i])
		}
	}
	for _, sub := range h.subs {
		if sub.value > 0 {
			v = append(v, sub.value)
		}
	}
	if tr != nil {
		for j, q := range tr.shares {
			if q > 0 {
				v = append(v, q*tr.price[j])
			}
		}
	}
	total := 0.0
	for _, x := range v {
		total += x
	}
	if total <= 0 {
		return diversification{}, v
	}
	slices.SortFunc(v, func(a, b float64) int {
		switch {
		case a > b:
			return -1
		case a < b:
			return 1
		}
		return 0
	})
	five := 0.0
	for _, x := range v[:min(diversifiedCount, len(v))] {
		five += x
	}
	return diversification{largest: v[0] / total, five: five / total}, v
}

// exitFund is the fund an exit to a fund holds from the end of year E:
// its shares at its own NAV and their lots, and the tax year's income.
// Its NAV starts at 1 and follows the index's price (idx, the index value
// it last saw), as fundSide's does.
type exitFund struct {
	fee, dist, contrib float64
	end                string

	live   bool // holds the plan's wealth on this path
	fresh  bool // started this year: no distribution at this year end
	units  float64
	nav    float64
	idx    float64
	book   lotbook.Book
	real   lotbook.Gains
	qd     float64
	distLT float64
	gift   float64 // the exit year's gift of SMA shares (give.go); none after the exit
	cf     carry
	taxDue float64

	exitYearTax float64 // the plan's tax for year E (the path's SMA's plus the exit's)
	wealth      float64 // after-tax wealth at the horizon
}

func (f *exitFund) reset() {
	f.live, f.fresh = false, false
	f.units, f.nav, f.idx = 0, 1, 0
	f.book = f.book[:0]
	f.real, f.qd, f.distLT, f.gift, f.cf, f.taxDue = lotbook.Gains{}, 0, 0, 0, carry{}, 0
	f.exitYearTax, f.wealth = 0, 0
}

// inherit starts the fund at the end of year E with the SMA's income of
// the tax year (dividends, realized gains, the carryforward in): the
// plan's year-E tax is the SMA's year on top of what the exit adds.
func (f *exitFund) inherit(sma *smaSide, idx float64) {
	f.live, f.fresh = true, true
	f.idx, f.nav = idx, 1
	f.real, f.qd, f.distLT, f.gift, f.cf = sma.real, sma.qd, 0, sma.year.gift.value, sma.cf
}

// follow moves the NAV with the index to idx.
func (f *exitFund) follow(idx float64) {
	if f.idx > 0 {
		f.nav *= idx / f.idx
	}
	f.idx = idx
}

// buy invests cash at the NAV at step t.
func (f *exitFund) buy(cash float64, t int32) {
	if cash <= 0 || f.nav <= 0 {
		return
	}
	q := cash / f.nav
	f.book.Buy(q, f.nav, t)
	f.units += q
}

// addLot adds ETF shares worth value with a cost basis of basis dollars
// and the holding period of a lot acquired at step from (§358, §1223(1)).
func (f *exitFund) addLot(value, basis float64, from int32) {
	if value <= 0 {
		return
	}
	q := value / f.nav
	f.book.Buy(q, basis/q, from)
	f.units += q
}

// quarter takes the quarter's dividends (yield of the value) and the
// fund's cost (a quarter of fee), as fundSide.quarter does.
func (f *exitFund) quarter(yield, idx float64, t int32) {
	if !f.live {
		return
	}
	f.follow(idx)
	v := f.units * f.nav
	net := yield*v - f.fee/4*v
	if net >= 0 {
		f.qd += net
		f.buy(net, t)
	} else if v > 0 {
		f.nav *= 1 + net/v
	}
}

// yearEnd distributes (not in the year it started), computes the year's
// tax and, at the horizon (final), the wealth after the end treatment.
func (f *exitFund) yearEnd(tx *taxer, idx float64, t int32, final bool) {
	if !f.live {
		return
	}
	f.follow(idx)
	if f.dist > 0 && f.units > 0 && !f.fresh {
		d := f.dist * f.units * f.nav
		f.nav -= d / f.units
		f.distLT += d
		f.buy(d, t)
	}
	tax, cf := tx.portfolioTax(f.qd, f.real.ST, f.real.LT+f.distLT, f.gift, f.cf)
	if f.fresh {
		f.exitYearTax = tax
		f.fresh = false
	}
	if !final {
		f.taxDue = tax
		f.real, f.qd, f.distLT, f.gift, f.cf = lotbook.Gains{}, 0, 0, 0, cf
		return
	}
	value := f.units * f.nav
	end := 0.0
	if f.end == "liquidate" || f.end == "donate" {
		var u lotbook.Gains
		f.book.Unrealized(f.nav, t, f.end == "donate", &u)
		all, _ := tx.portfolioTax(f.qd, f.real.ST+u.ST, f.real.LT+f.distLT+u.LT, f.gift, f.cf)
		end = all - tax
	}
	f.wealth = math.Max(value-tax-end, 0)
}

// yearStart pays the tax due and makes the year's contribution: cash in
// buys the fund, cash out sells its highest-basis shares first (a need
// beyond everything is paid from outside, as for the "keep it" strategy).
func (f *exitFund) yearStart(idx float64, t int32) {
	if !f.live {
		return
	}
	f.follow(idx)
	cash := f.contrib - f.taxDue
	f.taxDue = 0
	if cash >= 0 {
		f.buy(cash, t)
		return
	}
	if f.units <= 0 || f.nav <= 0 {
		return
	}
	q := math.Min(-cash/f.nav, f.units)
	f.book.SellHIFO(q, f.nav, t, &f.real)
	f.units -= q
	if len(f.book) == 0 {
		f.units = 0
	}
}

// exitPlans are a path's exits to a fund ("sell", "etf351") at the end of
// year `year`; "keep" is the path itself and "inkind" a second pass
// (SimulatePaths).
type exitPlans struct {
	year    int
	sell    exitFund
	etf     exitFund
	test    diversification
	scratch []float64

	// saleGains are the gains the sale realizes; baseTax is the SMA's own
	// tax for year E, without any exit (PathExit.SaleTax is the sale's
	// tax over it).
	saleGains lotbook.Gains
	baseTax   float64
}

func newExitPlans(s scenario.Scenario) *exitPlans {
	if s.Exit == 0 {
		return nil
	}
	fund := exitFund{fee: s.ExitFeeRate(), dist: s.Dist, contrib: s.Contrib, end: s.End}
	return &exitPlans{year: s.Exit, sell: fund, etf: fund}
}

func (e *exitPlans) begin() {
	e.sell.reset()
	e.etf.reset()
	e.test = diversification{}
	e.saleGains, e.baseTax = lotbook.Gains{}, 0
}

// exitYearEnd runs the exit plans at the end of year y (step t), before
// the year's taxes: at year E the funds start from the SMA as it stands
// (after the year's last harvest and budget sale), then every live fund
// closes its year.
func (p *pathSim) exitYearEnd(y int, t int32) {
	e := p.exits
	if y == e.year {
		p.startExits(t)
	}
	final := y == p.s.Horizon
	e.sell.yearEnd(p.tx, p.mkt.IdxVal, t, final)
	e.etf.yearEnd(p.tx, p.mkt.IdxVal, t, final)
}

// startExits starts the exits to a fund at step t, the end of year E.
func (p *pathSim) startExits(t int32) {
	e := p.exits
	sma := &p.sma
	idx := p.mkt.IdxVal

	// sell: every lot and substitute sold at t, proceeds after trading
	// costs into the fund.
	e.saleGains = p.smaUnrealized(t, false)
	e.baseTax, _ = sma.yearTax(p.tx)
	e.sell.inherit(sma, idx)
	e.sell.real.ST += e.saleGains.ST
	e.sell.real.LT += e.saleGains.LT
	e.sell.buy(sma.sellable(), t)

	// etf351: only a diversified portfolio.
	e.test, e.scratch = diversificationOf(&sma.lots, p.mkt.Price, p.tr, e.scratch)
	if !e.test.passes() {
		return
	}
	f := &e.etf
	f.inherit(sma, idx)
	h := &sma.lots
	for i, b := range h.books {
		pr := p.mkt.Price[i]
		for _, l := range b {
			f.addLot(l.Shares*pr, l.Shares*l.Basis, l.Step)
		}
	}
	for _, sub := range h.subs {
		f.addLot(sub.value, sub.basis, t)
	}
	if tr := p.tr; tr != nil {
		for _, l := range tr.lots {
			f.addLot(l.shares*tr.price[l.holding], l.shares*l.basis, l.step)
		}
	}
	// Cash is not contributed: it buys the ETF's shares at their value.
	f.buy(sma.cash, t)
}

// outcome is the path's exit plans (the in-kind plan is filled in by
// SimulatePaths' second pass).
func (e *exitPlans) outcome() *PathExit {
	out := &PathExit{
		Sell:     e.sell.wealth,
		SaleTax:  e.sell.exitYearTax - e.baseTax,
		Largest:  e.test.largest,
		Five:     e.test.five,
		Eligible: e.test.passes(),
	}
	if out.Eligible {
		out.ETF351 = e.etf.wealth
	}
	return out
}

// newInKindPass returns the second pass of each path that is the in-kind
// plan (nil without an exit): the same path, no harvest and the fee
// "exitfee" after the end of year E.
func newInKindPass(s scenario.Scenario, tx *taxer) *pathSim {
	if s.Exit == 0 {
		return nil
	}
	p := newPathSim(s, tx)
	p.exits = nil
	p.inKindFrom = int32(s.Exit * stepsPerYear)
	p.exitFee = s.ExitFeeRate()
	return p
}

// smaFeeRate is the SMA's yearly fee at step t: "exitfee" after an
// in-kind exit (the cheaper account's), the SMA's fee before.
func (p *pathSim) smaFeeRate(t int32) float64 {
	if p.inKindFrom > 0 && t > p.inKindFrom {
		return p.exitFee
	}
	return p.s.SMAFee
}

// managed reports whether the SMA is still managed at step t: it
// harvests and makes a transition's budget sales. After an in-kind exit
// it does neither.
func (p *pathSim) managed(t int32) bool {
	return p.inKindFrom == 0 || t <= p.inKindFrom
}
