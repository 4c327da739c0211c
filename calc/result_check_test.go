package calc

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/calc/scenario"
)

func simulated(t testing.TB, query string) (scenario.Scenario, Result) {
	t.Helper()
	s, err := scenario.Decode(query)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Simulate(context.Background(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s, r
}

// Every result Simulate returns passes the check: odd and even path
// counts (the median of two middle paths), each end treatment, existing
// holdings (keep strategy), withdrawals that run out, weekly checks.
func TestCheckConsistencyAcceptsSimulatedResults(t *testing.T) {
	for _, q := range []string{
		"paths=21&stocks=30&horizon=5",
		"paths=20&stocks=30&horizon=4&end=hold",
		"paths=1&stocks=5&horizon=1",
		"paths=2&stocks=5&horizon=2&end=stepup",
		"paths=10&stocks=30&horizon=3&end=donate&fund=mf&dist=0.05",
		"paths=20&stocks=30&horizon=4&single=0.5&gainbudget=20000&contrib=-10000",
		"paths=16&stocks=20&horizon=12&contrib=-100000&vol=0.5",
		"paths=12&stocks=20&horizon=3&harvest=weekly&ret=-0.2",
		"paths=12&stocks=20&horizon=6&history=1929",
	} {
		s, r := simulated(t, q)
		if err := r.CheckConsistency(s); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
	// Through JSON, as a stored result is read.
	s, r := simulated(t, "paths=20&stocks=30&horizon=4&single=0.5")
	raw, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back Result
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if err := back.CheckConsistency(s); err != nil {
		t.Errorf("after JSON: %v", err)
	}
}

func dollars(s string) Money { return Money{decimal.RequireFromString(s)} }

// A tampered result fails the check: each edit keeps the JSON valid and
// changes one figure or the shape (issue 25, finding 3).
func TestCheckConsistencyRefusesTamperedResults(t *testing.T) {
	query := "paths=21&stocks=30&horizon=5&amount=500000"
	for _, tc := range []struct {
		name, want string
		edit       func(s *scenario.Scenario, r *Result)
	}{
		{"median beyond p90 (a planted headline)", "out of order", func(_ *scenario.Scenario, r *Result) {
			r.Difference.P50 = dollars("987654.00")
		}},
		{"ahead in 99% with a negative p10", "behind in", func(_ *scenario.Scenario, r *Result) {
			r.Difference.P10 = dollars("-54208.00")
			r.DifferenceOverTime[5].Difference.P10 = r.Difference.P10
			r.SMAAheadFraction, r.SMABehindFraction = 0.99, 0.01
		}},
		{"only the scenario", "years", func(_ *scenario.Scenario, r *Result) {
			*r = Result{Scenario: r.Scenario, Paths: r.Paths, Horizon: r.Horizon, End: r.End}
		}},
		{"horizon 0 with no years", "horizon", func(_ *scenario.Scenario, r *Result) {
			*r = Result{Scenario: r.Scenario, Paths: r.Paths, End: r.End}
		}},
		{"another scenario", "scenario", func(_ *scenario.Scenario, r *Result) { r.Scenario = "amount=2000" }},
		{"a year dropped", "years for", func(_ *scenario.Scenario, r *Result) { r.Years = r.Years[:4] }},
		// Found by FuzzResultCacheLoad (wasm/simclient): a stored result
		// whose first fault is elsewhere and whose two series over time
		// differ in length made the check index past the shorter one.
		{"another scenario and a point over time dropped", "scenario", func(_ *scenario.Scenario, r *Result) {
			r.Scenario = "amount=2000"
			r.DifferenceOverTime = r.DifferenceOverTime[:0]
		}},
		{"a point over time dropped", "points over time", func(_ *scenario.Scenario, r *Result) {
			r.DifferenceOverTime = r.DifferenceOverTime[:3]
		}},
		{"years renumbered", "year 7", func(_ *scenario.Scenario, r *Result) { r.Years[2].Year = 7 }},
		{"a decomposition part", "decomposition", func(_ *scenario.Scenario, r *Result) {
			r.Decomposition.FeeDifference = Money{r.Decomposition.FeeDifference.Add(decimal.NewFromInt(1000))}
		}},
		{"the median market's wealth", "median market", func(_ *scenario.Scenario, r *Result) {
			r.MedianMarket.SMA = Money{r.MedianMarket.SMA.Add(oneCent)}
		}},
		{"the tax saved", "tax saved", func(_ *scenario.Scenario, r *Result) {
			r.Years[1].TaxSaved = Money{r.Years[1].TaxSaved.Add(decimal.NewFromInt(5))}
		}},
		{"negative wealth", "below zero", func(_ *scenario.Scenario, r *Result) {
			r.Fund.AfterTaxWealth.P10 = dollars("-1.00")
			r.Fund.LiquidatedWealth.P10 = r.Fund.AfterTaxWealth.P10
			r.WealthOverTime[5].Fund.P10 = r.Fund.AfterTaxWealth.P10
		}},
		{"after-tax wealth raised", "liquidate", func(_ *scenario.Scenario, r *Result) {
			r.SMA.AfterTaxWealth.P90 = Money{r.SMA.AfterTaxWealth.P90.Add(decimal.NewFromInt(100000))}
		}},
		{"a ledger row", "reconcile", func(_ *scenario.Scenario, r *Result) {
			r.Ledger.SMA[2].Taxes = Money{r.Ledger.SMA[2].Taxes.Sub(decimal.NewFromInt(100))}
		}},
		{"ran out without a year", "ran out", func(_ *scenario.Scenario, r *Result) { r.SMA.DepletedFraction = 0.5 }},
		{"a rate out of order", "tax alpha", func(_ *scenario.Scenario, r *Result) { r.TaxAlphaBps.P10 = r.TaxAlphaBps.P90 + 1 }},
		{"paths changed", "paths", func(s *scenario.Scenario, _ *Result) { s.Paths = 40 }},
		{"holdings without a keep strategy", "keep", func(s *scenario.Scenario, r *Result) {
			s.Single = 0.5
			r.Scenario = s.Encode()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, r := simulated(t, query)
			tc.edit(&s, &r)
			err := r.CheckConsistency(s)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error about %q", err, tc.want)
			}
		})
	}
	var none *Result
	if none.CheckConsistency(scenario.DefaultScenario()) == nil {
		t.Error("a nil result passed")
	}
}

// Every valid scenario's result passes the check (the corpus runs with
// go test; make fuzz explores).
func FuzzResultConsistency(f *testing.F) {
	f.Add(0.07, 0.16, 0.0, uint8(0), uint8(5), uint8(3), uint64(1))
	f.Add(-0.3, 0.8, -40000.0, uint8(1), uint8(4), uint8(6), uint64(7))
	f.Add(0.2, 0.05, 25000.0, uint8(3), uint8(1), uint8(2), uint64(3))
	f.Add(0.05, 0.2, -30000.0, uint8(2), uint8(7), uint8(4), uint64(2)<<58|5) // exit at year 2 with a concentrated position
	f.Fuzz(func(t *testing.T, ret, vol, contrib float64, end, paths, horizon uint8, seed uint64) {
		s := scenario.DefaultScenario()
		s.Ret, s.Vol = scenario.Round(ret, scenario.Fraction), scenario.Round(vol, scenario.Fraction)
		s.Contrib = scenario.Round(contrib, scenario.Dollars)
		endChoices := choiceValues("end")
		s.End = endChoices[int(end)%len(endChoices)]
		s.Stocks, s.Paths, s.Horizon, s.Seed = 8, 1+int(paths)%12, 1+int(horizon)%8, seed
		if seed&1 == 1 {
			s.Single, s.SingleBasis = 0.5, 0.2
		}
		if seed&2 == 2 { // yearly gifts of lots (give.go)
			s.Give, s.Itemized = float64(seed>>2%60)*1000, float64(seed>>8%80)*1000
		}
		// An exit plan (0: none) from the seed's top bits.
		s.Exit = int(seed>>58&7) % (s.Horizon + 1)
		if s.Validate() != nil {
			return
		}
		r, err := Simulate(context.Background(), s, nil)
		if err != nil {
			t.Fatalf("%s: %v", s.Encode(), err)
		}
		if err := r.CheckConsistency(s); err != nil {
			t.Fatalf("%s: %v", s.Encode(), err)
		}
	})
}
