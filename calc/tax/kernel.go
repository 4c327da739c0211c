package tax

// law is one year's table for one filing status and one state, converted
// to cents and Rates once so a computation is integer arithmetic only.
type law struct {
	tops   [6]int64 // bracket upper edges, cents
	rates  [7]Rate
	floors [7]int64 // tax at each bracket's lower edge, in cent-millionths (exact)

	deduction, zeroTop, fifteenTop, niitThreshold, lossLimit int64 // cents
	fifteen, twenty, niit                                    Rate

	amtExemption, amtPhaseStart, amtBreak int64 // cents
	amtLow, amtHigh, amtPhaseRate         Rate
	separate                              bool // married filing separately: Form 6251 line 4 add-back

	// Itemized deductions (itemized.go): the 0.5% floor, the §68 cap and
	// the non-itemizer's cash gift deduction, each zero before 2026.
	charityFloor       Rate
	itemizedCap        bool
	nonItemizerCharity int64 // cents

	// The state: flat rates (a typed rate), or a state's law and an
	// optional local tax on the state's taxable income.
	stateOrdinary, stateShort, stateLong Rate
	state, local                         *stateCents
}

func newLaw(t *Table, s Status, st State) law {
	if t == nil {
		panic("tax: nil *Table (use tax.For)")
	}
	if !s.valid() {
		panic("tax: invalid filing status " + s.String())
	}
	sch := &t.Schedules[s]
	l := law{
		rates:         t.OrdinaryRates,
		deduction:     int64(sch.StandardDeduction) * 100,
		zeroTop:       int64(sch.ZeroRateTop) * 100,
		fifteenTop:    int64(sch.FifteenRateTop) * 100,
		niitThreshold: int64(sch.NIITThreshold) * 100,
		lossLimit:     int64(sch.CapitalLossLimit) * 100,
		fifteen:       t.FifteenRate,
		twenty:        t.TwentyRate,
		niit:          t.NIITRate,
		amtExemption:  int64(sch.AMTExemption) * 100,
		amtPhaseStart: int64(sch.AMTPhaseOutStart) * 100,
		amtBreak:      int64(sch.AMTBreakpoint) * 100,
		amtLow:        t.AMTLowRate,
		amtHigh:       t.AMTHighRate,
		amtPhaseRate:  t.AMTPhaseOutRate,
		separate:      s == MarriedSeparate,

		charityFloor:       t.CharityFloor,
		itemizedCap:        t.TopBracketItemizedCap,
		nonItemizerCharity: int64(sch.NonItemizerCharity) * 100,
	}
	l.stateOrdinary, l.stateShort, l.stateLong = st.rates()
	if sl := st.law(t.Year); sl != nil {
		l.state = newStateCents(sl, t, s)
	}
	if ll := st.localLaw(t.Year); ll != nil {
		l.local = newStateCents(ll, t, s)
	}
	var lower int64
	for i, top := range sch.BracketTops {
		l.tops[i] = int64(top) * 100
		l.floors[i+1] = l.floors[i] + (l.tops[i]-lower)*int64(l.rates[i])
		lower = l.tops[i]
	}
	return l
}

// bracketTax is the tax on taxable income x (cents) from the ordinary rate
// schedule of §1(j)(2): the Tax Computation Worksheet's "x × rate − amount"
// done exactly and rounded once. (The IRS Tax Table rounds incomes under
// $100,000 to the middle of a $50 band; the exact schedule is used for
// every income, so the tax is continuous.)
func (l *law) bracketTax(x int64) int64 {
	if x <= 0 {
		return 0
	}
	var lower int64
	i := 0
	for i < len(l.tops) && x > l.tops[i] {
		lower = l.tops[i]
		i++
	}
	return roundMillionths(x-lower, l.rates[i], l.floors[i])
}

// rateAbove is the ordinary rate on the next dollar above taxable income x.
func (l *law) rateAbove(x int64) Rate {
	i := 0
	for i < len(l.tops) && x >= l.tops[i] {
		i++
	}
	return l.rates[i]
}

// incomeCents and carryCents are Income and Carryforward in whole cents.
type incomeCents struct {
	wages, dividends, shortTerm, longTerm int64
	propertyGift, cashGift, otherItemized int64
}
type carryCents struct {
	shortTerm, longTerm int64
	gifts               giftCarry
}

