package calc

import (
	"smacalc/calc/scenario"
	"smacalc/calc/tax"
)

// carry is a capital-loss carryforward by character (positive amounts)
// and the charitable carryover of gifts of shares beyond the AGI limit
// (tax.CarryforwardF.Gifts; give.go).
type carry struct {
	st, lt float64
	gifts  [tax.GiftCarryYears]float64
}

func (c carry) total() float64 { return c.st + c.lt }

// taxer computes a strategy's yearly tax as the incremental tax over the
// investor's other income: the whole return (federal income tax, AMT,
// NIIT, state and local income tax) with the portfolio's dividends and net
// gains added to the wages and outside gains, minus the return without the
// portfolio. The state's law is converted once per scenario (in the
// Investor), so a year's tax stays a few hundred nanoseconds. The
// carryforward is the combined return's, so outside gains use harvested
// losses (that is where harvesting is worth the most).
type taxer struct{ inv *tax.Investor }

func newTaxer(s scenario.Scenario) (*taxer, error) {
	t, err := tax.For(s.Year)
	if err != nil {
		return nil, err
	}
	st, err := tax.ParseStatus(s.Status)
	if err != nil {
		return nil, err
	}
	// A typed rate replaces the state's law (and any local tax); otherwise
	// the state's law for the year, with the local tax if chosen.
	state := tax.FlatState(s.StateRate)
	if !s.HasStateRate {
		if state, err = tax.StatePreset(s.State); err != nil {
			return nil, err
		}
		if state, err = state.WithLocal(s.Local); err != nil {
			return nil, err
		}
	}
	// The investor gives "give" in cash (give.go: a portfolio's gift of
	// shares replaces part of it) and deducts "itemized" besides.
	other := tax.IncomeF{Wages: s.Wages, ShortTermGain: s.STGains, LongTermGain: s.LTGains,
		CashGift: s.Give, OtherItemized: s.Itemized}
	return &taxer{inv: tax.NewInvestor(t, st, state, other)}, nil
}

// portfolioTax returns the tax on a year's portfolio income (qualified
// dividends, net short- and long-term gains, the value of the shares
// given to charity in place of cash: give.go) given the carryforward in,
// and the carryforward out. Negative tax is a saving.
func (t *taxer) portfolioTax(qd, st, lt, gift float64, cf carry) (float64, carry) {
	due, out := t.inv.PortfolioTaxF(portfolioIncome(qd, st, lt, gift), cf.taxCarry())
	return due, carry{out.ShortTerm, out.LongTerm, out.Gifts}
}

// charitableDeduction is the charitable deduction of the return with the
// portfolio's income (portfolioTax's arguments): 0 when not itemizing.
func (t *taxer) charitableDeduction(qd, st, lt, gift float64, cf carry) float64 {
	return t.inv.CharitableDeductionF(portfolioIncome(qd, st, lt, gift), cf.taxCarry())
}

// portfolioIncome is a portfolio's part of the return: shares worth gift
// given in place of as much of the investor's cash gift.
func portfolioIncome(qd, st, lt, gift float64) tax.IncomeF {
	return tax.IncomeF{QualifiedDividends: qd, ShortTermGain: st, LongTermGain: lt, PropertyGift: gift, CashGift: -gift}
}

func (cf carry) taxCarry() tax.CarryforwardF {
	return tax.CarryforwardF{ShortTerm: cf.st, LongTerm: cf.lt, Gifts: cf.gifts}
}
