package calc

import "math"

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
// scenario of the same seed. Logarithms are computed with logPure, the
// same on every platform (math.Log is assembly on amd64).

// historyMarket is the replayed market of a path simulation.
type historyMarket struct {
	logPrice []float64 // month k's market log price return
	divQ     []float64 // quarter q's dividend yield (sum of its months')
}

// newHistoryMarket returns the replay of the scenario, or nil when it has
// none (validation has checked that it fits the data).
func newHistoryMarket(s Scenario) *historyMarket {
	if s.History == 0 {
		return nil
	}
	start := 1 + 12*(s.History-historyBaseYear-1) // row of January of the start year
	n := 12 * s.Horizon
	h := &historyMarket{logPrice: make([]float64, n), divQ: make([]float64, (n+2)/3)}
	for k := range n {
		prev, cur := historyTable[start+k-1], historyTable[start+k]
		h.logPrice[k] = logPure(cur.price / prev.price)
		h.divQ[k/3] += cur.dividend / 12 / prev.price
	}
	return h
}

// historyParams are the market parameters of a replay: the market's drift
// and volatility come from history, so the stocks' and sector proxies'
// drifts keep only the variance corrections of the simulated parts (each
// stock's expected growth is the market's month).
func historyParams(mp marketParams, s Scenario) marketParams {
	sv := s.Idio * math.Sqrt(sectorVarianceShare)
	ev := s.Idio * math.Sqrt(1-sectorVarianceShare)
	mp.mktSd = 0
	mp.stockDrift = -0.5 * (sv*sv + ev*ev) * dt
	mp.sectorDrift = -0.5 * sv * sv * dt
	return mp
}

// marketFactor is the month's market log return: the lognormal draw, or
// history's month when replaying (the draw is then discarded).
func (m *marketState) marketFactor(draw float64) float64 {
	z := draw
	if m.hist != nil {
		z = m.hist.logPrice[m.histStep]
		m.histStep++
	}
	return z
}

// quarterYield is the dividend yield paid at the quarter ending at step t.
func (m *marketState) quarterYield(t int32) float64 {
	if m.hist == nil {
		return m.div / 4
	}
	return m.hist.divQ[(t-1)/3]
}

// pinToHistory makes the index's month exactly history's: the simulated
// sector and stock shocks do not cancel in a cap-weighted index of a few
// hundred names, so after the kernel's step every price and substitute is
// scaled by the one factor that brings the index from idxPrev to
// idxPrev·exp(logPrice) — a correction of the market factor alone. It
// returns the SMA's value at the corrected prices (ok false when there is
// nothing to correct), and relists the SMA's harvest candidates (lf as in
// marketState.step).
func (m *marketState) pinToHistory(idxPrev, lf float64, lots *holdings) (val float64, ok bool) {
	if m.hist == nil || m.idxVal <= 0 {
		return 0, false
	}
	c := idxPrev * expFast(m.hist.logPrice[m.histStep-1]) / m.idxVal
	var idx, heldIdx float64
	nc := 0
	cand := lots.cand[:len(m.price)]
	for i, pr := range m.price {
		pn := pr * c
		m.price[i] = pn
		idx += m.idxN[i] * pn
		heldIdx += m.heldN[i] * pn
		val += lots.shares[i] * pn
		cand[nc] = int32(i)
		if pn*lf < lots.maxB[i] {
			nc++
		}
	}
	lots.cand = cand[:nc]
	for k := range lots.subs {
		lots.subs[k].value *= c
		val += lots.subs[k].value
	}
	m.idxVal, m.heldIdxVal = idx, heldIdx
	return val, true
}

// replayHistory makes a concentrated position's drift that of a replay:
// its market part is history's month (marketState.mktZ), so only its own
// variance correction remains (transition.go draws it as market + own).
func (tr *transition) replayHistory() {
	tr.drift = -0.5 * tr.sd * tr.sd
}
