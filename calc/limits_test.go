package calc

import (
	"context"
	"regexp"
	"strconv"
	"testing"

	"smacalc/calc/scenario"
)

// The largest amount the exact-range refusal suggests (calc/scenario,
// limits.go) runs, and every figure of its result stays within the range
// the tax arithmetic is exact in: the liquidation tax is the law's, not a
// clamped one (issue 25, finding 7).
func TestSuggestedAmountStaysExact(t *testing.T) {
	const maxTaxDollars = 1e13 // calc/tax cents.go
	q := "ret=0.2&horizon=50&stocks=5&paths=20"
	_, err := scenario.Decode("amount=10000000000&" + q)
	m := regexp.MustCompile(`an amount of at most (\d+)`).FindStringSubmatch(err.Error())
	if m == nil {
		t.Fatalf("no largest amount suggested: %v", err)
	}
	s, err := scenario.Decode("amount=" + m[1] + "&" + q)
	if err != nil {
		t.Fatalf("the suggested amount %s is refused: %v", m[1], err)
	}
	r, err := Simulate(context.Background(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range r.WealthOverTime {
		for _, v := range []Money{w.SMA.P90, w.Fund.P90} {
			if f, _ := strconv.ParseFloat(v.String(), 64); f > maxTaxDollars {
				t.Errorf("year %d: wealth %s beyond the exact range", w.Year, v)
			}
		}
	}
}

// The scenario package bounds a replay's growth with yearly log returns
// generated beside the engine's table: they are the sums of the replay's
// monthly returns.
func TestHistoryYearLogReturnsMatchReplay(t *testing.T) {
	first, last := HistoryYears()
	for year := first; year <= last; year++ {
		m, err := historicalMonths(year, 1)
		if err != nil {
			t.Fatal(err)
		}
		sum := 0.0
		for _, x := range m {
			sum += x.logTotal
		}
		if got := scenario.HistoryYearLogReturn(year); got != sum {
			t.Errorf("%d: scenario has %v, the replay sums to %v", year, got, sum)
		}
	}
}
