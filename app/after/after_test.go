package after

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/app/fields"
	"smacalc/calc"
	"smacalc/calc/scenario"
)

func wealth(p50 int64) *calc.Quantiles {
	m := calc.Money{Decimal: decimal.NewFromInt(p50)}
	return &calc.Quantiles{P10: m, P50: m, P90: m}
}

// The words name the best plan, by how much, and where the plan weighed
// stands.
func TestExitWords(t *testing.T) {
	plans := []calc.ExitPlan{
		{Plan: "keep", Modelled: true, AfterTaxWealth: wealth(1_000_000)},
		{Plan: "inkind", Modelled: true, AfterTaxWealth: wealth(1_050_000)},
		{Plan: "etf351", Modelled: false, Reason: "not diversified"},
		{Plan: "sell", Modelled: true, AfterTaxWealth: wealth(980_000)},
	}
	x := &calc.ExitPlans{Year: 5, Plan: "sell", Plans: plans, Best: "inkind", NextBest: "keep",
		BestBy: calc.Money{Decimal: decimal.NewFromInt(50_000)}}
	for _, tc := range []struct {
		plan string
		want []string
	}{
		{"sell", []string{"Leaving at the end of year 5, moving the stocks in kind to a cheaper account does best in this scenario: $50,000 more after tax than keeping the SMA",
			"The plan you chose, selling everything for the ETF, ends $70,000 behind it."}},
		{"etf351", []string{"The plan you chose, exchanging them for ETF shares under §351, is not available here: see why"}},
		{"inkind", []string{"does best"}},
	} {
		x.Plan = tc.plan
		got := exitWords(x, "etf")
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q does not say %q", tc.plan, got, w)
			}
		}
		if tc.plan == "inkind" && strings.Contains(got, "you chose") {
			t.Errorf("the best plan chosen: %q", got)
		}
	}
}

// The budgets simulated on the side: none and no limit, without an exit
// plan; the client's own is the main result, and a client's budget that
// is one of the two is not simulated twice.
func TestBudgetQueries(t *testing.T) {
	for _, tc := range []struct {
		q         string
		names     []string
		simulated int
	}{
		{"single=0.5&singlebasis=0.2&gainbudget=40000&exit=3", []string{"None", "Yours, $40,000", "No limit"}, 2},
		{"single=0.5&singlebasis=0.2", []string{"None", "No limit"}, 1},
		{"single=0.5&singlebasis=0.2&gainbudget=0", []string{"None", "No limit"}, 1},
	} {
		s, err := scenario.Decode(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		runs := budgetQueries(fields.Of(s))
		var names []string
		simulated := 0
		for _, r := range runs {
			names = append(names, r.Short)
			if r.Query == "" {
				continue
			}
			simulated++
			v, err := scenario.Decode(r.Query)
			if err != nil || v.Exit != 0 || !(v.HasGainBudget && v.GainBudget == 0 || !v.HasGainBudget) {
				t.Errorf("%s: variant %s (%v)", tc.q, r.Query, err)
			}
		}
		if strings.Join(names, "|") != strings.Join(tc.names, "|") || simulated != tc.simulated {
			t.Errorf("%s: %v, %d simulated; want %v, %d", tc.q, names, simulated, tc.names, tc.simulated)
		}
	}
}
