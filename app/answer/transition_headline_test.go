package answer

import (
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/app/fields"
	"smacalc/calc"
	"smacalc/calc/scenario"
)

func TestTransitionHeadlineText(t *testing.T) {
	r := &calc.Result{Scenario: "single=0.6&singlebasis=0.1&gainbudget=50000", Horizon: 10}
	r.SMA.AfterTaxWealth.P50 = calc.Money{Decimal: decimal.RequireFromString("1194126.69")}
	r.Fund.AfterTaxWealth.P50 = calc.Money{Decimal: decimal.RequireFromString("1230329.71")}
	want := "Moving within $50,000 of gains a year, after 10 years you keep $1,194,127 after tax (median of the simulated markets); selling at once into the ETF: $1,230,330."
	if got := transitionHeadlineText(r, scenarioOf(t, r), "etf"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	r.Keep = &calc.KeepResult{AfterTaxWealth: calc.Quantiles{P50: calc.Money{Decimal: decimal.RequireFromString("1084755.80")}}}
	if got := transitionHeadlineText(r, scenarioOf(t, r), "etf"); got != want[:len(want)-1]+"; keeping the holdings as they are, the rest in the ETF: $1,084,756." {
		t.Errorf("with keep: %q", got)
	}
	r.Scenario = "single=0.6"
	if got := transitionHeadlineText(r, scenarioOf(t, r), "mf"); got[:len("Selling at once, after 10 years")] != "Selling at once, after 10 years" {
		t.Errorf("no budget: %q", got)
	}
	if got := transitionHeadlineText(&calc.Result{Scenario: "amount=1000000", Years: []calc.Year{{}}}, scenarioOf(t, &calc.Result{Scenario: "amount=1000000"}), "etf"); got != "" {
		t.Errorf("no transition: %q", got)
	}
}

// scenarioOf is a result's scenario, as the store hands it on with it.
func scenarioOf(t *testing.T, r *calc.Result) fields.Scenario {
	t.Helper()
	s, err := scenario.Decode(r.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	return fields.Of(s)
}
