package tax

// State laws, Maine to Wisconsin (and New York City).

func maine() []StateLaw {
	// Standard deduction (36 M.R.S. §5124-C: the federal one through 2025,
	// Maine's own from 2026) phased out linearly: by the deduction times
	// (AGI − start) / $75,000 ($112,500 head of household, $150,000
	// joint), §5124-C(2); the personal exemption phased out the same way
	// over $125,000 ($62,500 separate) above its own start, §5126-A(2).
	// The starts are statutory amounts (deduction: $80,000 single and
	// separate, $120,000 head of household, $160,000 joint; exemption:
	// $266,700, $293,350, $320,000, $160,000 separate) indexed under
	// §5403 and rounded down to $50. Maine Revenue Services publishes the
	// deduction's start (2024: $97,150 / $194,300, Form 1040ME
	// instructions as reproduced by secondary sources; 2025: $100,000 /
	// $200,050 and 2026: $102,250 / $204,550, MRS withholding methods as
	// reported by Bloomberg Tax); the other starts are the statutory
	// amounts times the cost-of-living factor those figures pin down
	// (1.2145, 1.2505, 1.2786), which reproduces every 2023 start of the
	// 2023 instructions to within $50 (as transcribed in PolicyEngine-US
	// gov/states/me/tax/income/deductions): within $50 of the department's.
	type starts struct{ std, ex [statusCount]Dollars }
	law := func(year int, single, joint, hoh []StateBracket, std [statusCount]Dollars, st starts, ex Dollars, src string) StateLaw {
		sch := func(s Status, b []StateBracket, persons, width, exWidth Dollars) StateSchedule {
			exemption := persons * ex
			return StateSchedule{Brackets: b, Deduction: std[s],
				DeductionPhaseOut: PhaseOut{Start: st.std[s], Rate: Rate(int64(std[s]) * int64(fullRate) / int64(width)), Max: std[s]},
				Exemption:         exemption,
				ExemptionPhaseOut: PhaseOut{Start: st.ex[s], Rate: Rate(int64(exemption) * int64(fullRate) / int64(exWidth)), Max: exemption}}
		}
		return StateLaw{
			Code: "ME", Name: "Maine", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(sch(Single, single, 1, 75000, 125000), sch(MarriedJoint, joint, 2, 150000, 125000),
				sch(MarriedSeparate, single, 1, 75000, 62500), sch(HeadOfHousehold, hoh, 1, 112500, 125000)),
		}
	}
	l24 := law(2024, br(0, 5.8, 26050, 6.75, 61600, 7.15), br(0, 5.8, 52100, 6.75, 123250, 7.15), br(0, 5.8, 39050, 6.75, 92450, 7.15),
		byStatus(14600, 29200, 14600, 21900),
		starts{std: byStatus(97150, 194300, 97150, 145700), ex: byStatus(323900, 388600, 194300, 356250)}, 5000,
		"36 M.R.S. §5111 (rates, indexed), §5124-C (standard deduction and phase-out), §5126-A (exemption and phase-out), §5403 (indexing); "+
			"Maine Revenue Services, Individual Income Tax 2024 Rates; Form 1040ME instructions 2024")
	l25 := law(2025, br(0, 5.8, 26800, 6.75, 63450, 7.15), br(0, 5.8, 53600, 6.75, 126900, 7.15), br(0, 5.8, 40200, 6.75, 95150, 7.15),
		byStatus(15000, 30000, 15000, 22500),
		starts{std: byStatus(100000, 200050, 100000, 150050), ex: byStatus(333500, 400150, 200050, 366800)}, 5150,
		"36 M.R.S. §5111, §5124-C (federal standard deduction as of the IRC conformity date), §5126-A, §5403; "+
			"Maine Revenue Services, Individual Income Tax 2025 Rates; Form 1040ME instructions 2025")
	// 2026: the schedules, exemption and Maine's own standard deduction
	// (§5124-C(1-B): $12,000 indexed) as published by Maine Revenue Services
	// (Individual Income Tax 2026 Rates, 2025-09-15, as reported by Thomson
	// Reuters), and the 2% surcharge on Maine taxable income over
	// $1,000,000 (single and separate), $1,500,000 (head of household) or
	// $2,000,000 (joint) for tax years from 2026 (36 M.R.S. §5111 as
	// amended by the 2025–2027 budget, LD 210 of the 132nd Legislature,
	// House Amendment to Committee Amendment A; fiscal note LR 2409(13)).
	l26 := law(2026, br(0, 5.8, 27400, 6.75, 64850, 7.15), br(0, 5.8, 54850, 6.75, 129750, 7.15), br(0, 5.8, 41100, 6.75, 97300, 7.15),
		byStatus(15300, 30600, 15300, 22950),
		starts{std: byStatus(102250, 204550, 102250, 153400), ex: byStatus(340950, 409100, 204550, 375050)}, 5300,
		"36 M.R.S. §5111 (rates; 2% surcharge from 2026, LD 210 of 2025), §5124-C(1-B) (Maine standard deduction from 2026), §5126-A, §5403; "+
			"Maine Revenue Services, Individual Income Tax 2026 Rates")
	l26.Surtax = Surtax{Rate: 2 * Percent, Over: byStatus(1_000_000, 2_000_000, 1_000_000, 1_500_000)}
	l26.Note = "The surcharge's threshold for a separate return is taken as the single one (the fiscal note names single, head of " +
		"household and joint filers; §5111's single schedule covers married persons filing separately)."
	return []StateLaw{l24, l25, l26}
}

