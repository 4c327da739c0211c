package scenario

import (
	"math"
	"net/url"
	"strconv"
	"strings"
)

// Encode returns the canonical query string of s: the keys in the table's
// order (Names), numbers in their shortest exact decimal form. Every key
// of the first release is always written, so share links keep meaning the
// same thing if defaults change later; a key added since is written only
// when it is set or differs from its default (Key.Written), so links made
// before it existed keep their canonical form. For every scenario s
// returned by Decode without error, Decode(s.Encode()) returns s again.
func (s Scenario) Encode() string {
	var b strings.Builder
	add := func(k, v string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v))
	}
	for i := range keys {
		k := &keys[i]
		if k.value.written(&s) {
			add(k.Name, k.value.get(&s))
		}
	}
	return b.String()
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Decode parses a scenario query ("a=1&b=2", with or without a leading
// "?"). Missing keys keep their defaults. Unknown keys, repeated keys, values
// that do not parse and values out of range are all reported in one
// *ValidationError naming each key; the scenario is returned as far as it
// could be decoded, so a form can still show it.
func Decode(query string) (Scenario, error) {
	s := DefaultScenario()
	var e ValidationError
	query = strings.TrimPrefix(query, "?")
	if len(query) > MaxQueryLength {
		// Share links are untrusted input: refuse a huge one before parsing.
		e.add("", "too long: %d characters; a scenario has at most %d", len(query), MaxQueryLength)
		return s, e.orNil()
	}
	seen := map[string]bool{}
	for part := range strings.SplitSeq(query, "&") {
		if part == "" {
			continue
		}
		rawKey, rawValue, _ := strings.Cut(part, "=")
		key, err := url.QueryUnescape(rawKey)
		if err != nil {
			e.add(rawKey, "bad escape in key")
			continue
		}
		value, err := url.QueryUnescape(rawValue)
		if err != nil {
			e.add(key, "bad escape in value")
			continue
		}
		k, known := keyIndex[key]
		if !known {
			e.add(key, "unknown key; known keys: %s", strings.Join(Names(), ", "))
			continue
		}
		if seen[key] {
			e.add(key, "given more than once")
			continue
		}
		seen[key] = true
		if msg := keys[k].value.set(&s, strings.TrimSpace(value), keys[k].precision()); msg != "" {
			e.add(key, "%s", msg)
		}
	}
	s.applyPreset(seen)
	s.validate(&e)
	return s, e.orNil()
}

// MaxQueryLength bounds a scenario's query string. The canonical form of the
// longest valid scenario (every key, every sector excluded, numbers at
// their precision: cents, hundredths of a basis point) is under 700
// characters; the rest is room for hand-written links.
const MaxQueryLength = 2048

// Precision of the scenario's numbers: what each kind of value means, so
// every value has one short canonical text ("-0" is "0", 1e-320 dollars
// are 0) and the canonical query of every valid scenario stays far below
// MaxQueryLength. Decode rounds to it (half away from zero); Validate
// refuses values that are not on it. Each is the number of steps in one
// unit (exact in float64, so k/perUnit is the double nearest the decimal).
const (
	// centsPerDollar: amounts are whole cents.
	centsPerDollar = 100
	// ratePerUnit: rates are hundredths of a basis point (6 decimals), fine
	// enough for published expense ratios such as 0.0945%.
	ratePerUnit = 1e6
)

// Round rounds v to the precision of unit u, as Decode does: whole cents
// for Dollars, hundredths of a basis point otherwise. A Scenario built in
// Go with rounded numbers passes Validate's precision check.
func Round(v float64, u Unit) float64 {
	if u == Dollars {
		return roundTo(v, centsPerDollar)
	}
	return roundTo(v, ratePerUnit)
}

// roundTo rounds f to a multiple of 1/per; −0 becomes 0.
func roundTo(f, per float64) float64 {
	return math.Round(f*per)/per + 0
}

// plainNumber reports whether v is a decimal number as people write it:
// optional sign, digits with an optional fraction, optional exponent. It
// refuses what strconv.ParseFloat also takes (hexadecimal, "1_0", "Inf",
// "NaN"), so one value has one reading everywhere.
func plainNumber(v string) bool {
	i := 0
	if i < len(v) && (v[i] == '+' || v[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(v) && v[i] >= '0' && v[i] <= '9' {
			i++
			n++
		}
		return n
	}
	n := digits()
	if i < len(v) && v[i] == '.' {
		i++
		n += digits()
	}
	if n == 0 {
		return false
	}
	if i < len(v) && (v[i] == 'e' || v[i] == 'E') {
		i++
		if i < len(v) && (v[i] == '+' || v[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(v)
}

// parseNumber parses the number v into dst, rounded to per steps a unit,
// and returns a problem message or "".
func parseNumber(v string, per float64, dst *float64) string {
	f, err := strconv.ParseFloat(v, 64)
	if !plainNumber(v) || err != nil || !finite(f) {
		return "not a number: " + strconv.Quote(v)
	}
	*dst = roundTo(f, per)
	return ""
}
