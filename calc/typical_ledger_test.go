package calc

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"smacalc/calc/scenario"
)

// mergeAtOnce is Merge as it was before its two halves (typical_ledger.go):
// the summary, then the typical path re-run by a new path simulator on the
// same thread. The halves must give its result byte for byte.
func mergeAtOnce(t *testing.T, s scenario.Scenario, p Paths) Result {
	t.Helper()
	r, err := build(s, p.Outcomes, nil)
	if err != nil {
		t.Fatal(err)
	}
	sim := testPathSim(t, s)
	var rec [2][]yearFlows
	sim.rec = &rec
	o := sim.run(r.MedianMarket.Path)
	r.Ledger = &Ledger{
		Path:       r.MedianMarket.Path,
		Difference: Money{money(o.SMA.AfterTax).Sub(money(o.Fund.AfterTax).Decimal)},
		SMA:        ledgerRows(rec[0]),
		Fund:       ledgerRows(rec[1]),
	}
	r.LossesRunOutYear = runOutYears(r.Years, o, rec)
	r.Gifts.medianMarketGifts(r.Ledger)
	return r
}

func TestMergeInHalves(t *testing.T) {
	legacy := mustDecode(t, "paths=8&horizon=4&stocks=40&gainbudget=20000")
	legacy.Legacy = []scenario.LegacyLot{{Holding: "X", Value: 300000, Basis: 50000, Acquired: "2020-01-02"}}
	legacy.Amount = scenario.LegacyTotal(legacy.Legacy)
	for _, tc := range []struct {
		name string
		s    scenario.Scenario
	}{
		{"default, fewer paths", mustDecode(t, "stocks=50&paths=20")},
		{"odd path count", mustDecode(t, "stocks=30&paths=9&horizon=5")},
		{"one path", mustDecode(t, "stocks=30&paths=1&horizon=3")},
		{"gifts of lots", mustDecode(t, "give=20000&itemized=40000&stocks=40&paths=8&horizon=5")},
		{"a concentrated position", mustDecode(t, "paths=10&stocks=30&horizon=4&single=0.5&gainbudget=20000&contrib=-10000")},
		{"exit plans", mustDecode(t, "stocks=40&paths=16&horizon=6&exit=3&exitfee=0.0035&harvest=none&end=donate&contrib=-20000&turnover=0.2")},
		{"mutual fund, step-up", mustDecode(t, "stocks=30&paths=10&horizon=5&basis=0.4&contrib=25000&fund=mf&dist=0.04&fundfee=0.006&end=stepup")},
		{"legacy lots", legacy},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.s
			all, err := SimulatePaths(context.Background(), s, 0, s.Paths, nil)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := json.Marshal(mergeAtOnce(t, s, all))
			// As a browser's workers send them: in parts, out of order.
			half := s.Paths / 2 &^ 1
			parts := []Paths{all}
			if half > 0 {
				parts = []Paths{{Scenario: all.Scenario, First: half, Outcomes: all.Outcomes[half:]},
					{Scenario: all.Scenario, First: 0, Outcomes: all.Outcomes[:half]}}
			}

			merged, err := Merge(s, parts...)
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := json.Marshal(merged); string(got) != string(want) {
				t.Errorf("Merge differs from the summary and ledger computed at once")
			}

			path, err := TypicalPath(s, parts...)
			if err != nil {
				t.Fatal(err)
			}
			r, err := MergeWithoutLedger(s, parts...)
			if err != nil {
				t.Fatal(err)
			}
			if path != r.MedianMarket.Path {
				t.Fatalf("TypicalPath = %d, the summary's typical market is path %d", path, r.MedianMarket.Path)
			}
			if r.Ledger != nil || r.LossesRunOutYear != nil || r.Years[0].TaxSaving != nil {
				t.Error("MergeWithoutLedger has ledger fields")
			}
			// The ledger from another simulator (a worker's), whether it
			// kept one of this scenario or starts anew.
			idlePathSims.put(&pathSim{})
			l, err := LedgerOf(s, path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := SimulatePaths(context.Background(), s, 0, min(2, s.Paths), nil); err != nil {
				t.Fatal(err)
			}
			kept, err := LedgerOf(s, path)
			if err != nil {
				t.Fatal(err)
			}
			for name, l := range map[string]TypicalLedger{"new simulator": l, "kept simulator": kept} {
				r := r
				r.Years = append([]Year(nil), r.Years...)
				if err := r.AddLedger(l); err != nil {
					t.Fatal(err)
				}
				if got, _ := json.Marshal(r); string(got) != string(want) {
					t.Errorf("%s: MergeWithoutLedger and AddLedger differ from Merge", name)
				}
				if err := r.AddLedger(l); err == nil {
					t.Errorf("%s: a second ledger was added", name)
				}
			}
		})
	}
}

