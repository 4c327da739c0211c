package calc

import (
	"cmp"
	"math"
	"slices"

	"smacalc/calc/internal/lotbook"
)

// Yearly gifts of appreciated lots (key "give", issue 28 item 2).
//
// The investor gives `give` dollars to charity every year anyway. At each
// year's last step both strategies give, instead of cash, their long-term
// lots at a gain with the largest gain per dollar (the most appreciated:
// the most gain given away for the gift), and the cash the investor would
// have given goes into the portfolio instead: the SMA buys the same
// stocks back at once (a purchase after a sale at a gain is no wash sale,
// IRC §1091 applies to losses; a stock sold at a loss in the same step is
// bought through its sector substitute instead, as any purchase is), so
// its weights do not move, and pays its trading cost on the purchase; the
// fund investor buys the same fund shares back. The portfolio's value is
// unchanged (less the SMA's trading cost); the lots given are replaced by
// lots at today's price, and the gain given away is never taxed.
//
// Only long-term lots are given: a gift of shares held a year or less
// deducts only their basis (IRC §170(e)(1)(A)). What the lots cannot
// cover — in the first year none is long-term — is given in cash from
// outside, as it would have been: a gift never exceeds the account.
//
// The tax (calc/tax, itemized.go): the return without the portfolio gives
// the whole amount in cash; the portfolio's return gives the lots' value as
// property (30% of AGI limit, five-year carryover, per strategy) and the
// rest in cash. The deduction counts only when itemizing (the gifts plus
// "itemized" beat the standard deduction); the gain given away counts
// either way.

// giftFlows are a strategy's gift of lots in one year.
type giftFlows struct {
	value     float64 // fair market value of the lots given
	gain      float64 // their unrealized gain, given away untaxed
	lots      int     // lots given (wholly or in part)
	deduction float64 // the year's charitable deduction (0 when not itemizing)
	made      bool    // the scenario gives (the ledger shows the gift)
}

// giftCandidate is one long-term lot at a gain: stock i's k-th lot (in
// its book's order), with its gain per dollar of value.
type giftCandidate struct {
	stock, lot int32
	gainShare  float64
}

// giveYear makes both strategies' gifts at step t, the year's last step.
func (p *pathSim) giveYear(t int32) {
	p.sma.year.gift = p.sma.give(p.s.Give, t, p.mkt.Price)
	p.fund.year.gift = p.fund.give(p.s.Give, t)
	p.sma.year.gift.made, p.fund.year.gift.made = true, true
}

// give gives up to `amount` of the SMA's long-term lots at a gain, most
// appreciated first, and buys the shares back with the cash.
func (a *smaSide) give(amount float64, t int32, price []float64) giftFlows {
	h := &a.lots
	var cand []giftCandidate
	for i, b := range h.books {
		pr := price[i]
		for k, l := range b {
			if l.Basis < pr && lotbook.LongTerm(l.Step, t) {
				cand = append(cand, giftCandidate{int32(i), int32(k), 1 - l.Basis/pr})
			}
		}
	}
	// Largest gain per dollar first; ties in book order (deterministic).
	slices.SortFunc(cand, func(x, y giftCandidate) int {
		if c := cmp.Compare(y.gainShare, x.gainShare); c != 0 {
			return c
		}
		if c := cmp.Compare(x.stock, y.stock); c != 0 {
			return c
		}
		return cmp.Compare(x.lot, y.lot)
	})
	var g giftFlows
	given := make(map[int32]float64) // stock → value given
	for _, c := range cand {
		left := amount - g.value
		if left <= 0 {
			break
		}
		pr := price[c.stock]
		l := &h.books[c.stock][c.lot]
		q := math.Min(l.Shares, left/pr)
		g.value += q * pr
		g.gain += q * (pr - l.Basis)
		g.lots++
		given[c.stock] += q * pr
		l.Shares -= q
		h.shares[c.stock] -= q
	}
	if g.lots == 0 {
		return g
	}
	stocks := make([]int32, 0, len(given))
	for i := range given {
		stocks = append(stocks, i)
	}
	slices.Sort(stocks) // map order is random: buy back in stock order
	for _, i := range stocks {
		h.books[i] = slices.DeleteFunc(h.books[i], func(l lotbook.Lot) bool { return l.Shares <= 0 })
		v := given[i]
		cost := v * a.tc
		a.year.trading += cost
		a.value -= cost
		buy := v - cost
		pr := price[i]
		if h.lossStep[i] == t { // sold at a loss in this step: the substitute
			h.addSubstitute(i, buy, buy)
		} else {
			q := buy / pr
			h.books[i].Buy(q, pr, t)
			h.shares[i] += q
			h.buyStep[i] = t
		}
		h.maxB[i] = h.books[i].MaxBasis()
	}
	return g
}

// give gives up to `amount` of the fund's long-term shares at a gain,
// lowest basis (most appreciated) first, and buys as many back at the NAV.
func (f *fundSide) give(amount float64, t int32) giftFlows {
	var g giftFlows
	if f.nav <= 0 {
		return g
	}
	shares := 0.0
	for k := range f.book { // lowest basis first
		l := &f.book[k]
		left := amount - g.value
		if left <= 0 || l.Basis >= f.nav {
			break
		}
		if !lotbook.LongTerm(l.Step, t) {
			continue
		}
		q := math.Min(l.Shares, left/f.nav)
		g.value += q * f.nav
		g.gain += q * (f.nav - l.Basis)
		g.lots++
		shares += q
		l.Shares -= q
	}
	if g.lots > 0 {
		f.book = slices.DeleteFunc(f.book, func(l lotbook.Lot) bool { return l.Shares <= 0 })
		f.book.Buy(shares, f.nav, t)
	}
	return g
}

// giftDeductions records each strategy's charitable deduction of year y
// (zero when the investor does not itemize) with the year's gifts.
func (p *pathSim) giftDeductions(y int) {
	for _, a := range []*account{&p.sma.account, &p.fund.account} {
		a.year.gift.deduction = p.tx.charitableDeduction(a.qd, a.real.ST, a.real.LT+a.distLT, a.year.gift.value, a.cf)
	}
	yr := &p.years[y-1]
	s, f := &p.sma.year.gift, &p.fund.year.gift
	yr.GiftSMA, yr.GiftFund = s.value, f.value
	yr.GiftGainSMA, yr.GiftGainFund = s.gain, f.gain
	yr.GiftDedSMA, yr.GiftDedFund = s.deduction, f.deduction
	yr.GiftLotsSMA, yr.GiftLotsFund = float64(s.lots), float64(f.lots)
}
