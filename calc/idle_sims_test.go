package calc

import (
	"context"
	"reflect"
	"testing"

	"smacalc/calc/scenario"
)

// TestIdlePathSimsChangeNothing checks that SimulatePaths taking the
// simulators an earlier call left (idlePathSims) gives the outcomes of
// new ones: a range after a longer range of the same scenario, after
// another scenario, and with legacy lots changed in place between calls
// (the pool must not take them for the same scenario).
func TestIdlePathSimsChangeNothing(t *testing.T) {
	fresh := func(s scenario.Scenario, first, count int) []PathOutcome {
		t.Helper()
		p := testPathSim(t, s)
		var out []PathOutcome
		for k := range count {
			out = append(out, p.run(first+k))
		}
		return out
	}
	pooled := func(s scenario.Scenario, first, count int) []PathOutcome {
		t.Helper()
		ps, err := SimulatePaths(context.Background(), s, first, count, nil)
		if err != nil {
			t.Fatal(err)
		}
		return ps.Outcomes
	}
	s := mustDecode(t, "paths=6&horizon=4&stocks=60")
	other := mustDecode(t, "paths=6&horizon=4&stocks=60&harvest=quarterly")
	pooled(s, 0, 6)
	if got, want := pooled(s, 3, 3), fresh(s, 3, 3); !reflect.DeepEqual(got, want) {
		t.Errorf("after a call of the same scenario: outcomes differ from a new simulator's")
	}
	pooled(other, 0, 2)
	if got, want := pooled(s, 1, 2), fresh(s, 1, 2); !reflect.DeepEqual(got, want) {
		t.Errorf("after another scenario: outcomes differ from a new simulator's")
	}
	lots := mustDecode(t, "paths=2&horizon=4&stocks=60&gainbudget=20000")
	lots.Legacy = []scenario.LegacyLot{{Holding: "X", Value: 300000, Basis: 50000, Acquired: "2020-01-02"}}
	lots.Amount = scenario.LegacyTotal(lots.Legacy)
	pooled(lots, 0, 2)
	lots.Legacy[0].Basis = 250000 // in place
	if got, want := pooled(lots, 0, 2), fresh(lots, 0, 2); !reflect.DeepEqual(got, want) {
		t.Errorf("legacy lots changed in place: outcomes of the old lots")
	}
}
