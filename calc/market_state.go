package calc

import (
	"math"

	"smacalc/calc/internal/market"
	"smacalc/calc/scenario"
)

// The market of a scenario, as the kernel (package calc/internal/market)
// takes it: the per-step parameters of the factor model (market.go), each
// name's own volatility (idio_weight.go), the index's weights and sectors
// (index_presets.go, sectors.go) and any replay of history
// (history_market.go).

// newMarketParams are the per-step constants of the market model
// (market.Params) for s.
func newMarketParams(s scenario.Scenario) market.Params {
	mu := math.Log1p(s.Ret) - s.Div
	sv := s.Idio * math.Sqrt(sectorVarianceShare)
	ev := s.Idio * math.Sqrt(1-sectorVarianceShare)
	return market.Params{
		MktSd:      s.Vol * math.Sqrt(dt),
		SectorSd:   sv * math.Sqrt(dt),
		SpecificSd: ev * math.Sqrt(dt),
		// A name's drift leaves room for its chance of a cash takeover's
		// premium (takeover.go); 0 without takeovers.
		StockDrift:  (mu-0.5*(s.Vol*s.Vol+sv*sv+ev*ev))*dt - takeoverDrift(s),
		SectorDrift: (mu - 0.5*(s.Vol*s.Vol+sv*sv)) * dt,
	}
}

// newMarketState sets up the market of s for a path simulation: the index
// of s (indexFor), the held index without the excluded sectors, each
// name's volatility and any replay of history.
func newMarketState(s scenario.Scenario) market.State {
	ix := indexFor(s)
	n := s.Stocks
	excluded := make([]bool, len(sectors))
	for _, name := range s.Exclude {
		excluded[sectorIndex(name)] = true
	}
	idxN, heldN := make([]float64, n), make([]float64, n)
	for i := range n {
		idxN[i] = ix.weight[i]
		if !excluded[ix.sector[i]] {
			heldN[i] = ix.weight[i]
		}
	}
	mp := newMarketParams(s)
	h := newHistoryMarket(s)
	if h != nil {
		mp = historyParams(mp, s)
	}
	return market.NewState(mp, ix.sector[:n], len(sectors), stockVols(s, ix), idxN, heldN, s.Div, h)
}
