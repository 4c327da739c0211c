package tax

// Amounts fixed by statute rather than indexed each year.
const (
	// §1411(b): threshold amounts of modified AGI for the net investment
	// income tax, not adjusted for inflation.
	niitJoint    Dollars = 250_000
	niitSeparate Dollars = 125_000
	niitOther    Dollars = 200_000
	// §1211(b)(1): net capital loss allowed against other income.
	lossLimit         Dollars = 3_000
	lossLimitSeparate Dollars = 1_500
	// §55(b)(1)(A): 26% and 28% rates of the tentative minimum tax.
	amtLow  = 26 * Percent
	amtHigh = 28 * Percent
)

// tcjaRates are the ordinary rates of §1(j)(2), made permanent for years
// after 2025 by Pub. L. 119-21 (2025), §70101.
func tcjaRates() [7]Rate {
	return [7]Rate{10 * Percent, 12 * Percent, 22 * Percent, 24 * Percent, 32 * Percent, 35 * Percent, 37 * Percent}
}

// tables returns every supported tax year, oldest first. It builds the
// literals on each call so that no package state can be modified.
//
// To add a year: copy the last literal, change Year and Source, and type in
// the new revenue procedure's tax rate tables, standard deduction and
// maximum capital gains rate thresholds.
func tables() []Table {
	return []Table{
		{
			Year:          2024,
			Source:        "Rev. Proc. 2023-34 (tax rate tables, standard deduction, maximum capital gains rate); AMT: Rev. Proc. 2023-34 §3.11",
			OrdinaryRates: tcjaRates(),
			FifteenRate:   15 * Percent, TwentyRate: 20 * Percent, NIITRate: 380 * BasisPoint,
			AMTLowRate: amtLow, AMTHighRate: amtHigh, AMTPhaseOutRate: 25 * Percent,
			Schedules: [statusCount]Schedule{
				Single: {
					BracketTops:       [6]Dollars{11_600, 47_150, 100_525, 191_950, 243_725, 609_350},
					StandardDeduction: 14_600, ZeroRateTop: 47_025, FifteenRateTop: 518_900,
					NIITThreshold: niitOther, CapitalLossLimit: lossLimit,
					AMTExemption: 85_700, AMTPhaseOutStart: 609_350, AMTBreakpoint: 232_600,
				},
				MarriedJoint: {
					BracketTops:       [6]Dollars{23_200, 94_300, 201_050, 383_900, 487_450, 731_200},
					StandardDeduction: 29_200, ZeroRateTop: 94_050, FifteenRateTop: 583_750,
					NIITThreshold: niitJoint, CapitalLossLimit: lossLimit,
					AMTExemption: 133_300, AMTPhaseOutStart: 1_218_700, AMTBreakpoint: 232_600,
				},
				MarriedSeparate: {
					BracketTops:       [6]Dollars{11_600, 47_150, 100_525, 191_950, 243_725, 365_600},
					StandardDeduction: 14_600, ZeroRateTop: 47_025, FifteenRateTop: 291_850,
					NIITThreshold: niitSeparate, CapitalLossLimit: lossLimitSeparate,
					AMTExemption: 66_650, AMTPhaseOutStart: 609_350, AMTBreakpoint: 116_300,
				},
				HeadOfHousehold: {
					BracketTops:       [6]Dollars{16_550, 63_100, 100_500, 191_950, 243_700, 609_350},
					StandardDeduction: 21_900, ZeroRateTop: 63_000, FifteenRateTop: 551_350,
					NIITThreshold: niitOther, CapitalLossLimit: lossLimit,
					AMTExemption: 85_700, AMTPhaseOutStart: 609_350, AMTBreakpoint: 232_600,
				},
			},
		},
		{
			Year: 2025,
			Source: "Rev. Proc. 2024-40 (tax rate tables, maximum capital gains rate); " +
				"standard deduction as amended by Pub. L. 119-21 (2025), §70102; AMT: Rev. Proc. 2024-40 §3.11",
			OrdinaryRates: tcjaRates(),
			FifteenRate:   15 * Percent, TwentyRate: 20 * Percent, NIITRate: 380 * BasisPoint,
			AMTLowRate: amtLow, AMTHighRate: amtHigh, AMTPhaseOutRate: 25 * Percent,
			Schedules: [statusCount]Schedule{
				Single: {
					BracketTops:       [6]Dollars{11_925, 48_475, 103_350, 197_300, 250_525, 626_350},
					StandardDeduction: 15_750, ZeroRateTop: 48_350, FifteenRateTop: 533_400,
					NIITThreshold: niitOther, CapitalLossLimit: lossLimit,
					AMTExemption: 88_100, AMTPhaseOutStart: 626_350, AMTBreakpoint: 239_100,
				},
				MarriedJoint: {
					BracketTops:       [6]Dollars{23_850, 96_950, 206_700, 394_600, 501_050, 751_600},
					StandardDeduction: 31_500, ZeroRateTop: 96_700, FifteenRateTop: 600_050,
					NIITThreshold: niitJoint, CapitalLossLimit: lossLimit,
					AMTExemption: 137_000, AMTPhaseOutStart: 1_252_700, AMTBreakpoint: 239_100,
				},
				MarriedSeparate: {
					BracketTops:       [6]Dollars{11_925, 48_475, 103_350, 197_300, 250_525, 375_800},
					StandardDeduction: 15_750, ZeroRateTop: 48_350, FifteenRateTop: 300_000,
					NIITThreshold: niitSeparate, CapitalLossLimit: lossLimitSeparate,
					AMTExemption: 68_500, AMTPhaseOutStart: 626_350, AMTBreakpoint: 119_550,
				},
				HeadOfHousehold: {
					BracketTops:       [6]Dollars{17_000, 64_850, 103_350, 197_300, 250_500, 626_350},
					StandardDeduction: 23_625, ZeroRateTop: 64_750, FifteenRateTop: 566_700,
					NIITThreshold: niitOther, CapitalLossLimit: lossLimit,
					AMTExemption: 88_100, AMTPhaseOutStart: 626_350, AMTBreakpoint: 239_100,
				},
			},
		},
		{
			Year:          2026,
			Source:        "Rev. Proc. 2025-32 (tax rate tables, standard deduction, maximum capital gains rate); AMT: Rev. Proc. 2025-32 (exemption, breakpoint); phase-out start and 50% rate set by Pub. L. 119-21 §70107",
			OrdinaryRates: tcjaRates(),
			FifteenRate:   15 * Percent, TwentyRate: 20 * Percent, NIITRate: 380 * BasisPoint,
			AMTLowRate: amtLow, AMTHighRate: amtHigh, AMTPhaseOutRate: 50 * Percent,
			CharityFloor: 50 * BasisPoint, TopBracketItemizedCap: true,
			Schedules: [statusCount]Schedule{
				Single: {
					BracketTops:       [6]Dollars{12_400, 50_400, 105_700, 201_775, 256_225, 640_600},
					StandardDeduction: 16_100, ZeroRateTop: 49_450, FifteenRateTop: 545_500,
					NIITThreshold: niitOther, CapitalLossLimit: lossLimit,
					AMTExemption: 90_100, AMTPhaseOutStart: 500_000, AMTBreakpoint: 244_500,
					NonItemizerCharity: 1_000,
				},
				MarriedJoint: {
					BracketTops:       [6]Dollars{24_800, 100_800, 211_400, 403_550, 512_450, 768_700},
					StandardDeduction: 32_200, ZeroRateTop: 98_900, FifteenRateTop: 613_700,
					NIITThreshold: niitJoint, CapitalLossLimit: lossLimit,
					AMTExemption: 140_200, AMTPhaseOutStart: 1_000_000, AMTBreakpoint: 244_500,
					NonItemizerCharity: 2_000,
				},
				MarriedSeparate: {
					BracketTops:       [6]Dollars{12_400, 50_400, 105_700, 201_775, 256_225, 384_350},
					StandardDeduction: 16_100, ZeroRateTop: 49_450, FifteenRateTop: 306_850,
					NIITThreshold: niitSeparate, CapitalLossLimit: lossLimitSeparate,
					AMTExemption: 70_100, AMTPhaseOutStart: 500_000, AMTBreakpoint: 122_250,
					NonItemizerCharity: 1_000,
				},
				HeadOfHousehold: {
					BracketTops:       [6]Dollars{17_700, 67_450, 105_700, 201_750, 256_200, 640_600},
					StandardDeduction: 24_150, ZeroRateTop: 66_200, FifteenRateTop: 579_600,
					NIITThreshold: niitOther, CapitalLossLimit: lossLimit,
					AMTExemption: 90_100, AMTPhaseOutStart: 500_000, AMTBreakpoint: 244_500,
					NonItemizerCharity: 1_000,
				},
			},
		},
	}
}
