package calc

import (
	"fmt"

	"smacalc/calc/scenario"
)

// IndexMonth is one month of a path's simulated index, as an index
// provider sees it: each constituent's cap weight at the start of the
// month and its price return over the month. The index's own price
// return is Σ Weight[i]·Return[i].
type IndexMonth struct {
	Step   int       // the month: 1 … 12·Horizon
	Weight []float64 // cap weights at the start of the month (sum 1)
	Return []float64 // price returns over the month
}

// IndexMonths re-runs path `path` of s and calls month once a month, after
// the month's market move (history's pinning included) and before the
// month's trades. It lets a caller measure the market the engine
// simulates by a published statistic — docs/MARKET.md measures S&P Dow
// Jones Indices' dispersion on it (validate/dispersion.go) — without a
// copy of the market model. A cash takeover's premium, paid at a quarter
// end after the month's move (takeover.go), shows in the next month's
// return. The slices are reused from month to month: copy what you keep.
// The path is the same as in Simulate: watching changes nothing.
func IndexMonths(s scenario.Scenario, path int, month func(IndexMonth)) error {
	if err := s.Validate(); err != nil {
		return err
	}
	if path < 0 || path >= s.Paths {
		return fmt.Errorf("calc: path %d outside 0..%d", path, s.Paths-1)
	}
	tx, err := newTaxer(s)
	if err != nil {
		return err
	}
	sim := newPathSim(s, tx)
	sim.watch = newIndexWatch(s.Stocks, month)
	sim.run(path)
	return nil
}

// indexWatch is the recording hook behind IndexMonths (path.go's
// moveMarket calls step once a month; nil when not watching).
type indexWatch struct {
	month func(IndexMonth)
	prev  []float64 // each constituent's price at the end of the previous month
	m     IndexMonth
}

func newIndexWatch(n int, month func(IndexMonth)) *indexWatch {
	w := &indexWatch{month: month, prev: make([]float64, n),
		m: IndexMonth{Weight: make([]float64, n), Return: make([]float64, n)}}
	for i := range w.prev {
		w.prev[i] = 1 // every price starts at 1 (market.State.Begin)
	}
	return w
}

// step reports month t from the index's shares idxN and the prices after
// the month's move (market.State's IdxN and Price).
func (w *indexWatch) step(t int32, idxN, price []float64) {
	total := 0.0
	for i, q := range idxN {
		total += q * w.prev[i]
	}
	for i, q := range idxN {
		w.m.Weight[i] = q * w.prev[i] / total
		w.m.Return[i] = price[i]/w.prev[i] - 1
	}
	w.m.Step = int(t)
	w.month(w.m)
	// The next month starts from this month's prices: a takeover's premium,
	// added at the quarter end after this call, counts in its return.
	w.prev = w.prev[:0]
	w.prev = append(w.prev, price...)
}