func TestAddLedgerRefuses(t *testing.T) {
	s := mustDecode(t, "stocks=30&paths=6&horizon=3")
	r, err := MergeWithoutLedger(s, mustSimulatePaths(t, s))
	if err != nil {
		t.Fatal(err)
	}
	other := (r.MedianMarket.Path + 1) % s.Paths
	longer := mustDecode(t, "stocks=30&paths=6&horizon=4")
	for _, tc := range []struct {
		name   string
		s      scenario.Scenario
		path   int
		result Result
	}{
		{"another path", s, other, r},
		{"another horizon", longer, r.MedianMarket.Path, r},
		{"no result", s, 0, Result{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := LedgerOf(tc.s, tc.path)
			if err != nil {
				t.Fatal(err)
			}
			res := tc.result
			if err := res.AddLedger(l); err == nil {
				t.Error("AddLedger accepted it")
			}
		})
	}
	for _, path := range []int{-1, s.Paths} {
		if _, err := LedgerOf(s, path); err == nil {
			t.Errorf("LedgerOf(%d) of %d paths: no error", path, s.Paths)
		}
	}
	if _, err := TypicalPath(s, Paths{Scenario: s.Encode()}); err == nil {
		t.Error("TypicalPath of no paths: no error")
	}
}

func mustSimulatePaths(t *testing.T, s scenario.Scenario) Paths {
	t.Helper()
	p, err := SimulatePaths(context.Background(), s, 0, s.Paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Merge in two halves: the page summarises while a worker re-runs the
// typical market's path for its ledger.
func ExampleLedgerOf() {
	s, err := scenario.Decode("stocks=30&paths=8&horizon=3")
	if err != nil {
		panic(err)
	}
	paths, err := SimulatePaths(context.Background(), s, 0, s.Paths, nil)
	if err != nil {
		panic(err)
	}
	// Which path the ledger is of, known before the summary is built …
	path, err := TypicalPath(s, paths)
	if err != nil {
		panic(err)
	}
	// … so that its re-run (in a worker) and the summary (on the page)
	// can run side by side.
	ledger, err := LedgerOf(s, path)
	if err != nil {
		panic(err)
	}
	r, err := MergeWithoutLedger(s, paths)
	if err != nil {
		panic(err)
	}
	if err := r.AddLedger(ledger); err != nil {
		panic(err)
	}
	whole, err := Merge(s, paths)
	if err != nil {
		panic(err)
	}
	a, _ := json.Marshal(r)
	b, _ := json.Marshal(whole)
	fmt.Println(len(r.Ledger.SMA), "years of ledger; the same as Merge:", string(a) == string(b))
	// Output: 3 years of ledger; the same as Merge: true
}

func TestInPathOrder(t *testing.T) {
	part := func(first int) Paths { return Paths{First: first} }
	firsts := func(ps []Paths) []int {
		var f []int
		for _, p := range ps {
			f = append(f, p.First)
		}
		return f
	}
	for _, tc := range []struct {
		name  string
		parts []Paths
		want  []int
		same  bool // the parts themselves, not a sorted copy
	}{
		{"in order", []Paths{part(0), part(2), part(8)}, []int{0, 2, 8}, true},
		{"one", []Paths{part(4)}, []int{4}, true},
		{"none", nil, nil, true},
		{"out of order", []Paths{part(8), part(0), part(2)}, []int{0, 2, 8}, false},
		{"a tie", []Paths{part(0), part(2), part(2)}, []int{0, 2, 2}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := append([]Paths(nil), tc.parts...)
			got := inPathOrder(in)
			if !slices.Equal(firsts(got), tc.want) {
				t.Errorf("first paths %v, want %v", firsts(got), tc.want)
			}
			if same := len(got) > 0 && &got[0] == &in[0]; len(got) > 0 && same != tc.same {
				t.Errorf("the parts themselves: %v, want %v", same, tc.same)
			}
			if !slices.Equal(firsts(in), firsts(tc.parts)) {
				t.Error("the caller's parts were reordered")
			}
		})
	}
}
