package taxcmd

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func runTax(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestTaxPrintsJSON(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want map[string]any
	}{
		{"issue example", strings.Fields("-year 2026 -status single -wages 60000 -qd 0 -stcg 0 -ltcg 20000 -cf-st 0 -cf-lt 0"), map[string]any{
			"year": 2026.0, "status": "single", "state": "none",
			"taxable_income": "63900.00", "income_tax": "7187.50", "niit": "0.00", "state_tax": "0.00", "total": "7187.50",
			"st_carryforward": "0.00", "lt_carryforward": "0.00", "marginal_ordinary_rate": 0.12, "marginal_ltcg_rate": 0.15,
		}},
		// California 2024 (FTB tax rate schedule X): taxable income 54,460
		// without the gain, 74,460 with it: 6% × 1,406 + 8% × 14,740 +
		// 9.3% × 3,854 = 1,621.98. Federal: 5,216 on 45,400 ordinary, 0% on
		// 1,625, 15% × 18,375.
		{"CA", strings.Fields("-year 2024 -status single -wages 60000 -ltcg 20000 -state CA"), map[string]any{
			"state": "CA", "income_tax": "7972.25", "amt": "0.00", "state_tax": "1621.98", "total": "9594.23",
		}},
		// New York 2024 with New York City: without the gain NY taxable
		// income 92,000 (tax 4,951.75); with it 142,000 and NYAGI 150,000,
		// so worksheet 1 recaptures (6% × 142,000 − 7,951.75) × 0.8470 =
		// 481.31: 8,433.06. NYC: 3.876% × 50,000.
		{"NY and NYC", strings.Fields("-year 2024 -wages 100000 -ltcg 50000 -state NY -local nyc"), map[string]any{
			"state": "NY", "local": "nyc", "state_tax": "3481.31", "local_tax": "1938.00",
		}},
		// A typed rate replaces the state's law and the local tax.
		{"flat rate replaces NYC", strings.Fields("-year 2024 -wages 100000 -ltcg 20000 -state NY -local nyc -staterate 0.05"), map[string]any{
			"state": "flat", "local": "none", "state_tax": "1000.00", "local_tax": "0.00",
		}},
		// The AMT case (Form 6251 worked in calc/tax/amt_test.go).
		{"AMT", strings.Fields("-year 2026 -status mfj -wages 400000 -qd 500000 -ltcg 500000"), map[string]any{
			"income_tax": "261173.00", "amt": "33642.00", "niit": "38000.00", "total": "332815.00",
		}},
		// 5% flat on 20,000 = 1,000; -staterate overrides -state.
		{"flat rate", strings.Fields("-wages 60000 -ltcg 20000 -state CA -staterate 0.05"), map[string]any{
			"state": "flat", "state_tax": "1000.00", "total": "8187.50",
		}},
		// TAX.md: 2026 mfj, 40,000 ST gain, 60,000 LT loss.
		{"mfj loss carried", strings.Fields("-year 2026 -status mfj -wages 600000 -stcg 40000 -ltcg -60000"), map[string]any{
			"taxable_income": "564800.00", "income_tax": "135218.50", "niit": "0.00", "lt_carryforward": "17000.00",
			"marginal_ordinary_rate": 0.35, "marginal_ltcg_rate": 0.0,
		}},
		// TAX.md: 2024 single with NIIT on 100,000.
		{"NIIT", strings.Fields("-year 2024 -wages 250000 -ltcg 100000"), map[string]any{
			"taxable_income": "335400.00", "income_tax": "68014.50", "niit": "3800.00", "total": "71814.50",
			"marginal_ltcg_rate": 0.188,
		}},
		// TAX.md: ST carryforward in against a LT gain; MA taxes the 6,000
		// net LT gain at 5%.
		{"carryforward in, MA", strings.Fields("-wages 80000 -ltcg 10000 -cf-st 4000 -state ma"), map[string]any{
			"taxable_income": "69900.00", "income_tax": "9670.00", "state": "MA", "state_tax": "300.00",
		}},
		{"mfs limit", strings.Fields("-status mfs -wages 90000 -ltcg -5000 -cf-lt 0.50"), map[string]any{
			"taxable_income": "72400.00", "income_tax": "10640.00", "lt_carryforward": "3500.50",
		}},
		{"defaults", nil, map[string]any{"year": 2026.0, "status": "single", "total": "0.00"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runTax(c.args...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			var got map[string]any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			for _, k := range []string{"taxable_income", "income_tax", "amt", "niit", "state_tax", "local_tax", "total", "st_carryforward",
				"lt_carryforward", "marginal_ordinary_rate", "marginal_ltcg_rate"} {
				if _, ok := got[k]; !ok {
					t.Errorf("missing %q", k)
				}
			}
			for k, want := range c.want {
				if got[k] != want {
					t.Errorf("%s = %#v, want %#v", k, got[k], want)
				}
			}
			if !strings.HasPrefix(out, "{\n  \"") {
				t.Errorf("not indented: %q", out)
			}
		})
	}
}

func TestTaxBadInput(t *testing.T) {
	cases := []struct {
		args []string
		want []string // all must appear on stderr
	}{
		{[]string{"-year", "2023"}, []string{"-year", "accepted 2024, 2025, 2026"}},
		{[]string{"-year", "next"}, []string{"-year", "accepted 2024, 2025, 2026"}},
		{[]string{"-status", "married"}, []string{"-status", "accepted single, mfj, mfs, hoh"}},
		{[]string{"-wages", "-1"}, []string{"-wages", "must not be negative"}},
		{[]string{"-wages", "abc"}, []string{"-wages", "non-negative amount in dollars"}},
		{[]string{"-qd", "-5"}, []string{"-qd", "must not be negative"}},
		{[]string{"-stcg", "ten"}, []string{"-stcg", "amount in dollars", "negative for a loss"}},
		{[]string{"-ltcg", "1e5"}, []string{"-ltcg", "amount in dollars"}},
		{[]string{"-ltcg", "NaN"}, []string{"-ltcg", "amount in dollars"}},
		{[]string{"-ltcg", "12.345"}, []string{"-ltcg", "at most 2 decimals"}},
		{[]string{"-ltcg", "1,000"}, []string{"-ltcg", "amount in dollars"}},
		{[]string{"-cf-st", "-100"}, []string{"-cf-st", "must not be negative"}},
		{[]string{"-cf-lt", "x"}, []string{"-cf-lt", "non-negative amount"}},
		{[]string{"-state", "XX"}, []string{"-state", "accepted AK, AL, AR, AZ, CA,", "WV, WY, none"}},
		{[]string{"-local", "sf"}, []string{"-local", "accepted none, nyc"}},
		{[]string{"-state", "NJ", "-local", "nyc"}, []string{"-local", "needs state NY"}},
		{[]string{"-staterate", "5"}, []string{"-staterate", "fraction from 0 to 1"}},
		{[]string{"-staterate", "-0.1"}, []string{"-staterate", "fraction from 0 to 1"}},
		{[]string{"-staterate", "abc"}, []string{"-staterate", "fraction from 0 to 1"}},
		{[]string{"-wages"}, []string{"-wages"}},
		{[]string{"-bogus", "1"}, []string{"-bogus", "flags: -year -status"}},
		{[]string{"2026"}, []string{`unexpected argument "2026"`, "flags: -year"}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			code, out, errOut := runTax(c.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if out != "" {
				t.Errorf("stdout not empty: %q", out)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q lacks %q", errOut, w)
				}
			}
		})
	}
}

