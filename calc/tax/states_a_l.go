package tax

import "fmt"

// State laws, Alabama to Louisiana. Amounts for a filer without
// dependents; "Deduction" is the standard deduction plus the personal
// exemptions of the filer (and spouse on a joint return).

// inflation2026 is the estimated inflation factor used to project 2026
// amounts a state indexes but had not published (federal 2026 bracket
// adjustment of Rev. Proc. 2025-32, about 2.7%).
const inflation2026 = 1.027

func alabama() []StateLaw {
	l := StateLaw{
		Code: "AL", Name: "Alabama", Year: 2024, Income: AdjustedGross,
		Source: "Ala. Code §40-18-5 (rates), §40-18-15(b) (standard deduction chart), §40-18-19 (personal exemption), " +
			"§40-18-15(a)(2) (federal income tax deduction); Form 40 instructions 2024; Form 40 booklet, Federal Income Tax Deduction Worksheet (line 2: net investment income tax, Form 8960 line 17; seen in the 2018 booklet)",
		Schedules: statuses(
			StateSchedule{Brackets: br(0, 2, 500, 4, 3000, 5), Deduction: 3000 + 1500,
				DeductionPhaseOut: PhaseOut{Start: 25999, Step: 500, PerStep: 25, Max: 500}},
			StateSchedule{Brackets: br(0, 2, 1000, 4, 6000, 5), Deduction: 8500 + 3000,
				DeductionPhaseOut: PhaseOut{Start: 25999, Step: 500, PerStep: 175, Max: 3500}},
			StateSchedule{Brackets: br(0, 2, 500, 4, 3000, 5), Deduction: 4250 + 1500,
				DeductionPhaseOut: PhaseOut{Start: 12999, Step: 250, PerStep: 88, Max: 1750}},
			StateSchedule{Brackets: br(0, 2, 500, 4, 3000, 5), Deduction: 5200 + 3000,
				DeductionPhaseOut: PhaseOut{Start: 25999, Step: 500, PerStep: 135, Max: 2700}},
		),
		// The Federal Income Tax Deduction Worksheet (Form 40 booklet):
		// line 1 the tax of Form 1040 (regular tax and AMT, less
		// credits), line 2 the net investment income tax (Form 8960 line
		// 17), line 3 their sum, less refundable credits.
		FederalTaxDeduction: &FederalTaxDeduction{IncludeNIIT: true, Steps: [statusCount][]FederalTaxStep{
			{{Share: 100 * Percent}}, {{Share: 100 * Percent}}, {{Share: 100 * Percent}}, {{Share: 100 * Percent}}}},
		Note: "The federal income tax (regular tax, AMT and the net investment income tax) is deductible in full. Amounts are fixed in statute (not indexed). " +
			"The standard deduction chart of the 2024 Form 40 booklet is modelled exactly: the maximum up to $25,999 of AGI " +
			"($12,999 separate), then reduced for each $500 ($250) or part of it, to a minimum of $2,500 ($5,000 joint).",
	}
	return []StateLaw{l, withYear(l, 2025), withYear(l, 2026)}
}

// withYear is the same law in another year: amounts fixed in statute (not
// indexed), so the year's return uses the same figures.
func withYear(l StateLaw, year int) StateLaw {
	if l.Year != year {
		l.Source += fmt.Sprintf("; the same amounts apply to %d (not indexed)", year)
	}
	l.Year = year
	return l
}

func arizona() []StateLaw {
	l := StateLaw{
		Code: "AZ", Name: "Arizona", Year: 2024, Income: AdjustedGross, FederalDeduction: true,
		Source: "A.R.S. §43-1011(A)(6) (2.5% from 2023), §43-1041 (standard deduction equal to the federal), " +
			"§43-1022(21) (25% of net long-term capital gain on assets acquired after 2011); Form 140 instructions 2024",
		Schedules: same(StateSchedule{Brackets: flat(2.5)}),
		Exclusion: GainExclusion{Rate: 25 * Percent},
		Note:      "Assumes the long-term gains are on assets acquired after 2011 (the whole 25% subtraction applies).",
	}
	return []StateLaw{l, withYear(l, 2025), withYear(l, 2026)}
}

