package calc

import "smacalc/calc/scenario"

// Transitional: the scenario, its keys, codec, validation and legacy lots
// live in package calc/scenario. These aliases and forwarders keep calc's
// old names compiling while app/, cli/, validate/ and calc's own tests
// move to calc/scenario; the integrator removes this file after merging.

type (
	Scenario        = scenario.Scenario
	ValidationError = scenario.ValidationError
	Problem         = scenario.Problem
	LegacyLot       = scenario.LegacyLot
	LotsError       = scenario.LotsError
	Sector          = scenario.Sector
)

const (
	MaxWork          = scenario.MaxWork
	MaxPathYears     = scenario.MaxPathYears
	MaxStateRate     = scenario.MaxStateRate
	MaxQueryLength   = scenario.MaxQueryLength
	MaxSingle        = scenario.MaxSingle
	DefaultSingleVol = scenario.DefaultSingleVol
	MaxLegacyLots    = scenario.MaxLegacyLots
	MaxLegacyBytes   = scenario.MaxLegacyBytes
	LegacyHeader     = scenario.LegacyHeader
)

// Keys lists the scenario keys in canonical order (scenario.Names).
var Keys = scenario.Names()

func DefaultScenario() Scenario             { return scenario.DefaultScenario() }
func Decode(query string) (Scenario, error) { return scenario.Decode(query) }
func Sectors() []Sector                     { return scenario.Sectors() }
func SectorNames() []string                 { return scenario.SectorNames() }
func HistoryStartYears(horizon int) (first, last int, ok bool) {
	return scenario.HistoryStartYears(horizon)
}
func ParseLegacyLots(data []byte, year int) ([]LegacyLot, error) {
	return scenario.ParseLegacyLots(data, year)
}
func LegacyTotal(lots []LegacyLot) float64  { return scenario.LegacyTotal(lots) }
func LegacyLotsCSV(lots []LegacyLot) string { return scenario.LegacyLotsCSV(lots) }
func LegacyHash(file string) string         { return scenario.LegacyHash(file) }