func maryland() []StateLaw {
	// Exemption $3,200 a person, reduced in steps above $100,000 of AGI
	// ($150,000 joint) (Tax-General §10-211).
	single := func(b []StateBracket, ded Dollars) StateSchedule {
		return StateSchedule{Brackets: b, Deduction: ded + 3200,
			DeductionSteps: []Step{{100000, ded + 1600}, {125000, ded + 800}, {150000, ded}}}
	}
	joint := func(b []StateBracket, ded Dollars) StateSchedule {
		return StateSchedule{Brackets: b, Deduction: ded + 6400,
			DeductionSteps: []Step{{150000, ded + 3200}, {175000, ded + 1600}, {200000, ded}}}
	}
	hoh := func(b []StateBracket, ded Dollars) StateSchedule {
		return StateSchedule{Brackets: b, Deduction: ded + 3200,
			DeductionSteps: []Step{{150000, ded + 1600}, {175000, ded + 800}, {200000, ded}}}
	}
	s24 := br(0, 2, 1000, 3, 2000, 4, 3000, 4.75, 100000, 5, 125000, 5.25, 150000, 5.5, 250000, 5.75)
	j24 := br(0, 2, 1000, 3, 2000, 4, 3000, 4.75, 150000, 5, 175000, 5.25, 225000, 5.5, 300000, 5.75)
	s25 := br(0, 2, 1000, 3, 2000, 4, 3000, 4.75, 100000, 5, 125000, 5.25, 150000, 5.5, 250000, 5.75, 500000, 6.25, 1000000, 6.5)
	j25 := br(0, 2, 1000, 3, 2000, 4, 3000, 4.75, 150000, 5, 175000, 5.25, 225000, 5.5, 300000, 5.75, 600000, 6.25, 1200000, 6.5)
	l24 := StateLaw{
		Code: "MD", Name: "Maryland", Year: 2024, Income: AdjustedGross,
		Source:    "Md. Tax-General §10-105 (rates), §10-217 (standard deduction, maximum $2,700 / $5,450), §10-211 (exemptions); Form 502 instructions 2024",
		Schedules: statuses(single(s24, 2700), joint(j24, 5450), single(s24, 2700), hoh(j24, 5450)),
		Note:      "County income taxes (2.25%–3.2%) are not modelled; the standard deduction is at its maximum (AGI above $18,000).",
	}
	l25 := StateLaw{
		Code: "MD", Name: "Maryland", Year: 2025, Income: AdjustedGross,
		Source: "Md. Tax-General §10-105 as amended by the Budget Reconciliation and Financing Act of 2025 (HB 352: 6.25% and 6.5% brackets, " +
			"flat standard deduction $3,350 / $6,700, 2% tax on net capital gain when federal AGI exceeds $350,000), §10-211; Form 502 instructions 2025",
		Schedules:  statuses(single(s25, 3350), joint(j25, 6700), single(s25, 3350), hoh(j25, 6700)),
		GainSurtax: Surtax{Rate: 2 * Percent, Over: byStatus(350000, 350000, 350000, 350000)},
		Note:       l24.Note,
	}
	l26 := withYear(l25, 2026)
	l26.Projected = "2026: the 2025 law (the standard deduction's indexing from 2026 is not applied)"
	return []StateLaw{l24, l25, l26}
}

