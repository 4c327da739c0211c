package tax

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Income is one year of an investor's income, in dollars.
type Income struct {
	// Wages stands for all ordinary income other than short-term gains.
	Wages decimal.Decimal
	// QualifiedDividends are taxed at the capital-gain rates (§1(h)(11)).
	QualifiedDividends decimal.Decimal
	// ShortTermGain and LongTermGain are the year's NET realized gains of
	// each character (Schedule D lines 1–6 and 8–13 before carryovers); a
	// loss is negative. Capital-gain distributions are long-term whatever
	// the holding period of the fund shares (§852(b)(3)(B)), so they go in
	// LongTermGain.
	ShortTermGain, LongTermGain decimal.Decimal
	// PropertyGift is the fair market value of long-term appreciated
	// shares given to public charities this year, CashGift the cash given
	// to them, OtherItemized the other itemized deductions (taken as state
	// and local taxes in the AMT); see itemized.go. In a portfolio's part
	// of a return (Investor.PortfolioTax) CashGift may be negative: shares
	// given instead of cash the other income gives.
	PropertyGift, CashGift, OtherItemized decimal.Decimal
}

// Carryforward is a capital loss carried between years (§1212(b)), by
// character, as positive amounts, and the charitable contributions of
// appreciated property carried over (§170(d)(1)).
type Carryforward struct {
	ShortTerm, LongTerm decimal.Decimal
	// Gifts[0] is carried over from last year, Gifts[GiftCarryYears-1]
	// from five years ago (its last year of use).
	Gifts [GiftCarryYears]decimal.Decimal
}

// Return is one year's computed tax.
type Return struct {
	// TaxableIncome is Form 1040 line 15.
	TaxableIncome decimal.Decimal
	// IncomeTax is the regular federal income tax (Form 1040 line 16) from
	// the QDCG worksheet, before the NIIT.
	IncomeTax decimal.Decimal
	// AMT is the alternative minimum tax (Form 6251 line 11): the excess of
	// the tentative minimum tax over IncomeTax, zero for most returns.
	AMT decimal.Decimal
	// NIIT is the net investment income tax (§1411, Form 8960).
	NIIT decimal.Decimal
	// StateTax is the state income tax of the whole return (see State), or
	// a typed flat rate on the Income's dividends and gains; LocalTax the
	// optional local income tax (NYC). StateTaxableIncome is the state's
	// taxable income (zero for a flat rate).
	StateTax, LocalTax, StateTaxableIncome decimal.Decimal
	// Total is IncomeTax + AMT + NIIT + StateTax + LocalTax.
	Total decimal.Decimal
	// Carryforward is the capital loss carried to next year.
	Carryforward Carryforward
	// MarginalOrdinaryRate and MarginalLTCGRate are the federal rates
	// (income tax plus NIIT when it applies) on the next dollar of ordinary
	// income and of long-term gain, by rule (see the package doc).
	MarginalOrdinaryRate, MarginalLTCGRate float64

	// Deduction is what is deducted from the AGI (Form 1040 lines 12 and
	// 13): the standard deduction, with the non-itemizer's cash gift
	// deduction (NonItemizerDeduction, from 2026), or the itemized
	// deductions after the §68 reduction (ItemizedReduction) when
	// Itemizing. CharitableDeduction is the gifts deducted when
	// itemizing (zero otherwise), after the 0.5% floor (CharityFloor, from
	// 2026); see itemized.go.
	Deduction, NonItemizerDeduction, ItemizedReduction decimal.Decimal
	CharitableDeduction, CharityFloor                  decimal.Decimal
	Itemizing                                          bool

	// AdjustedGrossIncome is Form 1040 line 11, also the modified AGI of
	// §1411(d) (no foreign income exclusion is modelled).
	AdjustedGrossIncome decimal.Decimal
	// NetShortTerm, NetLongTerm and NetGain are Schedule D lines 7, 15 and
	// 16: the year's gains after the carryforward in, netted by character
	// and then together.
	NetShortTerm, NetLongTerm, NetGain decimal.Decimal
	// CapitalGain is Form 1040 line 7: the net gain, or the deductible net
	// loss (negative, at most the §1211(b) limit).
	CapitalGain decimal.Decimal
	// NetInvestmentIncome is Form 8960 line 12.
	NetInvestmentIncome decimal.Decimal
	// LossAgainstOrdinary is the part of the capital loss deduction that
	// actually offset other income (Capital Loss Carryover Worksheet line
	// 4); the rest of the year's net loss is carried forward.
	LossAgainstOrdinary decimal.Decimal
	// Worksheet is the Qualified Dividends and Capital Gain Tax Worksheet,
	// lines 1–25; CarryoverWorksheet the Capital Loss Carryover Worksheet,
	// lines 1–13, when the year ends with a net capital loss; AMTWorksheet
	// Form 6251 lines 1–11 (with Part III when there are qualified
	// dividends or net capital gain).
	Worksheet, CarryoverWorksheet, AMTWorksheet Worksheet
}

