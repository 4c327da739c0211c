package tax

// StateLaw is one jurisdiction's individual income tax for one tax year, as
// it applies to the household this package models: wages, qualified
// dividends and capital gains, the state's standard deduction or personal
// exemptions for a filer without dependents, no itemized deductions, no
// credits other than personal ones. It is data: every amount is typed from
// the state's instructions, tax rate schedules or statute named in Source.
type StateLaw struct {
	Code, Name string
	Year       int
	// Source names the documents the year's amounts come from.
	Source string
	// Projected is non-empty when the state had not published the year's
	// amounts: it says how they were derived from the previous year as the
	// state's law indexes them (the inflation factor used is an estimate).
	Projected string
	// Income is what the state taxes (see IncomeBase).
	Income IncomeBase
	// Gains is how capital gains and losses enter the state's income.
	Gains GainRule
	// LossLimit, when positive, replaces the federal §1211(b) limit on the
	// net capital loss deductible against other income (MA: 2,000); half of
	// it on a separate return, as the federal limit.
	LossLimit Dollars
	// FederalDeduction: the state starts from federal taxable income, so the
	// federal standard deduction is subtracted (in addition to the
	// schedule's Deduction).
	FederalDeduction bool
	// Schedules are the brackets and personal amounts by filing status.
	Schedules [statusCount]StateSchedule
	// Exclusion is the part of the net capital gain the state exempts.
	Exclusion GainExclusion
	// DividendExclusion is the share of qualified dividends the state
	// subtracts (ND: 40%).
	DividendExclusion Rate
	// PhaseOnAGI: phase-outs, cliffs, credits' and add-backs' steps and the
	// federal tax deduction's steps look at the state's AGI before the
	// capital gain and dividend exclusions (SC's SCIAD is phased out by AGI,
	// while the 44% capital gain deduction is taken from taxable income);
	// otherwise after them, as a subtraction in computing the state's AGI
	// (WI).
	PhaseOnAGI bool
	// GainRates taxes the net capital gain (after Exclusion) at its own
	// rates, stacked above the other taxable income (nil: ordinary rates).
	GainRates *GainRates
	// ShortTermExtra is added to the ordinary rate on net short-term gain
	// (MA: 8.5% − 5%).
	ShortTermExtra Rate
	// Surtax is an additional rate on taxable income above a threshold
	// (MA's 4% surtax, CA's 1% behavioral health services tax).
	Surtax Surtax
	// GainSurtax is an additional rate on the net capital gain when the
	// state's AGI exceeds a threshold (MD from 2025).
	GainSurtax Surtax
	// Recapture is New York's supplemental tax (Tax Law §601(d-1)).
	Recapture *Recapture
	// FederalTaxDeduction subtracts (part of) the federal income tax.
	FederalTaxDeduction *FederalTaxDeduction
	// Note says what is simplified for this state.
	Note string
}

// IncomeBase is what a state taxes.
type IncomeBase uint8

const (
	// NoIncomeTax: the state has no tax on wages, dividends or gains.
	NoIncomeTax IncomeBase = iota
	// AdjustedGross: wages, dividends and capital gains (the state's
	// adjusted gross income).
	AdjustedGross
	// DividendsOnly: interest and dividends (NH until 2024).
	DividendsOnly
	// LongTermGainsOnly: the year's net long-term capital gain (WA).
	LongTermGainsOnly
)

// GainRule is how capital gains and losses enter the state's income.
type GainRule uint8

const (
	// FollowFederal: the federal Schedule D result (Form 1040 line 7),
	// federal netting, loss limit and carryforward.
	FollowFederal GainRule = iota
	// GainsOnlyNoCarry: the year's net gain of all dispositions; a net loss
	// deducts nothing and is not carried forward (NJ, PA).
	GainsOnlyNoCarry
	// GainsExempt: net capital gain is subtracted in full; the federal loss
	// deduction still reduces income (MO from 2025).
	GainsExempt
)

