package calc

import (
	"fmt"
	"math"
)

//go:generate go run ./internal/historygen -in testdata/history/shiller_monthly.csv -out history.go

// A market with memory of real history: instead of drawing the market factor
// from a lognormal with `ret` and `vol`, a simulation may replay the S&P
// Composite's published monthly total returns from a chosen start year
// (historyTable, from Robert Shiller's data; docs/HISTORY.md has the source,
// the method and the limits). Stocks keep their simulated dispersion around
// that market: only the market factor is replayed, so every path sees the
// same market and differs in its idiosyncratic and sector draws. No
// scenario key reaches this yet: docs/HISTORY.md proposes the `history`
// key (validateHistory words its problems) and the kernel's use.

// historyRow is one month of Shiller's data: P, the S&P Composite price
// (monthly average of daily closes), and D, dividends per share at an
// annual rate.
type historyRow struct {
	price, dividend float64
}

// historyMonth is one replayed month of the market factor.
type historyMonth struct {
	// logTotal is ln((P_t + D_t/12) / P_(t-1)): the month's price change
	// plus one twelfth of the annual dividend, reinvested at the month's
	// price — Shiller's total-return formula.
	logTotal float64
	// logPrice is ln(P_t / P_(t-1)), the price part alone.
	logPrice float64
	// dividendYield is (D_t/12) / P_(t-1), the month's dividend as a
	// fraction of the value at the start of the month, so that
	// exp(logTotal) = exp(logPrice) + dividendYield exactly.
	dividendYield float64
}

// historyMonthAt returns the return of the month in row i (i ≥ 1) of
// historyTable: from row i-1's price to row i's.
func historyMonthAt(i int) historyMonth {
	prev, cur := historyTable[i-1], historyTable[i]
	y := cur.dividend / 12 / prev.price
	return historyMonth{
		logTotal:      math.Log(cur.price/prev.price + y),
		logPrice:      math.Log(cur.price / prev.price),
		dividendYield: y,
	}
}

// HistoryYears returns the first and last calendar years whose twelve
// monthly total returns the history table holds (1926 and 2024 for the
// shipped table).
func HistoryYears() (first, last int) {
	first = historyBaseYear + 1
	return first, first + (len(historyTable)-1)/12 - 1
}

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

// historyKey is the scenario key proposed for the replay's start year
// (docs/HISTORY.md): 0 is off, otherwise a start year.
const historyKey = "history"

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

// historicalMonths returns the 12×horizon replayed months from January of
// startYear, in order, or an error naming the "history" key when the
// replay does not fit the data. The slice is new on every call.
func historicalMonths(startYear, horizon int) ([]historyMonth, error) {
	var e ValidationError
	if startYear == 0 {
		e.add(historyKey, "0 means no replay; there are no months to return")
	}
	validateHistory(&e, startYear, horizon)
	if err := e.orNil(); err != nil {
		return nil, err
	}
	start := 1 + 12*(startYear-historyBaseYear-1) // row of January of startYear
	months := make([]historyMonth, 12*horizon)
	for k := range months {
		months[k] = historyMonthAt(start + k)
	}
	return months, nil
}

// historyYearReturn returns the calendar year's total return, the product
// of its twelve monthly total returns minus one.
func historyYearReturn(year int) (float64, error) {
	m, err := historicalMonths(year, 1)
	if err != nil {
		return 0, fmt.Errorf("year %d: %w", year, err)
	}
	s := 0.0
	for _, x := range m {
		s += x.logTotal
	}
	return math.Expm1(s), nil
}