// Line is one line of a worksheet.
type Line struct {
	Number int
	Text   string
	Amount decimal.Decimal
}

// Worksheet is an IRS worksheet as computed, line by line.
type Worksheet []Line

// Line returns the amount on line n (zero if there is no such line).
func (w Worksheet) Line(n int) decimal.Decimal {
	for _, l := range w {
		if l.Number == n {
			return l.Amount
		}
	}
	return zeroCents()
}

// String prints the worksheet one numbered line per row, amounts aligned.
func (w Worksheet) String() string {
	var b strings.Builder
	for _, l := range w {
		fmt.Fprintf(&b, "%2d. %-44s %12s\n", l.Number, l.Text, l.Amount.StringFixed(2))
	}
	return b.String()
}

func (w *Worksheet) add(n int, text string, amount decimal.Decimal) decimal.Decimal {
	*w = append(*w, Line{n, text, amount})
	return amount
}

// dollars converts a table amount to a decimal. Every amount in the decimal
// path carries exponent −2 (cents), so additions and comparisons never
// rescale.
func dollars(d Dollars) decimal.Decimal { return decimal.New(int64(d)*100, -2) }

// zeroCents is 0 with the cents exponent.
func zeroCents() decimal.Decimal { return decimal.New(0, -2) }

func nonNegative(d decimal.Decimal) decimal.Decimal {
	if d.Sign() < 0 {
		return zeroCents()
	}
	return d
}

