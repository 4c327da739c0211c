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
