package answer

import (
	"testing"

	"smacalc/calc"
)

func TestDepletionText(t *testing.T) {
	r := &calc.Result{
		SMA:  calc.Strategy{DepletedFraction: 0.16, DepletedYear: 17, UnpaidTax: m("827.54")},
		Fund: calc.Strategy{DepletedFraction: 0.142, DepletedYear: 18},
	}
	want := "The withdrawals and taxes used up the whole portfolio in some simulated markets: the SMA in 16% (median: year 17), " +
		"the ETF in 14% (median: year 18). Tax still due after that is assumed paid from other money and is not subtracted from the wealth shown."
	if got := depletionText(r, "etf"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	r = &calc.Result{Fund: calc.Strategy{DepletedFraction: 0.05, DepletedYear: 9}, SMA: calc.Strategy{UnpaidTax: m("0")}}
	want = "The withdrawals and taxes used up the whole portfolio in some simulated markets: the SMA never did, the mutual fund in 5% (median: year 9)."
	if got := depletionText(r, "mf"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := depletionText(&calc.Result{}, "etf"); got != "" {
		t.Errorf("no depletion: %q", got)
	}
}
