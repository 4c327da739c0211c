package calc

import (
	"context"
	"math"
	"strings"
	"testing"

	"smacalc/calc/scenario"
)

func TestTransitionKeysCanonical(t *testing.T) {
	// Old links keep their canonical form: no transition key unless set.
	if q := scenario.DefaultScenario().Encode(); strings.Contains(q, "single") || strings.Contains(q, "gainbudget") {
		t.Fatalf("default query writes a transition key: %s", q)
	}
	for _, tc := range []struct{ in, want string }{
		{"single=0.6&singlebasis=0.1&gainbudget=50000", "&single=0.6&singlebasis=0.1&gainbudget=50000"},
		{"single=0.6", "&single=0.6"},
		{"singlevol=0.35&singlebasis=1", ""},           // defaults are not written
		{"gainbudget=0", "&gainbudget=0"},              // zero is a budget, not "no limit"
		{"gainbudget=", ""},                            // empty: no limit
		{"gainbudget=1234.567", "&gainbudget=1234.57"}, // cents
	} {
		s := mustDecode(t, tc.in)
		q := s.Encode()
		if !strings.HasSuffix(q, "&local=none"[:0]+tc.want) || (tc.want == "" && strings.Contains(q, "single")) {
			t.Errorf("%s: Encode = …%s, want suffix %q", tc.in, q[strings.LastIndex(q, "seed"):], tc.want)
		}
		if s2 := mustDecode(t, q); s2.Encode() != q {
			t.Errorf("%s: not a fixed point: %s", tc.in, s2.Encode())
		}
	}
	if s := mustDecode(t, "gainbudget="); s.HasGainBudget {
		t.Errorf("empty gainbudget is a budget")
	}
}

func TestTransitionValidation(t *testing.T) {
	for q, key := range map[string]string{
		"single=0.96":     "single",
		"single=-0.1":     "single",
		"singlebasis=3":   "singlebasis",
		"singlevol=2":     "singlevol",
		"gainbudget=-1":   "gainbudget",
		"gainbudget=lots": "gainbudget",
		"single=abc":      "single",
		"singlevol=0.3x":  "singlevol",
	} {
		_, err := scenario.Decode(q)
		ve, ok := err.(*scenario.ValidationError)
		if !ok || len(ve.Problems) != 1 || ve.Problems[0].Key != key {
			t.Errorf("Decode(%q) = %v, want one problem with %s", q, err, key)
		}
	}
	s := mustDecode(t, "single=0.5")
	s.Legacy = []scenario.LegacyLot{{Holding: "X", Value: 1000, Basis: 10, Acquired: "2020-01-02"}}
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "single: cannot be combined") {
		t.Errorf("single with lots: %v", err)
	}
}

