package calc

import (
	"math"
	"testing"

	"smacalc/calc/scenario"
)

// TestHistoryReplayPinsTheIndex: with history set, the index follows
// history's price months exactly on every path (the stocks still
// disperse), dividends are history's quarter by quarter, and every path's
// fund ends with the same wealth.
func TestHistoryReplayPinsTheIndex(t *testing.T) {
	s := mustDecode(t, "history=2007&horizon=3&stocks=60&paths=4")
	months, err := historicalMonths(2007, 3)
	if err != nil {
		t.Fatal(err)
	}
	want, divs := 0.0, 0.0
	for _, m := range months {
		want += m.logPrice
		divs += m.dividendYield
	}
	tx, _ := newTaxer(s)
	p := newPathSim(s, tx)
	var fund float64
	for path := range 4 {
		o := p.run(path)
		if got := math.Log(p.mkt.IdxVal); math.Abs(got-want) > 1e-9 {
			t.Errorf("path %d: index log return %.12f, history %.12f", path, got, want)
		}
		if path == 0 {
			fund = o.Fund.AfterTax
		} else if math.Abs(o.Fund.AfterTax-fund) > 1e-6*fund {
			t.Errorf("path %d: fund %.2f, path 0 %.2f", path, o.Fund.AfterTax, fund)
		}
		if o.TrackingError <= 0 {
			t.Errorf("path %d: no dispersion around history", path)
		}
	}
	q := 0.0
	for _, d := range p.mkt.History.DivQ {
		q += d
	}
	if math.Abs(q-divs) > 1e-12 {
		t.Errorf("quarterly dividends %v, monthly %v", q, divs)
	}
}

func TestHistoryKey(t *testing.T) {
	if q := scenario.DefaultScenario().Encode(); containsKey(q, "history") {
		t.Errorf("the default writes history: %s", q)
	}
	s := mustDecode(t, "history=2000&horizon=15")
	if s.History != 2000 || mustDecode(t, s.Encode()).History != 2000 {
		t.Errorf("round trip: %s", s.Encode())
	}
	for _, q := range []string{"history=2015&horizon=15", "history=1900", "history=x"} {
		_, err := scenario.Decode(q)
		if ve, ok := err.(*scenario.ValidationError); !ok || len(ve.Problems) != 1 || ve.Problems[0].Key != "history" {
			t.Errorf("%s: %v", q, err)
		}
	}
}
