package tax

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func mustTable(t testing.TB, year int) *Table {
	t.Helper()
	tb, err := For(year)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// returnCase is one return computed by hand from the tables, with the
// federal results expected to the cent.
type returnCase struct {
	name                      string
	year                      int
	status                    Status
	wages, qd, stcg, ltcg     string
	cfST, cfLT                string
	taxable, incomeTax, niit  string
	outST, outLT              string
	marginalOrd, marginalLTCG float64 // checked when not both zero
}

// TAX.md's check cases, then further cases worked by hand (arithmetic in
// the comments).
var returnCases = []returnCase{
	{name: "TAX.md 1 single qd+ltcg", year: 2026, status: Single, wages: "120000", qd: "3000", stcg: "0", ltcg: "15000",
		taxable: "121900", incomeTax: "20270", niit: "0", marginalOrd: 0.22, marginalLTCG: 0.15},
	{name: "TAX.md 2 mfj ST gain, bigger LT loss", year: 2026, status: MarriedJoint, wages: "600000", stcg: "40000", ltcg: "-60000",
		taxable: "564800", incomeTax: "135218.50", niit: "0", outLT: "17000", marginalOrd: 0.35, marginalLTCG: 0},
	{name: "TAX.md 3 mfs loss limit 1500", year: 2026, status: MarriedSeparate, wages: "90000", ltcg: "-5000",
		taxable: "72400", incomeTax: "10640", niit: "0", outLT: "3500"},
	{name: "TAX.md 4 hoh all at 0%", year: 2025, status: HeadOfHousehold, wages: "50000", ltcg: "30000",
		taxable: "56375", incomeTax: "2825", niit: "0", marginalOrd: 0.12, marginalLTCG: 0},
	{name: "TAX.md 5 single NIIT", year: 2024, status: Single, wages: "250000", ltcg: "100000",
		taxable: "335400", incomeTax: "68014.50", niit: "3800", marginalOrd: 0.32, marginalLTCG: 0.188},
	{name: "TAX.md 6 ST carryforward against LT gain", year: 2026, status: Single, wages: "80000", ltcg: "10000", cfST: "4000",
		taxable: "69900", incomeTax: "9670", niit: "0"},
	{name: "TAX.md 7 mfj preferential above taxable", year: 2026, status: MarriedJoint, wages: "40000", qd: "2000", ltcg: "80000",
		taxable: "89800", incomeTax: "780", niit: "0", marginalOrd: 0.10, marginalLTCG: 0},

	// CLI example: 80,000 − 16,100 = 63,900; ordinary 43,900 → 1,240 +
	// 12% × 31,500 = 5,020; 0% on 49,450 − 43,900 = 5,550; 15% × 14,450 =
	// 2,167.50.
	{name: "single 0% bracket partly filled", year: 2026, status: Single, wages: "60000", ltcg: "20000",
		taxable: "63900", incomeTax: "7187.50", niit: "0", marginalOrd: 0.12, marginalLTCG: 0.15},
	// 85,000 − 24,150 = 60,850; ordinary 45,850 → 1,770 + 12% × 28,150 =
	// 5,148; the 15,000 of dividends and gain all fall below 66,200 (0%).
	{name: "hoh dividends and gain at 0%", year: 2026, status: HeadOfHousehold, wages: "70000", qd: "5000", ltcg: "10000",
		taxable: "60850", incomeTax: "5148", niit: "0", marginalOrd: 0.12, marginalLTCG: 0},
	// Net −5,000, 1,500 deductible: 98,500 − 16,100 = 82,400 → 1,240 +
	// 4,560 + 22% × 32,000 = 12,840. Carryover: the 1,500 absorbs the
	// 1,000 short-term loss first, then 500 of the 4,000 long-term loss.
	{name: "mfs both losses, ST used first", year: 2026, status: MarriedSeparate, wages: "100000", stcg: "-1000", ltcg: "-4000",
		taxable: "82400", incomeTax: "12840", niit: "0", outLT: "3500", marginalOrd: 0.22, marginalLTCG: 0},
	// ST 5,000 − 3,000 carried = 2,000; LT 2,000 − 10,000 = −8,000; net
	// −6,000, 3,000 deducted: 97,000 − 16,100 = 80,900 → 1,240 + 4,560 +
	// 22% × 30,500 = 12,510. LT carryover 8,000 − 2,000 − 3,000 = 3,000.
	{name: "LT carryforward after ST", year: 2026, status: Single, wages: "100000", stcg: "5000", ltcg: "2000", cfST: "3000", cfLT: "10000",
		taxable: "80900", incomeTax: "12510", niit: "0", outLT: "3000", marginalOrd: 0.22, marginalLTCG: 0},
	// Carryforwards of 5,000 each, no gains: the 3,000 deduction uses
	// short-term first → ST 2,000 and LT 5,000 carried; 97,000 − 16,100.
	{name: "carryforward ST first", year: 2026, status: Single, wages: "100000", cfST: "5000", cfLT: "5000",
		taxable: "80900", incomeTax: "12510", niit: "0", outST: "2000", outLT: "5000"},
	// MAGI 200,050: NIIT 3.8% × min(10,050, 50) = 1.90. Taxable 183,950,
	// ordinary 173,900 → 1,240 + 4,560 + 22% × 55,300 + 24% × 68,200 =
	// 34,334; + 15% × 10,050 = 35,841.50. The next wage dollar adds NIIT.
	{name: "NIIT just above threshold", year: 2026, status: Single, wages: "190000", ltcg: "10050",
		taxable: "183950", incomeTax: "35841.50", niit: "1.90", marginalOrd: 0.278, marginalLTCG: 0.188},
	// Net ST loss 20,000, 3,000 deducted: AGI 307,000, NII = 10,000 −
	// 3,000 = 7,000 → NIIT 266 (the next LT dollar only shrinks the
	// carryforward: marginal 0). Ordinary 282,400 → 55,678.50 + 35% ×
	// 38,675 = 69,214.75; + 15% × 10,000 = 70,714.75.
	{name: "losses exceed gains, loss offsets NII", year: 2024, status: Single, wages: "300000", qd: "10000", stcg: "-20000",
		taxable: "292400", incomeTax: "70714.75", niit: "266", outST: "17000", marginalOrd: 0.35, marginalLTCG: 0},
	// Income below the standard deduction: the 3,000 deduction gives no
	// benefit, so only line 4 = max(0, −4,100 + 3,000) = 0 is used and the
	// whole 5,000 loss carries (Capital Loss Carryover Worksheet). More
	// loss would only be carried: the next LT dollar costs nothing.
	{name: "unused deduction carries", year: 2026, status: Single, wages: "15000", stcg: "-5000",
		taxable: "0", incomeTax: "0", niit: "0", outST: "5000", marginalOrd: 0, marginalLTCG: 0},
	// Cents: 0.10 × 1,234.57 = 123.457 → 123.46. A LT dollar would be in
	// the 0% band.
	{name: "cents round half away", year: 2026, status: Single, wages: "17334.57",
		taxable: "1234.57", incomeTax: "123.46", niit: "0", marginalOrd: 0.10, marginalLTCG: 0},
	// Net gain 0 with a ST loss against a LT gain: 2025 mfj, 31,500
	// deduction; AGI 200,000 → taxable 168,500 → 2,385 + 12% × 73,100 +
	// 22% × 71,550 = 26,898. The next LT dollar is preferential.
	{name: "ST loss cancels LT gain", year: 2025, status: MarriedJoint, wages: "200000", stcg: "-7000", ltcg: "7000",
		taxable: "168500", incomeTax: "26898", niit: "0", marginalOrd: 0.22, marginalLTCG: 0.15},
	// 20% band and NIIT: 2026 mfj wages 700,000, LT 200,000: taxable
	// 867,800, ordinary 667,800 → 2,480 + 9,120 + 24,332 + 46,116 + 34,848 +
	// 35% × 155,350 = 171,268.50; all gain above 613,700 → 20% × 200,000 =
	// 40,000. NIIT 3.8% × 200,000 = 7,600.
	{name: "mfj 20% band", year: 2026, status: MarriedJoint, wages: "700000", ltcg: "200000",
		taxable: "867800", incomeTax: "211268.50", niit: "7600", marginalOrd: 0.35, marginalLTCG: 0.238},
}

func orZero(s string) decimal.Decimal {
	if s == "" {
		return decimal.Zero
	}
	return dec(s)
}

func (c returnCase) inputs() (Income, Carryforward) {
	return Income{Wages: orZero(c.wages), QualifiedDividends: orZero(c.qd), ShortTermGain: orZero(c.stcg), LongTermGain: orZero(c.ltcg)},
		Carryforward{ShortTerm: orZero(c.cfST), LongTerm: orZero(c.cfLT)}
}

func TestComputeCases(t *testing.T) {
	for _, c := range returnCases {
		t.Run(c.name, func(t *testing.T) {
			in, cf := c.inputs()
			r := Compute(mustTable(t, c.year), c.status, State{}, in, cf)
			check := func(what string, got decimal.Decimal, want string) {
				t.Helper()
				if !got.Equal(orZero(want)) {
					t.Errorf("%s = %s, want %s", what, got.StringFixed(2), orZero(want).StringFixed(2))
				}
			}
			check("taxable income", r.TaxableIncome, c.taxable)
			check("income tax", r.IncomeTax, c.incomeTax)
			check("NIIT", r.NIIT, c.niit)
			check("ST carryforward", r.Carryforward.ShortTerm, c.outST)
			check("LT carryforward", r.Carryforward.LongTerm, c.outLT)
			check("total", r.Total, r.IncomeTax.Add(r.NIIT).String())
			if c.marginalOrd != 0 || c.marginalLTCG != 0 {
				if r.MarginalOrdinaryRate != c.marginalOrd || r.MarginalLTCGRate != c.marginalLTCG {
					t.Errorf("marginal rates = %v, %v; want %v, %v", r.MarginalOrdinaryRate, r.MarginalLTCGRate, c.marginalOrd, c.marginalLTCG)
				}
			}

			// The float path agrees to the cent.
			f := ComputeF(mustTable(t, c.year), c.status, State{}, in.float(), cf.float())
			if f.IncomeTax != r.IncomeTax.InexactFloat64() || f.NIIT != r.NIIT.InexactFloat64() ||
				f.TaxableIncome != r.TaxableIncome.InexactFloat64() || f.Carryforward != cf2f(r.Carryforward) ||
				f.MarginalOrdinaryRate != r.MarginalOrdinaryRate || f.MarginalLTCGRate != r.MarginalLTCGRate {
				t.Errorf("float path %+v differs from decimal %v %v %v %v", f, r.TaxableIncome, r.IncomeTax, r.NIIT, r.Carryforward)
			}
		})
	}
}

func (in Income) float() IncomeF {
	return IncomeF{Wages: in.Wages.InexactFloat64(), QualifiedDividends: in.QualifiedDividends.InexactFloat64(), ShortTermGain: in.ShortTermGain.InexactFloat64(), LongTermGain: in.LongTermGain.InexactFloat64()}
}

func (cf Carryforward) float() CarryforwardF {
	return CarryforwardF{ShortTerm: cf.ShortTerm.InexactFloat64(), LongTerm: cf.LongTerm.InexactFloat64()}
}

func cf2f(cf Carryforward) CarryforwardF { return cf.float() }

func TestFlatStateTax(t *testing.T) {
	tb := mustTable(t, 2026)
	cases := []struct {
		name                 string
		st                   State
		qd, stcg, ltcg, cfST string
		want                 string
	}{
		// Flat rate, rounded to the cent: 5.5% × 1,234.57 = 67.90135.
		{"flat", FlatState(0.055), "1234.57", "0", "0", "", "67.90"},
		// 5% of the gains left after netting: 5% × 15,000.
		{"flat ST loss against LT", FlatState(0.05), "0", "-5000", "20000", "", "750"},
		// Net loss: no gain taxed; the 3,000 deduction reduces dividends:
		// 10% × (5,000 − 3,000).
		{"flat net loss", FlatState(0.10), "5000", "40000", "-60000", "", "200"},
		{"flat net loss exceeds dividends", FlatState(0.10), "1000", "0", "-60000", "", "0"},
		// The federal carryforward is used: 10% × 6,000.
		{"flat carryforward", FlatState(0.10), "0", "0", "10000", "4000", "600"},
		{"TX", State{Code: "TX"}, "1000", "1000", "1000", "", "0"},
		{"none", State{Code: "none"}, "1000", "1000", "1000", "", "0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := Income{Wages: dec("100000"), QualifiedDividends: dec(c.qd), ShortTermGain: dec(c.stcg), LongTermGain: dec(c.ltcg)}
			cf := Carryforward{ShortTerm: orZero(c.cfST), LongTerm: decimal.Zero}
			r := Compute(tb, Single, c.st, in, cf)
			if !r.StateTax.Equal(dec(c.want)) {
				t.Errorf("state tax = %s, want %s", r.StateTax, c.want)
			}
			if f := ComputeF(tb, Single, c.st, in.float(), cf.float()); f.StateTax != r.StateTax.InexactFloat64() {
				t.Errorf("float state tax = %v, want %s", f.StateTax, r.StateTax)
			}
		})
	}
}

