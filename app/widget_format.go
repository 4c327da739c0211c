package app

import (
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// minus is the typographic minus sign, as the charts use it.
const minus = "\u2212"

// groupThousands inserts commas into a string of digits: "1234567" →
// "1,234,567".
func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	first := len(digits) % 3
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// formatCents formats an amount to the cent with thousands separators:
// "$1,234,567.89", "−$12.50", "$0.00". It rounds half away from zero to the
// cent first.
func formatCents(d decimal.Decimal) string {
	d = d.Round(2)
	s := d.Abs().StringFixed(2)
	whole, frac, _ := strings.Cut(s, ".")
	out := "$" + groupThousands(whole) + "." + frac
	if d.IsNegative() {
		return minus + out
	}
	return out
}

// formatDollars formats an amount rounded to whole dollars with thousands
// separators, without a sign: "$11,680". Callers say "more" or "less".
func formatDollars(d decimal.Decimal) string {
	return "$" + groupThousands(d.Abs().Round(0).StringFixed(0))
}

// formatSignedDollars is formatDollars with a minus sign for negative
// amounts (that are not zero once rounded).
func formatSignedDollars(d decimal.Decimal) string {
	s := formatDollars(d)
	if d.Round(0).IsNegative() {
		return minus + s
	}
	return s
}

// formatPercentOf formats a fraction as a percentage with dec decimals:
// formatPercentOf(0.608, 0) = "61%"; negative values use the minus sign.
func formatPercentOf(f float64, dec int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "n/a"
	}
	p := f * 100
	s := strconv.FormatFloat(math.Abs(p), 'f', dec, 64)
	if p < 0 && strings.Trim(s, "0.") != "" {
		return minus + s + "%"
	}
	return s + "%"
}

// formatBpsAsPercent formats basis points as a percentage a year with two
// decimals: 8.3 → "0.08%", −23.07 → "−0.23%".
func formatBpsAsPercent(bps float64) string {
	return formatPercentOf(bps/10000, 2)
}
