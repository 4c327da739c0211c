package tax

// IncomeF is Income in float64 dollars, for the Monte Carlo kernel.
type IncomeF struct {
	Wages, QualifiedDividends, ShortTermGain, LongTermGain float64
	// PropertyGift, CashGift and OtherItemized are as in Income.
	PropertyGift, CashGift, OtherItemized float64
}

// CarryforwardF is Carryforward in float64 dollars.
type CarryforwardF struct {
	ShortTerm, LongTerm float64
	// Gifts is the charitable carryover (see Carryforward).
	Gifts [GiftCarryYears]float64
}

// ReturnF is Return in float64 dollars (every amount a whole number of
// cents, exactly as the decimal path computes it).
type ReturnF struct {
	TaxableIncome, IncomeTax, AMT, NIIT, StateTax, LocalTax, Total float64
	Carryforward                                                   CarryforwardF
	MarginalOrdinaryRate, MarginalLTCGRate                         float64

	AdjustedGrossIncome, CapitalGain, NetInvestmentIncome, LossAgainstOrdinary float64
}

// ComputeF is Compute on float64 dollars, with the same rules and the same
// rounding. Amounts are rounded to the cent on the way in (NaN counts as 0,
// magnitudes beyond 10^13 dollars are clamped). It allocates only to look
// up the state's law (an Investor does that once).
func ComputeF(t *Table, s Status, st State, in IncomeF, cf CarryforwardF) ReturnF {
	l := newLaw(t, s, st)
	sh := l.compute(in.cents(), cf.cents())
	ordinary, longTerm := l.marginal(&sh)
	return ReturnF{
		TaxableIncome:        dollarsOf(sh.taxable),
		IncomeTax:            dollarsOf(sh.incomeTax),
		AMT:                  dollarsOf(sh.amt.amt),
		NIIT:                 dollarsOf(sh.niit),
		StateTax:             dollarsOf(sh.state),
		LocalTax:             dollarsOf(sh.local),
		Total:                dollarsOf(sh.total),
		Carryforward:         CarryforwardF{dollarsOf(sh.carry.shortTerm), dollarsOf(sh.carry.longTerm), sh.carry.gifts.giftsF()},
		MarginalOrdinaryRate: ordinary.Float(),
		MarginalLTCGRate:     longTerm.Float(),
		AdjustedGrossIncome:  dollarsOf(sh.agi),
		CapitalGain:          dollarsOf(sh.capitalGain),
		NetInvestmentIncome:  dollarsOf(sh.nii),
		LossAgainstOrdinary:  dollarsOf(sh.lossAgainstOrdinary),
	}
}
