package calc

import "math"

// The year: at its last step the fund distributes, both strategies' tax
// for the year is computed (taxes.go), the year is recorded, and either
// the next year's flows are settled — the tax paid from the portfolio,
// the contribution made — or, at the horizon, the end treatment applies.

// closeYear ends year y at its last step t; te is the year's tracking
// error.
func (p *pathSim) closeYear(y int, t int32, te float64) {
	if p.tr != nil {
		p.transitionYearEnd(y, t)
	}
	yr := &p.years[y-1]
	yr.Realized = p.sma.real.ST + p.sma.real.LT
	yr.TE = te
	yr.HarvST, yr.HarvLT, yr.ForcedGains = p.sma.year.harvST, p.sma.year.harvLT, p.sma.year.forced
	if p.s.Give > 0 {
		p.giveYear(t) // give.go
	}
	p.yearEnd(y, t)
}

// yearTaxes are both strategies' taxes for a year.
type yearTaxes struct {
	sma, fund       float64 // the year's tax (negative: a saving)
	smaCF, fundCF   carry   // the carryforward out
	distTax         float64 // the fund's tax due to its capital-gain distributions
	smaEnd, fundEnd float64 // the end treatment's extra tax (at the horizon)
}

// yearEnd distributes the fund's capital gains, computes both strategies'
// tax for year y, records the year and either settles the next year's
// flows or, at the horizon, applies the end treatment.
func (p *pathSim) yearEnd(y int, t int32) {
	p.fund.distribute(p.s.Dist, t)
	tx := p.taxYear()
	if p.s.Give > 0 {
		p.giftDeductions(y) // give.go
	}
	final := y == p.s.Horizon
	vS, vF := math.Max(p.sma.value, 0), math.Max(p.fund.value(), 0)
	p.recordYear(y, t, &tx, vS, vF, final)
	p.accrueTaxes(y, tx, vS, vF, final)
	if p.rec != nil {
		p.rec[0] = append(p.rec[0], p.sma.year)
		p.rec[1] = append(p.rec[1], p.fund.year)
	}
	if p.insp != nil {
		p.snapshot(y, t)
	}
	if final {
		return
	}
	payS, payF := p.sma.year.taxes, p.fund.year.taxes
	p.sma.nextYear(tx.smaCF)
	p.fund.nextYear(tx.fundCF)
	p.flowsAtYearStart(y, payS, payF)
}

// taxYear computes both strategies' tax on the year's income, and the
// part of the fund's due to its distributions.
func (p *pathSim) taxYear() yearTaxes {
	var tx yearTaxes
	tx.sma, tx.smaCF = p.sma.yearTax(p.tx)
	tx.fund, tx.fundCF = p.fund.yearTax(p.tx)
	if f := &p.fund; f.distLT != 0 {
		t0, _ := p.tx.portfolioTax(f.qd, f.real.ST, f.real.LT, f.year.gift.value, f.cf)
		tx.distTax = tx.fund - t0
	}
	return tx
}

// recordYear records year y's taxes and liquidated wealth (vS, vF: the
// values) and adds the taxes to the totals; at the horizon it computes the
// end treatment's tax into tx and records the final wealth figures.
func (p *pathSim) recordYear(y int, t int32, tx *yearTaxes, vS, vF float64, final bool) {
	sma, fund := &p.sma, &p.fund
	yr := &p.years[y-1]
	yr.SMATax, yr.FundTax, yr.CF = tx.sma, tx.fund, tx.smaCF.total()
	liqS := p.smaEndTax(t, false, tx.sma)
	liqF := p.fundEndTax(t, false, tx.fund)
	// Wealth never goes below zero: tax beyond the portfolio's value is
	// paid from outside (see payable).
	yr.SMAWealth, yr.FundWealth = math.Max(vS-tx.sma-liqS, 0), math.Max(vF-tx.fund-liqF, 0)

	sma.total.Taxes += tx.sma
	fund.total.Taxes += tx.fund
	fund.total.DistTax += tx.distTax
	if !final {
		return
	}
	switch p.s.End {
	case "liquidate":
		tx.smaEnd, tx.fundEnd = liqS, liqF
	case "donate":
		tx.smaEnd, tx.fundEnd = p.smaEndTax(t, true, tx.sma), p.fundEndTax(t, true, tx.fund)
	}
	sma.total.EndTax, fund.total.EndTax = tx.smaEnd, tx.fundEnd
	sma.total.PreLiq, fund.total.PreLiq = math.Max(vS-tx.sma, 0), math.Max(vF-tx.fund, 0)
	sma.total.Liquidated, fund.total.Liquidated = yr.SMAWealth, yr.FundWealth
}

