package tax

// State laws, New York (and New York City) to Wisconsin.

func newYork() []StateLaw {
	law := func(year int, r [5]float64, src string) StateLaw {
		s := br(0, r[0], 8500, r[1], 11700, r[2], 13900, r[3], 80650, r[4], 215400, 6.85, 1077550, 9.65, 5000000, 10.3, 25000000, 10.9)
		j := br(0, r[0], 17150, r[1], 23600, r[2], 27900, r[3], 161550, r[4], 323200, 6.85, 2155350, 9.65, 5000000, 10.3, 25000000, 10.9)
		h := br(0, r[0], 12800, r[1], 17650, r[2], 20900, r[3], 107650, r[4], 269300, 6.85, 1616450, 9.65, 5000000, 10.3, 25000000, 10.9)
		return StateLaw{
			Code: "NY", Name: "New York", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(
				StateSchedule{Brackets: s, Deduction: 8000}, StateSchedule{Brackets: j, Deduction: 16050},
				StateSchedule{Brackets: s, Deduction: 8000}, StateSchedule{Brackets: h, Deduction: 11200}),
			Recapture: &Recapture{Start: 107650, Width: 50000,
				First: [statusCount]int{Single: 4, MarriedJoint: 3, MarriedSeparate: 4, HeadOfHousehold: 3},
				ByAGI: [statusCount]int{Single: 6, MarriedJoint: 6, MarriedSeparate: 6, HeadOfHousehold: 6}},
			Note: "Yonkers and the metropolitan commuter transportation mobility tax are not modelled; New York City's tax is the optional local tax.",
		}
	}
	return []StateLaw{
		law(2024, [5]float64{4, 4.5, 5.25, 5.5, 6}, "N.Y. Tax Law §601(a)–(c) (rates), §601(d-1) (supplemental tax), §614 (standard deduction); IT-201 instructions 2024, tax rate schedules and tax computation worksheets"),
		law(2025, [5]float64{4, 4.5, 5.25, 5.5, 6}, "N.Y. Tax Law §601, §601(d-1), §614; IT-201 instructions 2025"),
		law(2026, [5]float64{3.9, 4.4, 5.15, 5.4, 5.9}, "N.Y. Tax Law §601 as amended by the FY 2026 budget (Part A of Ch. 59 of 2025: the five lowest rates cut by 0.1 point for 2026), §601(d-1), §614"),
	}
}

// newYorkCity is New York City's resident income tax on New York taxable
// income (Administrative Code §11-1701; N.Y. Tax Law §1304), rates
// unchanged since 2017.
func newYorkCity() []StateLaw {
	l := StateLaw{
		Code: "NYC", Name: "New York City", Year: 2024, Income: AdjustedGross,
		Source: "NYC Admin. Code §11-1701 (rates 3.078%–3.876%); IT-201 instructions 2024, NYC tax rate schedule",
		Schedules: statuses(
			StateSchedule{Brackets: br(0, 3.078, 12000, 3.762, 25000, 3.819, 50000, 3.876)},
			StateSchedule{Brackets: br(0, 3.078, 21600, 3.762, 45000, 3.819, 90000, 3.876)},
			StateSchedule{Brackets: br(0, 3.078, 12000, 3.762, 25000, 3.819, 50000, 3.876)},
			StateSchedule{Brackets: br(0, 3.078, 14400, 3.762, 30000, 3.819, 60000, 3.876)}),
		Note: "The NYC household credit and school tax credit (lower incomes) are not modelled.",
	}
	return []StateLaw{l, withYear(l, 2025), withYear(l, 2026)}
}

func northCarolina() []StateLaw {
	law := func(year int, rate float64, src string) StateLaw {
		return StateLaw{
			Code: "NC", Name: "North Carolina", Year: year, Income: AdjustedGross, Source: src,
			Schedules: withDeductions(flat(rate), byStatus(12750, 25500, 12750, 19125)),
		}
	}
	return []StateLaw{
		law(2024, 4.5, "N.C.G.S. §105-153.7 (4.5% for 2024, S.L. 2023-134), §105-153.5(a)(1) (standard deduction); D-400 instructions 2024"),
		law(2025, 4.25, "N.C.G.S. §105-153.7 (4.25% for 2025), §105-153.5; D-400 instructions 2025"),
		law(2026, 3.99, "N.C.G.S. §105-153.7 (3.99% for 2026), §105-153.5"),
	}
}

