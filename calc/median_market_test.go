package calc

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The figures shown beside the median difference add up to it: the median
// market's wealth and its decomposition, for odd and even path counts and
// every end treatment.
func TestMedianMarketAddsUpToTheMedian(t *testing.T) {
	for _, q := range []string{
		"stocks=100&paths=61",
		"stocks=100&paths=60&end=stepup&state=TX",
		"stocks=100&paths=40&end=donate&contrib=20000",
		"stocks=100&paths=40&end=hold&contrib=-50000&horizon=15",
	} {
		r := run(t, q)
		m := r.MedianMarket
		if !m.SMA.Sub(m.Fund.Decimal).Equal(r.Difference.P50.Decimal) {
			t.Errorf("%s: median market SMA %s − fund %s ≠ median difference %s", q, m.SMA, m.Fund, r.Difference.P50)
		}
		d := m.Decomposition
		sum := d.TaxSavedOnHarvestedLosses.Add(d.DistributionsAvoided.Decimal).Add(d.FeeDifference.Decimal).
			Add(d.TradingCosts.Decimal).Add(d.ExtraTaxAtLiquidation.Decimal).Add(d.GrowthOfDeferredTax.Decimal)
		if !d.Total.Equal(r.Difference.P50.Decimal) || !sum.Equal(d.Total.Decimal) {
			t.Errorf("%s: decomposition total %s, parts %s, median %s", q, d.Total, sum, r.Difference.P50)
		}
		// The ledger's path is one of the middle ones: its difference is
		// within the 10th–90th percentile range and near the median.
		if l := r.Ledger; l == nil || l.Difference.LessThan(r.Difference.P10.Decimal) || l.Difference.GreaterThan(r.Difference.P90.Decimal) {
			t.Errorf("%s: ledger path difference outside the range", q)
		}
	}
}

func TestMiddlePaths(t *testing.T) {
	for _, tc := range []struct {
		diff []float64
		want []int
	}{
		{[]float64{3, 1, 2}, []int{2}},
		{[]float64{4, 1, 3, 2}, []int{3, 2}},
		{[]float64{1, 1, 1, 1}, []int{1, 2}},
		{[]float64{5}, []int{0}},
	} {
		got := middlePaths(tc.diff)
		if len(got) != len(tc.want) {
			t.Errorf("middlePaths(%v) = %v, want %v", tc.diff, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("middlePaths(%v) = %v, want %v", tc.diff, got, tc.want)
			}
		}
	}
}

// The difference over time starts, with cash, at the SMA's cost of buying
// its stocks, and its last year is the headline's difference when the end
// treatment is selling everything.
func TestDifferenceOverTime(t *testing.T) {
	r := run(t, "stocks=100&paths=41&horizon=7&amount=1000000&tradecost=0.0005")
	if len(r.DifferenceOverTime) != 8 {
		t.Fatalf("%d points, want 8", len(r.DifferenceOverTime))
	}
	if p := r.DifferenceOverTime[0].Difference; f(p.P10) != -500 || f(p.P50) != -500 || f(p.P90) != -500 {
		t.Errorf("year 0 difference %v with cash, want the trading cost −500 in every market", p)
	}
	last := r.DifferenceOverTime[7].Difference
	for _, pair := range [][2]Money{{last.P10, r.Difference.P10}, {last.P50, r.Difference.P50}, {last.P90, r.Difference.P90}} {
		if math.Abs(f(pair[0])-f(pair[1])) > 0.01 {
			t.Errorf("last year %s, headline %s", pair[0], pair[1])
		}
	}
}

// Before the final sale the alpha is what "hold" reports; selling costs
// the SMA more (its basis is lower), so its alpha is lower after the sale.
func TestTaxAlphaBeforeSale(t *testing.T) {
	for _, extra := range []string{"", "&contrib=25000", "&contrib=-40000"} {
		sell := run(t, "stocks=100&paths=40"+extra)
		hold := run(t, "stocks=100&paths=40&end=hold"+extra)
		if sell.TaxAlphaBeforeSaleBps != hold.TaxAlphaBps || hold.TaxAlphaBeforeSaleBps != hold.TaxAlphaBps {
			t.Errorf("%s: before sale %v (liquidate) and %v (hold), hold's alpha %v", extra, sell.TaxAlphaBeforeSaleBps, hold.TaxAlphaBeforeSaleBps, hold.TaxAlphaBps)
		}
		if sell.TaxAlphaBeforeSaleBps.P50 <= sell.TaxAlphaBps.P50 {
			t.Errorf("%s: alpha before the sale %v not above after %v", extra, sell.TaxAlphaBeforeSaleBps.P50, sell.TaxAlphaBps.P50)
		}
	}
}

// irrHorner agrees with moneyWeightedReturn, which evaluates each flow with
// a power.
func TestIRRHorner(t *testing.T) {
	for _, tc := range []struct {
		amount, contrib float64
		h               int
		wealth          float64
	}{
		{1e6, 0, 10, 2e6}, {1e6, 5e4, 20, 5e6}, {5e5, -2e4, 8, 3e5}, {1e6, 0, 1, 9e5}, {1e6, 0, 5, 0},
		{1e6, 0, 50, 1e9}, {1e6, 0, 30, 1e3}, {1e3, 1e9, 3, 5e9}, {1e6, -1e5, 10, 1},
	} {
		flows := make([]float64, tc.h)
		for k := range flows {
			flows[k] = tc.contrib
		}
		want := moneyWeightedReturn(tc.amount, flows, tc.wealth)
		if got := irrHorner(tc.amount, tc.contrib, tc.h, tc.wealth); math.Abs(got-want) > 1e-12 {
			t.Errorf("%+v: %v, moneyWeightedReturn %v", tc, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		h := 1 + rng.IntN(40)
		amount := 1e3 + rng.Float64()*1e7
		contrib := (rng.Float64() - 0.3) * 0.1 * amount
		wealth := amount * math.Exp(rng.NormFloat64()*2)
		flows := make([]float64, h)
		for k := range flows {
			flows[k] = contrib
		}
		want := moneyWeightedReturn(amount, flows, wealth)
		if got := irrHorner(amount, contrib, h, wealth); math.Abs(got-want) > 1e-9*(1+math.Abs(want)) {
			t.Errorf("amount %v contrib %v h %d wealth %v: %v, moneyWeightedReturn %v", amount, contrib, h, wealth, got, want)
		}
	}
}
