package tax

// State laws, Maine to New Mexico.

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