func smaller(a, b decimal.Decimal) decimal.Decimal {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

// times applies a rate to an amount and rounds the line to the cent.
func times(a decimal.Decimal, r Rate) decimal.Decimal { return a.Mul(r.Decimal()).Round(2) }

// scheduleTax is the tax on taxable income x from the ordinary rate
// schedule of §1(j)(2), bracket by bracket, rounded once to the cent.
// (The IRS Tax Table's $50 bands for incomes under $100,000 are not used:
// the exact schedule keeps the tax continuous.)
func scheduleTax(t *Table, s Status, x decimal.Decimal) decimal.Decimal {
	tax := zeroCents()
	lower := zeroCents()
	for i, rate := range t.OrdinaryRates {
		if x.Cmp(lower) <= 0 {
			break
		}
		upper := x
		if i < len(t.Schedules[s].BracketTops) {
			upper = smaller(x, dollars(t.Schedules[s].BracketTops[i]))
		}
		tax = tax.Add(upper.Sub(lower).Mul(rate.Decimal()))
		if i < len(t.Schedules[s].BracketTops) {
			lower = dollars(t.Schedules[s].BracketTops[i])
		}
	}
	return tax.Round(2)
}

// Compute computes one year's return: federal income tax with the
// Qualified Dividends and Capital Gain Tax Worksheet, the NIIT, the state
// tax on the capital and dividend income in `in`, and the capital loss
// carried out. Amounts are rounded to the cent on the way in; wages,
// dividends and carryforwards below zero count as zero. Each computed line
// is rounded to the cent (half away from zero).
func Compute(t *Table, s Status, st State, in Income, cf Carryforward) Return {
	l := newLaw(t, s, st) // validates t and s; supplies the rates
	return l.computeDecimal(t, s, in, cf)
}

// computeDecimal is Compute with the year's law already converted (an
// Investor converts it once).
func (l *law) computeDecimal(t *Table, s Status, in Income, cf Carryforward) Return {
	sch := t.Schedules[s]
	var r Return
	wages := nonNegative(in.Wages.Round(2))
	dividends := nonNegative(in.QualifiedDividends.Round(2))
	carryShort, carryLong := nonNegative(cf.ShortTerm.Round(2)), nonNegative(cf.LongTerm.Round(2))

	// Schedule D: short-term gains net with short-term losses and the
	// short-term carryover (line 7), long-term likewise (line 15), then the
	// two nets together (line 16) (§1222).
	r.NetShortTerm = in.ShortTermGain.Round(2).Sub(carryShort)
	r.NetLongTerm = in.LongTermGain.Round(2).Sub(carryLong)
	r.NetGain = r.NetShortTerm.Add(r.NetLongTerm)

	// Form 1040 line 7: a net loss is deductible only up to the §1211(b)
	// limit (Schedule D line 21).
	allowedLoss := zeroCents()
	if r.NetGain.Sign() >= 0 {
		r.CapitalGain = r.NetGain
	} else {
		allowedLoss = smaller(dollars(sch.CapitalLossLimit), r.NetGain.Neg())
		r.CapitalGain = allowedLoss.Neg()
	}

	r.AdjustedGrossIncome = wages.Add(dividends).Add(r.CapitalGain)
	// The deduction (itemized.go): standard, or itemized when larger.
	gifts := incomeCents{
		propertyGift:  centsOfDecimal(in.PropertyGift.Round(2)),
		cashGift:      centsOfDecimal(in.CashGift.Round(2)),
		otherItemized: centsOfDecimal(in.OtherItemized.Round(2)),
	}
	var giftsIn carryCents
	for k, g := range cf.Gifts {
		giftsIn.gifts[k] = max(0, centsOfDecimal(g.Round(2)))
	}
	ded := l.deductions(centsOfDecimal(r.AdjustedGrossIncome), gifts, giftsIn)
	r.Deduction = decimal.New(ded.taken, -2)
	r.Itemizing = ded.itemizing
	r.NonItemizerDeduction, r.ItemizedReduction = zeroCents(), zeroCents()
	r.CharitableDeduction, r.CharityFloor = zeroCents(), zeroCents()
	if ded.itemizing {
		r.ItemizedReduction = decimal.New(ded.cap68, -2)
		r.CharitableDeduction, r.CharityFloor = decimal.New(ded.charitable, -2), decimal.New(ded.floor, -2)
	} else {
		r.NonItemizerDeduction = decimal.New(ded.nonItemizer, -2)
	}
	taxableRaw := r.AdjustedGrossIncome.Sub(r.Deduction) // §63(a),(b)
	r.TaxableIncome = nonNegative(taxableRaw)

	r.carryover(taxableRaw, allowedLoss)
	for k, c := range ded.carry {
		r.Carryforward.Gifts[k] = decimal.New(c, -2)
	}
	r.qualifiedDividendsWorksheet(t, s, dividends)

	// Net investment income tax, §1411(a)(1): NIIT rate × the smaller of
	// net investment income and MAGI over the threshold. NII is the
	// dividends plus the capital gain or loss included in income (Form 8960
	// lines 2 and 5a, the latter being Form 1040 line 7, so up to the
	// §1211(b) limit of net loss offsets dividends; Treas. Reg. §1.1411-4(d)),
	// never below zero (line 12).
	niiRaw := dividends.Add(r.CapitalGain)
	r.NetInvestmentIncome = nonNegative(niiRaw)
	overThreshold := r.AdjustedGrossIncome.Sub(dollars(sch.NIITThreshold))
	r.NIIT = times(nonNegative(smaller(r.NetInvestmentIncome, overThreshold)), t.NIITRate)

	// Marginal rates come from the same rule as the float path, applied to
	// this return's lines (converted to cents, exact for any realistic
	// amount).
	sh := sheet{
		netLong:         centsOfDecimal(r.NetLongTerm),
		net:             centsOfDecimal(r.NetGain),
		agi:             centsOfDecimal(r.AdjustedGrossIncome),
		taxableRaw:      centsOfDecimal(taxableRaw),
		taxable:         centsOfDecimal(r.TaxableIncome),
		ordinaryTaxable: centsOfDecimal(r.Worksheet.Line(5)),
		allOrdinary:     len(r.Worksheet) > 0 && r.Worksheet.Line(24).Cmp(r.Worksheet.Line(23)) < 0,
		nii:             centsOfDecimal(r.NetInvestmentIncome),
		niiRaw:          centsOfDecimal(niiRaw),
	}
	if len(r.Worksheet) == 0 {
		sh.ordinaryTaxable = sh.taxable
	}
	// The AMT and the state tax are computed on the same lines in cents
	// (exact: every line is a whole number of cents), so both paths share
	// one implementation of them.
	sh.capitalGain, sh.netShort = centsOfDecimal(r.CapitalGain), centsOfDecimal(r.NetShortTerm)
	sh.allowedLoss = centsOfDecimal(allowedLoss)
	sh.incomeTax = centsOfDecimal(r.IncomeTax)
	preferential := centsOfDecimal(r.Worksheet.Line(4))
	sh.setDeduction(&ded)
	sh.amt = l.alternativeMinimumTax(sh.agi-ded.amt, sh.ordinaryTaxable, preferential, sh.incomeTax)
	r.AMT = decimal.New(sh.amt.amt, -2)
	r.AMTWorksheet = l.form6251(sh.taxableRaw, ded.taken-ded.amt, ded.itemizing, sh.amt, sh.ordinaryTaxable, preferential, sh.incomeTax)
	// The NIIT in cents as the float path computes it (a state may deduct
	// it with the federal income tax: AL).
	sh.niit = applyRate(max(0, min(sh.nii, sh.agi-l.niitThreshold)), l.niit)
	yearGains := incomeCents{shortTerm: centsOfDecimal(in.ShortTermGain.Round(2)), longTerm: centsOfDecimal(in.LongTermGain.Round(2))}
	l.stateTax(&sh, yearGains, centsOfDecimal(dividends), centsOfDecimal(wages))
	r.StateTax, r.LocalTax = decimal.New(sh.state, -2), decimal.New(sh.local, -2)
	r.StateTaxableIncome = decimal.New(sh.stateTaxable, -2)
	r.Total = r.IncomeTax.Add(r.AMT).Add(r.NIIT).Add(r.StateTax).Add(r.LocalTax)

	ordinary, longTerm := l.marginal(&sh)
	r.MarginalOrdinaryRate, r.MarginalLTCGRate = ordinary.Float(), longTerm.Float()
	return r
}

// carryover fills the Capital Loss Carryover Worksheet (Schedule D
// instructions) when the year ends with a net capital loss. §1212(b)(1)
// carries the excess of net short-term loss over net long-term gain as
// short-term and the excess of net long-term loss over net short-term gain
// as long-term; §1212(b)(2) treats the loss deducted against other income
// (only as much of it as gave a benefit: line 4) as a short-term gain, so
// it is taken out of the short-term loss first.
func (r *Return) carryover(taxableRaw, allowedLoss decimal.Decimal) {
	r.Carryforward = Carryforward{ShortTerm: zeroCents(), LongTerm: zeroCents()}
	r.LossAgainstOrdinary = zeroCents()
	if r.NetGain.Sign() >= 0 {
		return
	}
	w := &r.CarryoverWorksheet
	l1 := w.add(1, "Taxable income (may be negative)", taxableRaw)
	l2 := w.add(2, "Capital loss deducted (Sch. D line 21)", allowedLoss)
	l3 := w.add(3, "Add lines 1 and 2 (not below 0)", nonNegative(l1.Add(l2)))
	l4 := w.add(4, "Smaller of line 2 or line 3", smaller(l2, l3))
	l5 := w.add(5, "Short-term loss (Sch. D line 7)", nonNegative(r.NetShortTerm.Neg()))
	l6 := w.add(6, "Long-term gain (Sch. D line 15)", nonNegative(r.NetLongTerm))
	l7 := w.add(7, "Add lines 4 and 6", l4.Add(l6))
	l8 := w.add(8, "Short-term carryover: line 5 - line 7", nonNegative(l5.Sub(l7)))
	l9 := w.add(9, "Long-term loss (Sch. D line 15)", nonNegative(r.NetLongTerm.Neg()))
	l10 := w.add(10, "Short-term gain (Sch. D line 7)", nonNegative(r.NetShortTerm))
	l11 := w.add(11, "Line 4 - line 5 (not below 0)", nonNegative(l4.Sub(l5)))
	l12 := w.add(12, "Add lines 10 and 11", l10.Add(l11))
	l13 := w.add(13, "Long-term carryover: line 9 - line 12", nonNegative(l9.Sub(l12)))
	r.LossAgainstOrdinary = l4
	r.Carryforward = Carryforward{ShortTerm: l8, LongTerm: l13}
}

// qualifiedDividendsWorksheet computes the regular tax with the Qualified
// Dividends and Capital Gain Tax Worksheet (Form 1040 instructions, line
// 16), which implements §1(h): qualified dividends and net capital gain are
// stacked on top of ordinary taxable income and taxed at 0%, 15% and 20% by
// where they fall; line 25 keeps the tax at most the all-ordinary tax.
func (r *Return) qualifiedDividendsWorksheet(t *Table, s Status, dividends decimal.Decimal) {
	sch := t.Schedules[s]
	netCapitalGain := zeroCents() // §1(h)(3): net LT gain over net ST loss
	if r.NetLongTerm.Sign() > 0 && r.NetGain.Sign() > 0 {
		netCapitalGain = smaller(r.NetLongTerm, r.NetGain)
	}
	if dividends.Sign() == 0 && netCapitalGain.Sign() == 0 {
		r.IncomeTax = scheduleTax(t, s, r.TaxableIncome) // no preferential income: Tax Computation Worksheet
		return
	}
	pct := func(rate Rate) string { return rate.Decimal().Shift(2).String() + "%" }
	w := &r.Worksheet
	l1 := w.add(1, "Taxable income", r.TaxableIncome)
	l2 := w.add(2, "Qualified dividends", dividends)
	l3 := w.add(3, "Net capital gain (Sch. D line 15 or 16)", netCapitalGain)
	l4 := w.add(4, "Add lines 2 and 3", l2.Add(l3))
	l5 := w.add(5, "Line 1 - line 4: ordinary (not below 0)", nonNegative(l1.Sub(l4)))
	l6 := w.add(6, "Top of the 0% rate", dollars(sch.ZeroRateTop))
	l7 := w.add(7, "Smaller of line 1 or line 6", smaller(l1, l6))
	l8 := w.add(8, "Smaller of line 5 or line 7", smaller(l5, l7))
	l9 := w.add(9, "Line 7 - line 8: taxed at 0%", l7.Sub(l8))
	l10 := w.add(10, "Smaller of line 1 or line 4", smaller(l1, l4))
	l11 := w.add(11, "Amount from line 9", l9)
	l12 := w.add(12, "Line 10 - line 11", l10.Sub(l11))
	l13 := w.add(13, "Top of the 15% rate", dollars(sch.FifteenRateTop))
	l14 := w.add(14, "Smaller of line 1 or line 13", smaller(l1, l13))
	l15 := w.add(15, "Add lines 5 and 9", l5.Add(l9))
	l16 := w.add(16, "Line 14 - line 15 (not below 0)", nonNegative(l14.Sub(l15)))
	l17 := w.add(17, "Smaller of line 12 or line 16: taxed at "+pct(t.FifteenRate), smaller(l12, l16))
	l18 := w.add(18, "Line 17 × "+pct(t.FifteenRate), times(l17, t.FifteenRate))
	l19 := w.add(19, "Add lines 9 and 17", l9.Add(l17))
	l20 := w.add(20, "Line 10 - line 19: taxed at "+pct(t.TwentyRate), l10.Sub(l19))
	l21 := w.add(21, "Line 20 × "+pct(t.TwentyRate), times(l20, t.TwentyRate))
	l22 := w.add(22, "Tax on line 5 (rate schedule)", scheduleTax(t, s, l5))
	l23 := w.add(23, "Add lines 18, 21 and 22", l18.Add(l21).Add(l22))
	l24 := w.add(24, "Tax on line 1 (rate schedule)", scheduleTax(t, s, l1))
	r.IncomeTax = w.add(25, "Tax: smaller of line 23 or line 24", smaller(l23, l24))
}

// centsOfDecimal converts an amount (already a whole number of cents) to
// int64 cents, clamped like the float path's inputs.
func centsOfDecimal(d decimal.Decimal) int64 {
	limit := decimal.New(maxDollars*100, -2)
	switch {
	case d.Cmp(limit) > 0:
		d = limit
	case d.Cmp(limit.Neg()) < 0:
		d = limit.Neg()
	}
	return d.Shift(2).IntPart()
}
