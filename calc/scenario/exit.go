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

// checkExitGifts refuses an exit plan together with yearly gifts: the plans
// after the exit (sold, moved in kind, exchanged) are simulated without the
// gifts of lots (calc/exit.go), so their wealth would not be comparable with
// keeping the SMA, which gives. Refused rather than shown wrong.
func checkExitGifts(s Scenario, e *ValidationError) {
	if s.Exit > 0 && s.Give > 0 && !e.has("exit") && !e.has("give") {
		e.add("exit", "exit plans are not modelled with yearly gifts of shares (give=%g): use exit=0 to see the gifts, or give=0 to compare the exit plans", s.Give)
	}
}
