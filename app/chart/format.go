package chart

import (
	"math"
	"strconv"
	"strings"
)

// minus is the typographic minus sign (U+2212) used by every formatter.
const minus = "\u2212"

// NotAvailable is what the formatters return for NaN and ±Inf.
const NotAvailable = "n/a"

// Money formats a dollar amount compactly with three significant digits:
// $1.23M, $850K, $12.3K, −$12K, $999, $0. Amounts under $1,000 are rounded to
// whole dollars, larger ones use the suffixes K, M, B and T. NaN and ±Inf
// give "n/a". Negative amounts use the minus sign U+2212.
func Money(v float64) string {
	return moneySig(v, 3, true)
}

// moneySig formats v with sig significant digits. When whole is true amounts
// under $1,000 are rounded to whole dollars (Money's rule); otherwise they
// keep up to sig significant digits (used to make axis labels distinct).
func moneySig(v float64, sig int, whole bool) string {
	if !finite(v) {
		return NotAvailable
	}
	a := math.Abs(v)
	var body string
	if a >= 1e15 {
		body = trimExp(strconv.FormatFloat(a, 'e', sig-1, 64))
	} else {
		units := [...]struct {
			div    float64
			suffix string
		}{{1, ""}, {1e3, "K"}, {1e6, "M"}, {1e9, "B"}, {1e12, "T"}}
		u := 0
		for u+1 < len(units) && a >= units[u+1].div {
			u++
		}
		for {
			x := a / units[u].div
			dec := sig - intDigits(x)
			if u == 0 && whole {
				dec = 0
			}
			dec = max(dec, 0)
			r := roundTo(x, dec)
			if r >= 1000 && u+1 < len(units) {
				u++
				continue
			}
			body = trimZeros(strconv.FormatFloat(r, 'f', dec, 64)) + units[u].suffix
			break
		}
	}
	if body == "0" {
		return "$0"
	}
	if v < 0 {
		return minus + "$" + body
	}
	return "$" + body
}

// Percent formats a fraction as a percentage with three significant digits
// and at most two decimals: 0.07 → "7%", 0.0082 → "0.82%", −0.005 → "−0.5%",
// 0.12345 → "12.3%". NaN and ±Inf give "n/a".
func Percent(v float64) string {
	if !finite(v) {
		return NotAvailable
	}
	p := v * 100
	if !finite(p) || math.Abs(p) >= 1e15 {
		// Scale in the exponent: v*100 may overflow.
		mant, exp, _ := strings.Cut(strconv.FormatFloat(math.Abs(v), 'e', 2, 64), "e")
		e, _ := strconv.Atoi(exp)
		return signed(v, trimExp(mant+"e"+strconv.Itoa(e+2))+"%")
	}
	a := math.Abs(p)
	dec := min(max(3-intDigits(a), 0), 2)
	return signed(v, trimZeros(strconv.FormatFloat(roundTo(a, dec), 'f', dec, 64))+"%")
}

// BasisPoints formats a value that is already in basis points (as in
// calc.Result's tax_alpha_bps and benefit_bps): 155 → "155 bp",
// 8.25 → "8.3 bp", −12 → "−12 bp". Values of 10 bp or more are rounded to
// whole basis points, smaller ones to one decimal. NaN and ±Inf give "n/a".
func BasisPoints(v float64) string {
	if !finite(v) {
		return NotAvailable
	}
	a := math.Abs(v)
	if a >= 1e15 {
		return signed(v, trimExp(strconv.FormatFloat(a, 'e', 2, 64))+" bp")
	}
	dec := 1
	if a >= 10 {
		dec = 0
	}
	return signed(v, trimZeros(strconv.FormatFloat(roundTo(a, dec), 'f', dec, 64))+" bp")
}

// signed prefixes body with the minus sign when v is negative and body is
// not a zero (so that −0.001% never shows as "−0%").
func signed(v float64, body string) string {
	if v < 0 && strings.ContainsAny(body, "123456789") {
		return minus + body
	}
	return body
}

// intDigits is the number of digits before the decimal point of x ≥ 0
// (1 for x < 10, including x < 1).
func intDigits(x float64) int {
	if x < 10 {
		return 1
	}
	return int(math.Floor(math.Log10(x))) + 1
}

func roundTo(x float64, dec int) float64 {
	p := math.Pow(10, float64(dec))
	r := math.Round(x*p) / p
	if !finite(r) {
		return x
	}
	return r
}

// trimZeros removes trailing zeros after a decimal point, and the point.
func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// trimExp tidies strconv's exponent form: "1.20e+18" → "1.2e18".
func trimExp(s string) string {
	mant, exp, ok := strings.Cut(s, "e")
	if !ok {
		return s
	}
	exp = strings.TrimPrefix(exp, "+")
	neg := strings.HasPrefix(exp, "-")
	exp = strings.TrimLeft(strings.TrimPrefix(exp, "-"), "0")
	if neg {
		exp = minus + exp
	}
	return trimZeros(mant) + "e" + exp
}

// plainNumber formats an axis value (such as a year) with no more decimals
// than step needs.
func plainNumber(v, step float64) string {
	if !finite(v) {
		return NotAvailable
	}
	dec := 0
	if !(step > 0) || !finite(step) {
		step = v // as many decimals as v itself needs (up to 6)
	}
	step = math.Abs(step)
	if step > 0 && finite(step) {
		for dec < 6 && math.Abs(step*math.Pow(10, float64(dec))-math.Round(step*math.Pow(10, float64(dec)))) > 1e-9 {
			dec++
		}
	}
	a := math.Abs(v)
	if a >= 1e15 || (a != 0 && a < 1e-9) {
		return signed(v, trimExp(strconv.FormatFloat(a, 'e', 3, 64)))
	}
	return signed(v, trimZeros(strconv.FormatFloat(roundTo(a, dec), 'f', dec, 64)))
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
