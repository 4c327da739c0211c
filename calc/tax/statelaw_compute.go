package tax

import (
	"fmt"
	"math"
)

// stateCents is a StateLaw for one status, converted to cents once.
type stateCents struct {
	income      IncomeBase
	gains       GainRule
	lossLimit   int64 // cents; 0: the federal limit
	fedDed      int64 // federal standard deduction, cents (FederalDeduction)
	nb          int
	over        [maxStateBrackets]int64
	rate        [maxStateBrackets]Rate
	floors      [maxStateBrackets]int64 // tax at each lower edge, cent-millionths
	deduction   int64
	steps       []Step
	dedPhase    PhaseOut
	exemption   int64
	exPhase     PhaseOut
	credit      int64
	creditPhase PhaseOut
	shares      []ShareStep
	addBacks    []PhaseOut
	exclusion   GainExclusion
	divExcl     Rate
	phaseOnAGI  bool
	gainRates   *GainRates
	gainTops    []Dollars
	shortExtra  Rate
	surtax      Rate
	surtaxOver  int64
	gainSurtax  Rate
	gainSurOver int64
	recapture   *Recapture
	recFirst    int
	recByAGI    int
	fedTax      []FederalTaxStep
	fedNIIT     bool
	fedAtLeast  bool
}

// maxStateBrackets bounds a schedule's brackets (HI has 12).
const maxStateBrackets = 14

func newStateCents(sl *StateLaw, t *Table, s Status) *stateCents {
	sch := &sl.Schedules[s]
	c := &stateCents{
		income:      sl.Income,
		gains:       sl.Gains,
		lossLimit:   int64(sl.LossLimit) * 100,
		deduction:   int64(sch.Deduction) * 100,
		steps:       sch.DeductionSteps,
		dedPhase:    sch.DeductionPhaseOut,
		exemption:   int64(sch.Exemption) * 100,
		exPhase:     sch.ExemptionPhaseOut,
		credit:      int64(sch.Credit) * 100,
		creditPhase: sch.CreditPhaseOut,
		shares:      sch.CreditShares,
		addBacks:    sch.AddBacks,
		exclusion:   sl.Exclusion,
		divExcl:     sl.DividendExclusion,
		phaseOnAGI:  sl.PhaseOnAGI,
		gainRates:   sl.GainRates,
		shortExtra:  sl.ShortTermExtra,
		surtax:      sl.Surtax.Rate,
		surtaxOver:  int64(sl.Surtax.Over[s]) * 100,
		gainSurtax:  sl.GainSurtax.Rate,
		gainSurOver: int64(sl.GainSurtax.Over[s]) * 100,
		recapture:   sl.Recapture,
	}
	if sl.FederalDeduction {
		c.fedDed = int64(t.Schedules[s].StandardDeduction) * 100
	}
	if s == MarriedSeparate {
		c.lossLimit /= 2
	}
	if sl.GainRates != nil {
		c.gainTops = sl.GainRates.Tops[s]
	}
	if sl.Recapture != nil {
		c.recFirst, c.recByAGI = sl.Recapture.First[s], sl.Recapture.ByAGI[s]
	}
	if sl.FederalTaxDeduction != nil {
		c.fedTax = sl.FederalTaxDeduction.Steps[s]
		c.fedNIIT, c.fedAtLeast = sl.FederalTaxDeduction.IncludeNIIT, sl.FederalTaxDeduction.AtLeast
	}
	if len(sch.Brackets) > maxStateBrackets {
		panic(fmt.Sprintf("tax: %s %d has %d brackets", sl.Code, sl.Year, len(sch.Brackets)))
	}
	c.nb = len(sch.Brackets)
	for i, b := range sch.Brackets {
		c.over[i], c.rate[i] = int64(b.Over)*100, b.Rate
		if i > 0 {
			c.floors[i] = c.floors[i-1] + (c.over[i]-c.over[i-1])*int64(c.rate[i-1])
		}
	}
	return c
}

// bracketTax is the tax on x cents from the brackets, rounded once.
func (c *stateCents) bracketTax(x int64) int64 {
	if x <= 0 || c.nb == 0 {
		return 0
	}
	i := c.nb - 1
	for i > 0 && x <= c.over[i] {
		i--
	}
	return roundMillionths(x-c.over[i], c.rate[i], c.floors[i])
}

// bracketOf is the index of the bracket containing x (upper edges inclusive).
func (c *stateCents) bracketOf(x int64) int {
	i := c.nb - 1
	for i > 0 && x <= c.over[i] {
		i--
	}
	return i
}