func massachusetts() []StateLaw {
	law := func(year int, surtaxOver Dollars, src, proj string) StateLaw {
		return StateLaw{
			Code: "MA", Name: "Massachusetts", Year: year, Income: AdjustedGross, Source: src, Projected: proj,
			Schedules: statuses(
				StateSchedule{Brackets: flat(5), Deduction: 4400},
				StateSchedule{Brackets: flat(5), Deduction: 8800},
				StateSchedule{Brackets: flat(5), Deduction: 4400},
				StateSchedule{Brackets: flat(5), Deduction: 6800},
			),
			ShortTermExtra: 350 * BasisPoint, // short-term gains 8.5% (M.G.L. c. 62 §4(b))
			LossLimit:      2000,             // against interest and dividends (c. 62 §2(c)(2))
			Surtax:         Surtax{Rate: 4 * Percent, Over: byStatus(surtaxOver, surtaxOver, surtaxOver, surtaxOver)},
			Note: "Part B (wages, dividends) and Part C (long-term gains) at 5%, Part A short-term gains at 8.5%; the 4% surtax on " +
				"income over the threshold (one threshold per return). The capital loss carryforward is the federal one (Massachusetts " +
				"keeps its own, which differs when more than $2,000 of loss is deducted).",
		}
	}
	return []StateLaw{
		law(2024, 1053750, "M.G.L. c. 62 §4 (5%, 8.5% short-term gains, 4% surtax over $1,053,750 for 2024), §3(B)(b) (exemptions); Form 1 instructions 2024", ""),
		law(2025, 1083150, "M.G.L. c. 62 §4 (surtax threshold $1,083,150 for 2025), §3(B)(b); Form 1 instructions 2025", ""),
		law(2026, 1112400, "M.G.L. c. 62 §4, §3(B)(b)", "2026 surtax threshold: $1,083,150 indexed by the estimated inflation (Mass. Const. amend. art. 44 as amended), rounded to $50"),
	}
}

func michigan() []StateLaw {
	law := func(year int, ex Dollars, src, proj string) StateLaw {
		return StateLaw{
			Code: "MI", Name: "Michigan", Year: year, Income: AdjustedGross, Source: src, Projected: proj,
			Schedules: withDeductions(flat(4.25), byStatus(ex, 2*ex, ex, ex)),
			Note:      "City income taxes (Detroit and others) are not modelled.",
		}
	}
	return []StateLaw{
		law(2024, 5600, "MCL 206.51 (4.25%), 206.30 (exemption $5,600); MI-1040 instructions 2024", ""),
		law(2025, 5800, "MCL 206.51, 206.30 (exemption $5,800); MI-1040 instructions 2025", ""),
		law(2026, 5900, "MCL 206.51, 206.30", "2026 exemption: $5,800 indexed by the estimated inflation (MCL 206.30(7)), rounded to $100"),
	}
}

