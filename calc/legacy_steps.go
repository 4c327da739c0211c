package calc

import (
	"math"
	"time"

	"smacalc/calc/scenario"
)

// Legacy lots (scenario.LegacyLot, read by scenario.ParseLegacyLots) enter
// the simulation at the step their holding period starts.

// legacyStart is the simulation's start date for holding periods
// (scenario.LegacyStart): January 1 of the scenario's tax year.
func legacyStart(year int) time.Time { return scenario.LegacyStart(year) }

// daysPerStep is the length of a monthly step in days (365.25 / 12).
const daysPerStep = 365.25 / stepsPerYear

// acquiredStep is the step at which a lot acquired on date (YYYY-MM-DD,
// valid, not after start) starts its holding period: the whole number of
// steps before the start, rounded up, so that a lot is long-term at step t
// exactly when t − step > 12 (held more than one year, IRC §1222) at the
// resolution of a month: held 365 days at the start is short-term, 366
// long-term.
func acquiredStep(date string, start time.Time) int32 {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return 0
	}
	days := start.Sub(d).Hours() / 24
	return -int32(math.Ceil(days / daysPerStep))
}
