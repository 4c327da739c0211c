//go:build !wasm

package main

import (
	"context"
	"fmt"
	"slices"

	"smacalc/calc/scenario"
)

// aqrReplays is the long-term case of the AQR experiment on history, over
// AQR's own window. AQR's figures come from "a long history of U.S. stock
// returns" — by the second reading of the paper in issue 26, 45
// overlapping historical simulations from 1975 to 2019 on the S&P 500
// universe; the nearest calc comes to that is to replay the market factor
// (the S&P Composite's monthly total returns, Shiller's data) from each
// January of the window and weigh the start years equally, with the
// stocks' own moves simulated around it.
type aqrReplays struct {
	Horizon     int
	First, Last int    // start years
	Runs        []*run // one per start year
	Query       string // the query of every run but its "history" key
}

// AQR's window: start years 1975 to 2010, 15 years each (issue 26).
const (
	aqrWindowFirst = 1975
	aqrWindowLast  = 2010
)

func (c config) aqrReplays(ctx context.Context) (*aqrReplays, error) {
	const horizon = 15
	first, last, ok := scenario.HistoryStartYears(horizon)
	if !ok || first > aqrWindowFirst || last < aqrWindowLast {
		return nil, fmt.Errorf("AQR's window %d–%d does not fit the history data's %d-year replays (%d–%d)",
			aqrWindowFirst, aqrWindowLast, horizon, first, last)
	}
	a := &aqrReplays{Horizon: horizon, First: aqrWindowFirst, Last: aqrWindowLast,
		Query: query(unlimitedLT, topRateInvestor, gross, fmt.Sprintf("horizon=%d&end=hold", horizon), papersAccounting, fmt.Sprintf("paths=%d&seed=1", c.paths(100)))}
	for y := a.First; y <= a.Last; y++ {
		r, err := c.simulate(ctx, query(fmt.Sprintf("history=%d", y), a.Query))
		if err != nil {
			return nil, err
		}
		a.Runs = append(a.Runs, r)
	}
	return a, nil
}

// spread is a statistic's distribution over the start years.
type spread struct{ Mean, Median, Low, High float64 }

// acrossStarts is stat of each run, summarized over the runs (each start
// year weighs the same).
func acrossStarts(runs []*run, stat func(*run) float64) spread {
	v := make([]float64, len(runs))
	for i, r := range runs {
		v[i] = stat(r)
	}
	return spreadOf(v)
}

// spreadOf summarizes values (at least one).
func spreadOf(v []float64) spread {
	mean, _ := meanSD(v)
	return spread{Mean: mean, Median: quantile(v, 0.5), Low: slices.Min(v), High: slices.Max(v)}
}

// replayLines reports the replays under the AQR gap table.
func (a *aqrReplays) replayLines(w *report) {
	year := func(k int) spread {
		return acrossStarts(a.Runs, func(r *run) float64 { return benefitBps(r.Outcomes, k-1) })
	}
	late := acrossStarts(a.Runs, func(r *run) float64 { return averageBenefitBps(r.Outcomes, 10, a.Horizon) })
	loss := acrossStarts(a.Runs, func(r *run) float64 { return cumulativeNetLosses(r.Outcomes)[0] })
	y1, y2, y5 := year(1), year(2), year(5)
	w.p("   On history, over AQR's window: the first row's case (calc's default `idio`, %g) with the market factor",
		scenario.DefaultScenario().Idio)
	w.p("   replayed from each January %d–%d (%d start years, %d years each, %d paths each: the first row's query with",
		a.First, a.Last, len(a.Runs), a.Horizon, len(a.Runs[0].Outcomes))
	w.p("   `history=YEAR` and `paths=%d`; the stocks' dispersion simulated around the market, docs/HISTORY.md), each",
		len(a.Runs[0].Outcomes))
	w.p("   start year weighing the same:")
	w.p("")
	w.p("   | over the start years | year 1 | year 2 | year 5 | years 10–%d | year-1 net realized loss, %% of capital |", a.Horizon)
	w.p("   |---|---|---|---|---|---|")
	lo, hi := aqrYearOneNetLoss()
	w.p("   | AQR (published; loss implied) | %.0f | %.0f | %.0f | ≈ 0 | %.1f–%.1f%% |", aqrLT[1], aqrLT[2], aqrLT[5], 100*lo, 100*hi)
	for _, row := range []struct {
		name string
		get  func(spread) float64
	}{
		{"mean", func(s spread) float64 { return s.Mean }},
		{"median", func(s spread) float64 { return s.Median }},
		{"lowest", func(s spread) float64 { return s.Low }},
		{"highest", func(s spread) float64 { return s.High }},
	} {
		w.p("   | %s | %.0f | %.0f | %.0f | %.0f | %.1f%% |", row.name, row.get(y1), row.get(y2), row.get(y5), row.get(late), 100*row.get(loss))
	}
	w.p("")
	w.p("   Over AQR's window the model's year 1 is %.0f bp on average and %.0f bp at the median start year, against", y1.Mean, y1.Median)
	w.p("   AQR's 155 (%.1f× and %.1f×); year 2 %.0f bp against 51, year 5 %.0f against 8. %s", y1.Mean/aqrLT[1], y1.Median/aqrLT[1],
		y2.Mean, y5.Mean, replayVerdict(y1))
	w.p("")
}

// replayVerdict says where the replays' year 1 stands against the
// 110–200 bp around AQR's 155.
func replayVerdict(y1 spread) string {
	switch {
	case y1.Median <= 200 && y1.Mean <= 200:
		return "History's own market brings year 1 within 110–200 bp of AQR's 155."
	case y1.Median <= 200:
		return "The median start year is within 110–200 bp of AQR's 155; the mean is above, pulled up by the start years with early falls."
	default:
		return "History's own market does not close the gap, which stays with the stocks' dispersion around the market and AQR's strategy."
	}
}