func arkansas() []StateLaw {
	// The indexed brackets of Ark. Code §26-51-201(a), with the top rate
	// 3.9% from 2024; above about $92,300 of net income the benefit of the
	// lower brackets is reduced to $87.40 (the bracket adjustment of the
	// high-income table, $10 for each $100 of income), modelled as an
	// add-back of $322 phased in by $10 per $100.
	sch := func(b []StateBracket, ded, credit, adjStart Dollars) StateSchedule {
		return StateSchedule{Brackets: b, Deduction: ded, Credit: credit,
			AddBacks: []PhaseOut{{Start: adjStart, Step: 100, PerStep: 10, Max: 322}}}
	}
	b24 := br(0, 0, 5499, 2, 10899, 3, 15599, 3.4, 25699, 3.9)
	l := StateLaw{
		Code: "AR", Name: "Arkansas", Year: 2024, Income: AdjustedGross,
		Source: "Ark. Code §26-51-201 as amended by Act 1 of the 2024 Second Extraordinary Session (3.9% top rate), " +
			"§26-51-430 (standard deduction $2,410), §26-51-501 (personal credit $29), §26-51-815 (50% of net capital gain exempt); " +
			"DFA 2024 indexed tax brackets and AR1000F instructions 2024",
		Schedules: statuses(sch(b24, 2410, 29, 92300), sch(b24, 4820, 58, 92300), sch(b24, 2410, 29, 92300), sch(b24, 2410, 29, 92300)),
		Exclusion: GainExclusion{Rate: 50 * Percent},
		Note: "A joint return uses the same brackets (Arkansas taxes spouses' combined net income on one schedule). " +
			"Net capital gain above $10 million (fully exempt) is not modelled.",
	}
	l25 := projected(l, 2025, 1.026, 100,
		"2025 brackets: 2024 indexed by the estimated inflation (Ark. Code §26-51-201(d)), rounded to $100")
	l25.Schedules = l.Schedules
	for s := range l25.Schedules {
		sch := l25.Schedules[s]
		sch.Brackets = br(0, 0, 5599, 2, 11199, 3, 15999, 3.4, 26399, 3.9)
		sch.AddBacks = []PhaseOut{{Start: 94700, Step: 100, PerStep: 10, Max: 330}}
		l25.Schedules[s] = sch
	}
	// 2026: Act 1 of the 2026 First Extraordinary Session (HB 1001),
	// amending §26-51-201(a)(4): top rate 3.7%, the 2025 brackets kept
	// ((a)(4)(A): $5,600 / $11,200 / $16,000 / $26,400), the high-income
	// table's benefit of the lower brackets $79.90 ($4,700 × (3.7% − 2%),
	// (a)(4)(B)) reached through the bracket adjustment of (a)(4)(C) over
	// net income $94,701–$97,600 (as transcribed in PolicyEngine-US pull
	// request 8245 from the act): the lower brackets' benefit at 3.7%,
	// $367.20, less $79.90 is an add-back of $287.30 (typed $287).
	l26 := l25
	l26.Year = 2026
	l26.Projected = ""
	l26.Source = "Ark. Code §26-51-201(a)(4) as amended by Act 1 of the 2026 First Extraordinary Session (HB 1001: 3.7% top rate from 2026), " +
		"§26-51-430 (standard deduction $2,410), §26-51-501 (personal credit $29), §26-51-815 (50% of net capital gain exempt)"
	l26.Schedules = l25.Schedules
	for s := range l26.Schedules {
		sch := l26.Schedules[s]
		sch.Brackets = br(0, 0, 5599, 2, 11199, 3, 15999, 3.4, 26399, 3.7)
		sch.AddBacks = []PhaseOut{{Start: 94700, Step: 100, PerStep: 10, Max: 287}}
		sch.Deduction, sch.Credit = l.Schedules[s].Deduction, l.Schedules[s].Credit
		l26.Schedules[s] = sch
	}
	l26.Note = l.Note + " The 2026 standard deduction is kept at $2,410 (the department's 2026 withholding formula uses $2,470; " +
		"whether the return's deduction is indexed was not confirmed)."
	return []StateLaw{l, l25, l26}
}

