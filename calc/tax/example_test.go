package tax_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"smacalc/calc/tax"
)

// A single filer in 2026 with $120,000 of wages, $3,000 of qualified
// dividends and a $15,000 long-term gain: the Qualified Dividends and
// Capital Gain Tax Worksheet, line by line.
func ExampleCompute() {
	t, _ := tax.For(2026)
	r := tax.Compute(t, tax.Single, tax.State{}, tax.Income{
		Wages:              decimal.RequireFromString("120000"),
		QualifiedDividends: decimal.RequireFromString("3000"),
		LongTermGain:       decimal.RequireFromString("15000"),
	}, tax.Carryforward{})
	fmt.Printf("AGI %s − standard deduction = taxable income %s\n",
		r.AdjustedGrossIncome.StringFixed(2), r.TaxableIncome.StringFixed(2))
	fmt.Print(r.Worksheet)
	fmt.Println("income tax", r.IncomeTax.StringFixed(2), "NIIT", r.NIIT.StringFixed(2))
	// Output:
	// AGI 138000.00 − standard deduction = taxable income 121900.00
	//  1. Taxable income                                  121900.00
	//  2. Qualified dividends                               3000.00
	//  3. Net capital gain (Sch. D line 15 or 16)          15000.00
	//  4. Add lines 2 and 3                                18000.00
	//  5. Line 1 - line 4: ordinary (not below 0)         103900.00
	//  6. Top of the 0% rate                               49450.00
	//  7. Smaller of line 1 or line 6                      49450.00
	//  8. Smaller of line 5 or line 7                      49450.00
	//  9. Line 7 - line 8: taxed at 0%                         0.00
	// 10. Smaller of line 1 or line 4                      18000.00
	// 11. Amount from line 9                                   0.00
	// 12. Line 10 - line 11                                18000.00
	// 13. Top of the 15% rate                             545500.00
	// 14. Smaller of line 1 or line 13                    121900.00
	// 15. Add lines 5 and 9                               103900.00
	// 16. Line 14 - line 15 (not below 0)                  18000.00
	// 17. Smaller of line 12 or line 16: taxed at 15%      18000.00
	// 18. Line 17 × 15%                                     2700.00
	// 19. Add lines 9 and 17                               18000.00
	// 20. Line 10 - line 19: taxed at 20%                      0.00
	// 21. Line 20 × 20%                                        0.00
	// 22. Tax on line 5 (rate schedule)                    17570.00
	// 23. Add lines 18, 21 and 22                          20270.00
	// 24. Tax on line 1 (rate schedule)                    21854.00
	// 25. Tax: smaller of line 23 or line 24               20270.00
	// income tax 20270.00 NIIT 0.00
}

// A joint return in 2026 with a $40,000 short-term gain and a $60,000
// long-term loss: the net loss of $20,000 is deductible up to $3,000, and the
// Capital Loss Carryover Worksheet carries the rest, long-term.
func ExampleCompute_carryover() {
	t, _ := tax.For(2026)
	r := tax.Compute(t, tax.MarriedJoint, tax.State{}, tax.Income{
		Wages:         decimal.RequireFromString("600000"),
		ShortTermGain: decimal.RequireFromString("40000"),
		LongTermGain:  decimal.RequireFromString("-60000"),
	}, tax.Carryforward{})
	fmt.Println("Schedule D line 7 ", r.NetShortTerm.StringFixed(2))
	fmt.Println("Schedule D line 15", r.NetLongTerm.StringFixed(2))
	fmt.Println("Schedule D line 16", r.NetGain.StringFixed(2))
	fmt.Println("Form 1040 line 7  ", r.CapitalGain.StringFixed(2))
	fmt.Print(r.CarryoverWorksheet)
	// Output:
	// Schedule D line 7  40000.00
	// Schedule D line 15 -60000.00
	// Schedule D line 16 -20000.00
	// Form 1040 line 7   -3000.00
	//  1. Taxable income (may be negative)                564800.00
	//  2. Capital loss deducted (Sch. D line 21)            3000.00
	//  3. Add lines 1 and 2 (not below 0)                 567800.00
	//  4. Smaller of line 2 or line 3                       3000.00
	//  5. Short-term loss (Sch. D line 7)                      0.00
	//  6. Long-term gain (Sch. D line 15)                      0.00
	//  7. Add lines 4 and 6                                 3000.00
	//  8. Short-term carryover: line 5 - line 7                0.00
	//  9. Long-term loss (Sch. D line 15)                  60000.00
	// 10. Short-term gain (Sch. D line 7)                  40000.00
	// 11. Line 4 - line 5 (not below 0)                     3000.00
	// 12. Add lines 10 and 11                              43000.00
	// 13. Long-term carryover: line 9 - line 12            17000.00
}