// reduction is what a phase-out takes off an amount (or, for an add-back,
// adds to the tax) at AGI agi, in cents.
func (p PhaseOut) reduction(agi int64) int64 {
	over := agi - int64(p.Start)*100
	if over <= 0 || (p.Rate == 0 && p.PerStep == 0) {
		return 0
	}
	var r int64
	switch start2 := int64(p.Start2) * 100; {
	case p.Step > 0:
		step := int64(p.Step) * 100
		r = (over + step - 1) / step * int64(p.PerStep) * 100
	case p.Start2 > 0 && agi > start2:
		r = applyRate(start2-int64(p.Start)*100, p.Rate) + applyRate(agi-start2, p.Rate2)
	default:
		r = applyRate(over, p.Rate)
	}
	if p.Max > 0 {
		r = min(r, int64(p.Max)*100)
	}
	return r
}

// stateIn is what the state computation needs of the federal return.
type stateIn struct {
	wages, dividends       int64
	yearShort, yearLong    int64 // the year's gains before any carryforward
	netShort, netLong, net int64 // Schedule D lines 7, 15, 16
	capitalGain            int64 // Form 1040 line 7
	federalIncomeTax       int64 // regular tax + AMT
	niit                   int64 // Form 8960 line 17
	federalDeduction       int64 // Form 1040 lines 12 + 13: standard or itemized (itemized.go)
}

// stateOut is the state's taxable income and tax, in cents.
type stateOut struct {
	agi, taxable, tax int64
}

// compute is the state's tax on one return.
func (c *stateCents) compute(in *stateIn) stateOut {
	var o stateOut
	switch c.income {
	case NoIncomeTax:
		return o
	case DividendsOnly:
		o.agi = in.dividends
		o.taxable = max(0, o.agi-c.deduction)
		o.tax = c.bracketTax(o.taxable)
		return o
	case LongTermGainsOnly:
		o.agi = max(0, in.yearLong)
		o.taxable = max(0, o.agi-c.deduction)
		o.tax = c.bracketTax(o.taxable)
		return o
	}

	// The state's capital gain income and net capital gain.
	var gain, ncg, shortBase int64
	switch c.gains {
	case GainsOnlyNoCarry:
		n := in.yearShort + in.yearLong
		gain = max(0, n)
		ncg = max(0, min(in.yearLong, n))
		shortBase = gain - ncg
	default:
		gain = in.capitalGain
		if in.net >= 0 {
			ncg = max(0, min(in.netLong, in.net))
			shortBase = in.net - ncg
		} else if c.lossLimit > 0 {
			gain = -min(c.lossLimit, -in.net)
		}
		if c.gains == GainsExempt {
			gain, ncg, shortBase = min(0, gain), 0, 0
		}
	}
	o.agi = in.wages + in.dividends + gain

	// Exclusion of part of the net capital gain.
	excl := int64(0)
	if ncg > 0 && (c.exclusion.Rate > 0 || c.exclusion.Min > 0) {
		excl = max(applyRate(ncg, c.exclusion.Rate), int64(c.exclusion.Min)*100)
		if c.exclusion.Max > 0 {
			excl = min(excl, int64(c.exclusion.Max)*100)
		}
		excl = min(excl, ncg)
	}

	// The share of qualified dividends excluded (ND).
	divExcl := applyRate(in.dividends, c.divExcl)

	// Phase-outs, cliffs and the federal tax deduction's steps look at the
	// state's AGI: after the capital gain exclusion (a subtraction in
	// computing it, as in WI), unless the state phases out by AGI before it.
	phaseAGI := o.agi - excl - divExcl
	if c.phaseOnAGI {
		phaseAGI = o.agi
	}
	base := c.deduction
	for _, st := range c.steps {
		if phaseAGI > int64(st.Over)*100 {
			base = int64(st.Amount) * 100
		}
	}
	if base > 0 {
		base = max(0, base-c.dedPhase.reduction(phaseAGI))
	}
	exemption := c.exemption
	if exemption > 0 {
		exemption = max(0, exemption-c.exPhase.reduction(phaseAGI))
	}
	// A state that starts from federal taxable income (FederalDeduction)
	// takes the federal deduction as taken: the standard deduction, or the
	// itemized deductions of a household that itemizes.
	fedDed := c.fedDed
	if fedDed > 0 {
		fedDed = in.federalDeduction
	}
	ded := base + exemption + fedDed

	fedTaxDed := int64(0)
	fedTax := in.federalIncomeTax
	if c.fedNIIT {
		fedTax += in.niit
	}
	for _, st := range c.fedTax {
		over := int64(st.Over) * 100
		if phaseAGI > over || st.Over == 0 || c.fedAtLeast && phaseAGI == over {
			fedTaxDed = applyRate(fedTax, st.Share)
			if st.Cap > 0 {
				fedTaxDed = min(fedTaxDed, int64(st.Cap)*100)
			}
		}
	}

	o.taxable = max(0, o.agi-excl-divExcl-ded-fedTaxDed)
	if c.gainRates != nil {
		pref := min(o.taxable, ncg-excl)
		ordinary := o.taxable - pref
		t := c.bracketTax(ordinary) + c.stackedGainTax(ordinary, pref)
		if !c.gainRates.Alternative || t < c.bracketTax(o.taxable) {
			o.tax = t
		} else {
			o.tax = c.bracketTax(o.taxable)
		}
	} else {
		o.tax = c.bracketTax(o.taxable)
	}
	if c.recapture != nil {
		o.tax = c.recaptured(o.tax, o.taxable, phaseAGI)
	}
	if c.shortExtra > 0 && shortBase > 0 {
		o.tax += applyRate(min(shortBase, o.taxable), c.shortExtra)
	}
	if c.surtax > 0 && o.taxable > c.surtaxOver {
		o.tax += applyRate(o.taxable-c.surtaxOver, c.surtax)
	}
	if c.gainSurtax > 0 && o.agi > c.gainSurOver && ncg > 0 {
		o.tax += applyRate(ncg, c.gainSurtax)
	}
	for _, a := range c.addBacks {
		o.tax += a.reduction(phaseAGI)
	}
	if len(c.shares) > 0 {
		var share Rate
		for _, st := range c.shares {
			if phaseAGI > int64(st.Over)*100 {
				share = st.Share
			}
		}
		o.tax -= applyRate(o.tax, share)
	}
	credit := max(0, c.credit-c.creditPhase.reduction(phaseAGI))
	o.tax = max(0, o.tax-credit)
	return o
}