func california() []StateLaw {
	// FTB 2024 and 2025 California tax rate schedules (Form 540
	// instructions); joint brackets are twice the single ones.
	single24 := br(0, 1, 10756, 2, 25499, 4, 40245, 6, 55866, 8, 70606, 9.3, 360659, 10.3, 432787, 11.3, 721314, 12.3)
	hoh24 := br(0, 1, 21527, 2, 51000, 4, 65744, 6, 81364, 8, 96107, 9.3, 490493, 10.3, 588593, 11.3, 980987, 12.3)
	single25 := br(0, 1, 11079, 2, 26264, 4, 41452, 6, 57542, 8, 72724, 9.3, 371479, 10.3, 445771, 11.3, 742953, 12.3)
	hoh25 := br(0, 1, 22173, 2, 52530, 4, 67716, 6, 83805, 8, 98990, 9.3, 505208, 10.3, 606251, 11.3, 1010417, 12.3)
	law := func(year int, single, hoh []StateBracket, ded, credit, poSingle, poJoint, poHoh Dollars, src string) StateLaw {
		return StateLaw{
			Code: "CA", Name: "California", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(
				StateSchedule{Brackets: single, Deduction: ded, Credit: credit,
					CreditPhaseOut: PhaseOut{Start: poSingle, Step: 2500, PerStep: 6, Max: credit}},
				StateSchedule{Brackets: scaled(single, 2), Deduction: 2 * ded, Credit: 2 * credit,
					CreditPhaseOut: PhaseOut{Start: poJoint, Step: 2500, PerStep: 12, Max: 2 * credit}},
				StateSchedule{Brackets: single, Deduction: ded, Credit: credit,
					CreditPhaseOut: PhaseOut{Start: poSingle, Step: 1250, PerStep: 6, Max: credit}},
				StateSchedule{Brackets: hoh, Deduction: 2 * ded, Credit: credit,
					CreditPhaseOut: PhaseOut{Start: poHoh, Step: 2500, PerStep: 6, Max: credit}},
			),
			// Behavioral health services tax (Prop. 63): 1% of taxable
			// income over $1,000,000, every status.
			Surtax: Surtax{Rate: 1 * Percent, Over: byStatus(1_000_000, 1_000_000, 1_000_000, 1_000_000)},
			Note:   "Capital gains are ordinary income; federal netting, $3,000 loss limit and carryforward apply (R&TC §18152).",
		}
	}
	l24 := law(2024, single24, hoh24, 5540, 149, 244857, 489719, 367291,
		"R&TC §17041 (rates, indexed), §17073.5 (standard deduction), §17054 (exemption credit), §17043 (1% over $1M); "+
			"FTB 2024 California Tax Rate Schedules and Form 540 instructions 2024")
	l25 := law(2025, single25, hoh25, 5706, 153, 252203, 504411, 378310,
		"R&TC §17041, §17073.5, §17054, §17043; FTB 2025 California Tax Rate Schedules and Form 540 instructions 2025")
	l26 := projected(l25, 2026, 1.03, 1,
		"2026: 2025 amounts indexed by an estimated 3.0% California CPI (R&TC §17041(h)); the FTB publishes the factor late in 2026")
	l26.Surtax = l25.Surtax
	return []StateLaw{l24, l25, l26}
}

func colorado() []StateLaw {
	// Colorado starts from federal taxable income; above $300,000 of AGI
	// the federal standard deduction in excess of $12,000 ($16,000 joint)
	// is added back (C.R.S. 39-22-104(3)(p.5)), from 2026 in excess of
	// $1,000 ($2,000 joint) (HB 25-1296, 39-22-104(3)(p.7)).
	law := func(year int, rate float64, fedStd [statusCount]Dollars, keep [statusCount]Dollars, src string) StateLaw {
		sch := func(s Status) StateSchedule {
			return StateSchedule{Brackets: flat(rate),
				DeductionSteps: []Step{{Over: 300_000, Amount: keep[s] - fedStd[s]}}}
		}
		return StateLaw{
			Code: "CO", Name: "Colorado", Year: year, Income: AdjustedGross, FederalDeduction: true, Source: src,
			Schedules: statuses(sch(Single), sch(MarriedJoint), sch(MarriedSeparate), sch(HeadOfHousehold)),
		}
	}
	keepOld := byStatus(12000, 16000, 12000, 12000)
	keepNew := byStatus(1000, 2000, 1000, 1000)
	l24 := law(2024, 4.25, byStatus(14600, 29200, 14600, 21900), keepOld,
		"C.R.S. 39-22-104(1.7) (4.4%), temporary 4.25% for 2024 under 39-22-627 (TABOR refund mechanism); 39-22-104(3)(p.5); DR 0104 instructions 2024")
	l25 := law(2025, 4.4, byStatus(15750, 31500, 15750, 23625), keepOld,
		"C.R.S. 39-22-104(1.7) (4.4%); 39-22-104(3)(p.5); DR 0104 instructions 2025")
	l26 := law(2026, 4.4, byStatus(16100, 32200, 16100, 24150), keepNew,
		"C.R.S. 39-22-104(1.7) (4.4%); addback of federal deductions above $1,000 / $2,000 for AGI over $300,000 (39-22-104(3)(p.7))")
	l26.Projected = "2026 rate 4.4% assumes no temporary TABOR reduction (decided after the year's revenue is known)"
	return []StateLaw{l24, l25, l26}
}

