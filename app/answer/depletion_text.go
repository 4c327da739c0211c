package answer

import (
	"strconv"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// depletionText says, in plain words, in how many simulated markets each
// portfolio ran out of money under the withdrawals and when (the median
// year); "" when neither ever did. Running out is an outcome of the plan,
// not a failure of the simulation.
func depletionText(r *calc.Result, fund string) string {
	if r.SMA.DepletedFraction == 0 && r.Fund.DepletedFraction == 0 {
		return ""
	}
	part := func(name string, s calc.Strategy) string {
		if s.DepletedFraction == 0 {
			return name + " never did"
		}
		return name + " in " + widget.PercentOf(s.DepletedFraction, 0) + " (median: year " + strconv.Itoa(s.DepletedYear) + ")"
	}
	text := "The withdrawals and taxes used up the whole portfolio in some simulated markets: the SMA " +
		part("", r.SMA)[1:] + ", " + part(fields.FundName(fund), r.Fund) + "."
	if r.SMA.UnpaidTax.IsPositive() || r.Fund.UnpaidTax.IsPositive() {
		text += " Tax still due after that is assumed paid from other money and is not subtracted from the wealth shown."
	}
	return text
}