func (in IncomeF) cents() incomeCents {
	c := incomeCents{
		wages: centsOf(in.Wages), dividends: centsOf(in.QualifiedDividends),
		shortTerm: centsOf(in.ShortTermGain), longTerm: centsOf(in.LongTermGain),
	}
	// Most returns have no gifts: the kernel's call skips their rounding.
	if in.PropertyGift != 0 || in.CashGift != 0 || in.OtherItemized != 0 {
		c.propertyGift, c.cashGift, c.otherItemized = centsOf(in.PropertyGift), centsOf(in.CashGift), centsOf(in.OtherItemized)
	}
	return c
}

func (a incomeCents) plus(b incomeCents) incomeCents {
	return incomeCents{
		a.wages + b.wages, a.dividends + b.dividends, a.shortTerm + b.shortTerm, a.longTerm + b.longTerm,
		a.propertyGift + b.propertyGift, a.cashGift + b.cashGift, a.otherItemized + b.otherItemized,
	}
}

func (cf CarryforwardF) cents() carryCents {
	c := carryCents{shortTerm: max(0, centsOf(cf.ShortTerm)), longTerm: max(0, centsOf(cf.LongTerm))}
	if g := &cf.Gifts; g[0] != 0 || g[1] != 0 || g[2] != 0 || g[3] != 0 || g[4] != 0 {
		for k, g := range cf.Gifts {
			c.gifts[k] = max(0, centsOf(g))
		}
	}
	return c
}

// giftsF converts a gift carryover to dollars.
func (g giftCarry) giftsF() (out [GiftCarryYears]float64) {
	if g.none() {
		return out
	}
	for k, c := range g {
		out[k] = dollarsOf(c)
	}
	return out
}

// sheet holds the lines of one return in cents; compute fills it in the
// order of the forms. The decimal path (Compute) follows the same steps
// with the same names; see it for the citations.
type sheet struct {
	netShort, netLong, net int64 // Schedule D lines 7, 15, 16
	capitalGain            int64 // Form 1040 line 7
	allowedLoss            int64 // Schedule D line 21 as a positive amount
	agi, taxableRaw        int64 // AGI; AGI − the deduction taken, may be < 0
	deduction, amtDeducted int64 // the deduction taken; what the AMT deducts of it (itemized.go)
	charitable             int64 // the gifts deducted when itemizing
	itemizing              bool
	taxable                int64 // Form 1040 line 15
	ordinaryTaxable        int64 // QDCG worksheet line 5
	allOrdinary            bool  // worksheet line 24 < line 23
	incomeTax              int64
	amt                    amtLines
	nii, niiRaw, niit      int64
	lossAgainstOrdinary    int64 // carryover worksheet line 4
	carry                  carryCents
	stateTaxable           int64
	state, local, total    int64
}

func (l *law) compute(in incomeCents, cf carryCents) sheet {
	var sh sheet
	wages, dividends := max(0, in.wages), max(0, in.dividends)

	// Schedule D netting.
	sh.netShort = in.shortTerm - cf.shortTerm
	sh.netLong = in.longTerm - cf.longTerm
	sh.net = sh.netShort + sh.netLong
	var netCapitalGain int64 // QDCG worksheet line 3
	if sh.net >= 0 {
		sh.capitalGain = sh.net
		netCapitalGain = max(0, min(sh.netLong, sh.net))
	} else {
		sh.allowedLoss = min(l.lossLimit, -sh.net)
		sh.capitalGain = -sh.allowedLoss
	}

	sh.agi = wages + dividends + sh.capitalGain
	sh.deduction = l.deduction
	if in.hasGifts(cf) {
		d := l.deductions(sh.agi, in, cf)
		sh.setDeduction(&d)
	}
	sh.taxableRaw = sh.agi - sh.deduction
	sh.taxable = max(0, sh.taxableRaw)

	// Capital loss carryover worksheet.
	if sh.net < 0 {
		sh.lossAgainstOrdinary = min(sh.allowedLoss, max(0, sh.taxableRaw+sh.allowedLoss))
		shortLoss, longGain := max(0, -sh.netShort), max(0, sh.netLong)
		sh.carry.shortTerm = max(0, shortLoss-(sh.lossAgainstOrdinary+longGain))
		longLoss, shortGain := max(0, -sh.netLong), max(0, sh.netShort)
		sh.carry.longTerm = max(0, longLoss-(shortGain+max(0, sh.lossAgainstOrdinary-shortLoss)))
	}

	// Qualified Dividends and Capital Gain Tax Worksheet.
	preferential := dividends + netCapitalGain // line 4
	sh.ordinaryTaxable = max(0, sh.taxable-preferential)
	if preferential == 0 {
		sh.incomeTax = l.bracketTax(sh.taxable)
	} else {
		l7 := min(sh.taxable, l.zeroTop)
		l9 := l7 - min(sh.ordinaryTaxable, l7)
		l10 := min(sh.taxable, preferential)
		l12 := l10 - l9
		l16 := max(0, min(sh.taxable, l.fifteenTop)-(sh.ordinaryTaxable+l9))
		l17 := min(l12, l16)
		l20 := l10 - (l9 + l17)
		l23 := applyRate(l17, l.fifteen) + applyRate(l20, l.twenty) + l.bracketTax(sh.ordinaryTaxable)
		l24 := l.bracketTax(sh.taxable)
		sh.allOrdinary = l24 < l23
		sh.incomeTax = min(l23, l24)
	}
	sh.amt = l.alternativeMinimumTax(sh.agi-sh.amtDeducted, sh.ordinaryTaxable, preferential, sh.incomeTax)

	// Net investment income tax (Form 8960).
	sh.niiRaw = dividends + sh.capitalGain
	sh.nii = max(0, sh.niiRaw)
	sh.niit = applyRate(max(0, min(sh.nii, sh.agi-l.niitThreshold)), l.niit)

	l.stateTax(&sh, in, dividends, wages)
	sh.total = sh.incomeTax + sh.amt.amt + sh.niit + sh.state + sh.local
	return sh
}