func connecticut() []StateLaw {
	// Rates from 2024 (Public Act 23-204): 2% and 4.5% on the first two
	// brackets. Personal exemption phased out $1,000 per $1,000 of AGI;
	// Table C (phase-out of the lowest rate) and Table D (benefit
	// recapture, three tiers) add tax back as AGI rises (C.G.S.
	// §12-700(a)(10)); Table E's personal tax credit takes a share of the
	// tax off at lower incomes (§12-703). Form CT-1040 Tax Calculation
	// Schedule: line 4 tax (Table B), line 5 Table C, line 6 Table D,
	// line 7 their sum, line 8 the Table E decimal, line 9 line 7 × line 8
	// subtracted.
	sch := func(b []StateBracket, exemption, exStart Dollars, c PhaseOut, recapture []PhaseOut, credit []ShareStep) StateSchedule {
		return StateSchedule{Brackets: b, Deduction: exemption,
			DeductionPhaseOut: PhaseOut{Start: exStart, Step: 1000, PerStep: 1000, Max: exemption},
			AddBacks:          append([]PhaseOut{c}, recapture...),
			CreditShares:      credit}
	}
	single := br(0, 2, 10000, 4.5, 50000, 5.5, 100000, 6, 200000, 6.5, 250000, 6.9, 500000, 6.99)
	hoh := br(0, 2, 16000, 4.5, 80000, 5.5, 160000, 6, 320000, 6.5, 400000, 6.9, 800000, 6.99)
	// Table D, three tiers: the first (in effect from 2024, §12-700(a)(10)
	// as amended by P.A. 23-204) recaptures the benefit of the lower
	// brackets from $105,000 of AGI ($210,000 joint, $168,000 head of
	// household) — the tax cut "capped at $150,000 for single filers and
	// $300,000 for joint filers"; the other two from $200,000 and $500,000
	// ($400,000 and $1,000,000 joint). Amounts per step and maxima from the
	// 2024 CT-1040 instructions (Table D), as transcribed in PolicyEngine-US
	// (gov/states/ct/tax/income/recapture/{low,middle,high}).
	recapSingle := []PhaseOut{
		{Start: 105000, Step: 5000, PerStep: 25, Max: 250},
		{Start: 200000, Step: 5000, PerStep: 90, Max: 2700},
		{Start: 500000, Step: 5000, PerStep: 50, Max: 450}}
	recapJoint := []PhaseOut{
		{Start: 210000, Step: 10000, PerStep: 50, Max: 500},
		{Start: 400000, Step: 10000, PerStep: 180, Max: 5400},
		{Start: 1000000, Step: 10000, PerStep: 100, Max: 900}}
	recapHoh := []PhaseOut{
		{Start: 168000, Step: 8000, PerStep: 40, Max: 400},
		{Start: 320000, Step: 8000, PerStep: 140, Max: 4200},
		{Start: 800000, Step: 8000, PerStep: 80, Max: 720}}
	l := StateLaw{
		Code: "CT", Name: "Connecticut", Year: 2024, Income: AdjustedGross,
		Source: "C.G.S. §12-700 as amended by P.A. 23-204 (rates from 2024, Tables C and D), §12-702 (personal exemption), " +
			"§12-703 (personal tax credit, Table E); Form CT-1040 instructions 2024 (Tax Calculation Schedule, Tables A–E)",
		Schedules: statuses(
			sch(single, 15000, 30000, PhaseOut{Start: 56500, Step: 5000, PerStep: 20, Max: 200}, recapSingle,
				ctPersonalCredit(15000, 18800, 25000, 31300, 60000)),
			sch(scaled(single, 2), 24000, 48000, PhaseOut{Start: 100500, Step: 5000, PerStep: 40, Max: 400}, recapJoint,
				ctPersonalCredit(24000, 30000, 40000, 50000, 96000)),
			sch(single, 12000, 24000, PhaseOut{Start: 50250, Step: 2500, PerStep: 20, Max: 200}, recapSingle,
				ctPersonalCredit(12000, 15000, 20000, 25000, 48000)),
			sch(hoh, 19000, 38000, PhaseOut{Start: 78500, Step: 4000, PerStep: 32, Max: 320}, recapHoh,
				ctPersonalCredit(19000, 24000, 34000, 44000, 74000)),
		),
		Note: "Table C's add-back is typed as in the 2015–2023 instructions ($20 per $5,000 of AGI over $56,500, at most " +
			"$200 single; $40 / $400 joint): whether P.A. 23-204 raised it with the 2% rate (to $25 / $250 and $50 / $500, " +
			"the benefit of the 2% bracket at 4.5%) was not confirmed from the 2024 instructions; see docs/STATE_TAX.md.",
	}
	return []StateLaw{l, withYear(l, 2025), withYear(l, 2026)}
}

