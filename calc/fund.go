package calc

import (
	"math"

	"smacalc/calc/internal/lotbook"
)

// fundSide is the fund strategy: its account, its shares (units) at the
// NAV and their lots. The NAV follows the index's price (followIndex);
// the expense ratio is paid from the fund's dividend income (so only the
// rest is distributed and taxed — in effect deductible), any excess
// lowers the NAV; capital-gain distributions are long-term gains,
// reinvested.
type fundSide struct {
	account
	units, nav float64
	book       lotbook.Book
}

// value is the fund shares' market value.
func (f *fundSide) value() float64 { return f.units * f.nav }

// followIndex moves the NAV with the index, from idxPrev to idx, and
// books the growth.
func (f *fundSide) followIndex(idx, idxPrev float64) {
	navPrev := f.nav
	f.nav *= idx / idxPrev
	f.year.growth += f.units * (f.nav - navPrev)
}

func (f *fundSide) buy(cash float64, t int32) {
	if cash <= 0 {
		return
	}
	q := cash / f.nav
	f.book.Buy(q, f.nav, t)
	f.units += q
}

// cash invests cash (> 0) or raises −cash (< 0) by selling the
// highest-basis shares first.
func (f *fundSide) cash(cash float64, t int32) {
	if cash > 0 {
		f.buy(cash, t)
	} else if cash < 0 {
		q := math.Min(-cash/f.nav, f.units)
		f.book.SellHIFO(q, f.nav, t, &f.real)
		f.units -= q
		if len(f.book) == 0 {
			f.units = 0
		}
	}
}

// quarter takes the quarter's dividends (yield) and expenses (fee, a
// quarter's) and reinvests the net income. The fund pays its expenses from
// its income (so they are, in effect, deductible) and distributes the
// rest; expenses beyond the income lower the NAV.
func (f *fundSide) quarter(yield, fee float64, t int32) {
	v := f.value()
	fdiv := yield * v
	ffee := fee * v
	f.year.div += fdiv
	f.year.fees += ffee
	if net := fdiv - ffee; net >= 0 {
		f.qd += net
		f.buy(net, t)
	} else if v > 0 {
		f.nav *= 1 + net/v
	}
}

// distribute pays a capital-gain distribution of `dist` × NAV at the year
// end (long-term gains), reinvested.
func (f *fundSide) distribute(dist float64, t int32) {
	if dist > 0 && f.units > 0 {
		d := dist * f.units * f.nav
		f.nav -= d / f.units
		f.distLT += d
		f.buy(d, t)
	}
}

// unrealized returns the gains of selling every share at step t (donate:
// keeping the long-term lots at a gain).
func (f *fundSide) unrealized(t int32, donate bool) lotbook.Gains {
	var g lotbook.Gains
	f.book.Unrealized(f.nav, t, donate, &g)
	return g
}
