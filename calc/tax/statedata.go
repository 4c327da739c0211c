package tax

import "math"

// Helpers for typing state laws: rates in percent, bracket lists, the four
// statuses. Every law is built afresh on each call, so no package state
// can be modified.

// pct is a rate in percent (4.95 → 4.95%), exact to the millionth.
func pct(p float64) Rate { return Rate(math.Round(p * 1e4)) }

// br builds brackets from pairs of lower edge and rate in percent.
func br(pairs ...float64) []StateBracket {
	out := make([]StateBracket, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, StateBracket{Over: Dollars(pairs[i]), Rate: pct(pairs[i+1])})
	}
	return out
}

// flat is one rate on all taxable income.
func flat(rate float64) []StateBracket { return br(0, rate) }

// scaled multiplies the bracket edges by f (joint brackets twice the
// single ones), rounding to the dollar.
func scaled(b []StateBracket, f float64) []StateBracket {
	out := make([]StateBracket, len(b))
	for i, x := range b {
		out[i] = StateBracket{Over: Dollars(math.Round(float64(x.Over) * f)), Rate: x.Rate}
	}
	return out
}

// statuses lists the schedules in Status order: single, mfj, mfs, hoh.
func statuses(single, mfj, mfs, hoh StateSchedule) [statusCount]StateSchedule {
	return [statusCount]StateSchedule{Single: single, MarriedJoint: mfj, MarriedSeparate: mfs, HeadOfHousehold: hoh}
}

// same uses one schedule for every status.
func same(s StateSchedule) [statusCount]StateSchedule { return statuses(s, s, s, s) }

// withDeductions is one bracket list for every status, with each status's
// deduction (single, mfj, mfs, hoh as in byStatus).
func withDeductions(b []StateBracket, ded [statusCount]Dollars) [statusCount]StateSchedule {
	var out [statusCount]StateSchedule
	for s := range out {
		out[s] = StateSchedule{Brackets: b, Deduction: ded[s]}
	}
	return out
}

// byStatus fills a per-status array in Status order.
func byStatus(single, mfj, mfs, hoh Dollars) [statusCount]Dollars {
	return [statusCount]Dollars{Single: single, MarriedJoint: mfj, MarriedSeparate: mfs, HeadOfHousehold: hoh}
}

// noIncomeTax is a jurisdiction without a tax on wages, dividends or gains.
func noIncomeTax(code string, years []int, source string) []StateLaw {
	out := make([]StateLaw, len(years))
	for i, y := range years {
		out[i] = StateLaw{Code: code, Name: stateNames[code], Year: y, Income: NoIncomeTax, Source: source}
	}
	return out
}

// projected derives a year not yet published from the previous one: every
// bracket edge and personal amount (deductions, credits, phase-out starts)
// multiplied by factor and rounded to the nearest `round` dollars, as the
// state's law indexes them; rates are kept. The result is marked
// Projected with the note.
func projected(prev StateLaw, year int, factor float64, round Dollars, note string) StateLaw {
	ix := func(d Dollars) Dollars {
		if d == 0 {
			return 0
		}
		r := float64(round)
		return Dollars(math.Round(float64(d)*factor/r) * r)
	}
	l := prev
	l.Year = year
	l.Projected = note
	for s := range l.Schedules {
		sch := l.Schedules[s]
		b := make([]StateBracket, len(sch.Brackets))
		for i, x := range sch.Brackets {
			b[i] = StateBracket{Over: ix(x.Over), Rate: x.Rate}
		}
		sch.Brackets = b
		sch.Deduction = ix(sch.Deduction)
		sch.Credit = ix(sch.Credit)
		sch.DeductionPhaseOut.Start = ix(sch.DeductionPhaseOut.Start)
		sch.DeductionPhaseOut.Start2 = ix(sch.DeductionPhaseOut.Start2)
		sch.Exemption = ix(sch.Exemption)
		sch.ExemptionPhaseOut.Start = ix(sch.ExemptionPhaseOut.Start)
		sch.CreditPhaseOut.Start = ix(sch.CreditPhaseOut.Start)
		l.Schedules[s] = sch
	}
	return l
}

// stateLaws returns a jurisdiction's laws, oldest year first.
func stateLaws(code string) []StateLaw {
	switch code {
	case "AK", "FL", "NV", "SD", "TN", "TX", "WY":
		return noIncomeTax(code, []int{2024, 2025, 2026},
			"State constitution or statutes: no individual income tax on wages, dividends or capital gains (TN's Hall tax on interest and dividends was repealed from 2021)")
	case "AL":
		return alabama()
	case "AZ":
		return arizona()
	case "AR":
		return arkansas()
	case "CA":
		return california()
	case "CO":
		return colorado()
	case "CT":
		return connecticut()
	case "DE":
		return delaware()
	case "DC":
		return districtOfColumbia()
	case "GA":
		return georgia()
	case "HI":
		return hawaii()
	case "ID":
		return idaho()
	case "IL":
		return illinois()
	case "IN":
		return indiana()
	case "IA":
		return iowa()
	case "KS":
		return kansas()
	case "KY":
		return kentucky()
	case "LA":
		return louisiana()
	case "ME":
		return maine()
	case "MD":
		return maryland()
	case "MA":
		return massachusetts()
	case "MI":
		return michigan()
	case "MN":
		return minnesota()
	case "MS":
		return mississippi()
	case "MO":
		return missouri()
	case "MT":
		return montana()
	case "NE":
		return nebraska()
	case "NH":
		return newHampshire()
	case "NJ":
		return newJersey()
	case "NM":
		return newMexico()
	case "NY":
		return newYork()
	case "NC":
		return northCarolina()
	case "ND":
		return northDakota()
	case "OH":
		return ohio()
	case "OK":
		return oklahoma()
	case "OR":
		return oregon()
	case "PA":
		return pennsylvania()
	case "RI":
		return rhodeIsland()
	case "SC":
		return southCarolina()
	case "UT":
		return utah()
	case "VT":
		return vermont()
	case "VA":
		return virginia()
	case "WA":
		return washington()
	case "WV":
		return westVirginia()
	case "WI":
		return wisconsin()
	}
	return nil
}