// ctPersonalCredit is Connecticut's Table E (C.G.S. §12-703(a)): the
// decimal of the tax credited by AGI, the same shape for every status:
// 75% over t75; 70% over t70 falling 5 points per $500 to 35%; 30% over
// t30 falling 5 points per $500 to 15%; 14% over t14 falling a point per
// $500 to 10%; 9% over t9 falling a point per $500 to none. Thresholds from
// the statute (separate filers, §12-703(a)(1)) and the CT-1040 instructions'
// Table E (2022–2023, as transcribed in PolicyEngine-US
// gov/states/ct/tax/income/credits/personal; P.A. 23-204 did not amend
// §12-703).
func ctPersonalCredit(t75, t70, t30, t14, t9 Dollars) []ShareStep {
	out := []ShareStep{{t75, 75 * Percent}}
	for i := Dollars(0); i < 8; i++ {
		out = append(out, ShareStep{t70 + 500*i, Rate(70-5*i) * Percent})
	}
	for i := Dollars(0); i < 4; i++ {
		out = append(out, ShareStep{t30 + 500*i, Rate(30-5*i) * Percent})
	}
	for i := Dollars(0); i < 5; i++ {
		out = append(out, ShareStep{t14 + 500*i, Rate(14-i) * Percent})
	}
	for i := Dollars(0); i < 10; i++ {
		out = append(out, ShareStep{t9 + 500*i, Rate(9-i) * Percent})
	}
	return out
}

func delaware() []StateLaw {
	l := StateLaw{
		Code: "DE", Name: "Delaware", Year: 2024, Income: AdjustedGross,
		Source: "30 Del. C. §1102 (rates), §1108 (standard deduction), §1110 (personal credit $110); Form PIT-RES instructions 2024",
		Schedules: statuses(
			StateSchedule{Brackets: br(0, 0, 2000, 2.2, 5000, 3.9, 10000, 4.8, 20000, 5.2, 25000, 5.55, 60000, 6.6), Deduction: 3250, Credit: 110},
			StateSchedule{Brackets: br(0, 0, 2000, 2.2, 5000, 3.9, 10000, 4.8, 20000, 5.2, 25000, 5.55, 60000, 6.6), Deduction: 6500, Credit: 220},
			StateSchedule{Brackets: br(0, 0, 2000, 2.2, 5000, 3.9, 10000, 4.8, 20000, 5.2, 25000, 5.55, 60000, 6.6), Deduction: 3250, Credit: 110},
			StateSchedule{Brackets: br(0, 0, 2000, 2.2, 5000, 3.9, 10000, 4.8, 20000, 5.2, 25000, 5.55, 60000, 6.6), Deduction: 3250, Credit: 110},
		),
		Note: "A joint return uses the single brackets (Delaware's combined separate filing is not modelled).",
	}
	return []StateLaw{l, withYear(l, 2025), withYear(l, 2026)}
}

func districtOfColumbia() []StateLaw {
	l := StateLaw{
		Code: "DC", Name: "District of Columbia", Year: 2024, Income: AdjustedGross, FederalDeduction: true,
		Source:    "D.C. Code §47-1806.03(a)(10) (rates), §47-1801.04(44) (standard deduction equal to the federal); Form D-40 instructions 2024",
		Schedules: same(StateSchedule{Brackets: br(0, 4, 10000, 6, 40000, 6.5, 60000, 8.5, 250000, 9.25, 500000, 9.75, 1000000, 10.75)}),
	}
	return []StateLaw{l, withYear(l, 2025), withYear(l, 2026)}
}

