package calc

import "smacalc/calc/scenario"

// The simulated index: its constituents come from the scenario (index
// preset, stocks, sectors: scenario.Constituents, scenario/index_presets.go);
// the engine keeps them in an index.

// sectors are the index's sectors (scenario.Sectors), read by the market
// step and the inspection.
var sectors = scenario.Sectors()

// sectorIndex returns the position of a sector in sectors, or -1.
func sectorIndex(name string) int { return scenario.SectorIndex(name) }

// indexFor returns the simulated index of a scenario: `stocks` names, each
// standing for one company or, in a larger index, for a group of them.
func indexFor(s scenario.Scenario) index { return indexOf(s.Constituents()) }

// newIndex returns an index of n companies with Zipf-like weights.
func newIndex(n int) index { return indexOf(scenario.ZipfIndex(n)) }

func indexOf(c scenario.Constituents) index {
	return index{weight: c.Weight, sector: c.Sector, size: c.Size}
}
