package tax

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Investor is an investor's tax situation apart from the portfolio: a year's
// table, a filing status, a state and the other income (wages, outside
// gains). It prices a portfolio's year as the incremental tax
//
//	tax(return with the portfolio's results) − tax(return without them)
//
// so harvested losses are valued at the rates they really displace:
// ordinary rates when they offset short-term gains or the §1211(b)
// deduction, preferential rates when they offset long-term gains, nothing
// this year when they only grow the carryforward. The return without the
// portfolio is computed once, in NewInvestor. An Investor is immutable and
// safe for concurrent use.
type Investor struct {
	table  Table
	status Status
	state  State

	law          law
	otherCents   incomeCents
	withoutTotal int64  // cents
	without      Return // decimal twin of the return without the portfolio
}

// NewInvestor precomputes the return of the other income alone (with no
// carryforward).
func NewInvestor(t *Table, s Status, st State, other IncomeF) *Investor {
	l := newLaw(t, s, st) // validates t and s
	inv := &Investor{law: l, table: *t, status: s, state: st}
	inv.otherCents = other.cents()
	inv.withoutTotal = inv.law.compute(inv.otherCents, carryCents{}).total
	inv.without = inv.law.computeDecimal(&inv.table, s, inv.otherDecimal(), Carryforward{})
	return inv
}

// otherDecimal is the other income as decimals, rounded to the cent as the
// float path rounds it.
func (inv *Investor) otherDecimal() Income {
	return Income{
		Wages:              decimal.New(inv.otherCents.wages, -2),
		QualifiedDividends: decimal.New(inv.otherCents.dividends, -2),
		ShortTermGain:      decimal.New(inv.otherCents.shortTerm, -2),
		LongTermGain:       decimal.New(inv.otherCents.longTerm, -2),
		PropertyGift:       decimal.New(inv.otherCents.propertyGift, -2),
		CashGift:           decimal.New(inv.otherCents.cashGift, -2),
		OtherItemized:      decimal.New(inv.otherCents.otherItemized, -2),
	}
}

// PortfolioTaxF returns the portfolio's tax for the year — federal income
// tax, NIIT and state tax of the return with the other income plus the
// portfolio's results and the carryforward cf, minus that of the other
// income alone with no carryforward — and the carryforward out. The tax is
// negative when the portfolio's losses reduce the tax on the other income.
// It does not allocate.
func (inv *Investor) PortfolioTaxF(portfolio IncomeF, cf CarryforwardF) (float64, CarryforwardF) {
	sh := inv.law.compute(inv.otherCents.plus(portfolio.cents()), cf.cents())
	return dollarsOf(sh.total - inv.withoutTotal),
		CarryforwardF{dollarsOf(sh.carry.shortTerm), dollarsOf(sh.carry.longTerm), sh.carry.gifts.giftsF()}
}

// CharitableDeductionF is the charitable deduction of the return with the
// portfolio (PortfolioTaxF's arguments): the gifts deducted when the
// investor itemizes, 0 when they take the standard deduction (see
// itemized.go).
func (inv *Investor) CharitableDeductionF(portfolio IncomeF, cf CarryforwardF) float64 {
	sh := inv.law.compute(inv.otherCents.plus(portfolio.cents()), cf.cents())
	if !sh.itemizing {
		return 0
	}
	return dollarsOf(sh.charitable)
}

// PortfolioTax is the decimal twin of PortfolioTaxF, with both returns in
// full for the ledger.
type PortfolioTax struct {
	With, Without Return
	// Tax is With.Total − Without.Total.
	Tax decimal.Decimal
	// Carryforward is With.Carryforward, carried to next year.
	Carryforward Carryforward
}

// PortfolioTax computes the portfolio's tax on decimals (see PortfolioTaxF).
func (inv *Investor) PortfolioTax(portfolio Income, cf Carryforward) PortfolioTax {
	o := inv.otherDecimal()
	combined := Income{
		Wages:              o.Wages.Add(portfolio.Wages.Round(2)),
		QualifiedDividends: o.QualifiedDividends.Add(portfolio.QualifiedDividends.Round(2)),
		ShortTermGain:      o.ShortTermGain.Add(portfolio.ShortTermGain.Round(2)),
		LongTermGain:       o.LongTermGain.Add(portfolio.LongTermGain.Round(2)),
		PropertyGift:       o.PropertyGift.Add(portfolio.PropertyGift.Round(2)),
		CashGift:           o.CashGift.Add(portfolio.CashGift.Round(2)),
		OtherItemized:      o.OtherItemized.Add(portfolio.OtherItemized.Round(2)),
	}
	with := inv.law.computeDecimal(&inv.table, inv.status, combined, cf)
	without := inv.without
	without.Worksheet = slices.Clone(without.Worksheet) // the caller owns its copy
	without.CarryoverWorksheet = slices.Clone(without.CarryoverWorksheet)
	return PortfolioTax{
		With:         with,
		Without:      without,
		Tax:          with.Total.Sub(inv.without.Total),
		Carryforward: with.Carryforward,
	}
}