func northDakota() []StateLaw {
	law := func(year int, s, j, m, h []StateBracket, src string) StateLaw {
		return StateLaw{
			Code: "ND", Name: "North Dakota", Year: year, Income: AdjustedGross, FederalDeduction: true, Source: src,
			Schedules: statuses(StateSchedule{Brackets: s}, StateSchedule{Brackets: j}, StateSchedule{Brackets: m}, StateSchedule{Brackets: h}),
			// 40% of the net long-term capital gain and 40% of qualified
			// dividends are subtracted from federal taxable income (30%
			// before 2013, 40% from 2013: Form ND-1 instructions 2013,
			// "Long-term capital gain and qualified dividend exclusion";
			// the qualified dividend exclusion falls to 30% of all
			// dividends if federal law taxes qualified dividends as
			// ordinary income).
			Exclusion:         GainExclusion{Rate: 40 * Percent},
			DividendExclusion: 40 * Percent,
		}
	}
	l24 := law(2024, br(0, 0, 47150, 1.95, 238200, 2.5), br(0, 0, 78775, 1.95, 289975, 2.5),
		br(0, 0, 39375, 1.95, 144975, 2.5), br(0, 0, 63175, 1.95, 264100, 2.5),
		"N.D.C.C. §57-38-30.3 (rates from 2023, HB 1158), §57-38-01.33 (40% of net long-term capital gain excluded); "+
			"Form ND-1 instructions 2024 (40% of net long-term capital gain and 40% of qualified dividends excluded)")
	l25 := law(2025, br(0, 0, 48475, 1.95, 244825, 2.5), br(0, 0, 80975, 1.95, 298075, 2.5),
		br(0, 0, 40475, 1.95, 149025, 2.5), br(0, 0, 64950, 1.95, 271450, 2.5),
		"N.D.C.C. §57-38-30.3, §57-38-01.33; Form ND-1 instructions 2025")
	return []StateLaw{l24, l25, projected(l25, 2026, inflation2026, 25,
		"2026: 2025 brackets indexed by the estimated inflation (§57-38-30.3(1)(g)), rounded to $25")}
}

func ohio() []StateLaw {
	ex := func(persons Dollars) []Step {
		return []Step{{40000, 2150 * persons}, {80000, 1900 * persons}, {750000, 0}}
	}
	law := func(year int, b []StateBracket, src string) StateLaw {
		return StateLaw{
			Code: "OH", Name: "Ohio", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(
				StateSchedule{Brackets: b, Deduction: 2400, DeductionSteps: ex(1)},
				StateSchedule{Brackets: b, Deduction: 4800, DeductionSteps: ex(2)},
				StateSchedule{Brackets: b, Deduction: 2400, DeductionSteps: ex(1)},
				StateSchedule{Brackets: b, Deduction: 2400, DeductionSteps: ex(1)}),
			Note: "Municipal and school district income taxes and the $20 personal credit are not modelled.",
		}
	}
	return []StateLaw{
		law(2024, br(0, 0, 26050, 2.75, 100000, 3.5), "R.C. 5747.02 (rates as amended by HB 33 of 2023), 5747.025 (exemptions, none above $750,000); IT 1040 instructions 2024"),
		law(2025, br(0, 0, 26050, 2.75, 100000, 3.125), "R.C. 5747.02 as amended by HB 96 (2025) (3.125% top for 2025), 5747.025; IT 1040 instructions 2025"),
		law(2026, br(0, 0, 26050, 2.75), "R.C. 5747.02 as amended by HB 96 (2025) (2.75% flat above $26,050 from 2026), 5747.025"),
	}
}

