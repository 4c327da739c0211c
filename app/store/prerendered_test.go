package store

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// TestPrerenderedFromEnv: only a result that decodes, is of a canonical
// query and holds together for it is taken over; anything else leaves the
// page to simulate.
func TestPrerenderedFromEnv(t *testing.T) {
	s, err := scenario.Decode("paths=4&stocks=20&horizon=3")
	if err != nil {
		t.Fatal(err)
	}
	r, err := calc.Simulate(context.Background(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	good, _ := json.Marshal(r)
	other := r
	other.Scenario = "amount=2000" // not canonical, and not the result's scenario
	otherJSON, _ := json.Marshal(other)
	changed := r
	changed.Paths = 6 // does not hold together with its scenario
	changedJSON, _ := json.Marshal(changed)
	for _, c := range []struct {
		name, env string
		want      bool
	}{
		{"none", "", false},
		{"calc's result", string(good), true},
		{"not JSON", "{", false},
		{"another scenario's", string(otherJSON), false},
		{"inconsistent", string(changedJSON), false},
		{"truncated", strings.TrimSuffix(string(good), "}"), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(PrerenderedEnv, c.env)
			got := PrerenderedFromEnv()
			if (got != nil) != c.want {
				t.Fatalf("PrerenderedFromEnv() = %v, want a result: %v", got != nil, c.want)
			}
			if got != nil && got.Difference.P50.String() != r.Difference.P50.String() {
				t.Errorf("median difference %s, want %s", got.Difference.P50, r.Difference.P50)
			}
		})
	}
}