func minnesota() []StateLaw {
	// The standard deduction is reduced by the lesser of 3% of AGI over
	// the first threshold (up to the second) plus 10% of AGI over the
	// second, and 80% of the deduction (Minn. Stat. §290.0123 subd. 5(a),
	// as amended in 2023: $220,650 and $304,970 for 2023, indexed from
	// 2024 under subd. 6 and rounded down to $50; half for a separate
	// return, subd. 5(c)). Subd. 5(b)'s 80% reduction above $1,000,000
	// (indexed) never binds before the 80% limit does (at that AGI 3% and
	// 10% already take more than 80% of the deduction).
	law := func(year int, s, j, m, h []StateBracket, std [statusCount]Dollars, po, po2 Dollars, src string) StateLaw {
		sch := func(st Status, b []StateBracket) StateSchedule {
			start, start2 := po, po2
			if st == MarriedSeparate {
				start, start2 = po/2, po2/2
			}
			return StateSchedule{Brackets: b, Deduction: std[st],
				DeductionPhaseOut: PhaseOut{Start: start, Rate: 3 * Percent, Start2: start2, Rate2: 10 * Percent, Max: std[st] * 4 / 5}}
		}
		return StateLaw{
			Code: "MN", Name: "Minnesota", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(sch(Single, s), sch(MarriedJoint, j), sch(MarriedSeparate, m), sch(HeadOfHousehold, h)),
			Note:      "The 1% tax on net investment income over $1 million (from 2024) is not modelled.",
		}
	}
	l24 := law(2024,
		br(0, 5.35, 31690, 6.8, 104090, 7.85, 193240, 9.85), br(0, 5.35, 46330, 6.8, 184040, 7.85, 321450, 9.85),
		br(0, 5.35, 23165, 6.8, 92020, 7.85, 160725, 9.85), br(0, 5.35, 39010, 6.8, 156760, 7.85, 256880, 9.85),
		byStatus(14575, 29150, 14575, 21900), 232500, 321350,
		"Minn. Stat. §290.06 subd. 2c (rates, indexed), §290.0123 (standard deduction and reduction); Form M1 instructions 2024")
	l25 := law(2025,
		br(0, 5.35, 32570, 6.8, 106990, 7.85, 198630, 9.85), br(0, 5.35, 47620, 6.8, 189180, 7.85, 330410, 9.85),
		br(0, 5.35, 23810, 6.8, 94590, 7.85, 165205, 9.85), br(0, 5.35, 40100, 6.8, 161130, 7.85, 264050, 9.85),
		byStatus(14950, 29900, 14950, 22500), 238950, 330300,
		"Minn. Stat. §290.06 subd. 2c, §290.0123; Form M1 instructions 2025")
	// 2026: the Department of Revenue's published brackets and standard
	// deductions (2025 indexed by 2.369%); the deduction-reduction
	// threshold is not in that announcement.
	l26 := law(2026,
		br(0, 5.35, 33310, 6.8, 109430, 7.85, 203150, 9.85), br(0, 5.35, 48700, 6.8, 193480, 7.85, 337930, 9.85),
		br(0, 5.35, 24350, 6.8, 96740, 7.85, 168965, 9.85), br(0, 5.35, 41010, 6.8, 164800, 7.85, 270060, 9.85),
		byStatus(15300, 30600, 15300, 23000), 244400, 337800,
		"Minn. Stat. §290.06 subd. 2c, §290.0123; Minnesota Department of Revenue, 2026 income tax brackets and standard deduction amounts (inflation factor 2.369%)")
	// The reduction thresholds: the 2023 statutory $220,650 and $304,970
	// times the department's cumulative factor since 2023, rounded down to
	// $50. The factor is pinned by the amounts it publishes from the same
	// statutory base: $232,500 (2024 low threshold, DOR standard deduction
	// page) and subd. 5(b)'s $1,000,000 indexed to $1,053,750 (2024),
	// $1,083,150 (2025) and $1,107,750 (2026) (DOR inflation-adjusted
	// amounts, as transcribed in PolicyEngine-US
	// gov/states/mn/tax/income/deductions/standard/reduction/alternate):
	// 1.05375, 1.08315, 1.10775 give 232,500 / 321,350, 238,950 / 330,300
	// and 244,400 / 337,800.
	l26.Projected = "2026 standard deduction reduction thresholds: the statutory 2023 amounts times the department's 2026 factor (1.10775, implied by its published $1,107,750), rounded down to $50"
	return []StateLaw{l24, l25, l26}
}