func oklahoma() []StateLaw {
	law := func(year int, s []StateBracket, src string) StateLaw {
		return StateLaw{
			Code: "OK", Name: "Oklahoma", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(
				StateSchedule{Brackets: s, Deduction: 6350 + 1000}, StateSchedule{Brackets: scaled(s, 2), Deduction: 12700 + 2000},
				StateSchedule{Brackets: s, Deduction: 6350 + 1000}, StateSchedule{Brackets: scaled(s, 2), Deduction: 9350 + 1000}),
		}
	}
	s24 := br(0, 0.25, 1000, 0.75, 2500, 1.75, 3750, 2.75, 4900, 3.75, 7200, 4.75)
	return []StateLaw{
		law(2024, s24, "68 O.S. §2355 (rates), §2358 (standard deduction, exemption $1,000); Form 511 instructions 2024"),
		law(2025, s24, "68 O.S. §2355, §2358; Form 511 instructions 2025"),
		law(2026, br(0, 0, 3750, 2.5, 4900, 3.5, 7200, 4.5), "68 O.S. §2355 as amended by HB 2764 (2025) (0% / 2.5% / 3.5% / 4.5% from 2026), §2358"),
	}
}

func oregon() []StateLaw {
	// Federal income tax subtraction, limited and phased out by AGI
	// (ORS 316.680(1)(b), 316.685); exemption credit not allowed above
	// $100,000 of AGI ($200,000 joint) (ORS 316.085).
	fed := func(cap, start, step Dollars) []FederalTaxStep {
		out := []FederalTaxStep{{0, 100 * Percent, cap}}
		for i := Dollars(1); i <= 5; i++ {
			out = append(out, FederalTaxStep{start + (i-1)*step, 100 * Percent, cap * (5 - i) / 5})
		}
		out[len(out)-1].Share = 0
		return out
	}
	law := func(year int, s, j []StateBracket, std [statusCount]Dollars, credit, cap Dollars, src string) StateLaw {
		sch := func(b []StateBracket, ded, credits, cliff Dollars) StateSchedule {
			return StateSchedule{Brackets: b, Deduction: ded, Credit: credits,
				CreditPhaseOut: PhaseOut{Start: cliff, Step: 1 << 40, PerStep: credits, Max: credits}}
		}
		return StateLaw{
			Code: "OR", Name: "Oregon", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(sch(s, std[Single], credit, 100000), sch(j, std[MarriedJoint], 2*credit, 200000),
				sch(s, std[MarriedSeparate], credit, 100000), sch(j, std[HeadOfHousehold], credit, 200000)),
			// The limit falls at "$125,000 or more" of federal AGI (ORS
			// 316.685(1)(b); Form OR-40 instructions, federal tax
			// liability subtraction table: $125,000–$129,999, ...), so a
			// step applies from its threshold itself.
			FederalTaxDeduction: &FederalTaxDeduction{AtLeast: true, Steps: [statusCount][]FederalTaxStep{
				fed(cap, 125000, 5000), fed(cap, 250000, 10000), fed(cap/2, 125000, 5000), fed(cap, 125000, 5000)}},
			Note: "Local taxes (Portland Metro, Multnomah County) and the kicker credit are not modelled.",
		}
	}
	l24 := law(2024, br(0, 4.75, 4300, 6.75, 10750, 8.75, 125000, 9.9), br(0, 4.75, 8600, 6.75, 21500, 8.75, 250000, 9.9),
		byStatus(2745, 5495, 2745, 4420), 249, 8250,
		"ORS 316.037 (rates, indexed), 316.695 (standard deduction), 316.085 (exemption credit), 316.680/316.685 (federal tax subtraction, $8,250); Form OR-40 instructions 2024")
	l25 := law(2025, br(0, 4.75, 4400, 6.75, 11100, 8.75, 125000, 9.9), br(0, 4.75, 8800, 6.75, 22200, 8.75, 250000, 9.9),
		byStatus(2835, 5670, 2835, 4560), 256, 8500,
		"ORS 316.037, 316.695, 316.085, 316.680/316.685 ($8,500); Form OR-40 instructions 2025")
	l26 := projected(l25, 2026, inflation2026, 50,
		"2026: 2025 brackets (except $125,000 / $250,000), deductions and credit indexed by the estimated inflation (ORS 316.037(1)(b)), rounded to $50")
	for s := range l26.Schedules {
		b := l26.Schedules[s].Brackets
		b[3].Over = l25.Schedules[s].Brackets[3].Over
	}
	return []StateLaw{l24, l25, l26}
}

