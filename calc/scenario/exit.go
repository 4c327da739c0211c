package scenario

// maxExitYear bounds "exit" as "horizon" is bounded (keys.go).
const maxExitYear = 50

// checkExitKey checks "exit": 0 (no exit) or a year from 1 to the horizon
// — a plan applies at the end of one of the simulated years. "exitplan"
// and "exitfee" are not refused without it (a share link may keep them
// while the year is cleared); they are then not used.
func checkExitKey(s Scenario, e *ValidationError) {
	rangeI(e, "exit", s.Exit, 0, maxExitYear)
	if e.has("exit") || e.has("horizon") || s.Exit <= s.Horizon {
		return
	}
	e.add("exit", "year %d is after the horizon of %d years; use 1 to %d, or 0 for no exit", s.Exit, s.Horizon, s.Horizon)
}
