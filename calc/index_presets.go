package calc

import "math"

// Index presets (key "index"): the number of companies in the index, the
// number of stocks the simulation holds by default, and the yearly
// turnover. Explicit keys ("stocks", "turnover") override a preset.
//
//   - sp500: the S&P 500. The index is the `stocks` names simulated (calc's
//     model before presets existed: `stocks=50` is a 50-name index);
//     turnover 4.5%, the middle of the 4–5% a year S&P Dow Jones Indices
//     publishes (turnover.go).
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
// market.go) over its companies: the largest company is 7.7% of a 500-name
// index, 6.4% of 1000, 4.9% of 3000 — the largest US companies weigh about
// 6–7% of each in 2024–25.
//
// Representative sample: the simulation holds at most 1000 stocks (the
// speed budget, MaxWork). When an index has more companies than the
// scenario's `stocks`, the companies are split by rank into `stocks`
// consecutive groups of (nearly) equal count and each simulated stock
// stands for one group: its weight is the group's total weight, its
// volatility that of one company of the group's average size
// (idio_weight.go). A stratified sample by size: the index's weight by
// size and the volatility of its small names are kept; what is lost is
// the diversification within a group (a group moves as one stock), which
// makes the sample's dispersion a little higher than the full index's.
type indexPreset struct {
	names    int     // companies in the index; 0: the simulated stocks (sp500)
	stocks   int     // stocks simulated by default
	turnover float64 // yearly turnover
}

var indexPresets = map[string]indexPreset{
	"sp500": {names: 0, stocks: 500, turnover: defaultTurnover},
	"r1000": {names: 1000, stocks: 1000, turnover: defaultTurnover},
	"r3000": {names: 3000, stocks: 1000, turnover: defaultTurnover},
}

// indexNames lists the presets in the order the form shows them.
var indexNames = []string{"sp500", "r1000", "r3000"}

// presetOf returns the preset of an index name (sp500's for an unknown
// name, which validation reports).
func presetOf(name string) indexPreset {
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
	p := presetOf(s.Index)
	if !given["stocks"] {
		s.Stocks = p.stocks
	}
	if !given["turnover"] {
		s.Turnover = p.turnover
	}
}

// indexFor returns the simulated index of a scenario: `stocks` names, each
// standing for one company or, in a larger index, for a group of them.
func indexFor(s Scenario) index {
	n := max(s.Stocks, 1)
	names := presetOf(s.Index).names
	if names <= n {
		return newIndex(n)
	}
	w := make([]float64, n)
	size := make([]float64, n)
	total := 0.0
	for k := range n {
		lo, hi := k*names/n, (k+1)*names/n
		for r := lo; r < hi; r++ {
			w[k] += math.Pow(float64(r+1), -zipfExponent)
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
