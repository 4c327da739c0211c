package calc

import (
	"math"

	"smacalc/calc/internal/lotbook"
	"smacalc/calc/scenario"
)

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
// (Result.Keep). It reads the holdings' lots and prices from the
// transition it is given, and the fund's NAV.
type keepStrategy struct {
	terms  keepTerms
	shares []float64    // per lot of transition.lots0
	units  float64      // fund shares
	book   lotbook.Book // fund lots
	real   lotbook.Gains
	qd     float64
	distLT float64
	cf     carry
	taxDue float64
	wealth float64 // after-tax wealth at the horizon
}

// keepTerms are the scenario's terms the "keep it" strategy follows: the
// amount and basis of the index part, the yearly contribution, the
// dividend yield, the fund's expense ratio and distribution rate, and the
// end treatment.
type keepTerms struct {
	amount, basis, contrib, div, fundFee, dist float64
	end                                        string
}

// newKeepStrategy returns the "keep it" strategy of s.
func newKeepStrategy(s scenario.Scenario) *keepStrategy {
	return &keepStrategy{terms: keepTerms{amount: s.Amount, basis: s.Basis, contrib: s.Contrib, div: s.Div,
		fundFee: s.FundFee, dist: s.Dist, end: s.End}}
}

// start sets the strategy up at the start: the holdings of tr as they
// are, the rest of the amount (at the scenario's basis) in the fund at
// NAV 1.
func (k *keepStrategy) start(tr *transition) {
	amount, basis := math.Max(k.terms.amount-tr.value0, 0), k.terms.basis
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
		k.book.Buy(amount, basis, step)
		k.units = amount
	}
	k.real, k.qd, k.distLT, k.cf, k.taxDue, k.wealth = lotbook.Gains{}, 0, 0, carry{}, 0, 0
}

// holdingsValue is the value of the holdings kept, at tr's prices.
func (k *keepStrategy) holdingsValue(tr *transition) float64 {
	v := 0.0
	for i, q := range k.shares {
		v += q * tr.price[tr.lots0[i].holding]
	}
	return v
}

func (k *keepStrategy) buy(cash, nav float64, t int32) {
	if cash <= 0 || nav <= 0 {
		return
	}
	q := cash / nav
	k.book.Buy(q, nav, t)
	k.units += q
}

// quarter pays the quarter's dividends: the holdings' and the fund
// part's net income (its expense ratio paid from it, as the fund does)
// are taxed and buy the fund at the NAV nav.
func (k *keepStrategy) quarter(tr *transition, nav float64, t int32) {
	s := &k.terms
	div := s.div / 4 * k.holdingsValue(tr)
	net := (s.div - s.fundFee) / 4 * k.units * nav
	if net < 0 { // the fund lowered its NAV instead (fundSide.quarter)
		net = 0
	}
	k.qd += div + net
	k.buy(div+net, nav, t)
}

// yearEnd takes the fund's distribution (reinvested at the NAV after
// it; the fund distributes when the fund strategy holds shares,
// fundHolds, at the NAV nav before the distribution), computes the year's
// tax and, at the horizon, the wealth after the end treatment.
func (k *keepStrategy) yearEnd(tr *transition, tx *taxer, final bool, t int32, nav float64, fundHolds bool) {
	s := &k.terms
	if s.dist > 0 && fundHolds && k.units > 0 {
		d := s.dist * k.units * nav
		k.distLT += d
		k.buy(d, nav*(1-s.dist), t)
	}
	tax, cf := tx.portfolioTax(k.qd, k.real.ST, k.real.LT+k.distLT, 0, k.cf)
	if !final {
		k.taxDue = tax
		k.real, k.qd, k.distLT, k.cf = lotbook.Gains{}, 0, 0, cf
		return
	}
	navAfter := nav
	if s.dist > 0 && fundHolds {
		navAfter = nav * (1 - s.dist)
	}
	value := k.holdingsValue(tr) + k.units*navAfter
	end := 0.0
	if s.end == "liquidate" || s.end == "donate" {
		donate := s.end == "donate"
		var u lotbook.Gains
		for i, q := range k.shares {
			l := tr.lots0[i]
			gain := q * (tr.price[l.holding] - l.basis)
			if donate && gain > 0 && longTerm(l.step, t) {
				continue
			}
			u.Add(l.step, t, gain)
		}
		k.book.Unrealized(navAfter, t, donate, &u)
		all, _ := tx.portfolioTax(k.qd, k.real.ST+u.ST, k.real.LT+k.distLT+u.LT, 0, k.cf)
		end = all - tax
	}
	k.wealth = math.Max(value-tax-end, 0)
}

// yearStart pays the tax due and makes the year's contribution: cash
// in buys the fund; cash out sells fund shares, highest basis first, then
// the holdings in proportion (whatever is left of a need beyond
// everything is paid from outside). The fund's NAV is nav.
func (k *keepStrategy) yearStart(tr *transition, nav float64, t int32) {
	cash := k.terms.contrib - k.taxDue
	k.taxDue = 0
	if cash >= 0 {
		k.buy(cash, nav, t)
		return
	}
	need := -cash
	if k.units > 0 && nav > 0 {
		q := math.Min(need/nav, k.units)
		k.book.SellHIFO(q, nav, t, &k.real)
		k.units -= q
		if len(k.book) == 0 {
			k.units = 0
		}
		need -= q * nav
	}
	hv := k.holdingsValue(tr)
	if need <= 0 || hv <= 0 {
		return
	}
	f := math.Min(need/hv, 1)
	for i, q := range k.shares {
		l := tr.lots0[i]
		k.real.Add(l.step, t, q*f*(tr.price[l.holding]-l.basis))
		k.shares[i] = q * (1 - f)
	}
}
