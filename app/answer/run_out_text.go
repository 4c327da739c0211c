package answer

import (
	"math"
	"strconv"

	"github.com/shopspring/decimal"

	"smacalc/app/widget"
	"smacalc/calc"
)

// runOutText is the one plain sentence under the headline that says when
// the harvested losses stop paying for the SMA (issue 27):
// Result.LossesRunOutYear, read on the typical market, with the SMA's
// yearly cost over the fund after that year (the mean of extra cost minus
// tax saving over the later years, rounded to two significant figures:
// one market's figure, so "about"). "" when the losses do not run out
// within the horizon (null) or the result has no ledger yet (partial).
//
// Harvesting fades without new money because the lots gain and leave
// fewer losses to sell (AQR, Sosner, Gromis & Krasner 2022: ≈155 bp in
// year 1, ≈8 bp by year 5), while the fee goes on; new money (new lots),
// giving appreciated shares, or changing how the account is held are the
// ways out the sentence names.
func runOutText(r *calc.Result) string {
	if r == nil || r.LossesRunOutYear == nil {
		return ""
	}
	y := *r.LossesRunOutYear
	if y < 0 || y >= len(r.Years) {
		return ""
	}
	cost, ok := yearlyShortfall(r.Years[y:])
	if !ok {
		return ""
	}
	flows := "With no new money"
	addMore := "add money"
	switch r.SMA.Contributions.Sign() {
	case 1:
		flows, addMore = "Even with the money you add", "add more money"
	case -1:
		flows = "With your withdrawals"
	}
	more := "about " + widget.Dollars(cost) + " a year more"
	ways := " unless you " + addMore + ", give appreciated shares, or change how you hold it."
	if y == 0 {
		return flows + ", harvesting does not pay for the SMA's extra cost in any year of a typical market: the SMA costs " + more + ways
	}
	return flows + ", harvesting pays for the SMA's extra cost until about year " + strconv.Itoa(y) +
		"; after that the SMA costs " + more + ways
}

// yearlyShortfall is the mean of extra cost minus tax saving over years,
// rounded to two significant figures (at least to the dollar); false when
// a year lacks the figures.
func yearlyShortfall(years []calc.Year) (decimal.Decimal, bool) {
	if len(years) == 0 {
		return decimal.Decimal{}, false
	}
	sum := decimal.Zero
	for _, y := range years {
		if y.TaxSaving == nil || y.ExtraCost == nil {
			return decimal.Decimal{}, false
		}
		sum = sum.Add(y.ExtraCost.Sub(y.TaxSaving.Decimal))
	}
	mean := sum.Div(decimal.NewFromInt(int64(len(years))))
	return roundSignificant(mean, 2), true
}

// roundSignificant rounds d to sig significant figures, never finer than
// a dollar ($2,137 → $2,100; $48 → $48).
func roundSignificant(d decimal.Decimal, sig int) decimal.Decimal {
	if d.IsZero() {
		return d
	}
	digits := int(math.Floor(math.Log10(math.Abs(d.InexactFloat64())))) + 1
	return d.Round(int32(min(0, sig-digits)))
}
