package calc

import (
	"math"
	"testing"

	"smacalc/calc/internal/market"
	"smacalc/calc/scenario"
)

// TestWeeklyKeepsTheMonthlyMarket: weekly checks bridge each month without
// changing its end, so the fund (which never trades) ends exactly as with
// monthly checks on every path, and the SMA harvests at least once within
// a month.
func TestWeeklyKeepsTheMonthlyMarket(t *testing.T) {
	const q = "stocks=80&paths=1&horizon=4&stgains=500000&div=0"
	monthly := mustDecode(t, q+"&harvest=monthly")
	weekly := mustDecode(t, q+"&harvest=weekly")
	tx, _ := newTaxer(monthly)
	pm, pw := newPathSim(monthly, tx), newPathSim(weekly, tx)
	intra := 0
	for path := range 6 {
		a, b := pm.run(path), pw.run(path)
		if a.Fund != b.Fund {
			t.Fatalf("path %d: the fund differs: %+v vs %+v", path, a.Fund, b.Fund)
		}
		for i := range pm.mkt.Price {
			if pm.mkt.Price[i] != pw.mkt.Price[i] {
				t.Fatalf("path %d: stock %d ends at %v monthly, %v weekly", path, i, pm.mkt.Price[i], pw.mkt.Price[i])
			}
		}
		if a.SMA.AfterTax != b.SMA.AfterTax {
			intra++
		}
	}
	if intra == 0 {
		t.Error("weekly checks never changed the SMA")
	}
}

// TestBridgeEndsAtTotal: the bridge's weeks lead to the month's total with
// each week's variance.
func TestBridgeEndsAtTotal(t *testing.T) {
	var r market.NormalSource
	r.Seed(1, 2, 1)
	const v, total, n = 0.01, 0.05, 20000
	var sum, sum2 float64
	var out [weeksPerMonth - 1]float64
	for range n {
		bridge(&r, total, v, &out)
		x := out[1] // week 2: mean total/2, variance v·2·2/4
		sum += x
		sum2 += x * x
	}
	mean := sum / n
	variance := sum2/n - mean*mean
	if math.Abs(mean-total/2) > 4*math.Sqrt(v/n) || math.Abs(variance-v) > 0.05*v {
		t.Errorf("week 2: mean %v (want %v), variance %v (want %v)", mean, total/2, variance, v)
	}
}

func TestWeeklyValidation(t *testing.T) {
	for _, c := range []struct{ q, key string }{
		{"harvest=weekly&history=2000", "harvest"},
		{"harvest=weekly&stocks=500&horizon=30&paths=2000", "paths"},
	} {
		_, err := scenario.Decode(c.q)
		if ve, ok := err.(*scenario.ValidationError); !ok || ve.Problems[0].Key != c.key {
			t.Errorf("%s: %v", c.q, err)
		}
	}
	if _, err := scenario.Decode("harvest=weekly"); err != nil {
		t.Errorf("harvest=weekly: %v", err)
	}
}