// stackedGainTax is the tax on pref dollars of net capital gain stacked
// above ordinary taxable income at the GainRates.
func (c *stateCents) stackedGainTax(ordinary, pref int64) int64 {
	var t int64
	lower := ordinary
	top := ordinary + pref
	for i, r := range c.gainRates.Rates {
		upper := top
		if i < len(c.gainTops) {
			upper = min(top, max(lower, int64(c.gainTops[i])*100))
		}
		if upper > lower {
			t += applyRate(upper-lower, r)
			lower = upper
		}
	}
	return t
}

// recaptured is New York's supplemental tax added to the bracket tax
// (Tax Law §601(d-1); IT-201 instructions, tax computation worksheets 1–12):
// above an AGI of Start the benefit of the lower brackets is taken back,
// one bracket at a time, each phased in over Width of AGI (the fraction
// rounded to four decimals). Tax = full(k−1) + (full(k) − full(k−1)) ×
// fraction, where k is the bracket being recaptured.
func (c *stateCents) recaptured(tax, taxable, agi int64) int64 {
	r := c.recapture
	start := int64(r.Start) * 100
	if agi <= start {
		return tax
	}
	// Which bracket phases in: by AGI for the top brackets, else by where
	// taxable income falls.
	k := c.bracketOf(agi)
	if k < c.recByAGI {
		k = min(max(c.recFirst, c.bracketOf(taxable)), c.recByAGI-1)
	}
	from := c.over[k]
	if k == c.recFirst {
		from = start
	}
	base, full := c.full(taxable, k-1), c.full(taxable, k)
	over, width := agi-from, int64(r.Width)*100
	if over >= width {
		return full
	}
	f := (over*20000 + width) / (2 * width) // ten-thousandths, rounded
	d := (full - base) * f
	return base + (d+5000)/10000
}

// full is the tax with the brackets up to k fully recaptured: for the
// brackets recaptured by AGI all taxable income at k's rate; for the others
// all income at the rate of the bracket it reaches (at least the first
// recaptured one), or, above k, the bracket tax plus the benefit of the
// brackets up to k at k's top.
func (c *stateCents) full(taxable int64, k int) int64 {
	switch {
	case k < c.recFirst:
		return c.bracketTax(taxable)
	case k >= c.recByAGI:
		return applyRate(taxable, c.rate[k])
	case taxable > c.top(k):
		top := c.top(k)
		return c.bracketTax(taxable) + applyRate(top, c.rate[k]) - c.bracketTax(top)
	}
	j := min(k, max(c.recFirst, c.bracketOf(taxable)))
	return applyRate(taxable, c.rate[j])
}

// top is the upper edge of bracket k (MaxInt64 for the last).
func (c *stateCents) top(k int) int64 {
	if k+1 < c.nb {
		return c.over[k+1]
	}
	return math.MaxInt64
}