func mississippi() []StateLaw {
	law := func(year int, rate float64, src string) StateLaw {
		b := br(0, 0, 10000, rate)
		return StateLaw{
			Code: "MS", Name: "Mississippi", Year: year, Income: AdjustedGross, Source: src,
			Schedules: withDeductions(b, byStatus(2300+6000, 4600+12000, 2300+6000, 3400+8000)),
		}
	}
	return []StateLaw{
		law(2024, 4.7, "Miss. Code §27-7-5 (4.7% over $10,000 for 2024, HB 531 of 2022), §27-7-17 and §27-7-21 (deduction, exemption); Form 80-105 instructions 2024"),
		law(2025, 4.4, "Miss. Code §27-7-5 as amended by HB 1 (2025) (4.4% for 2025); Form 80-105 instructions 2025"),
		law(2026, 4.0, "Miss. Code §27-7-5 as amended by HB 1 (2025) (4.0% for 2026)"),
	}
}

func missouri() []StateLaw {
	// The federal income tax deduction: a share of the federal tax by MO
	// AGI, at most $5,000 ($10,000 joint) (RSMo §143.171).
	fed := func(cap Dollars) []FederalTaxStep {
		return []FederalTaxStep{{0, 35 * Percent, cap}, {25000, 25 * Percent, cap}, {50000, 15 * Percent, cap},
			{100000, 5 * Percent, cap}, {125000, 0, cap}}
	}
	law := func(year int, b []StateBracket, src string) StateLaw {
		return StateLaw{
			Code: "MO", Name: "Missouri", Year: year, Income: AdjustedGross, FederalDeduction: true, Source: src,
			Schedules: same(StateSchedule{Brackets: b}),
			FederalTaxDeduction: &FederalTaxDeduction{Steps: [statusCount][]FederalTaxStep{
				fed(5000), fed(10000), fed(5000), fed(5000)}},
		}
	}
	l24 := law(2024, br(0, 0, 1273, 2, 2546, 2.5, 3819, 3, 5092, 3.5, 6365, 4, 7638, 4.5, 8911, 4.8),
		"RSMo §143.011 (rates, indexed; 4.8% top for 2024), §143.131 (federal standard deduction), §143.171 (federal tax deduction); MO-1040 instructions 2024")
	l25 := law(2025, br(0, 0, 1313, 2, 2626, 2.5, 3939, 3, 5252, 3.5, 6565, 4, 7878, 4.5, 9191, 4.7),
		"RSMo §143.011 (4.7% top for 2025), §143.121.3(18) as enacted by HB 594 (2025) (100% subtraction of capital gains), §143.131, §143.171; MO-1040 instructions 2025")
	l25.Gains = GainsExempt
	l26 := projected(l25, 2026, inflation2026, 1,
		"2026: 2025 brackets indexed by the estimated inflation (RSMo §143.011.3); top rate kept at 4.7% (further cuts depend on revenue triggers)")
	return []StateLaw{l24, l25, l26}
}