func georgia() []StateLaw {
	law := func(year int, rate float64, src string) StateLaw {
		return StateLaw{
			Code: "GA", Name: "Georgia", Year: year, Income: AdjustedGross, Source: src,
			Schedules: withDeductions(flat(rate), byStatus(12000, 24000, 12000, 12000)),
		}
	}
	return []StateLaw{
		law(2024, 5.39, "O.C.G.A. §48-7-20 as amended by HB 1015 (2024) (5.39%), §48-7-27 (standard deduction, no personal exemption); IT-511 instructions 2024"),
		law(2025, 5.19, "O.C.G.A. §48-7-20 as amended by HB 111 (2025) (5.19%); IT-511 instructions 2025"),
		law(2026, 4.99, "O.C.G.A. §48-7-20(a.1) as amended by HB 463 (2025–2026 session) §2-1 (4.99% for 2026; later cuts depend on revenue triggers)"),
	}
}

func hawaii() []StateLaw {
	// Act 46, SLH 2024 (green affordability plan) raised the standard
	// deduction from 2024 and widened the brackets from 2025. Capital gains: the
	// alternative tax of 7.25% (HRS §235-51(f)) when it is lower.
	law := func(year int, single []StateBracket, ded, hohDed Dollars, src string) StateLaw {
		return StateLaw{
			Code: "HI", Name: "Hawaii", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(
				StateSchedule{Brackets: single, Deduction: ded + 1144},
				StateSchedule{Brackets: scaled(single, 2), Deduction: 2*ded + 2*1144},
				StateSchedule{Brackets: single, Deduction: ded + 1144},
				StateSchedule{Brackets: scaled(single, 1.5), Deduction: hohDed + 1144},
			),
			GainRates: &GainRates{Rates: []Rate{725 * BasisPoint}, Alternative: true},
		}
	}
	// 2024: the schedule in force since 2018; 2025 and 2026: Act 46's
	// wider brackets (joint twice, head of household 1.5 times single).
	s24 := br(0, 1.4, 2400, 3.2, 4800, 5.5, 9600, 6.4, 14400, 6.8, 19200, 7.2, 24000, 7.6, 36000, 7.9, 48000, 8.25, 150000, 9, 175000, 10, 200000, 11)
	s25 := br(0, 1.4, 9600, 3.2, 14400, 5.5, 19200, 6.4, 24000, 6.8, 36000, 7.2, 48000, 7.6, 125000, 7.9, 175000, 8.25, 225000, 9, 275000, 10, 325000, 11)
	return []StateLaw{
		law(2024, s24, 4400, 6424, "HRS §235-51 (rates), §235-2.4 (standard deduction) as amended by Act 46 SLH 2024, §235-54 (exemption $1,144), §235-51(f) (7.25% capital gains); N-11 instructions 2024"),
		law(2025, s25, 4400, 6424, "HRS §235-51, §235-2.4 as amended by Act 46 SLH 2024, §235-54, §235-51(f); N-11 instructions 2025"),
		law(2026, s25, 8000, 12000, "HRS §235-51, §235-2.4 as amended by Act 46 SLH 2024 (standard deduction $8,000 single for 2026), §235-54, §235-51(f)"),
	}
}

func idaho() []StateLaw {
	law := func(year int, zeroTop Dollars, rate float64, src string) StateLaw {
		return StateLaw{
			Code: "ID", Name: "Idaho", Year: year, Income: AdjustedGross, FederalDeduction: true, Source: src,
			Schedules: statuses(
				StateSchedule{Brackets: br(0, 0, float64(zeroTop), rate)},
				StateSchedule{Brackets: br(0, 0, float64(2*zeroTop), rate)},
				StateSchedule{Brackets: br(0, 0, float64(zeroTop), rate)},
				StateSchedule{Brackets: br(0, 0, float64(2*zeroTop), rate)},
			),
		}
	}
	l26 := law(2026, 4942, 5.3, "Idaho Code §63-3024 (5.3%, HB 40 of 2025); §63-3022(g) (federal standard deduction)")
	l26.Projected = "2026 zero-rate amount: 2025 indexed by the estimated inflation"
	return []StateLaw{
		law(2024, 4673, 5.695, "Idaho Code §63-3024 as amended by HB 521 (2024) (5.695%), §63-3022(g) (federal standard deduction); Form 40 instructions 2024"),
		law(2025, 4811, 5.3, "Idaho Code §63-3024 as amended by HB 40 (2025) (5.3%), §63-3022(g); Form 40 instructions 2025"),
		l26,
	}
}