func TestTaxHelp(t *testing.T) {
	code, out, errOut := runTax("-h")
	if code != 0 || errOut != "" || !strings.Contains(out, "usage: smacalc tax") || !strings.Contains(out, "-cf-lt") {
		t.Errorf("exit %d stdout %q stderr %q", code, out, errOut)
	}
}

// FuzzTax feeds arbitrary argument lists (split on spaces) to the command:
// it must not panic, must exit 0 with JSON on stdout (or help) or exit 2
// with a message on stderr and nothing on stdout.
func FuzzTax(f *testing.F) {
	for _, seed := range []string{
		"-year 2026 -status single -wages 60000 -qd 0 -stcg 0 -ltcg 20000 -cf-st 0 -cf-lt 0",
		"-year 2024 -status mfs -wages 1 -ltcg -99999999 -state CA",
		"-status hoh -staterate 0.093 -qd 1234.56 -stcg -0.01",
		"-wages 9999999999999.99 -qd 9999999999999.99 -stcg -9999999999999.99 -ltcg 9999999999999.99",
		"-year 2025 -status mfj -wages 400000 -stcg -90000 -state NY -local nyc", "-state WA -ltcg 2000000",
		"-year 2023", "-wages -1", "-ltcg 1e999999999", "-state", "--", "-h", "-staterate 1.000000", "x -wages 1",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		code, out, errOut := runTax(strings.Split(line, " ")...)
		switch code {
		case 0:
			if strings.HasPrefix(out, "usage:") {
				return
			}
			var got map[string]any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%q: exit 0 but stdout is not JSON: %v\n%s", line, err, out)
			}
			// The state tax attributed to the portfolio (and so the total)
			// is negative when its losses lower the tax on the wages.
			for _, k := range []string{"income_tax", "amt", "niit", "state_tax_return"} {
				if s, ok := got[k].(string); !ok || strings.HasPrefix(s, "-") {
					t.Fatalf("%q: %s = %#v", line, k, got[k])
				}
			}
			for _, k := range []string{"state_tax", "local_tax", "total"} {
				if _, ok := got[k].(string); !ok {
					t.Fatalf("%q: %s = %#v", line, k, got[k])
				}
			}
		case 2:
			if out != "" || errOut == "" {
				t.Fatalf("%q: exit 2 with stdout %q stderr %q", line, out, errOut)
			}
		default:
			t.Fatalf("%q: exit %d", line, code)
		}
	})
}
