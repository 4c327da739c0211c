package tax

import "testing"

// Form 6251 worked by hand from the form's lines (2024 and 2026 forms;
// 2026 amounts from Rev. Proc. 2025-32 and Pub. L. 119-21 §70107: 50%
// phase-out from $500,000 / $1,000,000). Each case lists the lines that
// decide it.
func TestAlternativeMinimumTax(t *testing.T) {
	cases := []struct {
		name                  string
		year                  int
		status                Status
		wages, qd, stcg, ltcg string
		regular, amt          string
		lines                 map[int]string // Form 6251 line → amount
	}{
		// The case. AGI 1,400,000; taxable 1,367,800; QDCG line 5
		// = 367,800, regular tax 73,468 + 15% × 245,900 + 20% × 754,100 =
		// 261,173. AMT: exemption 140,200 − 50% × 400,000 < 0 → 0; line 17
		// = 400,000 → 28% × 400,000 − 4,890 = 107,110; line 30 = 613,700 −
		// 367,800 = 245,900 at 15% = 36,885; line 33 = 754,100 at 20% =
		// 150,820; line 40 = 294,815; AMT = 294,815 − 261,173 = 33,642.
		{name: "2026 mfj wages 400k, qd 500k, ltcg 500k", year: 2026, status: MarriedJoint,
			wages: "400000", qd: "500000", ltcg: "500000", regular: "261173", amt: "33642",
			lines: map[int]string{4: "1400000", 5: "0", 6: "1400000", 17: "400000", 18: "107110", 21: "0",
				29: "245900", 30: "245900", 31: "36885", 33: "754100", 34: "150820", 38: "294815", 39: "387110", 40: "294815", 11: "33642"}},
		// The same with the scenario's default 50,000 of short-term gains
		// (ordinary income 450,000): line 17 → 28% × 450,000 − 4,890 =
		// 121,110; line 31 = 15% × (613,700 − 417,800) = 29,385; line 34 =
		// 20% × 804,100 = 160,820; line 40 = 311,315; regular 276,813.
		// Tax-Calculator's figure quoted in issue 15: 34,502.
		{name: "2026 mfj issue grid case with 50k short-term", year: 2026, status: MarriedJoint,
			wages: "400000", qd: "500000", stcg: "50000", ltcg: "500000", regular: "276813", amt: "34502",
			lines: map[int]string{17: "450000", 18: "121110", 31: "29385", 34: "160820", 40: "311315"}},
		// 2024 mfj, wages 100,000, LTCG 2,000,000. Regular: ordinary 70,800
		// → 2,320 + 12% × 47,600 = 8,032; 0% on 23,250; 15% × 489,700 =
		// 73,455; 20% × 1,487,050 = 297,410: 378,897. AMT: exemption gone
		// (133,300 − 25% × 881,300 < 0); line 17 = 100,000 × 26% = 26,000;
		// lines 23 (0%) 23,250, 30 (15%) 489,700, 33 (20%) 1,487,050:
		// line 40 = 396,865; AMT 17,968 (= 26,000 − 8,032).
		{name: "2024 mfj large gain", year: 2024, status: MarriedJoint,
			wages: "100000", ltcg: "2000000", regular: "378897", amt: "17968",
			lines: map[int]string{4: "2100000", 5: "0", 17: "100000", 18: "26000", 23: "23250", 30: "489700", 33: "1487050", 40: "396865"}},
		// No AMT: 2026 single wages 200,000. AMTI 200,000 − 90,100 =
		// 109,900 × 26% = 28,574 < regular 36,734 (taxable 183,900).
		{name: "2026 single wages only", year: 2026, status: Single,
			wages: "200000", regular: "36734", amt: "0",
			lines: map[int]string{4: "200000", 5: "90100", 6: "109900", 7: "28574", 11: "0"}},
		// Exemption partly phased out: 2026 single, wages 100,000, LTCG
		// 500,000. AMTI 600,000: exemption 90,100 − 50% × 100,000 = 40,100;
		// line 6 = 559,900. Regular: taxable 583,900, ordinary 83,900 →
		// 1,240 + 4,560 + 22% × 33,500 = 13,170; 15% × (545,500 − 83,900)
		// = 69,240; 20% × 38,400 = 7,680: 90,090. Part III: line 17 =
		// 59,900 × 26% = 15,574; line 29 = 545,500 − 83,900 = 461,600 at
		// 15% = 69,240; line 33 = 500,000 − 461,600 = 38,400 at 20% =
		// 7,680; line 40 = 92,494; AMT 2,404.
		{name: "2026 single exemption phasing out", year: 2026, status: Single,
			wages: "100000", ltcg: "500000", regular: "90090", amt: "2404",
			lines: map[int]string{4: "600000", 5: "40100", 6: "559900", 17: "59900", 18: "15574", 31: "69240", 34: "7680", 40: "92494"}},
		// Married filing separately, 2025: AMTI above 626,350 + 68,500 /
		// 25% = 900,350 is increased by 25% of the excess (line 4):
		// 1,000,000 + 24,912.50. Exemption 0; line 7 = 28% × 1,024,912.50 −
		// 2,391 = 284,584.50 < regular 326,203.75.
		{name: "2025 mfs separate-return add-back", year: 2025, status: MarriedSeparate,
			wages: "1000000", regular: "326203.75", amt: "0",
			lines: map[int]string{4: "1024912.50", 5: "0", 7: "284584.50", 11: "0"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb := mustTable(t, c.year)
			in := Income{Wages: dec(c.wages), QualifiedDividends: orZero(c.qd), ShortTermGain: orZero(c.stcg), LongTermGain: orZero(c.ltcg)}
			r := Compute(tb, c.status, State{Code: "none"}, in, Carryforward{})
			if !r.IncomeTax.Equal(dec(c.regular)) {
				t.Errorf("regular tax = %s, want %s", r.IncomeTax, c.regular)
			}
			if !r.AMT.Equal(dec(c.amt)) {
				t.Errorf("AMT = %s, want %s\n%s", r.AMT, c.amt, r.AMTWorksheet)
			}
			for n, want := range c.lines {
				if got := r.AMTWorksheet.Line(n); !got.Equal(dec(want)) {
					t.Errorf("Form 6251 line %d = %s, want %s", n, got, want)
				}
			}
			if !r.Total.Equal(r.IncomeTax.Add(r.AMT).Add(r.NIIT)) {
				t.Errorf("total %s does not include the AMT", r.Total)
			}
			f := ComputeF(tb, c.status, State{Code: "none"}, in.float(), CarryforwardF{})
			if f.AMT != r.AMT.InexactFloat64() {
				t.Errorf("float AMT = %v, want %s", f.AMT, r.AMT)
			}
		})
	}
}

// Without income there is no AMT, and the worksheet is still shown.
func TestAMTZeroWithoutIncome(t *testing.T) {
	for _, y := range Years() {
		for s := range Status(statusCount) {
			r := Compute(mustTable(t, y), s, State{}, Income{}, Carryforward{})
			if !r.AMT.IsZero() || len(r.AMTWorksheet) == 0 {
				t.Errorf("%d %s: AMT %s, worksheet %d lines", y, s, r.AMT, len(r.AMTWorksheet))
			}
		}
	}
}
