package transparency

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"smacalc/app/widget"
	"smacalc/calc"
)

// yearLabel names the moment of an inspected year: "the start (2026-01)",
// "the end of year 3 (2028-12)".
func yearLabel(y *calc.InspectionYear) string {
	if y.Year == 0 {
		return "the start (" + y.Date + ")"
	}
	return "the end of year " + strconv.Itoa(y.Year) + " (" + y.Date + ")"
}

// harvestYearLabel names a year of sales: "year 3 (2028)".
func harvestYearLabel(y *calc.InspectionYear) string {
	cal, _, _ := strings.Cut(y.Date, "-")
	return "year " + strconv.Itoa(y.Year) + " (" + cal + ")"
}

// yearOption is the year chooser's text for year k of a horizon starting
// in calendar year first.
func yearOption(k, first int) string {
	if k == 0 {
		return "Start (January " + strconv.Itoa(first) + ")"
	}
	return "End of year " + strconv.Itoa(k) + " (December " + strconv.Itoa(first+k-1) + ")"
}

// formatShares shows a share count with up to four decimals and thousands
// separators: "1,234.5678".
func formatShares(f float64) string {
	s := strconv.FormatFloat(f, 'f', 4, 64)
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	neg := strings.HasPrefix(whole, "-")
	whole = widget.GroupThousands(strings.TrimPrefix(whole, "-"))
	if neg {
		whole = widget.Minus + whole
	}
	if frac == "" {
		return whole
	}
	return whole + "." + frac
}

// formatPrice is a price per share to the cent, as a statement shows it:
// "$123.46", "$1,234.50" (prices start between $50 and $200, see
// calc.Inspect).
func formatPrice(f float64) string {
	return widget.Cents(decimal.NewFromFloat(f))
}

// gainClass colours a gain green and a loss red.
func gainClass(m calc.Money) string {
	switch m.Sign() {
	case 1:
		return "good"
	case -1:
		return "bad"
	}
	return ""
}

// termText is a lot's or a loss's character.
func termText(long bool) string {
	if long {
		return "Long-term"
	}
	return "Short-term"
}