// marginal returns the federal rates (income tax plus NIIT) on the next
// dollar of ordinary income and of long-term gain, by rule; see doc.go.
func (l *law) marginal(sh *sheet) (ordinary, longTerm Rate) {
	aboveThreshold := sh.agi >= l.niitThreshold

	switch {
	case sh.taxableRaw < 0: // the dollar only uses up standard deduction
	case sh.allOrdinary:
		ordinary = l.rateAbove(sh.taxable)
	default:
		ordinary = l.rateAbove(sh.ordinaryTaxable)
	}
	longTerm = ordinary
	ordinaryNIIT := aboveThreshold && sh.agi-l.niitThreshold < sh.nii
	longNIIT := aboveThreshold

	switch {
	case sh.net < -l.lossLimit: // the dollar only shrinks the carryforward
		longTerm, longNIIT = 0, false
	case sh.net < 0: // it shrinks the capital-loss deduction: ordinary rate
		longNIIT = aboveThreshold && sh.niiRaw >= 0
	case sh.netLong < 0: // it frees short-term gain from the long-term loss
	case sh.taxableRaw < 0:
		longTerm = 0
	case sh.allOrdinary:
		longTerm = l.rateAbove(sh.taxable)
	case sh.taxable < l.zeroTop:
		longTerm = 0
	case sh.taxable < l.fifteenTop:
		longTerm = l.fifteen
	default:
		longTerm = l.twenty
	}
	if ordinaryNIIT {
		ordinary += l.niit
	}
	if longNIIT {
		longTerm += l.niit
	}
	return ordinary, longTerm
}

// stateTax fills the state (and local) tax of a computed federal sheet.
func (l *law) stateTax(sh *sheet, in incomeCents, dividends, wages int64) {
	if l.state == nil {
		l.flatStateTax(sh, dividends)
		return
	}
	si := stateIn{
		wages: wages, dividends: dividends,
		yearShort: in.shortTerm, yearLong: in.longTerm,
		netShort: sh.netShort, netLong: sh.netLong, net: sh.net,
		capitalGain:      sh.capitalGain,
		federalIncomeTax: sh.incomeTax + sh.amt.amt,
		niit:             sh.niit,
		federalDeduction: sh.deduction,
	}
	o := l.state.compute(&si)
	sh.stateTaxable, sh.state = o.taxable, o.tax
	if l.local != nil {
		sh.local = l.local.bracketTax(o.taxable)
	}
}

// flatStateTax is a typed flat rate on the dividends and the gains left
// after federal netting; a net loss taxes no gain and the federal loss
// deduction reduces the dividends taxed (never below zero).
func (l *law) flatStateTax(sh *sheet, dividends int64) {
	stateDividends, stateShort, stateLong := dividends, int64(0), int64(0)
	switch {
	case sh.net < 0:
		stateDividends = max(0, dividends-sh.allowedLoss)
	case sh.netShort >= 0 && sh.netLong >= 0:
		stateShort, stateLong = sh.netShort, sh.netLong
	case sh.netShort < 0:
		stateLong = sh.net
	default:
		stateShort = sh.net
	}
	sh.state = applyRate(stateDividends, l.stateOrdinary) + applyRate(stateShort, l.stateShort) + applyRate(stateLong, l.stateLong)
}
