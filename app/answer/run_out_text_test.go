package answer

import (
	"testing"

	"smacalc/calc"
)

func runOutResult(year *int, contrib string, saving, cost []string) *calc.Result {
	r := &calc.Result{LossesRunOutYear: year}
	r.SMA.Contributions = money(contrib)
	for k := range saving {
		s, c := money(saving[k]), money(cost[k])
		r.Years = append(r.Years, calc.Year{Year: k + 1, TaxSaving: &s, ExtraCost: &c})
	}
	return r
}

func money(s string) calc.Money {
	var m calc.Money
	if err := m.UnmarshalText([]byte(s)); err != nil {
		panic(err)
	}
	return m
}

func at(y int) *int { return &y }

// The sentence under the headline: when the losses run out, what the SMA
// costs a year after that (the mean shortfall of the later years, two
// significant figures), in plain words; nothing when they do not run out
// or before the ledger exists.
func TestRunOutText(t *testing.T) {
	saving := []string{"9000", "6000", "1000", "800", "500"}
	cost := []string{"3000", "3000", "3000", "3100", "3200"}
	for _, tc := range []struct {
		name string
		r    *calc.Result
		want string
	}{
		{"no new money", runOutResult(at(2), "0", saving, cost),
			"With no new money, harvesting pays for the SMA's extra cost until about year 2; after that the SMA costs about $2,300 a year more unless you add money, give appreciated shares, or change how you hold it."},
		{"contributions", runOutResult(at(2), "50000", saving, cost),
			"Even with the money you add, harvesting pays for the SMA's extra cost until about year 2; after that the SMA costs about $2,300 a year more unless you add more money, give appreciated shares, or change how you hold it."},
		{"withdrawals", runOutResult(at(4), "-20000", saving, cost),
			"With your withdrawals, harvesting pays for the SMA's extra cost until about year 4; after that the SMA costs about $2,700 a year more unless you add money, give appreciated shares, or change how you hold it."},
		{"never covers", runOutResult(at(0), "0", []string{"10", "20"}, []string{"57.40", "60"}),
			"With no new money, harvesting does not pay for the SMA's extra cost in any year of a typical market: the SMA costs about $44 a year more unless you add money, give appreciated shares, or change how you hold it."},
		{"still covers (null)", runOutResult(nil, "0", saving, cost), ""},
		{"partial result (no ledger figures)", &calc.Result{LossesRunOutYear: at(1), Years: []calc.Year{{Year: 1}, {Year: 2}}}, ""},
		{"no result", nil, ""},
	} {
		if got := runOutText(tc.r); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestRoundSignificant(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2137.55", "2100"}, {"48.4", "48"}, {"999.6", "1000"}, {"125000", "130000"}, {"-2137", "-2100"}, {"0", "0"},
	} {
		if got := roundSignificant(money(tc.in).Decimal, 2); got.String() != tc.want {
			t.Errorf("roundSignificant(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
