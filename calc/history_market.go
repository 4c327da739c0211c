package calc

import (
	"math"

	"smacalc/calc/internal/market"
	"smacalc/calc/scenario"
)

// Replaying history for the market factor (key "history"; docs/HISTORY.md).
//
// history = 0 (the default) is off: the market factor is the lognormal of
// `ret` and `vol`. A start year replays the S&P Composite's monthly returns
// from January of that year (historyTable, Robert Shiller's data): at month
// k of every path the market factor's log price return is the month's
// ln(P_t/P_(t−1)), and the dividend paid at each quarter end (to the SMA
// and the fund alike) is the sum of that quarter's three monthly yields
// (D_t/12)/P_(t−1), so the index's total return is history's (up to
// reinvesting the dividends quarterly rather than monthly). `ret`, `vol`
// and `div` are then ignored for the market. The sector factors and each
// stock's own shocks stay simulated around it, with `idio`, the size
// relation and the path's seeded draws: every path sees the same market,
// and the Monte Carlo spread describes only the dispersion of stocks.
//
// The market's random draw is still made (and discarded), so a replay's
// stocks see the same sector and stock-specific draws as the lognormal
// scenario of the same seed. Logarithms are computed with market.LogPure, the
// same on every platform (math.Log is assembly on amd64).

// newHistoryMarket returns the replay of the scenario — month k's market
// log price return, quarter q's dividend yield (the sum of its months')
// — or nil when it has none (validation has checked that it fits the
// data). The kernel replays it (market.State.PinToHistory).
func newHistoryMarket(s scenario.Scenario) *market.History {
	if s.History == 0 {
		return nil
	}
	start := 1 + 12*(s.History-historyBaseYear-1) // row of January of the start year
	n := 12 * s.Horizon
	h := &market.History{LogPrice: make([]float64, n), DivQ: make([]float64, (n+2)/3)}
	for k := range n {
		prev, cur := historyTable[start+k-1], historyTable[start+k]
		h.LogPrice[k] = market.LogPure(cur.price / prev.price)
		h.DivQ[k/3] += cur.dividend / 12 / prev.price
	}
	return h
}

// historyParams are the market parameters of a replay: the market's drift
// and volatility come from history, so the stocks' and sector proxies'
// drifts keep only the variance corrections of the simulated parts (each
// stock's expected growth is the market's month).
func historyParams(mp market.Params, s scenario.Scenario) market.Params {
	sv := s.Idio * math.Sqrt(sectorVarianceShare)
	ev := s.Idio * math.Sqrt(1-sectorVarianceShare)
	mp.MktSd = 0
	mp.StockDrift = -0.5 * (sv*sv + ev*ev) * dt
	mp.SectorDrift = -0.5 * sv * sv * dt
	return mp
}
