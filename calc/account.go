package calc

import (
	"math"

	"smacalc/calc/internal/lotbook"
)

// longTerm reports whether a lot bought at step from and sold at step to
// is held long-term (IRC §1222; lotbook.LongTerm).
func longTerm(from, to int32) bool { return lotbook.LongTerm(from, to) }

// account is one strategy's bookkeeping for the current year and the
// path: its flows, its realized gains and income for the tax year, its
// carryforward and its totals.
type account struct {
	year    yearFlows // the current year's flows (start, end set at year end)
	total   PathStrategy
	real    lotbook.Gains // realized this tax year
	qd      float64       // qualified dividends this tax year
	distLT  float64       // capital-gain distributions this tax year (long-term)
	cf      carry
	contrib []float64 // actual contribution at the start of each year
}

// ranOut records that the strategy could not pay `unpaid` of its tax (the
// investor pays it from outside) and, the first time, the year it ran out.
func (a *account) ranOut(unpaid float64, year int) {
	a.total.Unpaid += unpaid
	if a.total.Depleted == 0 {
		a.total.Depleted = year
	}
}

func (a *account) reset(h int) {
	*a = account{contrib: a.contrib[:0]}
	for range h {
		a.contrib = append(a.contrib, 0)
	}
}

// yearTax is the account's tax for the tax year so far and the
// carryforward out.
func (a *account) yearTax(tx *taxer) (float64, carry) {
	return tx.portfolioTax(a.qd, a.real.ST, a.real.LT+a.distLT, a.year.gift.value, a.cf)
}

// endTax is the extra tax, over the year's `yearTax`, of realizing the
// unrealized gains u on top of the year's income.
func (a *account) endTax(tx *taxer, u lotbook.Gains, yearTax float64) float64 {
	r := a.real
	lt := r.LT + a.distLT
	all, _ := tx.portfolioTax(a.qd, r.ST+u.ST, lt+u.LT, a.year.gift.value, a.cf)
	return all - yearTax
}

// addYear adds the year's flows to the path's totals.
func (a *account) addYear() {
	a.total.Contrib += a.year.contrib
	a.total.Growth += a.year.growth
	a.total.Dividends += a.year.div
	a.total.Fees += a.year.fees
	a.total.Trading += a.year.trading
}

// nextYear starts a tax year with carryforward cf, from the year's end.
func (a *account) nextYear(cf carry) {
	a.year = yearFlows{start: a.year.end}
	a.real, a.qd, a.distLT = lotbook.Gains{}, 0, 0
	a.cf = cf
}

// settle works out one strategy's flows at the start of year y+1: the
// contribution actually made, the cash going into the portfolio (negative:
// out of it) and whether the portfolio runs out. `avail` is the cash that
// selling everything raises. When the tax due and the withdrawal need more
// than that, the tax comes first, the withdrawal is cut to what is left,
// and any tax still uncovered is recorded as unpaid (paid from outside).
func settle(acc *account, y int, want, tax, avail float64) (contrib, cash float64, out bool) {
	need := tax - want // cash the portfolio must raise
	if need <= 0 || need < avail {
		return want, -need, false
	}
	short := need - avail
	contrib = want
	if want < 0 {
		cut := math.Min(short, -want)
		contrib += cut
		short -= cut
	}
	acc.ranOut(short, y+1)
	return contrib, -avail, true
}

// payable is the part of the tax owed that a portfolio raising at most
// `most` can pay, due in year `due`; the rest is recorded as unpaid (the
// investor pays it from outside) and the portfolio as run out.
func payable(acc *account, tax, most float64, due int) float64 {
	if tax <= most {
		return tax
	}
	acc.ranOut(tax-most, due)
	return most
}
