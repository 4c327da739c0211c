package tax

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Dollars is a whole-dollar amount as printed in a revenue procedure.
type Dollars int64

// Rate is a tax rate in parts per million, so that every statutory rate
// (10%, 3.8%, MA's 8.5%, a local 3.876%) is an exact integer and the float
// and decimal paths multiply by exactly the same number.
type Rate int64

// Rate units.
const (
	BasisPoint Rate = 100
	Percent    Rate = 100 * BasisPoint
	fullRate   Rate = 100 * Percent // 100%, the largest rate a State may use
)

// Float returns the rate as a fraction (0.22 for 22%).
func (r Rate) Float() float64 { return float64(r) / float64(fullRate) }

// Decimal returns the rate as an exact decimal fraction.
func (r Rate) Decimal() decimal.Decimal { return decimal.New(int64(r), -6) }

// RateOf converts a fraction (0.093) to a Rate, rounding to the nearest
// millionth and clamping to [0, 100%]; NaN becomes 0.
func RateOf(f float64) Rate {
	switch {
	case !(f > 0): // also NaN
		return 0
	case f >= 1:
		return fullRate
	}
	return Rate(f*float64(fullRate) + 0.5)
}

// Schedule is one filing status's share of a year's table.
type Schedule struct {
	// BracketTops are the upper edges of the taxable income brackets taxed
	// at Table.OrdinaryRates[0..5]; income above the last edge is taxed at
	// OrdinaryRates[6] (IRC §1(j)(2), inflation-adjusted by §1(j)(3)).
	BracketTops [6]Dollars
	// StandardDeduction is the basic standard deduction (§63(c)(2), (7)).
	// The additional amounts for age or blindness are not modelled.
	StandardDeduction Dollars
	// ZeroRateTop and FifteenRateTop are the taxable-income levels where
	// the 0% and the 15% rates on qualified dividends and net capital gain
	// end (§1(h)(1)(B)–(C) with the §1(j)(5)(B) amounts).
	ZeroRateTop, FifteenRateTop Dollars
	// NIITThreshold is the modified AGI above which the net investment
	// income tax applies (§1411(b)); fixed in the statute, not indexed.
	NIITThreshold Dollars
	// CapitalLossLimit is the most net capital loss deductible against
	// other income in a year (§1211(b)): 3,000, or 1,500 married filing
	// separately.
	CapitalLossLimit Dollars
	// AMTExemption is the alternative minimum tax exemption (§55(d)(1)),
	// reduced by Table.AMTPhaseOutRate of the alternative minimum taxable
	// income above AMTPhaseOutStart (§55(d)(3)). AMTBreakpoint is where
	// the 26% rate ends and 28% begins (§55(b)(1)(A)); Form 6251 lines 5,
	// 7 and Part III use these amounts.
	AMTExemption, AMTPhaseOutStart, AMTBreakpoint Dollars
	// NonItemizerCharity is the most a taxpayer who does not itemize
	// deducts for cash gifts to public charities, on top of the standard
	// deduction: $1,000, $2,000 on a joint return, from 2026 (§170(p) and
	// §63(b)(4), added by Pub. L. 119-21 §70424); 0 before.
	NonItemizerCharity Dollars
}

// Table is one tax year of federal law: what the simulation needs of the
// brackets, deductions and thresholds. Adding a year is adding a Table
// literal to tables(); no code changes.
type Table struct {
	Year int
	// Source cites where the year's numbers come from.
	Source string
	// OrdinaryRates are the rates of the seven ordinary brackets, lowest
	// first (§1(j)(2)).
	OrdinaryRates [7]Rate
	// FifteenRate and TwentyRate are the rates on qualified dividends and
	// net capital gain above Schedule.ZeroRateTop and FifteenRateTop
	// (§1(h)(1)(C)–(D)).
	FifteenRate, TwentyRate Rate
	// NIITRate is the net investment income tax rate (§1411(a)(1)).
	NIITRate Rate
	// AMTLowRate and AMTHighRate are the 26% and 28% rates of the
	// tentative minimum tax (§55(b)(1)(A)); AMTPhaseOutRate is the share of
	// AMTI above the phase-out start by which the exemption shrinks: 25%
	// through 2025, 50% from 2026 (§55(d)(3) as amended by Pub. L. 119-21,
	// §70107).
	AMTLowRate, AMTHighRate, AMTPhaseOutRate Rate
	// CharityFloor is the share of the contribution base below which an
	// itemizer's charitable gifts are not deductible: 0.5% from 2026
	// (§170(b)(1)(I), added by Pub. L. 119-21 §70425), 0 before.
	CharityFloor Rate
	// TopBracketItemizedCap applies §68 as amended by Pub. L. 119-21
	// §70111 (from 2026): itemized deductions are reduced by 2/37 of the
	// smaller of the deductions and the taxable income (before §68, plus
	// the deductions) above where the 37% bracket begins.
	TopBracketItemizedCap bool
	// Schedules holds the per-status amounts, indexed by Status.
	Schedules [statusCount]Schedule
}

// For returns the table of a tax year. Each call returns a fresh copy, so a
// caller may adjust it (a what-if) without affecting anyone else.
func For(year int) (*Table, error) {
	for _, t := range tables() {
		if t.Year == year {
			return &t, nil
		}
	}
	return nil, fmt.Errorf("no tax table for year %d: accepted %s", year, yearList())
}

// Years lists the tax years with a table, oldest first.
func Years() []int {
	all := tables()
	years := make([]int, len(all))
	for i, t := range all {
		years[i] = t.Year
	}
	return years
}

func yearList() string {
	var names []string
	for _, y := range Years() {
		names = append(names, strconv.Itoa(y))
	}
	return strings.Join(names, ", ")
}
