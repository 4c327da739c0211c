package calc

import (
	"math"
)

// Market model (monthly steps, dt = 1/12 year).
//
// Each stock's log price moves by
//
//	drift + market + sector[s] + specific
//
// with independent normal shocks: market ~ N(0, vol²dt), sector factor
// ~ N(0, σs²dt), specific ~ N(0, σe²dt). The scenario's "idio" is the total
// non-market volatility of a stock; a quarter of its variance is a sector
// factor shared by the stocks of one GICS sector (σs = idio/2) and the rest
// is stock-specific (σe = idio·√¾). Every beta is 1. The drift makes the
// expected price growth of every stock (and so of the index) exp(μ·dt) with
// μ = ln(1+ret) − div: with the dividend yield paid in cash the expected total
// return is about ret a year.
//
// The index holds `stocks` names, cap-weighted with Zipf-like initial weights
// w_i ∝ i^−0.8 (top name ≈ 7.7% of a 500-stock index, like the largest S&P 500
// constituents), assigned greedily to the sectors of scenario/sectors.go so
// that sector weights match (scenario.Constituents). The index is buy and
// hold (weights drift with prices); dividends are the same yield for every
// stock.
const (
	stepsPerYear = 12
	dt           = 1.0 / stepsPerYear
	// sectorVarianceShare is the share of the "idio" variance that is a
	// sector factor.
	sectorVarianceShare = 0.25
)

// index describes the constituents: initial weight and sector of each stock.
type index struct {
	weight []float64 // initial cap weights, sum 1, descending
	sector []uint8   // index into sectors
	// size is the initial cap weight of one company a stock stands for:
	// its weight, or less when a stock stands for several companies of a
	// large index (index_presets.go). Volatility follows it (idio_weight.go).
	size []float64
}

// marketParams are the per-step constants of the market model.
type marketParams struct {
	mktSd, sectorSd, specificSd float64
	stockDrift                  float64 // log drift per step of a stock
	sectorDrift                 float64 // log drift per step of a sector proxy (market + sector factor)
}

func newMarketParams(s Scenario) marketParams {
	mu := math.Log1p(s.Ret) - s.Div
	sv := s.Idio * math.Sqrt(sectorVarianceShare)
	ev := s.Idio * math.Sqrt(1-sectorVarianceShare)
	return marketParams{
		mktSd:      s.Vol * math.Sqrt(dt),
		sectorSd:   sv * math.Sqrt(dt),
		specificSd: ev * math.Sqrt(dt),
		// A name's drift leaves room for its chance of a cash takeover's
		// premium (takeover.go); 0 without takeovers.
		stockDrift:  (mu-0.5*(s.Vol*s.Vol+sv*sv+ev*ev))*dt - takeoverDrift(s),
		sectorDrift: (mu - 0.5*(s.Vol*s.Vol+sv*sv)) * dt,
	}
}

// splitmix64 is the SplitMix64 finaliser (Steele, Lea & Flood 2014).
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
