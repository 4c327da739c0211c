package scenario

// HistoryYears returns the first and last calendar years whose twelve
// monthly total returns the history table holds (Robert Shiller's S&P
// Composite data; docs/HISTORY.md): HistoryFirstYear and HistoryLastYear,
// generated with the table from the same file (history_years.go).
func HistoryYears() (first, last int) { return HistoryFirstYear, HistoryLastYear }

// HistoryStartYears returns the earliest and latest start years from which
// a replay of horizon whole years stays inside the data; ok is false when
// horizon is not positive or longer than the data. A replay starts in
// January of the start year and runs for 12×horizon months.
func HistoryStartYears(horizon int) (first, last int, ok bool) {
	first, end := HistoryYears()
	if horizon < 1 || horizon > end-first+1 {
		return 0, 0, false
	}
	return first, end - horizon + 1, true
}

// historyKey is the key of a replay's start year: 0 is off, otherwise a
// start year.
const historyKey = "history"

func checkHistoryKey(s Scenario, e *ValidationError) { validateHistory(e, s.History, s.Horizon) }

// CheckHistory returns a *ValidationError naming the "history" key when
// startYear is neither 0 (off) nor a start year from which horizon years
// of returns exist, or nil.
func CheckHistory(startYear, horizon int) error {
	var e ValidationError
	validateHistory(&e, startYear, horizon)
	return e.orNil()
}

// validateHistory records a problem naming the "history" key when
// startYear is neither 0 (off) nor a start year from which horizon years
// of returns exist. A replay that would run past the data is refused, not
// wrapped: joining December 2024 to January 1926 would invent a month that
// never happened, and a user who picks 2015 with a 20-year horizon should be
// told the data end in 2024, not shown a 1926 crash after 2024.
func validateHistory(e *ValidationError, startYear, horizon int) {
	if startYear == 0 || e.has(historyKey) || e.has("horizon") {
		return
	}
	dataFirst, dataLast := HistoryYears()
	first, last, ok := HistoryStartYears(horizon)
	switch {
	case !ok:
		e.add(historyKey, "a %d-year horizon is longer than the %d years of data (%d–%d); use history=0",
			horizon, dataLast-dataFirst+1, dataFirst, dataLast)
	case startYear < first || startYear > last:
		if startYear >= dataFirst && startYear <= dataLast {
			e.add(historyKey, "must be 0 (off) or a start year from %d to %d: a %d-year horizon from %d needs returns through %d, and the data end in %d",
				first, last, horizon, startYear, startYear+horizon-1, dataLast)
		} else {
			e.add(historyKey, "must be 0 (off) or a start year from %d to %d (data %d–%d)",
				first, last, dataFirst, dataLast)
		}
	}
}