// StateSchedule is one filing status's brackets and personal amounts.
type StateSchedule struct {
	// Brackets lists each bracket's lower edge and rate, lowest first; the
	// first edge is 0.
	Brackets []StateBracket
	// Deduction is the standard deduction plus personal exemptions of a
	// filer (two for a joint return) without dependents.
	Deduction Dollars
	// DeductionSteps replace Deduction once the state's AGI exceeds an
	// amount (cliffs and step tables: IL, MD, OH, CO).
	DeductionSteps []Step
	// DeductionPhaseOut reduces the deduction as income rises (WI, MN, RI).
	DeductionPhaseOut PhaseOut
	// Exemption is a personal exemption phased out on its own schedule
	// (ExemptionPhaseOut), separately from Deduction (ME).
	Exemption         Dollars
	ExemptionPhaseOut PhaseOut
	// Credit is a nonrefundable personal credit (CA exemption credit, UT
	// taxpayer credit, ...) and CreditPhaseOut how it shrinks.
	Credit         Dollars
	CreditPhaseOut PhaseOut
	// CreditShares is a personal credit that is a share of the tax (after
	// the AddBacks), set by the state's AGI: the Share of the last step
	// whose Over the AGI exceeds (CT Table E, C.G.S. §12-703).
	CreditShares []ShareStep
	// AddBacks are amounts of tax added back as income rises (CT's
	// phase-out of the lower rates and benefit recapture).
	AddBacks []PhaseOut
}

// StateBracket is a bracket's lower edge (taxable income) and rate.
type StateBracket struct {
	Over Dollars
	Rate Rate
}

// Step is an amount that applies once AGI exceeds Over.
type Step struct{ Over, Amount Dollars }

// ShareStep is a share that applies once AGI exceeds Over.
type ShareStep struct {
	Over  Dollars
	Share Rate
}

// PhaseOut reduces an amount (or, as an add-back, raises the tax) as the
// state's AGI exceeds Start: by Rate per dollar, or by PerStep for each
// Step of AGI or fraction of one. Above Start2 (when set) the rate per
// dollar is Rate2 (MN's 3% then 10%). Max bounds the reduction or
// add-back (a reduction is also bounded by the amount it reduces).
type PhaseOut struct {
	Start         Dollars
	Rate          Rate
	Start2        Dollars
	Rate2         Rate
	Step, PerStep Dollars
	Max           Dollars
}

// GainExclusion exempts Rate of the net capital gain, at least Min and at
// most Max dollars (0: no maximum), never more than the gain.
type GainExclusion struct {
	Rate     Rate
	Min, Max Dollars
}

// GainRates taxes the net capital gain at Rates, stacked above the other
// taxable income; Tops[status] are the upper edges of all but the last
// rate. Alternative: the tax is the smaller of this and the ordinary tax
// (HI's alternative capital gains tax).
type GainRates struct {
	Rates       []Rate
	Tops        [statusCount][]Dollars
	Alternative bool
}

// Surtax is Rate on the amount above Over[status].
type Surtax struct {
	Rate Rate
	Over [statusCount]Dollars
}

// Recapture is New York's supplemental tax: above an AGI of Start, the
// benefit of the lower brackets is recaptured, phased in over Width of
// AGI, bracket by bracket (IT-201 instructions, tax computation
// worksheets). First is the index of the bracket containing Start;
// brackets from First up to (not including) ByAGI are recaptured by where
// taxable income falls, brackets from ByAGI on by where AGI falls.
type Recapture struct {
	Start, Width Dollars
	First, ByAGI [statusCount]int
}

// FederalTaxDeduction subtracts Share of the federal income tax (regular
// tax plus AMT, plus the net investment income tax when IncludeNIIT), at
// most Cap (0: no cap); Steps set Share and Cap by the state's AGI: the
// last step whose Over the AGI exceeds, or reaches when AtLeast (OR's
// "$125,000 or more").
type FederalTaxDeduction struct {
	Steps       [statusCount][]FederalTaxStep
	IncludeNIIT bool
	AtLeast     bool
}

// FederalTaxStep is the deductible share and cap above an AGI.
type FederalTaxStep struct {
	Over  Dollars
	Share Rate
	Cap   Dollars
}