func pennsylvania() []StateLaw {
	l := StateLaw{
		Code: "PA", Name: "Pennsylvania", Year: 2024, Income: AdjustedGross, Gains: GainsOnlyNoCarry,
		Source: "72 P.S. §7302 (3.07%), §7303(a)(3) (net gains from disposition of property; a net loss offsets no other class " +
			"of income and is not carried forward); PA-40 instructions 2024",
		Schedules: same(StateSchedule{Brackets: flat(3.07)}),
		Note:      "Local earned income taxes (on wages only) do not change with the portfolio and are not modelled.",
	}
	return []StateLaw{l, withYear(l, 2025), withYear(l, 2026)}
}

func rhodeIsland() []StateLaw {
	// Standard deduction and exemption are phased out over about $27,000
	// of AGI above the threshold (R.I.G.L. §44-30-2.6(c)(3)).
	law := func(year int, b []StateBracket, std [statusCount]Dollars, ex, start, width Dollars, src string) StateLaw {
		sch := func(s Status, persons Dollars) StateSchedule {
			total := std[s] + persons*ex
			return StateSchedule{Brackets: b, Deduction: total,
				DeductionPhaseOut: PhaseOut{Start: start, Rate: Rate(int64(total) * int64(fullRate) / int64(width)), Max: total}}
		}
		return StateLaw{
			Code: "RI", Name: "Rhode Island", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(sch(Single, 1), sch(MarriedJoint, 2), sch(MarriedSeparate, 1), sch(HeadOfHousehold, 1)),
		}
	}
	l24 := law(2024, br(0, 3.75, 77450, 4.75, 176050, 5.99), byStatus(10550, 21150, 10575, 15850), 4950, 241850, 27700,
		"R.I.G.L. §44-30-2.6(c)(3) (rates, standard deduction, exemption, phase-out; indexed); RI-1040 instructions 2024")
	l25 := law(2025, br(0, 3.75, 79900, 4.75, 181650, 5.99), byStatus(10900, 21800, 10900, 16350), 5100, 249300, 28500,
		"R.I.G.L. §44-30-2.6(c)(3); RI-1040 instructions 2025")
	return []StateLaw{l24, l25, projected(l25, 2026, inflation2026, 50,
		"2026: 2025 brackets and amounts indexed by the estimated inflation (§44-30-2.6(c)(3)(v)), rounded to $50")}
}

func southCarolina() []StateLaw {
	law := func(year int, b []StateBracket, src string) StateLaw {
		return StateLaw{
			Code: "SC", Name: "South Carolina", Year: year, Income: AdjustedGross, FederalDeduction: true, Source: src,
			Schedules: same(StateSchedule{Brackets: b}),
			Exclusion: GainExclusion{Rate: 44 * Percent},
		}
	}
	l24 := law(2024, br(0, 0, 3460, 3, 17330, 6.2), "S.C. Code §12-6-510 (rates, 6.2% top for 2024), §12-6-1150 (44% of net capital gain deducted); SC1040 instructions 2024")
	l25 := law(2025, br(0, 0, 3560, 3, 17830, 6), "S.C. Code §12-6-510 (6.0% top for 2025), §12-6-1150; SC1040 instructions 2025")
	// 2026: H.4216 (126th General Assembly) — the rates of §12-6-510 and,
	// in place of the federal standard deduction (no longer adopted,
	// §12-6-50), the South Carolina Income Adjusted Deduction of
	// §12-6-1140: $15,000 ($30,000 joint, $22,500 head of household),
	// reduced in proportion to AGI over $40,000 ($80,000, $60,000) until
	// $95,000 ($190,000, $142,500) (Senate version of 2026-02-26; amounts
	// as in PolicyEngine-US pull requests 7494 and 7917, the latter making
	// the act its baseline from 2026). The 44% capital gain deduction of
	// §12-6-1150 is unchanged; the SCIAD looks at AGI, before it.
	sciad := func(base, start, end Dollars) StateSchedule {
		return StateSchedule{Brackets: br(0, 1.99, 30000, 5.21), Deduction: base,
			DeductionPhaseOut: PhaseOut{Start: start, Rate: Rate(int64(base) * int64(fullRate) / int64(end-start)), Max: base}}
	}
	l26 := StateLaw{
		Code: "SC", Name: "South Carolina", Year: 2026, Income: AdjustedGross, PhaseOnAGI: true,
		Source: "S.C. Code §12-6-510 as amended by H.4216 (1.99% to $30,000, 5.21% above from 2026), §12-6-1140 as amended by H.4216 " +
			"(South Carolina Income Adjusted Deduction), §12-6-50 (federal standard deduction not adopted), §12-6-1150 (44% capital gain deduction)",
		Schedules: statuses(sciad(15000, 40000, 95000), sciad(30000, 80000, 190000), sciad(15000, 40000, 95000), sciad(22500, 60000, 142500)),
		Exclusion: GainExclusion{Rate: 44 * Percent},
		Note: "H.4216's text as finally enacted was not read: the rates and the SCIAD are those of the Senate version, which the " +
			"engine's 2026 rates already followed.",
	}
	return []StateLaw{l24, l25, l26}
}