// transitionPaths simulates q and returns its per-path outcomes.
func transitionPaths(t *testing.T, s scenario.Scenario) []PathOutcome {
	t.Helper()
	ps, err := SimulatePaths(context.Background(), s, 0, s.Paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ps.Outcomes
}

// The done-when scenario of issue 18: every path's net realized gain of
// every year within the budget, the mean legacy weight falling each year,
// and losses paying for sales beyond the budget's gain.
func TestTransitionWithinBudget(t *testing.T) {
	s := mustDecode(t, small+noTurnover+"single=0.6&singlebasis=0.1&gainbudget=50000&horizon=10")
	ps, err := SimulatePaths(context.Background(), s, 0, s.Paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	outs := ps.Outcomes
	prev := s.Single
	for k := range s.Horizon {
		w := 0.0
		for p, o := range outs {
			if g := o.Years[k].Realized; g > 50000+1e-6 {
				t.Errorf("path %d year %d: net realized gain %.2f beyond the budget", p, k+1, g)
			}
			w += o.Years[k].SingleW
		}
		w /= float64(len(outs))
		if w >= prev {
			t.Errorf("year %d: mean legacy weight %.4f did not fall from %.4f", k+1, w, prev)
		}
		prev = w
	}
	r, err := Merge(s, ps)
	if err != nil {
		t.Fatal(err)
	}
	if got := f(r.Years[0].RealizedGains); math.Abs(got-50000) > 0.01 {
		t.Errorf("year 1 mean realized %.2f, want the budget (the position is far larger)", got)
	}
	funded := 0.0
	for _, row := range r.Ledger.SMA {
		if row.LegacySold == nil || row.LegacySoldHarvested == nil || row.RealizedGains == nil {
			t.Fatalf("ledger row %d has no transition fields", row.Year)
		}
		if f(*row.LegacySoldHarvested) > f(*row.LegacySold)+0.01 {
			t.Errorf("year %d: harvest-funded %v above sold %v", row.Year, row.LegacySoldHarvested, row.LegacySold)
		}
		funded += f(*row.LegacySoldHarvested)
	}
	if funded <= 0 {
		t.Errorf("no harvest-funded sales on the ledger path")
	}
	if r.Ledger.Fund[0].LegacySold != nil {
		t.Errorf("fund rows carry transition fields")
	}
}

// ledgerFlows re-runs every path of s recording its SMA's yearly flows.
func ledgerFlows(t *testing.T, s scenario.Scenario) [][]yearFlows {
	t.Helper()
	sim := testPathSim(t, s)
	var all [][]yearFlows
	for path := range s.Paths {
		var rec [2][]yearFlows
		sim.rec = &rec
		sim.run(path)
		all = append(all, rec[0])
	}
	return all
}

// A zero budget realizes no net gain: the position is sold only with the
// room realized losses opened (harvested ones, or the losses of the
// yearly sales for the tax), to a net gain of zero. Without harvesting
// that room is small and the position is, in effect, kept.
func TestTransitionZeroBudgetKeeps(t *testing.T) {
	for _, tc := range []struct {
		harvest   string
		mostSold  float64 // share of the position's starting value sold, at most
		leastSold float64
	}{{"none", 0.05, 0}, {"monthly", 1, 1e-3}} {
		s := mustDecode(t, small+noTurnover+"single=0.6&singlebasis=0.1&gainbudget=0&horizon=5&harvest="+tc.harvest)
		flows := ledgerFlows(t, s)
		total := 0.0
		for p, ys := range flows {
			sold := 0.0
			for k, y := range ys {
				if y.moved > 0 && y.realized > 1e-6 {
					t.Errorf("%s: path %d year %d: sold %.2f to a net gain of %.2f with a zero budget", tc.harvest, p, k+1, y.moved, y.realized)
				}
				if math.Abs(y.moved-y.movedExtra) > 1e-6*y.moved {
					t.Errorf("%s: path %d year %d: sold %.2f, loss-funded %.2f: with a zero budget all of it is", tc.harvest, p, k+1, y.moved, y.movedExtra)
				}
				sold += y.moved
			}
			if sold > tc.mostSold*600000 {
				t.Errorf("%s: path %d: sold %.0f of the position with a zero budget", tc.harvest, p, sold)
			}
			total += sold
		}
		if total < tc.leastSold*600000*float64(len(flows)) {
			t.Errorf("%s: sold %.0f in all: the harvested losses paid for no sale", tc.harvest, total)
		}
	}
}

// No budget sells at once, as the fund strategy does: with the same costs
// and no harvest, both realize the position's gain and pay the same tax in
// year 1 (later years differ by the SMA's lot-by-lot sales for the tax).
// No dividends: the SMA's wait a month as cash (cash.go), the fund's are
// reinvested at once, and their tax would differ by that.
func TestTransitionUnlimitedEqualsSellingAtOnce(t *testing.T) {
	s := mustDecode(t, small+noTurnover+"single=0.6&singlebasis=0.1&harvest=none&smafee=0&fundfee=0&tradecost=0&horizon=3&div=0")
	for p, o := range transitionPaths(t, s) {
		for k, y := range o.Years {
			if y.SingleW != 0 {
				t.Fatalf("path %d year %d: legacy weight %v after selling at once", p, k+1, y.SingleW)
			}
			if k == 0 && math.Abs(y.SMATax-y.FundTax) > 0.01 {
				t.Errorf("path %d year %d: SMA tax %.2f, fund tax %.2f", p, k+1, y.SMATax, y.FundTax)
			}
		}
		if k := o.Years[0]; math.Abs(k.Realized-0.6*1e6*0.9) > 0.01 {
			t.Errorf("path %d: year 1 realized %.2f, want the position's gain 540000", p, k.Realized)
		}
	}
}

// Withdrawals the index part cannot pay sell the position, whatever the
// budget; a portfolio that runs out is an outcome.
func TestTransitionCashNeeds(t *testing.T) {
	s := mustDecode(t, small+"single=0.95&singlebasis=0.1&gainbudget=0&harvest=none&contrib=-100000&horizon=15")
	for p, o := range transitionPaths(t, s) {
		if err := o.check(); err != nil {
			t.Fatalf("path %d: %v", p, err)
		}
		// The index part (50,000) pays less than one withdrawal.
		if o.SMA.Contrib > -200000 {
			t.Errorf("path %d: withdrawals %.0f not paid from the position", p, o.SMA.Contrib)
		}
	}
}

// The transition costs the default scenario nothing: no holdings, no
// transition state.
func TestTransitionAbsent(t *testing.T) {
	tx, err := newTaxer(scenario.DefaultScenario())
	if err != nil {
		t.Fatal(err)
	}
	if p := newPathSim(scenario.DefaultScenario(), tx); p.tr != nil {
		t.Fatal("default scenario has a transition")
	}
}

// "Keep it" keeps the holdings untouched: with no income, fees or
// distributions its wealth is the holdings' value plus the fund part's,
// less (liquidating) the tax on their gains alone (all long-term).
func TestTransitionKeep(t *testing.T) {
	for _, end := range []string{"hold", "liquidate"} {
		s := mustDecode(t, small+"single=0.6&singlebasis=0.1&gainbudget=50000&horizon=4&div=0&fundfee=0&smafee=0&tradecost=0&end="+end)
		p := testPathSim(t, s)
		for path := range 6 {
			o := p.run(path)
			held := 0.6e6 * p.tr.price[0]
			want := held + 0.4e6*p.fund.nav
			if end == "liquidate" {
				tax, _ := p.tx.portfolioTax(0, 0, held-0.6e6*0.1+0.4e6*(p.fund.nav-1), 0, carry{})
				want -= tax
			}
			if math.Abs(o.Keep-want) > 1e-6*want {
				t.Errorf("%s path %d: keep %.2f, want %.2f", end, path, o.Keep, want)
			}
		}
	}
	if r := run(t, small+"horizon=2"); r.Keep != nil {
		t.Error("keep without existing holdings")
	}
	if r := run(t, small+"horizon=2&single=0.5"); r.Keep == nil || r.Keep.AfterTaxWealth.P50.IsZero() {
		t.Errorf("no keep figure: %+v", r.Keep)
	}
}

// noTurnover keeps the index's names (turnover.go): the forced gains of
// names leaving the index count against the year's gain budget too, and
// alone they can exceed it (the SMA must follow the index), so the budget
// tests measure the transition without them.
const noTurnover = "turnover=0&"
