package app

import (
	"testing"
	"time"

	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/calc"
)

func TestViewSyncDue(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	viewAt := now.Add(-300 * time.Millisecond)
	a, b := fields.Scenario{Query: "amount=1000000"}, fields.Scenario{Query: "amount=1250000"}
	final := store.Shown{Result: &calc.Result{}, Scenario: a}
	partial := func(sc fields.Scenario) resultView {
		return resultView{shown: store.Shown{Result: &calc.Result{}, Scenario: sc}, provisional: true}
	}
	done := resultView{shown: final, final: final}
	for _, tc := range []struct {
		name       string
		view, live resultView
		want       time.Time
	}{
		{"the first provisional result of a run", done, partial(b), now},
		{"another provisional result of the same run", partial(b), partial(b), viewAt.Add(chartsInterval)},
		{"a provisional result of another scenario", partial(a), partial(b), now},
		{"the final result", partial(a), done, now},
	} {
		if got := viewSyncDue(tc.view, tc.live, viewAt, now); !got.Equal(tc.want) {
			t.Errorf("%s: due %v, want %v", tc.name, got.Sub(now), tc.want.Sub(now))
		}
	}
	if !done.same(resultView{shown: final, final: final}) || done.same(partial(a)) {
		t.Error("resultView.same does not tell a complete result from a provisional one")
	}
}

// TestSameForLedger: the year-by-year table takes a view a frame after the
// charts only when the complete result it shows changes (a run's first
// provisional result takes it away, its final result brings it back);
// provisional results of a run leave it alone.
func TestSameForLedger(t *testing.T) {
	a, b := fields.Scenario{Query: "amount=1000000"}, fields.Scenario{Query: "amount=1250000"}
	done := func(r *calc.Result, sc fields.Scenario) resultView {
		return resultView{shown: store.Shown{Result: r, Scenario: sc}, final: store.Shown{Result: r, Scenario: sc}}
	}
	partial := func(r *calc.Result, sc fields.Scenario) resultView {
		return resultView{shown: store.Shown{Result: r, Scenario: sc}, provisional: true}
	}
	r1, r2, p1, p2 := &calc.Result{}, &calc.Result{}, &calc.Result{}, &calc.Result{}
	for _, tc := range []struct {
		name string
		v, w resultView
		same bool
	}{
		{"a run's start: the result before stays", done(r1, a), resultView{shown: store.Shown{Result: r1, Scenario: a}, final: store.Shown{Result: r1, Scenario: a}, scenario: b, run: 2}, true},
		{"the first provisional result", done(r1, a), partial(p1, b), false},
		{"another provisional result", partial(p1, b), partial(p2, b), true},
		{"the final result", partial(p2, b), done(r2, b), false},
		{"the final result of a run with no provisional one", done(r1, a), done(r2, b), false},
	} {
		if got := tc.v.sameForLedger(tc.w); got != tc.same {
			t.Errorf("%s: sameForLedger %v, want %v", tc.name, got, tc.same)
		}
	}
}