func illinois() []StateLaw {
	law := func(year int, ex Dollars, src, projectedNote string) StateLaw {
		return StateLaw{
			Code: "IL", Name: "Illinois", Year: year, Income: AdjustedGross, Source: src, Projected: projectedNote,
			Schedules: statuses(
				StateSchedule{Brackets: flat(4.95), Deduction: ex, DeductionSteps: []Step{{Over: 250000, Amount: 0}}},
				StateSchedule{Brackets: flat(4.95), Deduction: 2 * ex, DeductionSteps: []Step{{Over: 500000, Amount: 0}}},
				StateSchedule{Brackets: flat(4.95), Deduction: ex, DeductionSteps: []Step{{Over: 250000, Amount: 0}}},
				StateSchedule{Brackets: flat(4.95), Deduction: ex, DeductionSteps: []Step{{Over: 250000, Amount: 0}}},
			),
		}
	}
	return []StateLaw{
		law(2024, 2775, "35 ILCS 5/201(b)(5.4) (4.95%), 5/204 (exemption, none above $250,000 / $500,000 AGI); IL-1040 instructions 2024", ""),
		law(2025, 2850, "35 ILCS 5/201(b)(5.4), 5/204; IL-1040 instructions 2025", ""),
		law(2026, 2925, "35 ILCS 5/201(b)(5.4), 5/204", "2026 exemption: $2,850 indexed by the estimated CPI (35 ILCS 5/204(d-5)), rounded to $25"),
	}
}

func indiana() []StateLaw {
	law := func(year int, rate float64, src string) StateLaw {
		return StateLaw{
			Code: "IN", Name: "Indiana", Year: year, Income: AdjustedGross, Source: src,
			Schedules: withDeductions(flat(rate), byStatus(1000, 2000, 1000, 1000)),
			Note:      "County income taxes (about 0.5%–3%) are not modelled.",
		}
	}
	return []StateLaw{
		law(2024, 3.05, "IC 6-3-2-1 (3.05% for 2024, 3.0% 2025, 2.95% 2026, HEA 1001-2023), IC 6-3-1-3.5 (exemption $1,000); IT-40 instructions 2024"),
		law(2025, 3.0, "IC 6-3-2-1 (3.0% for 2025), IC 6-3-1-3.5; IT-40 instructions 2025"),
		law(2026, 2.95, "IC 6-3-2-1 (2.95% for 2026), IC 6-3-1-3.5"),
	}
}

func iowa() []StateLaw {
	l24 := StateLaw{
		Code: "IA", Name: "Iowa", Year: 2024, Income: AdjustedGross, FederalDeduction: true,
		Source: "Iowa Code §422.5A as amended by SF 2442 (2024) (rates), §422.12 (personal credit $40); IA 1040 instructions 2024",
		Schedules: statuses(
			StateSchedule{Brackets: br(0, 4.4, 6210, 4.82, 31050, 5.7), Credit: 40},
			StateSchedule{Brackets: br(0, 4.4, 12420, 4.82, 62100, 5.7), Credit: 80},
			StateSchedule{Brackets: br(0, 4.4, 6210, 4.82, 31050, 5.7), Credit: 40},
			StateSchedule{Brackets: br(0, 4.4, 6210, 4.82, 31050, 5.7), Credit: 40},
		),
		Note: "Iowa starts from federal taxable income (from 2023).",
	}
	l25 := l24
	l25.Year = 2025
	l25.Source = "Iowa Code §422.5A (3.8% flat from 2025, SF 2442), §422.12; IA 1040 instructions 2025"
	l25.Schedules = statuses(
		StateSchedule{Brackets: flat(3.8), Credit: 40}, StateSchedule{Brackets: flat(3.8), Credit: 80},
		StateSchedule{Brackets: flat(3.8), Credit: 40}, StateSchedule{Brackets: flat(3.8), Credit: 40})
	return []StateLaw{l24, l25, withYear(l25, 2026)}
}

