package calc

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"smacalc/calc/scenario"
)

// typicalScenarios vary what moves the two wealth distributions apart:
// the horizon, flows in and out, the end treatment, the state, outside
// gains, an existing position, the fund's distributions, the market.
var typicalScenarios = []string{
	"stocks=60&paths=120",
	"stocks=60&paths=121&horizon=20&end=donate&amount=250000",
	"stocks=60&paths=120&horizon=20&end=stepup",
	"stocks=60&paths=120&end=hold&contrib=-50000&horizon=15",
	"stocks=60&paths=120&contrib=20000&state=TX",
	"stocks=60&paths=100&stgains=0&wages=90000&status=single",
	"stocks=60&paths=100&fund=mf&dist=0.03&horizon=8",
	"stocks=60&paths=100&basis=0.4&horizon=12",
	"stocks=60&paths=100&vol=0.25&idio=0.35&horizon=25",
	"stocks=60&paths=100&ret=0.03&vol=0.1&end=donate",
	"stocks=60&paths=100&single=0.5&singlebasis=0.2&gainbudget=40000",
	"stocks=60&paths=100&seed=7&horizon=3&harvest=quarterly",
	"stocks=60&paths=80&seed=3&amount=5000000&state=NY&end=stepup",
	"stocks=60&paths=80&seed=11&smafee=0.008&horizon=30",
}