func utah() []StateLaw {
	// Taxpayer credit: 6% of the federal standard deduction, reduced by
	// 1.3% of income above a base amount (Utah Code §59-10-1018).
	law := func(year int, rate float64, fedStd, base [statusCount]Dollars, src string) StateLaw {
		sch := func(s Status) StateSchedule {
			c := fedStd[s] * 6 / 100
			return StateSchedule{Brackets: flat(rate), Credit: c,
				CreditPhaseOut: PhaseOut{Start: base[s], Rate: 130 * BasisPoint, Max: c}}
		}
		return StateLaw{
			Code: "UT", Name: "Utah", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(sch(Single), sch(MarriedJoint), sch(MarriedSeparate), sch(HeadOfHousehold)),
		}
	}
	l24 := law(2024, 4.55, byStatus(14600, 29200, 14600, 21900), byStatus(18213, 36426, 18213, 27320),
		"Utah Code §59-10-104 (4.55% for 2024, HB 106), §59-10-1018 (taxpayer tax credit); TC-40 instructions 2024")
	l25 := law(2025, 4.5, byStatus(15750, 31500, 15750, 23625), byStatus(18938, 37876, 18938, 28407),
		"Utah Code §59-10-104 (4.5% for 2025, HB 106 of 2025), §59-10-1018; TC-40 instructions 2025")
	l26 := law(2026, 4.45, byStatus(16100, 32200, 16100, 24150), byStatus(19450, 38900, 19450, 29175),
		"Utah Code §59-10-104 as amended by SB 60 (2026 General Session, retrospective to January 1, 2026: 4.45%), §59-10-1018")
	l26.Projected = "2026 credit base amounts: 2025 indexed by the estimated inflation"
	return []StateLaw{l24, l25, l26}
}

func vermont() []StateLaw {
	law := func(year int, s, j, m, h []StateBracket, std [statusCount]Dollars, ex Dollars, src string) StateLaw {
		return StateLaw{
			Code: "VT", Name: "Vermont", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(
				StateSchedule{Brackets: s, Deduction: std[Single] + ex}, StateSchedule{Brackets: j, Deduction: std[MarriedJoint] + 2*ex},
				StateSchedule{Brackets: m, Deduction: std[MarriedSeparate] + ex}, StateSchedule{Brackets: h, Deduction: std[HeadOfHousehold] + ex}),
			// The flat $5,000 exclusion of gains on assets held more than a
			// year (32 V.S.A. §5811(21)(B)(ii)); the 40% alternative needs
			// assets held more than three years and is not modelled.
			Exclusion: GainExclusion{Min: 5000, Max: 5000},
		}
	}
	l24 := law(2024, br(0, 3.35, 47900, 6.6, 116000, 7.6, 242000, 8.75), br(0, 3.35, 79950, 6.6, 193300, 7.6, 294600, 8.75),
		br(0, 3.35, 39975, 6.6, 96650, 7.6, 147300, 8.75), br(0, 3.35, 64200, 6.6, 165700, 7.6, 268300, 8.75),
		byStatus(7400, 14850, 7400, 11100), 5100,
		"32 V.S.A. §5822 (rates, indexed), §5811(21)(C) (standard deduction, exemption), §5811(21)(B)(ii) (capital gain exclusion); IN-111 instructions 2024")
	l25 := law(2025, br(0, 3.35, 49400, 6.6, 119700, 7.6, 249700, 8.75), br(0, 3.35, 82500, 6.6, 199450, 7.6, 304000, 8.75),
		br(0, 3.35, 41250, 6.6, 99725, 7.6, 152000, 8.75), br(0, 3.35, 66200, 6.6, 170950, 7.6, 276850, 8.75),
		byStatus(7650, 15300, 7650, 11450), 5300,
		"32 V.S.A. §5822, §5811(21); IN-111 instructions 2025")
	return []StateLaw{l24, l25, projected(l25, 2026, inflation2026, 50,
		"2026: 2025 brackets and amounts indexed by the estimated inflation (32 V.S.A. §5822(b)), rounded to $50")}
}

