package calc

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"smacalc/calc/internal/lotbook"
	"smacalc/calc/scenario"
)

func decodeOrFatal(t *testing.T, q string) scenario.Scenario {
	t.Helper()
	s, err := scenario.Decode(q)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func simulateOrFatal(t *testing.T, q string) Result {
	t.Helper()
	s := decodeOrFatal(t, q)
	r, err := Simulate(context.Background(), s, nil)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if err := r.CheckConsistency(s); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return r
}

// jsonOf is v as JSON, for comparing parts of results to the cent.
func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// "keep" is today's result to the cent, whatever plan is weighed: the
// exits run beside the path and change nothing in it, and the keep plan's
// wealth is the SMA's.
func TestExitKeepIsTodaysResult(t *testing.T) {
	for _, base := range []string{
		"stocks=30&paths=12&horizon=6",
		"stocks=30&paths=12&horizon=6&single=0.4&singlebasis=0.2&gainbudget=30000&end=donate&contrib=-20000",
		"stocks=30&paths=12&horizon=4&harvest=weekly&dist=0.02&fund=mf&end=stepup",
	} {
		today := simulateOrFatal(t, base)
		for _, plan := range []string{"keep", "inkind", "etf351", "sell"} {
			for _, exit := range []string{"1", "3", "4"} {
				q := base + "&exit=" + exit + "&exitplan=" + plan
				r := simulateOrFatal(t, q)
				for _, part := range []struct {
					name      string
					got, want any
				}{
					{"sma", r.SMA, today.SMA}, {"fund", r.Fund, today.Fund}, {"years", r.Years, today.Years},
					{"difference", r.Difference, today.Difference}, {"ledger", r.Ledger, today.Ledger},
					{"keep", r.Keep, today.Keep}, {"median market", r.MedianMarket, today.MedianMarket},
				} {
					if g, w := jsonOf(t, part.got), jsonOf(t, part.want); g != w {
						t.Errorf("%s: %s differs from today's\n got %s\nwant %s", q, part.name, g, w)
					}
				}
				if keep := r.ExitPlans.Plans[0]; !keep.AfterTaxWealth.equal(today.SMA.AfterTaxWealth) {
					t.Errorf("%s: keep plan %+v, today's SMA %+v", q, *keep.AfterTaxWealth, today.SMA.AfterTaxWealth)
				}
			}
		}
	}
}

// Moving the lots in kind at the SMA's own fee is keeping the SMA with
// its harvesting stopped. With nothing to harvest (harvest=none) it is
// the SMA, to the cent, on every path. With harvesting at no trading
// cost it is not better: harvested losses only add deductions. That
// holds over the paths, not on each one — a harvest parks the proceeds
// in a sector substitute for a month (doc.go), whose return differs from
// the stock's either way — so the paired mean difference is tested, with
// the default investor's outside short-term gains for the losses to
// offset.
func TestExitInKindNeverBeatsHarvesting(t *testing.T) {
	for _, tc := range []struct {
		q     string
		exact bool
	}{
		{"stocks=40&paths=16&horizon=6&exit=2&tradecost=0&exitfee=0.0035&harvest=none", true},
		{"stocks=40&paths=16&horizon=6&exit=3&exitfee=0.0035&harvest=none&end=donate&contrib=-20000&turnover=0.2", true},
		{"stocks=40&paths=200&horizon=8&exit=2&tradecost=0&exitfee=0.0035", false},
		{"stocks=40&paths=200&horizon=6&exit=1&tradecost=0&exitfee=0.0035&end=donate&contrib=50000", false},
		{"stocks=40&paths=200&horizon=8&exit=4&tradecost=0&exitfee=0.0035&harvest=quarterly&end=hold", false},
	} {
		s := decodeOrFatal(t, tc.q)
		ps, err := SimulatePaths(context.Background(), s, 0, s.Paths, nil)
		if err != nil {
			t.Fatal(err)
		}
		sum := 0.0
		for i, o := range ps.Outcomes {
			d := o.SMA.AfterTax - o.Exit.InKind
			sum += d
			if tc.exact && math.Abs(d) >= 0.005 {
				t.Errorf("%s: path %d: in kind %.2f, keeping %.2f", tc.q, i, o.Exit.InKind, o.SMA.AfterTax)
			}
		}
		if mean := sum / float64(len(ps.Outcomes)); mean < 0 {
			t.Errorf("%s: in kind beats keeping the harvesting SMA by %.2f on average", tc.q, -mean)
		}
	}
}

// exitState is the SMA at the end of the exit year, before the year's
// close: its income of the year, the gains of selling everything then
// (counted lot by lot here), its value, what selling it raises and its
// basis.
type exitState struct {
	qd, gift              float64
	real, sale            lotbook.Gains
	cf                    carry
	value, sellable, cost float64
}

// exitYearState runs path `path` of s through the end of year s.Exit
// and returns the simulation and the SMA's state before that year's close.
func exitYearState(t *testing.T, s scenario.Scenario, path int) (p *pathSim, x exitState) {
	t.Helper()
	p = testPathSim(t, s)
	p.begin(path)
	var te trackingSums
	end := int32(s.Exit * stepsPerYear)
	for step := int32(1); step <= end; step++ {
		if excess, ok := p.month(step); ok {
			te.add(excess)
		}
		if step%stepsPerYear != 0 {
			continue
		}
		if step == end {
			x = exitState{qd: p.sma.qd, gift: p.sma.year.gift.value, real: p.sma.real, cf: p.sma.cf, value: p.sma.value, sellable: p.sma.sellable(), cost: p.sma.cash}
			h := &p.sma.lots
			for i, b := range h.books {
				for _, l := range b {
					x.sale.Add(l.Step, step, l.Shares*(p.mkt.Price[i]-l.Basis))
					x.cost += l.Shares * l.Basis
				}
			}
			for _, sub := range h.subs {
				x.sale.ST += sub.value - sub.basis // bought within the month
				x.cost += sub.basis
			}
		}
		p.closeYear(int(step/stepsPerYear), step, te.closeYear())
	}
	return p, x
}

// The §351 exchange pays no tax at the exit year: its year's tax is the
// SMA's, to the bit; the ETF shares carry the lots' basis and are worth
// what the SMA was. The sale pays exactly the tax on the gains it
// realizes: its year's tax is the SMA's plus the tax of adding those
// gains to the year's income.
func TestExitTaxAtTheExitYear(t *testing.T) {
	for _, q := range []string{
		"stocks=60&paths=6&horizon=6&exit=3",
		"stocks=60&paths=6&horizon=4&exit=4&ret=-0.1&end=hold",
		"stocks=60&paths=6&horizon=5&exit=1&basis=0.5&stgains=0&wages=90000&contrib=-30000",
		"stocks=60&paths=6&horizon=2&exit=2&basis=0.5&contrib=20000",
	} {
		s := decodeOrFatal(t, q)
		exchanged := 0
		for path := range s.Paths {
			p, x := exitYearState(t, s, path)
			e := p.exits
			smaTax := p.years[s.Exit-1].SMATax
			final := s.Exit == s.Horizon
			// After the exit year, the year's tax and the contribution are
			// paid from the plan's fund at the start of the next.
			flows := func(tax float64) float64 {
				if final {
					return 0
				}
				return s.Contrib - tax
			}
			with, _ := p.tx.portfolioTax(x.qd, x.real.ST+x.sale.ST, x.real.LT+x.sale.LT, x.gift, x.cf)
			without, _ := p.tx.portfolioTax(x.qd, x.real.ST, x.real.LT, x.gift, x.cf)
			if got, want := e.sell.exitYearTax-smaTax, with-without; math.Abs(got-want) > 1e-6 {
				t.Errorf("%s path %d: the sale's tax %.6f, the tax on its gains %.6f", q, path, got, want)
			}
			if got, want := e.sell.units*e.sell.nav, x.sellable+flows(e.sell.exitYearTax); math.Abs(got-want) > 1e-6*want {
				t.Errorf("%s path %d: the fund holds %.2f, the sale raised %.2f", q, path, got, want)
			}
			if !e.test.passes() {
				continue
			}
			exchanged++
			if e.etf.exitYearTax != smaTax {
				t.Errorf("%s path %d: the exchange's year tax %.2f, the SMA's %.2f", q, path, e.etf.exitYearTax, smaTax)
			}
			if got, want := e.etf.units*e.etf.nav, x.value+flows(smaTax); math.Abs(got-want) > 1e-6*want {
				t.Errorf("%s path %d: the ETF shares are worth %.2f, the lots were %.2f", q, path, got, want)
			}
			if final { // no sale since: the basis is the lots'
				basis := 0.0
				for _, l := range e.etf.book {
					basis += l.Shares * l.Basis
				}
				if math.Abs(basis-x.cost) > 1e-6*x.cost {
					t.Errorf("%s path %d: the ETF shares' basis %.2f, the lots' %.2f", q, path, basis, x.cost)
				}
			}
		}
		if exchanged == 0 {
			t.Errorf("%s: no path passed the diversification test", q)
		}
	}
}

// The diversification test of IRC §368(a)(2)(F)(ii): not more than 25%
// in one issuer and not more than 50% in five or fewer — "not more than",
// so the limits themselves pass; cash is not an asset of the test
// (§368(a)(2)(F)(iv)).
func TestExitDiversificationTest(t *testing.T) {
	for _, tc := range []struct {
		name          string
		values        []float64
		subs, holding float64
		cash          float64
		largest, five float64
		passes        bool
	}{
		{name: "ten equal", values: []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, largest: 0.1, five: 0.5, passes: true},
		{name: "four equal", values: []float64{1, 1, 1, 1}, largest: 0.25, five: 1, passes: false},
		{name: "one at 25%", values: []float64{5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, largest: 0.25, five: 0.45, passes: true},
		{name: "one over 25%", values: []float64{6, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, largest: 6.0 / 21, five: 10.0 / 21, passes: false},
		{name: "a concentrated holding", values: []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, holding: 10, largest: 0.5, five: 14.0 / 20, passes: false},
		{name: "cash is not counted", values: []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, cash: 100, largest: 0.1, five: 0.5, passes: true},
		{name: "a substitute is an issuer", values: []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, subs: 4, largest: 4.0 / 14, five: 8.0 / 14, passes: false},
	} {
		h := newHoldings(len(tc.values))
		h.empty()
		price := make([]float64, len(tc.values))
		for i, v := range tc.values {
			price[i] = 2
			h.shares[i] = v / 2
		}
		if tc.subs > 0 {
			h.addSubstitute(0, tc.subs, tc.subs)
		}
		var tr *transition
		if tc.holding > 0 {
			tr = &transition{price: []float64{4}, shares: []float64{tc.holding / 4}}
		}
		d, _ := diversificationOf(&h, price, tr, nil)
		if math.Abs(d.largest-tc.largest) > 1e-12 || math.Abs(d.five-tc.five) > 1e-12 || d.passes() != tc.passes {
			t.Errorf("%s: largest %v five %v passes %v, want %v %v %v", tc.name, d.largest, d.five, d.passes(), tc.largest, tc.five, tc.passes)
		}
	}
}

// A concentrated position still held at the exit fails the test: the
// exchange is not modelled, the result says why, the others are.
func TestExitConcentratedPositionIsNotExchanged(t *testing.T) {
	r := simulateOrFatal(t, "stocks=30&paths=8&horizon=5&single=0.7&singlebasis=0.1&gainbudget=10000&exit=2&exitplan=etf351")
	x := r.ExitPlans
	etf := x.Plans[2]
	if etf.Modelled || etf.AfterTaxWealth != nil || x.Diversification.PassedFraction != 0 {
		t.Fatalf("exchange modelled: %+v %+v", etf, x.Diversification)
	}
	for _, want := range []string{"§351(e)(1)", "year 2", "largest holding", "25%"} {
		if !strings.Contains(etf.Reason, want) {
			t.Errorf("reason %q does not say %q", etf.Reason, want)
		}
	}
	if x.Best == "etf351" || x.NextBest == "etf351" || x.Words() == "" {
		t.Errorf("best %s, next %s, words %q", x.Best, x.NextBest, x.Words())
	}
}

// Selling in the last year and holding to the horizon changes nothing
// with end=liquidate but the sale's trading cost; leaving at the
// horizon to heirs costs the tax the step-up would have spared.
func TestExitAtTheHorizon(t *testing.T) {
	r := simulateOrFatal(t, "stocks=100&paths=8&horizon=3&exit=3&tradecost=0")
	keep, sell, etf := r.ExitPlans.Plans[0], r.ExitPlans.Plans[3], r.ExitPlans.Plans[2]
	if !sell.AfterTaxWealth.equal(*keep.AfterTaxWealth) || !etf.AfterTaxWealth.equal(*keep.AfterTaxWealth) {
		t.Errorf("liquidating at the horizon: sell %+v, exchange %+v, keep %+v", *sell.AfterTaxWealth, *etf.AfterTaxWealth, *keep.AfterTaxWealth)
	}
	r = simulateOrFatal(t, "stocks=100&paths=8&horizon=3&exit=3&tradecost=0&end=stepup")
	keep, sell = r.ExitPlans.Plans[0], r.ExitPlans.Plans[3]
	if !sell.AfterTaxWealth.P50.LessThan(keep.AfterTaxWealth.P50.Decimal) || !sell.ExitTax.IsPositive() {
		t.Errorf("selling before a step-up: sell %+v (tax %s), keep %+v", *sell.AfterTaxWealth, sell.ExitTax, *keep.AfterTaxWealth)
	}
}

// Every plan side by side, and the words naming the best one.
func ExampleExitPlans_Words() {
	s, _ := scenario.Decode("stocks=100&paths=8&horizon=8&exit=3&exitplan=etf351")
	r, _ := Simulate(context.Background(), s, nil)
	x := r.ExitPlans
	for _, p := range x.Plans {
		fmt.Println(p.Plan, p.Modelled)
	}
	fmt.Println(strings.HasPrefix(x.Words(), "Leaving at the end of year 3: "))
	// Output:
	// keep true
	// inkind true
	// etf351 true
	// sell true
	// true
}
