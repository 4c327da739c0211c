package calc

import "smacalc/calc/internal/lotbook"

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
	stepsPerYear = lotbook.StepsPerYear
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