func virginia() []StateLaw {
	b := br(0, 2, 3000, 3, 5000, 5, 17000, 5.75)
	law := func(year int, std Dollars, src string) StateLaw {
		return StateLaw{
			Code: "VA", Name: "Virginia", Year: year, Income: AdjustedGross, Source: src,
			Schedules: withDeductions(b, byStatus(std+930, 2*std+1860, std+930, std+930)),
		}
	}
	return []StateLaw{
		law(2024, 8500, "Va. Code §58.1-320 (rates), §58.1-322.03 (standard deduction $8,500 / $17,000 for 2024, exemption $930); Form 760 instructions 2024"),
		law(2025, 8750, "Va. Code §58.1-320, §58.1-322.03 as amended by the 2025 budget (standard deduction $8,750 / $17,500 for 2025 and 2026; Virginia Tax, \"New Virginia tax laws July 1, 2025\"); Form 760 instructions 2025"),
		law(2026, 8750, "Va. Code §58.1-320, §58.1-322.03 as amended by the 2025 budget ($8,750 / $17,500 through 2026)"),
	}
}

func washington() []StateLaw {
	// Capital gains excise tax on the year's net long-term capital gain
	// above the standard deduction (RCW 82.87.040, .060); 2.9% more on
	// gains over $1 million from 2025 (ESSB 5813, 2025). Spouses share one
	// deduction; a separate return gets half. No carryforward of losses.
	law := func(year int, ded Dollars, b []StateBracket, src string) StateLaw {
		return StateLaw{
			Code: "WA", Name: "Washington", Year: year, Income: LongTermGainsOnly, Source: src,
			Schedules: statuses(StateSchedule{Brackets: b, Deduction: ded}, StateSchedule{Brackets: b, Deduction: ded},
				StateSchedule{Brackets: b, Deduction: ded / 2}, StateSchedule{Brackets: b, Deduction: ded}),
			Note: "Wages, dividends and short-term gains are not taxed; the charitable deduction and exempt assets (real estate, retirement accounts) are not modelled.",
		}
	}
	l26 := law(2026, 285000, br(0, 7, 1000000, 9.9), "RCW 82.87.040 as amended by ESSB 5813 (2025), 82.87.060")
	l26.Projected = "2026 standard deduction: $278,000 indexed by the estimated inflation (RCW 82.87.150), rounded to $1,000"
	return []StateLaw{
		law(2024, 270000, flat(7), "RCW 82.87.040 (7%), 82.87.060 (standard deduction, $270,000 for 2024 as indexed by the Department of Revenue)"),
		law(2025, 278000, br(0, 7, 1000000, 9.9), "RCW 82.87.040 as amended by ESSB 5813 (2025) (9.9% above $1 million), 82.87.060 ($278,000 for 2025)"),
		l26,
	}
}

func westVirginia() []StateLaw {
	law := func(year int, r [5]float64, src string) StateLaw {
		s := br(0, r[0], 10000, r[1], 25000, r[2], 40000, r[3], 60000, r[4])
		return StateLaw{
			Code: "WV", Name: "West Virginia", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(
				StateSchedule{Brackets: s, Deduction: 2000}, StateSchedule{Brackets: s, Deduction: 4000},
				StateSchedule{Brackets: scaled(s, 0.5), Deduction: 2000}, StateSchedule{Brackets: s, Deduction: 2000}),
		}
	}
	// 2026: §11-21-4j, enacted by SB 392 of the 2026 regular session
	// (enrolled committee substitute; the House Finance Committee's 5% cut
	// of every rate, retroactive to January 1, 2026, in place of the
	// Senate's 10%): 2.11% / 2.81% / 3.16% / 4.22% / 4.58% (rates as
	// transcribed from the enrolled bill in PolicyEngine-US pull request
	// 7919).
	l26 := law(2026, [5]float64{2.11, 2.81, 3.16, 4.22, 4.58},
		"W. Va. Code §11-21-4j as enacted by SB 392 (2026) (rates 5% below §11-21-4i's for taxable years from January 1, 2026), §11-21-16 (exemption $2,000)")
	return []StateLaw{
		law(2024, [5]float64{2.36, 3.15, 3.54, 4.72, 5.12}, "W. Va. Code §11-21-4e (rates for 2024 after the 4% trigger reduction), §11-21-16 (exemption $2,000); IT-140 instructions 2024"),
		law(2025, [5]float64{2.22, 2.96, 3.33, 4.44, 4.82}, "W. Va. Code §11-21-4e as amended by SB 2033 (2025); IT-140 instructions 2025"),
		l26,
	}
}

