package scenario

import (
	"math"
	"slices"
)

// Limits that depend on several keys at once: the work a scenario asks
// for, counting existing holdings (issue 25, finding 5), and the range of
// figures its tax arithmetic is exact in (finding 7). Scenario.validate
// calls both.

// Cost of existing holdings in the kernel, in stock-steps (one index
// stock for one month of one path): every month each holding moves on its
// own draw (transition.step, about half a stock's work), and each lot is
// revalued and sorted for the year's sale (about a tenth). Measured
// natively with the 1,000-lot files of issue 25 on 166 stocks, 20 years,
// 500 paths (user CPU: 0.69 s without lots, +2.2 s with 1,000 holdings,
// +0.3 s with 1,000 lots of one holding), rounded up.
const (
	workPerHolding = 0.5
	workPerLot     = 0.125
)

// legacyWork is the work of the scenario's existing holdings per path and
// month, in stock-steps: 0 without them.
func (s Scenario) legacyWork() float64 {
	switch {
	case len(s.Legacy) > 0:
		names := map[string]bool{}
		for _, l := range s.Legacy {
			names[l.Holding] = true
		}
		return workPerHolding*float64(len(names)) + workPerLot*float64(len(s.Legacy))
	case s.Single > 0:
		return workPerHolding + workPerLot
	}
	return 0
}

// validateWork bounds the scenario's work, paths × (stocks + the holdings'
// work) × months, by MaxWork, and paths × horizon by MaxPathYears.
func (s Scenario) validateWork(e *ValidationError) {
	if e.has("paths") || e.has("stocks") || e.has("horizon") {
		return
	}
	perPath := (float64(s.Stocks) + s.legacyWork()) * float64(12*s.Horizon)
	if s.Exit > 0 {
		perPath *= 2 // the in-kind exit plan runs each path a second time (calc/exit.go)
	}
	switch {
	case perPath*float64(s.Paths) > MaxWork && s.legacyWork() > 0:
		e.add("paths", "paths × (stocks + %s for the existing holdings) × months (horizon × 12) = %.0f exceeds the limit of %.0f; use at most %d paths, or fewer stocks, holdings or a shorter horizon",
			formatFloat(s.legacyWork()), perPath*float64(s.Paths), float64(MaxWork), int(MaxWork/perPath))
	case perPath*float64(s.Paths) > MaxWork:
		e.add("paths", "paths × stocks × months (horizon × 12) = %.0f exceeds the limit of %.0f; use at most %d paths, or fewer stocks or a shorter horizon",
			perPath*float64(s.Paths), float64(MaxWork), int(MaxWork/perPath))
	case s.Paths*s.Horizon > MaxPathYears:
		e.add("paths", "paths × horizon = %d exceeds %d; use at most %d paths",
			s.Paths*s.Horizon, MaxPathYears, MaxPathYears/s.Horizon)
	}
}

// maxTaxDollars is the largest amount the tax arithmetic computes exactly
// (package calc/tax, cents.go maxDollars): it works in int64 cents and clamps
// every input beyond ±10^13 dollars, so that sums of a return's lines
// cannot overflow. A larger gain would be taxed as 10^13 silently (issue
// 25, finding 7: at amount=10000000000&ret=0.2&horizon=50 the fund's
// liquidation tax came out at 11% of its gain).
const maxTaxDollars = 1e13

// exceedChance bounds the chance that any path of a scenario leaves the
// exact range (validateExactRange).
const exceedChance = 0.01

// wealthFactor bounds how many times its money in (the amount and the
// contributions) a path's portfolio can be worth at any year end, except
// with a chance below exceedChance over all the scenario's paths. The
// portfolio is taken as lognormal: log growth horizon·(g − σ²/2) + σ·√horizon·Z,
// where g is ln(1 + ret) (the expected total return; with a replay of
// history, the largest growth of the replayed market to any year end, with
// no market volatility) and σ² = vol² + idio²/stocks (the market and the
// part of the stocks' own risk that an equal-weight portfolio keeps), or
// the holdings' own volatility "singlevol" when larger; Z is the normal
// quantile that one path in paths/exceedChance exceeds. A year earlier than
// the horizon has less growth and less spread unless g < 0, so the bound
// takes the largest over the years.
func (s Scenario) wealthFactor() float64 {
	vol := s.Vol
	growth := func(years int) float64 { return float64(years) * math.Log1p(s.Ret) }
	if s.History != 0 {
		first := s.History - HistoryFirstYear
		if first < 0 || first+s.Horizon > len(historyYearLogReturns) {
			return math.Inf(1) // the history key's own check names the problem
		}
		vol = 0
		cum := make([]float64, s.Horizon+1)
		for y := 1; y <= s.Horizon; y++ {
			cum[y] = cum[y-1] + historyYearLogReturns[first+y-1]
		}
		growth = func(years int) float64 { return slices.Max(cum[:years+1]) }
	}
	sigma := math.Sqrt(vol*vol + s.Idio*s.Idio/float64(max(s.Stocks, 1)))
	if s.Single > 0 || len(s.Legacy) > 0 {
		sigma = max(sigma, s.SingleVol)
	}
	z := math.Sqrt2 * math.Erfinv(1-2*exceedChance/float64(max(s.Paths, 1)))
	best := 1.0
	for y := 1; y <= s.Horizon; y++ {
		t := float64(y)
		best = max(best, math.Exp(growth(y)-0.5*sigma*sigma*t+z*sigma*math.Sqrt(t)))
	}
	return best
}

// validateExactRange refuses a scenario whose figures may leave the range
// the tax arithmetic is exact in: the largest income a year can have (the
// other income plus a portfolio's whole value, realized when it is sold at
// the horizon) must stay within maxTaxDollars on every path but a chance
// below exceedChance (wealthFactor). It names "amount" (the money in),
// with the keys that make it grow.
func (s Scenario) validateExactRange(e *ValidationError) {
	for _, k := range []string{"amount", "contrib", "horizon", "ret", "vol", "idio", "stocks", "paths", "history", "wages", "stgains", "ltgains", "singlevol"} {
		if e.has(k) {
			return
		}
	}
	in := s.Amount + max(s.Contrib, 0)*float64(s.Horizon)
	other := s.Wages + s.STGains + s.LTGains
	f := s.wealthFactor()
	if in*f+other <= maxTaxDollars {
		return
	}
	most := math.Floor(((maxTaxDollars-other)/f-max(s.Contrib, 0)*float64(s.Horizon))/1000) * 1000
	advice := "use a smaller amount or contribution, a shorter horizon or a lower return"
	if most >= 1000 {
		advice = "use an amount of at most " + formatFloat(most) + ", or a smaller contribution, a shorter horizon or a lower return"
	}
	e.add("amount", "with this amount, contrib, ret, vol and horizon a portfolio may grow to about %s trillion dollars (%.0f times the money put in), beyond the %.0f trillion the tax arithmetic is exact to: %s",
		formatFloat(math.Round((in*f+other)/1e12)), f, maxTaxDollars/1e12, advice)
}

// HistoryYearLogReturn is the calendar year's log total return in a replay
// of history (0 outside HistoryFirstYear..HistoryLastYear): the sum of its
// twelve monthly log returns, as the engine's replay computes them.
func HistoryYearLogReturn(year int) float64 {
	if year < HistoryFirstYear || year > HistoryLastYear {
		return 0
	}
	return historyYearLogReturns[year-HistoryFirstYear]
}