// A harvested loss is worth what it saves on the whole return: here the
// net 25,000 less income (15,000 of dividends, 40,000 of short-term loss
// against outside short-term gains) saves 11,750 of federal tax (35% on
// the 40,000, less 15% on the dividends), 950 of NIIT and 2,575 of
// California tax (10.3% bracket).
func ExampleInvestor_PortfolioTax() {
	t, _ := tax.For(2026)
	ca, _ := tax.StatePreset("CA")
	investor := tax.NewInvestor(t, tax.Single, ca, tax.IncomeF{Wages: 400_000, ShortTermGain: 50_000})
	p := investor.PortfolioTax(tax.Income{
		QualifiedDividends: decimal.RequireFromString("15000"),
		ShortTermGain:      decimal.RequireFromString("-40000"),
	}, tax.Carryforward{})
	fmt.Println("without the portfolio", p.Without.Total.StringFixed(2))
	fmt.Println("with the portfolio   ", p.With.Total.StringFixed(2))
	fmt.Println("portfolio's tax      ", p.Tax.StringFixed(2))
	// Output:
	// without the portfolio 160779.48
	// with the portfolio    145504.48
	// portfolio's tax       -15275.00
}

// The Monte Carlo kernel's float path: same rules, same cents.
func ExampleInvestor_PortfolioTaxF() {
	t, _ := tax.For(2026)
	investor := tax.NewInvestor(t, tax.MarriedJoint, tax.State{}, tax.IncomeF{Wages: 250_000})
	carry := tax.CarryforwardF{}
	for year, ltcg := range []float64{-20_000, 5_000, 30_000} {
		var owed float64
		owed, carry = investor.PortfolioTaxF(tax.IncomeF{LongTermGain: ltcg}, carry)
		fmt.Printf("year %d: gain %9.2f tax %9.2f carried %9.2f\n", year+1, ltcg, owed, carry.LongTerm)
	}
	// Output:
	// year 1: gain -20000.00 tax   -720.00 carried  17000.00
	// year 2: gain   5000.00 tax   -720.00 carried   9000.00
	// year 3: gain  30000.00 tax   3948.00 carried      0.00
}

// A New York City resident's return: New York's supplemental tax starts
// to recapture the lower brackets above $107,650 of AGI (IT-201 worksheet
// 1: (6% × 112,000 − 6,151.75) × 0.2470 = 140.36 on top of the bracket
// tax), and the city taxes the same taxable income.
func ExampleCompute_newYorkCity() {
	t, _ := tax.For(2024)
	ny, _ := tax.StatePreset("NY")
	nyc, _ := ny.WithLocal("nyc")
	r := tax.Compute(t, tax.Single, nyc, tax.Income{
		Wages:        decimal.RequireFromString("100000"),
		LongTermGain: decimal.RequireFromString("20000"),
	}, tax.Carryforward{})
	fmt.Println("NY taxable income", r.StateTaxableIncome.StringFixed(2))
	fmt.Println("NY tax           ", r.StateTax.StringFixed(2))
	fmt.Println("NYC tax          ", r.LocalTax.StringFixed(2))
	// Output:
	// NY taxable income 112000.00
	// NY tax            6292.11
	// NYC tax           4216.29
}

// The alternative minimum tax of Form 6251 (2026: the exemption is gone
// above $1,280,400 of AMTI on a joint return) on top of the regular tax.
func ExampleCompute_alternativeMinimumTax() {
	t, _ := tax.For(2026)
	r := tax.Compute(t, tax.MarriedJoint, tax.State{Code: "none"}, tax.Income{
		Wages:              decimal.RequireFromString("400000"),
		QualifiedDividends: decimal.RequireFromString("500000"),
		LongTermGain:       decimal.RequireFromString("500000"),
	}, tax.Carryforward{})
	fmt.Println("regular tax", r.IncomeTax.StringFixed(2))
	fmt.Println("AMT        ", r.AMT.StringFixed(2))
	fmt.Println("line 40    ", r.AMTWorksheet.Line(40).StringFixed(2))
	// Output:
	// regular tax 261173.00
	// AMT         33642.00
	// line 40     294815.00
}
