package calc

import (
	"context"
	"math"
	"testing"
)

// TestIndexMonths: the weights are the index's cap weights (they sum to 1
// and weigh the constituents' returns into the index's month, which a
// replay pins to history's), every month is reported once, and watching
// changes nothing.
func TestIndexMonths(t *testing.T) {
	s := mustDecode(t, "history=2007&horizon=2&stocks=60&paths=4&turnover=0.08")
	hist := newHistoryMarket(s)
	steps := 0
	err := IndexMonths(s, 3, func(m IndexMonth) {
		steps++
		if m.Step != steps {
			t.Fatalf("month %d reported as step %d", steps, m.Step)
		}
		var sum, idx float64
		for i, w := range m.Weight {
			sum += w
			idx += w * m.Return[i]
		}
		if math.Abs(sum-1) > 1e-12 {
			t.Errorf("month %d: weights sum to %.15f", m.Step, sum)
		}
		if want := math.Exp(hist.LogPrice[m.Step-1]) - 1; math.Abs(idx-want) > 1e-9 {
			t.Errorf("month %d: index return %.12f, history %.12f", m.Step, idx, want)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if steps != 24 {
		t.Errorf("%d months reported, want 24", steps)
	}
	want, err := SimulatePaths(context.Background(), s, 3, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	tx, _ := newTaxer(s)
	watched := newPathSim(s, tx)
	watched.watch = newIndexWatch(s.Stocks, func(IndexMonth) {})
	got := watched.run(3)
	if got.SMA != want.Outcomes[0].SMA || got.Fund != want.Outcomes[0].Fund {
		t.Errorf("outcome changed by watching: %+v, want %+v", got.SMA, want.Outcomes[0].SMA)
	}
	if err := IndexMonths(s, 4, func(IndexMonth) {}); err == nil {
		t.Error("path 4 of 4: no error")
	}
}
