// Package widget holds the small parts every room uses: number and money
// formatting, terms with their definitions, local storage that may be
// blocked or full, the browser helpers (download, file reading, keys,
// print, clipboard, the viewport: *_js.go, with no-op twins in
// browser_other.go for native builds) and the render counter of the
// browser tests. It imports no other package of app/.
package widget

import (
	"math"
	"strconv"
	"strings"

	"smacalc/calc"

	"github.com/shopspring/decimal"
)

// minus is the typographic minus sign, as the charts use it.
const Minus = "\u2212"

// GroupThousands inserts commas into a string of digits: "1234567" →
// "1,234,567".
func GroupThousands(digits string) string {
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

// Cents formats an amount to the cent with thousands separators:
// "$1,234,567.89", "−$12.50", "$0.00". It rounds half away from zero to the
// cent first.
func Cents(d decimal.Decimal) string {
	d = d.Round(2)
	s := d.Abs().StringFixed(2)
	whole, frac, _ := strings.Cut(s, ".")
	out := "$" + GroupThousands(whole) + "." + frac
	if d.IsNegative() {
		return Minus + out
	}
	return out
}

// Dollars formats an amount rounded to whole dollars with thousands
// separators, without a sign: "$11,680". Callers say "more" or "less".
func Dollars(d decimal.Decimal) string {
	return "$" + GroupThousands(d.Abs().Round(0).StringFixed(0))
}

// SignedDollars is Dollars with a minus sign for negative
// amounts (that are not zero once rounded).
func SignedDollars(d decimal.Decimal) string {
	s := Dollars(d)
	if d.Round(0).IsNegative() {
		return Minus + s
	}
	return s
}

// PercentOf formats a fraction as a percentage with dec decimals:
// PercentOf(0.608, 0) = "61%"; negative values use the minus sign.
func PercentOf(f float64, dec int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "n/a"
	}
	p := f * 100
	s := strconv.FormatFloat(math.Abs(p), 'f', dec, 64)
	if p < 0 && strings.Trim(s, "0.") != "" {
		return Minus + s + "%"
	}
	return s + "%"
}

// BpsAsPercent formats basis points as a percentage a year with two
// decimals: 8.3 → "0.08%", −23.07 → "−0.23%".
func BpsAsPercent(bps float64) string {
	return PercentOf(bps/10000, 2)
}

// JoinNames lists names as a person would: "a", "a and b", "a, b and c".
func JoinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// PlainNumber is f as the shortest decimal that reads back as f, without
// grouping: 1234567.5 → "1234567.5".
func PlainNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// The answer's figures, also shown by the comparison of two scenarios.

// TaxAlphaText is the median tax alpha as a yearly percentage.
func TaxAlphaText(r *calc.Result) string {
	return BpsAsPercent(r.TaxAlphaBps.P50) + " a year"
}

// AheadText is the share of simulated markets where the SMA ends ahead.
func AheadText(r *calc.Result) string {
	return PercentOf(r.SMAAheadFraction, 0)
}
