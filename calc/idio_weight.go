package calc

import (
	"math"

	"smacalc/calc/internal/market"
	"smacalc/calc/scenario"
)

// Idiosyncratic volatility that falls with index weight (key "idio").
//
// Small companies' returns swing more on their own than large ones': the
// cross-section of US stocks shows idiosyncratic volatility falling with
// size (Ang, Hodrick, Xing & Zhang 2006, J. Finance 61(1), sort stocks by
// size and idiosyncratic volatility; Fu & Yang 2011, "Size and Return: A
// New Perspective": "small stocks have higher idiosyncratic volatilities
// than large stocks"), and the standard deviation of returns falls with
// market capitalization as a power law, σ ∝ MC^−β (Podobnik, Horvatić,
// Petersen & Stanley 2009, "Quantitative relations between risk, return
// and firm size", EPL 85, 50003). calc takes that form for each name's
// stock-specific volatility, σe_i ∝ w_i^−β with w_i its initial index
// weight, and β = 0.15, the exponent of the same size–volatility scaling
// for US companies' growth rates (Stanley et al. 1996, "Scaling behaviour
// in the growth of companies", Nature 379, 804–806), the firm-size law
// Podobnik et al. extend to stock returns; later data put that exponent
// at "β(S) ≈ 0.2", "from 0.14 to 0.2" (Riccaboni, Pammolli, Buldyrev,
// Ponta & Stanley 2008, PNAS 105(50), 19595–19600), so 0.15 is at the
// low end: the smallest spread of volatilities the evidence allows.
//
// The sector factor stays common to a sector's names (σs = idio/2, see
// market.go). The scale of σe_i is set so that the cap-weighted average
// of each name's total non-market volatility, √(σs² + σe_i²), is the
// scenario's "idio": the key keeps its meaning for the index as a whole,
// and the largest names, which carry most of the weight, get the lowest
// volatility. With the S&P 500's Zipf-like weights (w_i ∝ i^−0.8) and
// idio = 25%, the largest name gets about 18.5%, the median 29% and the
// smallest 31.5% (equal-weighted average 28.7%).
// Each name's drift is corrected for its own variance, so every name's
// expected growth is the same exp(μ·dt) a step (market.go).
const sizeVolExponent = 0.15

// stockVols returns each name's stock-specific volatility relative to the
// market parameters' SpecificSd, and its drift correction per step in
// units of ln 2/64 (the kernel's units, see market.State.Step), for the
// index ix.
func stockVols(s scenario.Scenario, ix index) []market.StockVol {
	n := len(ix.weight)
	v := make([]market.StockVol, n)
	sv := s.Idio * math.Sqrt(sectorVarianceShare)
	ev := s.Idio * math.Sqrt(1-sectorVarianceShare)
	if ev == 0 || n == 1 {
		for i := range v {
			v[i].Rel = 1
		}
		return v
	}
	shape := make([]float64, n)
	for i, w := range ix.size {
		shape[i] = math.Pow(w, -sizeVolExponent)
	}
	// The cap-weighted mean of √(sv² + (c·shape)²) rises with c from sv;
	// bisect for the c that makes it idio.
	avg := func(c float64) float64 {
		a := 0.0
		for i, w := range ix.weight {
			e := c * shape[i]
			a += w * math.Sqrt(sv*sv+e*e)
		}
		return a
	}
	lo, hi := 0.0, s.Idio
	for avg(hi) < s.Idio {
		hi *= 2
	}
	for range 200 {
		mid := (lo + hi) / 2
		if avg(mid) < s.Idio {
			lo = mid
		} else {
			hi = mid
		}
		if hi-lo <= 1e-15*hi {
			break
		}
	}
	c := (lo + hi) / 2
	for i := range v {
		e := c * shape[i]
		v[i].Rel = e / ev
		v[i].Drift = -0.5 * (e*e - ev*ev) * dt * market.ExpUnitsPerLog
	}
	return v
}