func TestStatePresets(t *testing.T) {
	codes := StateCodes()
	if len(codes) != 52 || codes[len(codes)-1] != "none" {
		t.Fatalf("StateCodes() = %v: want the 50 states, DC and none", codes)
	}
	for _, code := range codes {
		if _, err := StatePreset(code); err != nil {
			t.Errorf("StatePreset(%q): %v", code, err)
		}
	}
	if _, err := StatePreset("ZZ"); err == nil || !strings.Contains(err.Error(), `unknown state "ZZ": accepted AK, AL,`) {
		t.Errorf("StatePreset(ZZ) error = %v", err)
	}
	if st, err := StatePreset("ny"); err != nil || st.Code != "NY" {
		t.Errorf("StatePreset(ny) = %+v, %v", st, err)
	}
}

// A harvested short-term loss that offsets outside short-term gain saves
// ordinary rates plus NIIT: 2026 single, wages 400,000 and outside ST gain
// 50,000 (taxable 433,900, 35% bracket; NIIT on 50,000 = 1,900). A 50,000
// ST loss saves 35% × 50,000 + 1,900 = 19,400; 10,000 more saves 35% of
// the 3,000 deduction and carries 7,000.
func TestPortfolioTax(t *testing.T) {
	inv := NewInvestor(mustTable(t, 2026), Single, State{}, IncomeF{Wages: 400_000, ShortTermGain: 50_000})
	cases := []struct {
		loss          float64
		want, carried string
	}{
		{0, "0", "0"},
		{-50_000, "-19400", "0"},
		{-60_000, "-20450", "7000"},
	}
	for _, c := range cases {
		p := inv.PortfolioTax(Income{ShortTermGain: decimal.NewFromFloat(c.loss)}, Carryforward{})
		if !p.Tax.Equal(dec(c.want)) || !p.Carryforward.ShortTerm.Equal(dec(c.carried)) {
			t.Errorf("loss %v: tax %s carried %s, want %s, %s", c.loss, p.Tax, p.Carryforward.ShortTerm, c.want, c.carried)
		}
		if !p.Tax.Equal(p.With.Total.Sub(p.Without.Total)) {
			t.Errorf("Tax %s != With %s − Without %s", p.Tax, p.With.Total, p.Without.Total)
		}
		tax, cf := inv.PortfolioTaxF(IncomeF{ShortTermGain: c.loss}, CarryforwardF{})
		if tax != p.Tax.InexactFloat64() || cf != p.Carryforward.float() {
			t.Errorf("loss %v: float path %v %v, decimal %s %v", c.loss, tax, cf, p.Tax, p.Carryforward)
		}
	}
}