func montana() []StateLaw {
	// From 2024 Montana starts from federal taxable income; net long-term
	// capital gain is taxed at 3% where it falls within the first bracket
	// and 4.1% above (MCA 15-30-2103, HB 337 of 2023).
	law := func(year int, top [statusCount]Dollars, high float64, src string) StateLaw {
		sch := func(s Status) StateSchedule {
			return StateSchedule{Brackets: br(0, 4.7, float64(top[s]), high)}
		}
		gr := &GainRates{Rates: []Rate{3 * Percent, 410 * BasisPoint}}
		for s := range gr.Tops {
			gr.Tops[s] = []Dollars{top[s]}
		}
		return StateLaw{
			Code: "MT", Name: "Montana", Year: year, Income: AdjustedGross, FederalDeduction: true, Source: src,
			Schedules: statuses(sch(Single), sch(MarriedJoint), sch(MarriedSeparate), sch(HeadOfHousehold)),
			GainRates: gr,
		}
	}
	l24 := law(2024, byStatus(20500, 41000, 20500, 30750), 5.9,
		"MCA 15-30-2103 (rates 4.7% / 5.9%, capital gains 3% / 4.1%), 15-30-2110 (federal taxable income); Form 2 instructions 2024")
	l25 := law(2025, byStatus(21100, 42200, 21100, 31700), 5.9, "MCA 15-30-2103, 15-30-2110; Form 2 instructions 2025")
	l26 := law(2026, byStatus(47500, 95000, 47500, 71250), 5.65, "MCA 15-30-2103 as amended by HB 337 (2025) (first bracket to $47,500 single, top rate 5.65% for 2026)")
	l26.Projected = "2026 joint and head-of-household edges taken as 2× and 1.5× the single $47,500 (the 2024 ratios); the capital-gain bands follow the first bracket"
	return []StateLaw{l24, l25, l26}
}

func nebraska() []StateLaw {
	law := func(year int, s, j, h []StateBracket, std [statusCount]Dollars, credit Dollars, src string) StateLaw {
		return StateLaw{
			Code: "NE", Name: "Nebraska", Year: year, Income: AdjustedGross, Source: src,
			Schedules: statuses(
				StateSchedule{Brackets: s, Deduction: std[Single], Credit: credit},
				StateSchedule{Brackets: j, Deduction: std[MarriedJoint], Credit: 2 * credit},
				StateSchedule{Brackets: s, Deduction: std[MarriedSeparate], Credit: credit},
				StateSchedule{Brackets: h, Deduction: std[HeadOfHousehold], Credit: credit}),
		}
	}
	l24 := law(2024, br(0, 2.46, 3900, 3.51, 23370, 5.01, 37670, 5.84), br(0, 2.46, 7790, 3.51, 46760, 5.01, 75340, 5.84),
		br(0, 2.46, 7270, 3.51, 37400, 5.01, 55850, 5.84), byStatus(8300, 16600, 8300, 12200), 171,
		"Neb. Rev. Stat. §77-2715.03 (rates, 5.84% top for 2024, LB 754 of 2023), §77-2716.01 (standard deduction), §77-2716 (personal credit); Form 1040N instructions 2024")
	l25 := law(2025, br(0, 2.46, 4030, 3.51, 24120, 5.01, 38870, 5.2), br(0, 2.46, 8040, 3.51, 48250, 5.01, 77730, 5.2),
		br(0, 2.46, 7510, 3.51, 38590, 5.01, 57630, 5.2), byStatus(8600, 17200, 8600, 12600), 176,
		"Neb. Rev. Stat. §77-2715.03 (5.20% top for 2025, LB 754 of 2023), §77-2716.01, §77-2716; Form 1040N instructions 2025")
	l26 := projected(l25, 2026, inflation2026, 10,
		"2026: 2025 brackets and deductions indexed by the estimated inflation (§77-2715.03(3)), rounded to $10; the two top rates 4.55% per LB 754 (2023)")
	for s := range l26.Schedules {
		b := l26.Schedules[s].Brackets
		b[2].Rate, b[3].Rate = 455*BasisPoint, 455*BasisPoint // LB 754: 4.55% for 2026
	}
	return []StateLaw{l24, l25, l26}
}

