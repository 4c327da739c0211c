package tax

import "github.com/shopspring/decimal"

// The alternative minimum tax (IRC §55, Form 6251) of a household with
// wages, qualified dividends and capital gains only. Form 6251 line 1 is
// taxable income (negative when the deduction exceeds AGI), line 2a adds
// the standard deduction back (§56(b)(1)(E)) and no other adjustment or
// preference applies, so the alternative minimum taxable income (line 4)
// is the AGI. A household that itemizes (itemized.go) adds back its other
// itemized deductions, taken as taxes (§56(b)(1)(A)(ii)), and keeps its
// charitable deduction: the AMTI is the AGI less the gifts deducted. The
// non-itemizer's cash gift deduction (§170(p)) is not the standard
// deduction and stays deducted.

// amtLines are the Form 6251 amounts the float path keeps, in cents.
type amtLines struct {
	amti, exemption, base, tentative, amt int64 // lines 4, 5, 6, 9, 11
}

// alternativeMinimumTax computes Form 6251 in cents: agi is line 4 before
// the separate-return add-back, ordinaryTaxable the QDCG worksheet's line 5,
// preferential its line 4, regular the regular tax (line 10).
func (l *law) alternativeMinimumTax(agi, ordinaryTaxable, preferential, regular int64) amtLines {
	var a amtLines
	a.amti = max(0, agi)
	if l.separate && l.amtPhaseRate > 0 {
		// Line 4, married filing separately: AMTI above the level where the
		// exemption is gone is increased by the phase-out rate of the
		// excess, at most the exemption (§55(d)(2), last sentence).
		gone := l.amtPhaseStart + l.amtExemption*int64(fullRate)/int64(l.amtPhaseRate)
		if a.amti > gone {
			a.amti += min(applyRate(a.amti-gone, l.amtPhaseRate), l.amtExemption)
		}
	}
	// Line 5: the exemption less the phase-out rate of AMTI over the start.
	a.exemption = max(0, l.amtExemption-applyRate(max(0, a.amti-l.amtPhaseStart), l.amtPhaseRate))
	a.base = max(0, a.amti-a.exemption) // line 6
	if a.base == 0 {
		return a
	}
	a.tentative = l.amtRateTax(a.base) // line 7, or Part III line 39
	if preferential > 0 && a.tentative > regular {
		// Part III only lowers line 7 (line 40 is at most line 39), so it
		// matters only when line 39 exceeds the regular tax.
		a.tentative = l.amtPartIII(a.base, ordinaryTaxable, preferential).line40
	}
	a.amt = max(0, a.tentative-regular) // line 11
	return a
}

// amtRateTax is 26% of x up to the breakpoint and 28% above (Form 6251
// line 7, or Part III lines 18 and 39): 28% × x − 2% × breakpoint, exact,
// rounded once.
func (l *law) amtRateTax(x int64) int64 {
	if x <= 0 {
		return 0
	}
	if x <= l.amtBreak {
		return applyRate(x, l.amtLow)
	}
	return roundMillionths(x-l.amtBreak, l.amtHigh, l.amtBreak*int64(l.amtLow))
}

// partIII is Form 6251 Part III (tax computation using maximum capital
// gains rates), lines 12–40, in cents.
type partIII struct {
	line12, line13, line16, line17, line18, line19, line20, line21, line22, line23, line24,
	line25, line26, line27, line28, line29, line30, line31, line32, line33, line34,
	line38, line39, line40 int64
}