func wisconsin() []StateLaw {
	// Sliding-scale standard deduction (Wis. Stat. §71.05(22)), exemption
	// $700 a person, 30% of net long-term capital gain excluded
	// (§71.05(6)(b)9).
	law := func(year int, s, j, m []StateBracket, ded [statusCount]Dollars, start [statusCount]Dollars, src string) StateLaw {
		sch := func(st Status, b []StateBracket, rate Rate, persons Dollars) StateSchedule {
			return StateSchedule{Brackets: b, Deduction: ded[st] + 700*persons,
				DeductionPhaseOut: PhaseOut{Start: start[st], Rate: rate, Max: ded[st]}}
		}
		return StateLaw{
			Code: "WI", Name: "Wisconsin", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(sch(Single, s, 12*Percent, 1), sch(MarriedJoint, j, 197780, 2),
				sch(MarriedSeparate, m, 197780, 1), sch(HeadOfHousehold, s, 225150, 1)),
			Exclusion: GainExclusion{Rate: 30 * Percent},
			// Net capital loss against other income: the federal $3,000
			// ($1,500 separate) for taxable years beginning after
			// December 31, 2022 (Wis. Stat. §71.05(10)(c)2. and 3., 2021
			// Wis. Act 157; $500 before); Schedule WD 2024 line 28: the
			// smaller of the loss, $3,000/$1,500 or Wisconsin ordinary
			// income; the excess carries forward with the $3,000 limit.
			Note: "The head-of-household deduction's second phase-out stage (at the single rate) is approximated by one rate; " +
				"the capital loss limit and carryforward are the federal ones (Schedule WD line 28's third limit, Wisconsin " +
				"ordinary income, binds only when wages and dividends are below the loss deducted).",
		}
	}
	l24 := law(2024, br(0, 3.5, 14320, 4.4, 28640, 5.3, 315310, 7.65), br(0, 3.5, 19090, 4.4, 38190, 5.3, 420420, 7.65),
		br(0, 3.5, 9545, 4.4, 19095, 5.3, 210210, 7.65),
		byStatus(13230, 24490, 11630, 17090), byStatus(19070, 27470, 13050, 19070),
		"Wis. Stat. §71.06(1q) (rates, indexed), §71.05(22) (standard deduction), §71.05(23) (exemption), §71.05(6)(b)9 (30% exclusion), "+
			"§71.05(10)(c)2.–3. (net capital loss limit $3,000 / $1,500 from 2023, 2021 Wis. Act 157); Form 1 instructions and Schedule WD 2024 (line 28)")
	l25 := law(2025, br(0, 3.5, 14680, 4.4, 50480, 5.3, 323290, 7.65), br(0, 3.5, 19580, 4.4, 67300, 5.3, 431060, 7.65),
		br(0, 3.5, 9790, 4.4, 33650, 5.3, 215530, 7.65),
		byStatus(13560, 25100, 11910, 17520), byStatus(19550, 28160, 13380, 19550),
		"Wis. Stat. §71.06(1q) as amended by 2025 Wis. Act 15 (second bracket widened), §71.05(22), §71.05(23), §71.05(6)(b)9; Form 1 instructions 2025")
	return []StateLaw{l24, l25, projected(l25, 2026, inflation2026, 10,
		"2026: 2025 brackets and deductions indexed by the estimated inflation (§71.06(2e)), rounded to $10")}
}