func TestTables(t *testing.T) {
	years := Years()
	if len(years) == 0 {
		t.Fatal("no years")
	}
	for _, y := range years {
		tb := mustTable(t, y)
		if tb.Year != y || tb.Source == "" {
			t.Errorf("%d: year %d source %q", y, tb.Year, tb.Source)
		}
		for i := 1; i < len(tb.OrdinaryRates); i++ {
			if tb.OrdinaryRates[i] <= tb.OrdinaryRates[i-1] {
				t.Errorf("%d: rates not increasing: %v", y, tb.OrdinaryRates)
			}
		}
		for s, sch := range tb.Schedules {
			for i := 1; i < len(sch.BracketTops); i++ {
				if sch.BracketTops[i] <= sch.BracketTops[i-1] {
					t.Errorf("%d %v: brackets not increasing: %v", y, Status(s), sch.BracketTops)
				}
			}
			if sch.StandardDeduction <= 0 || sch.ZeroRateTop <= 0 || sch.FifteenRateTop <= sch.ZeroRateTop ||
				sch.NIITThreshold <= 0 || sch.CapitalLossLimit <= 0 {
				t.Errorf("%d %v: bad schedule %+v", y, Status(s), sch)
			}
		}
	}
	// For returns a copy: changing it does not change the next one.
	a := mustTable(t, years[0])
	a.Schedules[Single].StandardDeduction = 1
	if b := mustTable(t, years[0]); b.Schedules[Single].StandardDeduction == 1 {
		t.Error("For shares its table")
	}
	if _, err := For(1999); err == nil || err.Error() != "no tax table for year 1999: accepted 2024, 2025, 2026" {
		t.Errorf("For(1999) error = %v", err)
	}
}