// amtPartIII taxes the qualified dividends and net capital gain inside the
// AMT base at 0/15/20% where they fall in the regular tax's bands, and the
// rest at 26/28%; never more than all of it at 26/28% (line 40). Lines
// 14–15 and 35–37 (unrecaptured §1250 gain, 28% rate gain) do not apply.
func (l *law) amtPartIII(base, ordinaryTaxable, preferential int64) partIII {
	var p partIII
	p.line12 = base
	p.line13 = preferential // QDCG worksheet line 4
	p.line16 = min(p.line12, p.line13)
	p.line17 = p.line12 - p.line16
	p.line18 = l.amtRateTax(p.line17)
	p.line19 = l.zeroTop
	p.line20 = max(0, ordinaryTaxable) // QDCG worksheet line 5
	p.line21 = max(0, p.line19-p.line20)
	p.line22 = min(p.line12, p.line13)
	p.line23 = min(p.line21, p.line22) // taxed at 0%
	p.line24 = p.line22 - p.line23
	p.line25 = l.fifteenTop
	p.line26 = p.line21
	p.line27 = max(0, ordinaryTaxable) // QDCG worksheet line 5
	p.line28 = p.line26 + p.line27
	p.line29 = max(0, p.line25-p.line28)
	p.line30 = min(p.line24, p.line29)
	p.line31 = applyRate(p.line30, l.fifteen)
	p.line32 = p.line23 + p.line30
	p.line33 = p.line22 - p.line32
	p.line34 = applyRate(p.line33, l.twenty)
	p.line38 = p.line18 + p.line31 + p.line34
	p.line39 = l.amtRateTax(p.line12)
	p.line40 = min(p.line38, p.line39)
	return p
}

// form6251 writes the AMT lines of a return as a worksheet (the decimal
// path's display; the amounts are the cents path's, exactly).
func (l *law) form6251(taxableRaw, addBack int64, itemizing bool, a amtLines, ordinaryTaxable, preferential, regular int64) Worksheet {
	d := func(c int64) decimal.Decimal { return decimal.New(c, -2) }
	var w Worksheet
	w.add(1, "Taxable income (Form 1040 line 15; may be negative)", d(taxableRaw))
	if itemizing {
		// Lines 2a and 2: the other itemized deductions (taken as taxes,
		// §56(b)(1)(A)(ii)) net of the §68 reduction, which the AMT does
		// not apply (§56(b)(1)(F)); the gifts stay deducted.
		w.add(2, "Other itemized deductions added back, net of §68 (lines 2a, 2)", d(addBack))
	} else {
		w.add(2, "Standard deduction added back (line 2a)", d(addBack))
	}
	w.add(4, "Alternative minimum taxable income", d(a.amti))
	w.add(5, "Exemption after phase-out", d(a.exemption))
	w.add(6, "Line 4 - line 5 (not below 0)", d(a.base))
	tentative := a.tentative
	if a.base > 0 && preferential > 0 {
		p := l.amtPartIII(a.base, ordinaryTaxable, preferential)
		tentative = p.line40
		for _, x := range []struct {
			n    int
			text string
			v    int64
		}{
			{12, "Amount from line 6", p.line12},
			{13, "Qualified dividends and net capital gain (QDCG line 4)", p.line13},
			{16, "Smaller of line 12 or line 13", p.line16},
			{17, "Line 12 - line 16", p.line17},
			{18, "Tax on line 17 at 26% / 28%", p.line18},
			{19, "Top of the 0% rate", p.line19},
			{20, "QDCG worksheet line 5", p.line20},
			{21, "Line 19 - line 20 (not below 0)", p.line21},
			{22, "Smaller of line 12 or line 13", p.line22},
			{23, "Smaller of line 21 or line 22: taxed at 0%", p.line23},
			{24, "Line 22 - line 23", p.line24},
			{25, "Top of the 15% rate", p.line25},
			{26, "Amount from line 21", p.line26},
			{27, "QDCG worksheet line 5", p.line27},
			{28, "Add lines 26 and 27", p.line28},
			{29, "Line 25 - line 28 (not below 0)", p.line29},
			{30, "Smaller of line 24 or line 29", p.line30},
			{31, "Line 30 × 15%", p.line31},
			{32, "Add lines 23 and 30", p.line32},
			{33, "Line 22 - line 32", p.line33},
			{34, "Line 33 × 20%", p.line34},
			{38, "Add lines 18, 31 and 34", p.line38},
			{39, "Tax on line 12 at 26% / 28%", p.line39},
			{40, "Smaller of line 38 or line 39", p.line40},
		} {
			w.add(x.n, x.text, d(x.v))
		}
	}
	w.add(7, "Tentative minimum tax before foreign tax credit", d(tentative))
	w.add(9, "Tentative minimum tax", d(tentative))
	w.add(10, "Regular tax (Form 1040 line 16)", d(regular))
	w.add(11, "Alternative minimum tax: line 9 - line 10 (not below 0)", d(a.amt))
	return w
}