func kansas() []StateLaw {
	l := StateLaw{
		Code: "KS", Name: "Kansas", Year: 2024, Income: AdjustedGross,
		Source: "K.S.A. 79-32,110 as amended by SB 1 (2024 special session) (5.2% / 5.58%), 79-32,119 (standard deduction), " +
			"79-32,121 (exemption); K-40 instructions 2024",
		Schedules: statuses(
			StateSchedule{Brackets: br(0, 5.2, 23000, 5.58), Deduction: 3605 + 9160},
			StateSchedule{Brackets: br(0, 5.2, 46000, 5.58), Deduction: 8240 + 18320},
			StateSchedule{Brackets: br(0, 5.2, 23000, 5.58), Deduction: 4120 + 9160},
			StateSchedule{Brackets: br(0, 5.2, 23000, 5.58), Deduction: 6180 + 9160},
		),
	}
	return []StateLaw{l, withYear(l, 2025), withYear(l, 2026)}
}

func kentucky() []StateLaw {
	law := func(year int, rate float64, ded Dollars, src, proj string) StateLaw {
		return StateLaw{
			Code: "KY", Name: "Kentucky", Year: year, Income: AdjustedGross, Source: src, Projected: proj,
			Schedules: same(StateSchedule{Brackets: flat(rate), Deduction: ded}),
			Note:      "One standard deduction per return; local occupational taxes are not modelled.",
		}
	}
	return []StateLaw{
		law(2024, 4.0, 3160, "KRS 141.020 (4.0% for 2024 and 2025), KRS 141.081 (standard deduction); Form 740 instructions 2024", ""),
		law(2025, 4.0, 3270, "KRS 141.020, KRS 141.081; Form 740 instructions 2025", ""),
		law(2026, 3.5, 3360, "KRS 141.020 as amended by HB 1 (2025) (3.5% for 2026), KRS 141.081",
			"2026 standard deduction: $3,270 indexed by the estimated inflation (KRS 141.081(2)(a)), rounded to $10"),
	}
}

func louisiana() []StateLaw {
	// 2024: the combined personal exemption–standard deduction ($4,500,
	// $9,000 joint and head of household, La. R.S. 47:294) is not taken
	// off income before the brackets: it comes out of the first (1.85%)
	// bracket, so income above $12,500 ($25,000 joint) is taxed at 3.5%
	// whatever the exemption. The department's tax table (IT-540, 2023,
	// the same rates and brackets as 2024; "the $4,500 combined personal
	// exemption-standard deduction ... [has] been used in determining the
	// tax shown") shows it: single, one exemption, tax table income
	// $12,250–12,500: $146 (1.85% × (12,375 − 4,500)); $12,500–12,750:
	// $152; $12,750–13,000: $161 (3.5% from $12,500). Modelled as a 0%
	// band of the exemption's width at the bottom of the first bracket.
	l24 := StateLaw{
		Code: "LA", Name: "Louisiana", Year: 2024, Income: AdjustedGross,
		Source: "La. R.S. 47:32 (rates 1.85% / 3.5% / 4.25%), 47:294 (combined personal exemption–standard deduction, applied in the first bracket); " +
			"IT-540 instructions 2024; Louisiana tax table (IT-540, 2023)",
		Schedules: statuses(
			StateSchedule{Brackets: br(0, 0, 4500, 1.85, 12500, 3.5, 50000, 4.25)},
			StateSchedule{Brackets: br(0, 0, 9000, 1.85, 25000, 3.5, 100000, 4.25)},
			StateSchedule{Brackets: br(0, 0, 4500, 1.85, 12500, 3.5, 50000, 4.25)},
			// Head of household: the single brackets (only a joint return
			// doubles them, La. R.S. 47:32), the joint $9,000 exemption.
			StateSchedule{Brackets: br(0, 0, 9000, 1.85, 12500, 3.5, 50000, 4.25)}),
	}
	l25 := StateLaw{
		Code: "LA", Name: "Louisiana", Year: 2025, Income: AdjustedGross,
		Source:    "La. R.S. 47:32 as amended by Act 11 of the 2024 Third Extraordinary Session (3% flat from 2025), 47:294 (standard deduction $12,500, twice that for joint and head-of-household returns); IT-540 instructions 2025",
		Schedules: withDeductions(flat(3), byStatus(12500, 25000, 12500, 25000)),
	}
	l26 := projected(l25, 2026, inflation2026, 5,
		"2026 standard deduction: 2025 indexed by the estimated inflation (La. R.S. 47:294(B), from 2026)")
	return []StateLaw{l24, l25, l26}
}