func TestParseStatus(t *testing.T) {
	for _, code := range StatusCodes() {
		s, err := ParseStatus(code)
		if err != nil || s.String() != code {
			t.Errorf("ParseStatus(%q) = %v, %v", code, s, err)
		}
	}
	if _, err := ParseStatus("joint"); err == nil {
		t.Error("ParseStatus(joint) succeeded")
	}
	if got := Status(9).String(); got != "Status(9)" {
		t.Errorf("Status(9) = %q", got)
	}
}

func TestCentsOf(t *testing.T) {
	cases := []struct {
		x    float64
		want int64
	}{
		{1.005, 101}, {0.285, 29}, {-1.005, -101}, {1.004, 100}, {0.125, 13}, {-0.125, -13},
		{7187.5, 718750}, {1e20, 1e15}, {-1e20, -1e15}, {0, 0},
	}
	for _, c := range cases {
		if got := centsOf(c.x); got != c.want {
			t.Errorf("centsOf(%v) = %d, want %d", c.x, got, c.want)
		}
		if c.x < 1e13 && c.x > -1e13 {
			if d := decimal.NewFromFloat(c.x).Round(2).Shift(2).IntPart(); d != c.want {
				t.Errorf("decimal rounds %v to %d, want %d", c.x, d, c.want)
			}
		}
	}
}

// Amounts typed with up to three decimals (half cents included) round the
// same way on both paths, whichever side of the half cent their float lies.
func TestRoundToCentMatchesDecimal(t *testing.T) {
	for n := int64(-2_000_000); n <= 2_000_000; n += 97 {
		for _, scale := range []float64{1000, 100} {
			x := float64(n) / scale
			want := decimal.NewFromFloat(x).Round(2)
			if got := RoundToCent(x); !got.Equal(want) {
				t.Fatalf("RoundToCent(%v) = %s, want %s", x, got, want)
			}
		}
	}
	for _, x := range []float64{123456789.125, 98765.435, 1e9 + 0.005, -7.005} {
		if got, want := RoundToCent(x), decimal.NewFromFloat(x).Round(2); !got.Equal(want) {
			t.Errorf("RoundToCent(%v) = %s, want %s", x, got, want)
		}
	}
}