func newHampshire() []StateLaw {
	l24 := StateLaw{
		Code: "NH", Name: "New Hampshire", Year: 2024, Income: DividendsOnly,
		Source:    "RSA 77:1 (interest and dividends tax, 3% for 2024), RSA 77:3 (exemption $2,400 / $4,800); repealed for taxable periods after Dec 31, 2024 (HB 2, 2023); Form DP-10 instructions 2024",
		Schedules: withDeductions(flat(3), byStatus(2400, 4800, 2400, 2400)),
		Note:      "Only interest and dividends were taxed; wages and capital gains never were.",
	}
	l25 := StateLaw{Code: "NH", Name: "New Hampshire", Year: 2025, Income: NoIncomeTax,
		Source: "RSA 77 repealed for taxable periods beginning after Dec 31, 2024 (HB 2, 2023)"}
	return []StateLaw{l24, l25, withYear(l25, 2026)}
}

func newJersey() []StateLaw {
	s := br(0, 1.4, 20000, 1.75, 35000, 3.5, 40000, 5.525, 75000, 6.37, 500000, 8.97, 1000000, 10.75)
	j := br(0, 1.4, 20000, 1.75, 50000, 2.45, 70000, 3.5, 80000, 5.525, 150000, 6.37, 500000, 8.97, 1000000, 10.75)
	l := StateLaw{
		Code: "NJ", Name: "New Jersey", Year: 2024, Income: AdjustedGross, Gains: GainsOnlyNoCarry,
		Source: "N.J.S.A. 54A:2-1 (rates), 54A:3-1 (exemption $1,000), 54A:5-1(c) (net gains from disposition of property: " +
			"no loss against other income, no carryforward); NJ-1040 instructions 2024",
		Schedules: statuses(
			StateSchedule{Brackets: s, Deduction: 1000}, StateSchedule{Brackets: j, Deduction: 2000},
			StateSchedule{Brackets: s, Deduction: 1000}, StateSchedule{Brackets: j, Deduction: 1000}),
	}
	return []StateLaw{l, withYear(l, 2025), withYear(l, 2026)}
}

func newMexico() []StateLaw {
	law := func(year int, s, j, m []StateBracket, excl GainExclusion, src string) StateLaw {
		return StateLaw{
			Code: "NM", Name: "New Mexico", Year: year, Income: AdjustedGross, FederalDeduction: true, Source: src,
			Schedules: statuses(StateSchedule{Brackets: s}, StateSchedule{Brackets: j}, StateSchedule{Brackets: m}, StateSchedule{Brackets: j}),
			Exclusion: excl,
		}
	}
	l24 := law(2024,
		br(0, 1.7, 5500, 3.2, 11000, 4.7, 16000, 4.9, 210000, 5.9),
		br(0, 1.7, 8000, 3.2, 16000, 4.7, 24000, 4.9, 315000, 5.9),
		br(0, 1.7, 4000, 3.2, 8000, 4.7, 12000, 4.9, 157500, 5.9),
		GainExclusion{Rate: 40 * Percent, Min: 1000, Max: 1000000},
		"NMSA §7-2-7 (rates), §7-2-2(W) (federal standard deduction), §7-2-34 (capital gains deduction: greater of $1,000 or 40%); PIT-1 instructions 2024")
	l25 := law(2025,
		br(0, 1.5, 5500, 3.2, 16500, 4.3, 33500, 4.7, 66500, 4.9, 210000, 5.9),
		br(0, 1.5, 8000, 3.2, 25000, 4.3, 50000, 4.7, 100000, 4.9, 315000, 5.9),
		br(0, 1.5, 4000, 3.2, 12500, 4.3, 25000, 4.7, 50000, 4.9, 157500, 5.9),
		GainExclusion{Rate: 40 * Percent, Min: 1000, Max: 2500},
		"NMSA §7-2-7 as amended by HB 252 (2024) (new brackets from 2025), §7-2-34 as amended (deduction at most $2,500 except for a business sale); PIT-1 instructions 2025")
	return []StateLaw{l24, l25, withYear(l25, 2026)}
}

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
