package app

import (
	"strconv"

	"github.com/shopspring/decimal"

	"smacalc/calc"
)

// amountPhrase says how much more or less: "$11,680 more", "$2,300 less",
// or "the same" when it rounds to zero dollars.
func amountPhrase(d decimal.Decimal) string {
	r := d.Round(0)
	switch r.Sign() {
	case 1:
		return formatDollars(d) + " more"
	case -1:
		return formatDollars(d) + " less"
	}
	return "the same"
}

// rangePhrase words the 10th–90th percentile range of the difference:
// "between $1,200 and $85,968 more", "between $34,332 less and $85,968
// more", "between $500 and $9,000 less".
func rangePhrase(lo, hi decimal.Decimal) string {
	lo, hi = lo.Round(0), hi.Round(0)
	switch {
	case lo.Sign() >= 0 && hi.Sign() > 0:
		return "between " + formatDollars(lo) + " and " + formatDollars(hi) + " more"
	case hi.Sign() <= 0 && lo.Sign() < 0:
		return "between " + formatDollars(hi) + " and " + formatDollars(lo) + " less"
	case lo.Sign() == 0 && hi.Sign() == 0:
		return "the same"
	}
	return "between " + formatDollars(lo) + " less and " + formatDollars(hi) + " more"
}

// fundName is how the text names the fund of a scenario.
func fundName(fund string) string {
	if fund == "mf" {
		return "the mutual fund"
	}
	return "the ETF"
}

// headlineSentence is the one sentence a prospect reads first.
func headlineSentence(r *calc.Result, fund string) string {
	years := strconv.Itoa(r.Horizon) + " years"
	if r.Horizon == 1 {
		years = "1 year"
	}
	d := r.Difference
	var what string
	if d.P50.Round(0).IsZero() {
		what = "you would keep about the same with an SMA as with " + fundName(fund) + " (median)"
	} else {
		what = "you would keep about " + amountPhrase(d.P50.Decimal) + " with an SMA than with " + fundName(fund) + " (median)"
	}
	return "After " + years + " " + what + ", " + rangePhrase(d.P10.Decimal, d.P90.Decimal) +
		" in 80% of simulated markets."
}

// taxAlphaText is the median tax alpha as a yearly percentage.
func taxAlphaText(r *calc.Result) string {
	return formatBpsAsPercent(r.TaxAlphaBps.P50) + " a year"
}

// aheadText is the share of simulated markets where the SMA ends ahead.
func aheadText(r *calc.Result) string {
	return formatPercentOf(r.SMAAheadFraction, 0)
}
