package app

import (
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/calc"
)

func m(s string) calc.Money { return calc.Money{Decimal: decimal.RequireFromString(s)} }

func TestHeadlineSentence(t *testing.T) {
	r := &calc.Result{Horizon: 10, Difference: calc.Quantiles{P10: m("-34332.06"), P50: m("11679.92"), P90: m("85967.64")},
		TaxAlphaBps: calc.TaxAlpha{Spread: calc.Spread{P50: 8.300545}}, SMAAheadFraction: 0.608}
	want := "After 10 years you would keep about $11,680 more with an SMA than with the ETF (median), between $34,332 less and $85,968 more in 80% of simulated markets."
	if got := headlineSentence(r, "etf"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := taxAlphaText(r); got != "0.08% a year" {
		t.Errorf("tax alpha %q", got)
	}
	if got := aheadText(r); got != "61%" {
		t.Errorf("ahead %q", got)
	}

	behind := &calc.Result{Horizon: 1, Difference: calc.Quantiles{P10: m("-9000"), P50: m("-2300.4"), P90: m("-500")}}
	want = "After 1 year you would keep about $2,300 less with an SMA than with the mutual fund (median), between $500 and $9,000 less in 80% of simulated markets."
	if got := headlineSentence(behind, "mf"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}

	ahead := &calc.Result{Horizon: 5, Difference: calc.Quantiles{P10: m("1200"), P50: m("5000"), P90: m("9000")}}
	want = "After 5 years you would keep about $5,000 more with an SMA than with the ETF (median), between $1,200 and $9,000 more in 80% of simulated markets."
	if got := headlineSentence(ahead, "etf"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}

	same := &calc.Result{Horizon: 5, Difference: calc.Quantiles{P10: m("-0.3"), P50: m("0.2"), P90: m("0.4")}}
	want = "After 5 years you would keep about the same with an SMA as with the ETF (median), the same in 80% of simulated markets."
	if got := headlineSentence(same, "etf"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