// accrueTaxes sets the tax each strategy pays for year y — as far as its
// portfolio goes: before the horizon by selling at the start of the next
// year (after trading costs), at the horizon out of its value — and closes
// the year's flows.
func (p *pathSim) accrueTaxes(y int, tx yearTaxes, vS, vF float64, final bool) {
	sma, fund := &p.sma, &p.fund
	capS, due := vS, y
	if !final {
		capS, due = sma.sellable(), y+1
	}
	sma.year.taxes = payable(&sma.account, tx.sma+tx.smaEnd, capS, due)
	fund.year.taxes = payable(&fund.account, tx.fund+tx.fundEnd, vF, due)
	if final {
		sma.total.AfterTax, fund.total.AfterTax = vS-sma.year.taxes, vF-fund.year.taxes
	}
	sma.year.end, fund.year.end = vS-sma.year.taxes, vF-fund.year.taxes
	sma.addYear()
	fund.addYear()
}

// smaEndTax is the extra tax, over the year's yearTax, of selling
// everything the SMA holds (or, donating, everything but the long-term
// lots at a gain) at step t.
func (p *pathSim) smaEndTax(t int32, donate bool, yearTax float64) float64 {
	return p.sma.endTax(p.tx, p.smaUnrealized(t, donate), yearTax)
}

// fundEndTax is smaEndTax for the fund.
func (p *pathSim) fundEndTax(t int32, donate bool, yearTax float64) float64 {
	return p.fund.endTax(p.tx, p.fund.unrealized(t, donate), yearTax)
}

// flowsAtYearStart settles the flows at the start of year y+1 (y = 0 at
// the start): the tax due for year y (negative = a saving, reinvested) is
// paid from the portfolio and the year's contribution made. Sales realize
// gains in year y+1.
//
// A portfolio that cannot pay both the tax and the withdrawal has run out,
// which is an outcome, not an error: the tax is paid first, the
// withdrawal gets what is left, everything is sold and the portfolio stays
// at zero (see settle).
func (p *pathSim) flowsAtYearStart(y int, smaTax, fundTax float64) {
	t := int32(y * stepsPerYear)
	want := p.s.Contrib
	payout := savingsPayout(p.s.Savings, smaTax, fundTax)
	smaC, smaCash, smaOut := settle(&p.sma.account, y, want-payout, smaTax, p.sma.sellable())
	fundC, fundCash, fundOut := settle(&p.fund.account, y, want, fundTax, math.Max(p.fund.value(), 0))
	p.sma.contrib[y], p.fund.contrib[y] = smaC, fundC
	p.sma.year.contrib, p.fund.year.contrib = smaC, fundC
	if smaOut {
		p.smaSellAll(t)
	} else {
		p.smaCash(smaCash, t)
	}
	if fundOut {
		p.fund.cash(-math.Inf(1), t)
	} else {
		p.fund.cash(fundCash, t)
	}
	if p.tr != nil {
		p.tr.yearStart(&p.sma, &p.mkt, t)
		p.keep.yearStart(p.tr, p.fund.nav, t)
	}
	p.years[y].SMAStart = p.sma.value
}
