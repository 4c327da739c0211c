package scenario

import "math"

// Index presets (key "index"): the number of companies in the index, the
// number of stocks the simulation holds by default, and the yearly
// turnover. Explicit keys ("stocks", "turnover") override a preset.
//
//   - sp500: the S&P 500. The index is the `stocks` names simulated (calc's
//     model before presets existed: `stocks=50` is a 50-name index);
//     turnover 4.5%, the middle of the 4–5% a year S&P Dow Jones Indices
//     publishes (calc/turnover.go).
//   - r1000: the Russell 1000, 1000 companies, all simulated by default.
//     Turnover 4.5%: its turnover is "in some years lower than the S&P 500;
//     in other years it's greater", mostly mergers and companies crossing
//     the large-cap breakpoint (etf.com, "Index Reconstitution", on the
//     Russell indexes).
//   - r3000: the Russell 3000, 3000 companies. Turnover 4.5% as an upper
//     bound: its turnover "is lower than any of the other Russell indexes
//     or the S&P 500", mostly mergers and names at the small end where
//     weights are small (same source), and no figure is published that
//     calc could use instead.
//
// Concentration: every preset keeps calc's Zipf-like weights (w_i ∝ i^−0.8;
// calc/market.go) over its companies: the largest company is 7.7% of a 500-name
// index, 6.4% of 1000, 4.9% of 3000 — the largest US companies weigh about
// 6–7% of each in 2024–25.
//
// Representative sample: the simulation holds at most 1000 stocks (the
// speed budget, MaxWork). When an index has more companies than the
// scenario's `stocks`, the companies are split by rank into `stocks`
// consecutive groups of (nearly) equal count and each simulated stock
// stands for one group: its weight is the group's total weight, its
// volatility that of one company of the group's average size
// (calc/idio_weight.go). A stratified sample by size: the index's weight by
// size and the volatility of its small names are kept; what is lost is
// the diversification within a group (a group moves as one stock), which
// makes the sample's dispersion a little higher than the full index's.
type IndexPreset struct {
	Names    int     // companies in the index; 0: the simulated stocks (sp500)
	Stocks   int     // stocks simulated by default
	Turnover float64 // yearly turnover
}

// DefaultTurnover is the S&P 500's yearly turnover, 4.5%: the middle of
// the 4–5% S&P Dow Jones Indices publishes (calc/turnover.go).
const DefaultTurnover = 0.045

var indexPresets = map[string]IndexPreset{
	"sp500": {Names: 0, Stocks: 500, Turnover: DefaultTurnover},
	"r1000": {Names: 1000, Stocks: 1000, Turnover: DefaultTurnover},
	"r3000": {Names: 3000, Stocks: 1000, Turnover: DefaultTurnover},
}

// PresetOf returns the preset of an index name (sp500's for an unknown
// name, which validation reports).
func PresetOf(name string) IndexPreset {
	if p, ok := indexPresets[name]; ok {
		return p
	}
	return indexPresets["sp500"]
}

// applyPreset sets the keys a preset implies that the query did not give.
func (s *Scenario) applyPreset(given map[string]bool) {
	if !given["index"] {
		return
	}
	p := PresetOf(s.Index)
	if !given["stocks"] {
		s.Stocks = p.Stocks
	}
	if !given["turnover"] {
		s.Turnover = p.Turnover
	}
}

// ZipfExponent is the exponent of the index's initial cap weights,
// w_i ∝ i^−0.8: the top name is about 7.7% of a 500-stock index, like the
// largest S&P 500 constituents (calc/market.go).
const ZipfExponent = 0.8

// Constituents are the simulated stocks of an index: each one's initial
// cap weight (descending, sum 1), the size of one company it stands for
// (its weight, or less when it stands for a group of a larger index;
// volatility follows it, calc/idio_weight.go) and its sector (a position
// in Sectors).
type Constituents struct {
	Weight []float64
	Size   []float64
	Sector []uint8
}

// Constituents returns the simulated index of s: `stocks` names, each
// standing for one company or, in a larger index, for a group of them.
// Validate reads their sectors (a scenario may not exclude every stock);
// the engine simulates them.
func (s Scenario) Constituents() Constituents {
	n := max(s.Stocks, 1)
	names := PresetOf(s.Index).Names
	if names <= n {
		return ZipfIndex(n)
	}
	w := make([]float64, n)
	size := make([]float64, n)
	total := 0.0
	for k := range n {
		lo, hi := k*names/n, (k+1)*names/n
		for r := lo; r < hi; r++ {
			w[k] += math.Pow(float64(r+1), -ZipfExponent)
		}
		size[k] = w[k] / float64(hi-lo)
		total += w[k]
	}
	for k := range w {
		w[k] /= total
		size[k] /= total
	}
	return assignSectors(w, size)
}

// ZipfIndex returns an index of n companies with Zipf-like weights, each
// simulated stock one company.
func ZipfIndex(n int) Constituents {
	w := make([]float64, n)
	total := 0.0
	for i := range n {
		w[i] = math.Pow(float64(i+1), -ZipfExponent)
		total += w[i]
	}
	for i := range w {
		w[i] /= total
	}
	return assignSectors(w, w)
}

// assignSectors gives each stock of weights w (descending, sum 1) a sector
// so that sector weights match sectors.go; size is each stock's company
// size (see Constituents).
func assignSectors(w, size []float64) Constituents {
	n := len(w)
	ix := Constituents{Weight: w, Sector: make([]uint8, n), Size: size}
	sectorTotal := 0.0
	for _, s := range sectors {
		sectorTotal += s.Weight
	}
	assigned := make([]float64, len(sectors))
	for i := range n {
		// Give the stock to the sector furthest below its target weight.
		best, bestGap := 0, math.Inf(-1)
		for k, s := range sectors {
			gap := s.Weight/sectorTotal - assigned[k]
			if gap > bestGap {
				best, bestGap = k, gap
			}
		}
		ix.Sector[i] = uint8(best)
		assigned[best] += ix.Weight[i]
	}
	return ix
}
