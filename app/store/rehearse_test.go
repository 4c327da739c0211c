package store

import (
	"testing"

	"smacalc/app/fields"
	"smacalc/calc"
	"smacalc/calc/scenario"
)

// simulator is a Simulator that is never called: rehearsable only asks
// whether the store has one.
type simulator struct{ Simulator }

// TestRehearsable: the rehearsal of an input change runs only while the
// page shows the prerendered start scenario as it was loaded; anything the
// person or a share link did first rules it out, so it can never overwrite
// or delay their change.
func TestRehearsable(t *testing.T) {
	loaded := func() *Store {
		s := New(simulator{}, fields.Start(""))
		s.Prerender(&calc.Result{Scenario: s.start.Query})
		return s
	}
	for _, c := range []struct {
		name   string
		change func(s *Store)
		want   bool
	}{
		{"as loaded", func(*Store) {}, true},
		{"rehearsed already", func(s *Store) { s.rehearsed = true }, false},
		{"no simulator (prerendering)", func(s *Store) { s.sim = nil }, false},
		{"a change of the person's", func(s *Store) { s.seq++ }, false},
		{"no prerendered result", func(s *Store) { s.prerendered, s.Result = nil, Shown{} }, false},
		{"another result shown", func(s *Store) { s.Result.Result = &calc.Result{Scenario: s.start.Query} }, false},
		{"a run", func(s *Store) { s.Running = true }, false},
		{"imported lots", func(s *Store) { s.Lots = []scenario.LegacyLot{} }, false},
		{"a problem", func(s *Store) { s.Problems = map[string]string{"amount": "too small"} }, false},
		{"a link's notes", func(s *Store) { s.Notes = []string{"the horizon was replaced"} }, false},
		{"presenter mode", func(s *Store) { s.Presenting = true }, false},
		{"the map open", func(s *Store) { s.Map.Open = true }, false},
		{"an amount not grouped (settling would rewrite it)", func(s *Store) { s.Values = s.Values.With(rehearsalKey, "1000000") }, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := loaded()
			c.change(s)
			if got := s.rehearsable(); got != c.want {
				t.Errorf("rehearsable() = %v, want %v", got, c.want)
			}
		})
	}
}