// The typical market is typical (issue 24): its wealth lies between each
// strategy's 40th and 60th percentiles over the simulated markets, its
// difference within the Monte Carlo error of the median difference, its
// figures add up, and the ledger is its own and ends at the wealth shown.
func TestTypicalMarketIsTypical(t *testing.T) {
	for _, q := range typicalScenarios {
		s := mustDecode(t, q)
		all, err := SimulatePaths(context.Background(), s, 0, s.Paths, nil)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Merge(s, all)
		if err != nil {
			t.Fatal(err)
		}
		var sma, fund []float64
		for _, o := range all.Outcomes {
			sma, fund = append(sma, o.SMA.AfterTax), append(fund, o.Fund.AfterTax)
		}
		m := r.MedianMarket
		for _, side := range []struct {
			name   string
			wealth []float64
			shown  Money
		}{{"SMA", sma, m.SMA}, {"fund", fund, m.Fund}} {
			lo, hi := percentile(side.wealth, 0.4), percentile(side.wealth, 0.6)
			if w := f(side.shown); w < lo-0.005 || w > hi+0.005 {
				t.Errorf("%s: %s wealth shown %s outside its 40th–60th percentiles %.2f–%.2f", q, side.name, side.shown, lo, hi)
			}
		}
		// Its difference is within the Monte Carlo error of the median
		// unless no market there is typical of both (typicalPath).
		if gap := math.Abs(f(m.Difference) - f(r.Difference.P50)); gap > typicalWindow*f(r.DifferenceSE)+0.03 {
			rs, rf := percentRanks(sma), percentRanks(fund)
			for i, o := range all.Outcomes {
				d := o.SMA.AfterTax - o.Fund.AfterTax
				if math.Abs(d-f(r.Difference.P50)) <= typicalWindow*f(r.DifferenceSE) && math.Abs(rs[i]-0.5) <= 0.1 && math.Abs(rf[i]-0.5) <= 0.1 {
					t.Errorf("%s: difference %s is %.2f from the median %s (se %s), path %d within it is typical", q, m.Difference, gap, r.Difference.P50, r.DifferenceSE, i)
					break
				}
			}
		}
		l := r.Ledger
		h := r.Horizon
		if l.Path != m.Path || !l.SMA[h-1].End.Equal(m.SMA.Decimal) || !l.Fund[h-1].End.Equal(m.Fund.Decimal) {
			t.Errorf("%s: ledger path %d ends at %s and %s, typical market path %d shows %s and %s",
				q, l.Path, l.SMA[h-1].End, l.Fund[h-1].End, m.Path, m.SMA, m.Fund)
		}
		if err := r.CheckConsistency(s); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
}

// percentile is the p-th percentile of v as percentiles computes it.
func percentile(v []float64, p float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	h := p * float64(len(s)-1)
	i := int(math.Floor(h))
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (h-float64(i))*(s[i+1]-s[i])
}

// The figures shown for the typical market add up: its wealth to its
// difference and its decomposition's total; keep (end=hold) and heirs
// (end=stepup, IRC §1014) show the same wealth and differ, if sold, by
// exactly the tax due on the unrealized gains; with a sale at the end
// nothing more is due.
func TestTypicalMarketAddsUp(t *testing.T) {
	for _, q := range []string{
		"stocks=100&paths=61",
		"stocks=100&paths=60&end=stepup&state=TX",
		"stocks=100&paths=40&end=donate&contrib=20000",
		"stocks=100&paths=40&end=hold&contrib=-50000&horizon=15",
	} {
		r := run(t, q)
		m := r.MedianMarket
		if !m.SMA.Sub(m.Fund.Decimal).Equal(m.Difference.Decimal) {
			t.Errorf("%s: typical market SMA %s − fund %s ≠ its difference %s", q, m.SMA, m.Fund, m.Difference)
		}
		d := m.Decomposition
		if !d.Total.Equal(m.Difference.Decimal) || !d.partsSum().Equal(d.Total.Decimal) {
			t.Errorf("%s: decomposition total %s, parts %s, difference %s", q, d.Total, d.partsSum(), m.Difference)
		}
		if r.End == "liquidate" && (!m.SMATaxIfSold.IsZero() || !m.FundTaxIfSold.IsZero()) {
			t.Errorf("%s: tax if sold %s, %s after the sale", q, m.SMATaxIfSold, m.FundTaxIfSold)
		}
	}
	for _, q := range []string{"stocks=60&paths=60&horizon=20", "stocks=60&paths=61&contrib=30000&state=CA"} {
		keep, heirs := run(t, q+"&end=hold").MedianMarket, run(t, q+"&end=stepup").MedianMarket
		if keep.Path != heirs.Path || !keep.SMA.Equal(heirs.SMA.Decimal) || !keep.Fund.Equal(heirs.Fund.Decimal) {
			t.Errorf("%s: keep %+v and heirs %+v not the same market and wealth", q, keep, heirs)
		}
		if !keep.SMATaxIfSold.IsPositive() || !keep.SMA.Sub(keep.SMAIfSold.Decimal).Equal(keep.SMATaxIfSold.Decimal) {
			t.Errorf("%s: keep's SMA tax if sold %s (wealth %s, if sold %s)", q, keep.SMATaxIfSold, keep.SMA, keep.SMAIfSold)
		}
		// The SMA carries more unrealized gain (that is what harvesting
		// does), so the step-up is worth more to it.
		if !keep.SMATaxIfSold.GreaterThan(keep.FundTaxIfSold.Decimal) {
			t.Errorf("%s: SMA tax if sold %s not above the fund's %s", q, keep.SMATaxIfSold, keep.FundTaxIfSold)
		}
	}
}

func TestPercentRanks(t *testing.T) {
	for _, tc := range []struct {
		v, want []float64
	}{
		{[]float64{3, 1, 2}, []float64{1, 0, 0.5}},
		{[]float64{4, 1, 3, 2}, []float64{1, 0, 2.0 / 3, 1.0 / 3}},
		{[]float64{0, 0, 5}, []float64{0.25, 0.25, 1}},
	} {
		if got := percentRanks(tc.v); !slices.EqualFunc(got, tc.want, func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }) {
			t.Errorf("percentRanks(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

// typicalPath picks, within the window, the market nearest the middle of
// both wealth distributions, not the one nearest the median difference.
func TestTypicalPath(t *testing.T) {
	mk := func(sma, fund float64) PathOutcome {
		return PathOutcome{SMA: PathStrategy{AfterTax: sma}, Fund: PathStrategy{AfterTax: fund}}
	}
	// Path 2's difference (10) is the median, but both its wealths are
	// the lowest; path 6 (difference 9, within the window) is in the
	// middle of both.
	outs := []PathOutcome{mk(500, 480), mk(900, 880), mk(110, 100), mk(311, 300), mk(700, 705), mk(250, 255), mk(330, 321)}
	diff := make([]float64, len(outs))
	for i, o := range outs {
		diff[i] = o.SMA.AfterTax - o.Fund.AfterTax
	}
	if got := typicalPath(outs, diff, 10, 1); got != 6 {
		t.Errorf("typicalPath = %d, want 6", got)
	}
	// With no error the middle path is the only one in the window, and
	// it is typical of neither: the market typical of both whose
	// difference is nearest the median stands in.
	outs = append(outs, mk(331, 301)) // path 7: typical of both, difference 30
	diff = append(diff, 30)
	if got := typicalPath(outs, diff, 10, 0); got != 6 {
		t.Errorf("typicalPath with se 0 = %d, want 6", got)
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
		if !slices.Equal(got, tc.want) {
			t.Errorf("middlePaths(%v) = %v, want %v", tc.diff, got, tc.want)
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

// The typical market: one simulated market whose wealth is shown whole.
// Keep (end=hold) and heirs (end=stepup) show the same wealth there; keep
// still owes the tax a sale would cost, which the step-up clears.
func ExampleMedianMarket() {
	s := scenario.DefaultScenario()
	s.Stocks, s.Paths, s.Horizon, s.End = 40, 30, 10, "hold"
	keep, err := Simulate(context.Background(), s, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	s.End = "stepup"
	heirs, err := Simulate(context.Background(), s, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	k, h := keep.MedianMarket, heirs.MedianMarket
	fmt.Println("same market and wealth:", k.Path == h.Path && k.SMA.Equal(h.SMA.Decimal))
	fmt.Println("the ledger ends at it:", keep.Ledger.SMA[9].End.Equal(k.SMA.Decimal))
	fmt.Println("keep if sold = wealth − tax:", k.SMAIfSold.Equal(k.SMA.Sub(k.SMATaxIfSold.Decimal)))
	fmt.Println("the SMA owes more if sold:", k.SMATaxIfSold.GreaterThan(k.FundTaxIfSold.Decimal))
	// Output:
	// same market and wealth: true
	// the ledger ends at it: true
	// keep if sold = wealth − tax: true
	// the SMA owes more if sold: true
}

// Wealth that differs in the last bit (a browser's WebAssembly and a
// native build can) ranks the same: the typical market, and the ledger
// shown, are the same on both.
func TestWealthRanksTieWithinACent(t *testing.T) {
	mk := func(sma, fund float64) PathOutcome {
		return PathOutcome{SMA: PathStrategy{AfterTax: sma}, Fund: PathStrategy{AfterTax: fund}}
	}
	w := 955554.16
	outs := []PathOutcome{mk(3, w), mk(1, math.Nextafter(w, 2*w)), mk(2, w-100)}
	rs, rf := wealthRanks(outs)
	if rf[0] != rf[1] || rf[0] != 0.75 || rs[0] != 1 {
		t.Errorf("ranks %v and %v: the two fund wealths a bit apart should share rank 0.75", rs, rf)
	}
}
