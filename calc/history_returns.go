package calc

import (
	"fmt"
	"math"

	"smacalc/calc/scenario"
)

//go:generate go run ./internal/historygen -in testdata/history/shiller_monthly.csv -out history.go -years scenario/history_years.go

// A market with memory of real history: instead of drawing the market factor
// from a lognormal with `ret` and `vol`, a simulation may replay the S&P
// Composite's published monthly total returns from a chosen start year
// (historyTable, from Robert Shiller's data; docs/HISTORY.md has the source,
// the method and the limits). Stocks keep their simulated dispersion around
// that market: only the market factor is replayed, so every path sees the
// same market and differs in its idiosyncratic and sector draws. No
// scenario key reaches this yet: docs/HISTORY.md proposes the `history`
// key (scenario.CheckHistory words its problems) and the kernel's use.

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
// shipped table; scenario.HistoryYears states them for validation, and
// TestHistoryYearsMatchScenario keeps the two equal).
func HistoryYears() (first, last int) {
	first = historyBaseYear + 1
	return first, first + (len(historyTable)-1)/12 - 1
}

// historicalMonths returns the 12×horizon replayed months from January of
// startYear, in order, or an error naming the "history" key when the
// replay does not fit the data. The slice is new on every call.
func historicalMonths(startYear, horizon int) ([]historyMonth, error) {
	if startYear == 0 {
		return nil, &scenario.ValidationError{Problems: []scenario.Problem{{Key: "history", Message: "0 means no replay; there are no months to return"}}}
	}
	if err := scenario.CheckHistory(startYear, horizon); err != nil {
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
