package advisor

import (
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/calc"
)

// The comparison names each result's best exit plan and its median
// after-tax wealth, or a dash without an exit year.
func TestExitPlanText(t *testing.T) {
	m := calc.Money{Decimal: decimal.NewFromInt(1_234_567)}
	r := &calc.Result{ExitPlans: &calc.ExitPlans{Year: 5, Best: "etf351", Plans: []calc.ExitPlan{
		{Plan: "keep", Modelled: true, AfterTaxWealth: &calc.Quantiles{}},
		{Plan: "etf351", Modelled: true, AfterTaxWealth: &calc.Quantiles{P50: m}},
	}}}
	if got := exitPlanText(r); got != "§351 exchange after year 5: $1,234,567" {
		t.Errorf("got %q", got)
	}
	if got := exitPlanText(&calc.Result{}); got != "—" {
		t.Errorf("without an exit: %q", got)
	}
}
