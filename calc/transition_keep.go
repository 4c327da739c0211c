package calc

import "math"

// "Keep it": the third strategy of a transition, for comparison. The
// client keeps the existing holdings as they are — never sold except for
// a cash need the rest cannot meet — and holds the rest of the amount in
// the fund (the fund strategy's NAV path: its expense ratio and
// distributions). The holdings' dividends and the fund's net income are
// taxed every year (qualified dividends) and buy the fund; the tax is paid
// at the start of the next year by selling fund shares, highest basis
// first, then the holdings in proportion; contributions buy the fund and
// withdrawals sell it the same way. At the horizon the end treatment
// applies as for the others. Only its after-tax wealth is reported
// (Result.Keep).
type keepStrategy struct {
	shares []float64 // per lot of transition.lots0
	units  float64   // fund shares
	book   book      // fund lots
	real   gains
	qd     float64
	distLT float64
	cf     carry
	taxDue float64
	wealth float64 // after-tax wealth at the horizon
}

// keepStart sets the strategy up at the start: the holdings as they are,
// the rest (amount, at basis `basis`) in the fund at NAV 1.
func (tr *transition) keepStart(amount, basis float64) {
	k := &tr.keep
	k.shares = k.shares[:0]
	for _, l := range tr.lots0 {
		k.shares = append(k.shares, l.shares)
	}
	k.book = k.book[:0]
	k.units = 0
	if amount > 0 {
		step := int32(0)
		if basis != 1 {
			step = -(stepsPerYear + 1)
		}
		k.book.buy(amount, basis, step)
		k.units = amount
	}
	k.real, k.qd, k.distLT, k.cf, k.taxDue, k.wealth = gains{}, 0, 0, carry{}, 0, 0
}

func (tr *transition) keepHoldingsValue() float64 {
	v := 0.0
	for i, q := range tr.keep.shares {
		v += q * tr.price[tr.lots0[i].holding]
	}
	return v
}

func (tr *transition) keepBuy(cash, nav float64, t int32) {
	if cash <= 0 || nav <= 0 {
		return
	}
	q := cash / nav
	tr.keep.book.buy(q, nav, t)
	tr.keep.units += q
}

// keepQuarter pays the quarter's dividends: the holdings' and the fund
// part's net income (its expense ratio paid from it, as the fund does)
// are taxed and buy the fund.
func (tr *transition) keepQuarter(p *pathSim, t int32) {
	k := &tr.keep
	s := &p.s
	div := s.Div / 4 * tr.keepHoldingsValue()
	net := (s.Div - s.FundFee) / 4 * k.units * p.nav
	if net < 0 { // the fund lowered its NAV instead (pathSim.quarter)
		net = 0
	}
	k.qd += div + net
	tr.keepBuy(div+net, p.nav, t)
}

// keepYearEnd takes the fund's distribution (reinvested at the NAV after
// it), computes the year's tax and, at the horizon, the wealth after the
// end treatment.
func (tr *transition) keepYearEnd(p *pathSim, final bool, t int32) {
	k := &tr.keep
	s := &p.s
	if s.Dist > 0 && p.units > 0 && k.units > 0 {
		d := s.Dist * k.units * p.nav
		k.distLT += d
		tr.keepBuy(d, p.nav*(1-s.Dist), t)
	}
	tax, cf := p.tx.portfolioTax(k.qd, k.real.st, k.real.lt+k.distLT, k.cf)
	if !final {
		k.taxDue = tax
		k.real, k.qd, k.distLT, k.cf = gains{}, 0, 0, cf
		return
	}
	navAfter := p.nav
	if s.Dist > 0 && p.units > 0 {
		navAfter = p.nav * (1 - s.Dist)
	}
	value := tr.keepHoldingsValue() + k.units*navAfter
	end := 0.0
	if s.End == "liquidate" || s.End == "donate" {
		donate := s.End == "donate"
		var u gains
		for i, q := range k.shares {
			l := tr.lots0[i]
			gain := q * (tr.price[l.holding] - l.basis)
			if donate && gain > 0 && longTerm(l.step, t) {
				continue
			}
			u.add(l.step, t, gain)
		}
		k.book.unrealized(navAfter, t, donate, &u)
		all, _ := p.tx.portfolioTax(k.qd, k.real.st+u.st, k.real.lt+k.distLT+u.lt, k.cf)
		end = all - tax
	}
	k.wealth = math.Max(value-tax-end, 0)
}

// keepYearStart pays the tax due and makes the year's contribution: cash
// in buys the fund; cash out sells fund shares, highest basis first, then
// the holdings in proportion (whatever is left of a need beyond
// everything is paid from outside).
func (tr *transition) keepYearStart(p *pathSim, t int32) {
	k := &tr.keep
	cash := p.s.Contrib - k.taxDue
	k.taxDue = 0
	if cash >= 0 {
		tr.keepBuy(cash, p.nav, t)
		return
	}
	need := -cash
	if k.units > 0 && p.nav > 0 {
		q := math.Min(need/p.nav, k.units)
		k.book.sellHIFO(q, p.nav, t, &k.real)
		k.units -= q
		if len(k.book) == 0 {
			k.units = 0
		}
		need -= q * p.nav
	}
	hv := tr.keepHoldingsValue()
	if need <= 0 || hv <= 0 {
		return
	}
	f := math.Min(need/hv, 1)
	for i, q := range k.shares {
		l := tr.lots0[i]
		k.real.add(l.step, t, q*f*(tr.price[l.holding]-l.basis))
		k.shares[i] = q * (1 - f)
	}
}
