package calc

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Keys lists the scenario keys in their canonical order (MODEL.md's table).
var Keys = []string{
	"year", "status", "wages", "stgains", "ltgains", "state", "staterate",
	"amount", "basis", "contrib", "horizon", "ret", "vol", "idio", "div",
	"stocks", "harvest", "threshold", "smafee", "tradecost", "fund",
	"fundfee", "dist", "end", "exclude", "paths", "seed", "local",
	"index", "turnover", "savings",
	"single", "singlebasis", "singlevol", "gainbudget",
	"history", "takeover", "premium",
}

// Encode returns the canonical query string of s: every key in the order of
// Keys, numbers in their shortest exact decimal form, except "staterate"
// (only when HasStateRate), "exclude" (only when non-empty) and "local"
// (only when not "none", so links made before it existed stay canonical),
// the transition's keys ("single", "singlebasis", "singlevol",
// "gainbudget") and the market's keys (market_keys.go) only when not their
// default, for the same reason. Writing every
// key keeps share links meaning the same thing if defaults change later.
// For every scenario s returned by Decode without error,
// Decode(s.Encode()) returns s again.
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
	for _, k := range Keys {
		switch k {
		case "staterate":
			if !s.HasStateRate {
				continue
			}
		case "exclude":
			if len(s.Exclude) == 0 {
				continue
			}
		case "local":
			if s.Local == "none" {
				continue
			}
		case "single", "singlebasis", "singlevol", "gainbudget":
			if !s.transitionKeyWritten(k) {
				continue
			}
		default:
			if s.marketKeyAtDefault(k) {
				continue
			}
		}
		add(k, s.get(k))
	}
	return b.String()
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// get returns the text of one key's value.
func (s Scenario) get(k string) string {
	switch k {
	case "year":
		return strconv.Itoa(s.Year)
	case "status":
		return s.Status
	case "wages":
		return formatFloat(s.Wages)
	case "stgains":
		return formatFloat(s.STGains)
	case "ltgains":
		return formatFloat(s.LTGains)
	case "state":
		return s.State
	case "staterate":
		return formatFloat(s.StateRate)
	case "amount":
		return formatFloat(s.Amount)
	case "basis":
		return formatFloat(s.Basis)
	case "contrib":
		return formatFloat(s.Contrib)
	case "horizon":
		return strconv.Itoa(s.Horizon)
	case "ret":
		return formatFloat(s.Ret)
	case "vol":
		return formatFloat(s.Vol)
	case "idio":
		return formatFloat(s.Idio)
	case "div":
		return formatFloat(s.Div)
	case "stocks":
		return strconv.Itoa(s.Stocks)
	case "harvest":
		return s.Harvest
	case "threshold":
		return formatFloat(s.Threshold)
	case "smafee":
		return formatFloat(s.SMAFee)
	case "tradecost":
		return formatFloat(s.TradeCost)
	case "fund":
		return s.Fund
	case "fundfee":
		return formatFloat(s.FundFee)
	case "dist":
		return formatFloat(s.Dist)
	case "end":
		return s.End
	case "exclude":
		return strings.Join(s.Exclude, ",")
	case "paths":
		return strconv.Itoa(s.Paths)
	case "seed":
		return strconv.FormatUint(s.Seed, 10)
	case "local":
		return s.Local
	case "single":
		return formatFloat(s.Single)
	case "singlebasis":
		return formatFloat(s.SingleBasis)
	case "singlevol":
		return formatFloat(s.SingleVol)
	case "gainbudget":
		return formatFloat(s.GainBudget)
	}
	return s.getMarket(k)
}

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
		if !knownKey(key) {
			e.add(key, "unknown key; known keys: %s", strings.Join(Keys, ", "))
			continue
		}
		if seen[key] {
			e.add(key, "given more than once")
			continue
		}
		seen[key] = true
		if msg := s.set(key, strings.TrimSpace(value)); msg != "" {
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

func knownKey(k string) bool {
	for _, x := range Keys {
		if x == k {
			return true
		}
	}
	return false
}

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

// moneyKeys are the keys holding dollar amounts; the other float keys
// are rates.
var moneyKeys = []string{"wages", "stgains", "ltgains", "amount", "contrib", "gainbudget"}

// stepsOf is the precision of a float key, in steps per unit.
func stepsOf(k string) float64 {
	if slices.Contains(moneyKeys, k) {
		return centsPerDollar
	}
	return ratePerUnit
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

// parseFloatKey parses the value v of the float key k into dst, rounded to
// the key's precision, and returns a problem message or "".
func parseFloatKey(k, v string, dst *float64) string {
	f, err := strconv.ParseFloat(v, 64)
	if !plainNumber(v) || err != nil || !finite(f) {
		return "not a number: " + strconv.Quote(v)
	}
	*dst = roundTo(f, stepsOf(k))
	return ""
}

// set parses one value into s and returns a problem message or "".
func (s *Scenario) set(k, v string) string {
	float := func(dst *float64) string { return parseFloatKey(k, v, dst) }
	integer := func(dst *int) string {
		n, err := strconv.Atoi(v)
		if err != nil {
			return "not a whole number: " + strconv.Quote(v)
		}
		*dst = n
		return ""
	}
	switch k {
	case "year":
		return integer(&s.Year)
	case "status":
		s.Status = strings.ToLower(v)
	case "wages":
		return float(&s.Wages)
	case "stgains":
		return float(&s.STGains)
	case "ltgains":
		return float(&s.LTGains)
	case "state":
		if strings.EqualFold(v, "none") {
			s.State = "none"
		} else {
			s.State = strings.ToUpper(v)
		}
	case "staterate":
		s.HasStateRate = true
		return float(&s.StateRate)
	case "amount":
		return float(&s.Amount)
	case "basis":
		return float(&s.Basis)
	case "contrib":
		return float(&s.Contrib)
	case "horizon":
		return integer(&s.Horizon)
	case "ret":
		return float(&s.Ret)
	case "vol":
		return float(&s.Vol)
	case "idio":
		return float(&s.Idio)
	case "div":
		return float(&s.Div)
	case "stocks":
		return integer(&s.Stocks)
	case "harvest":
		s.Harvest = strings.ToLower(v)
	case "threshold":
		return float(&s.Threshold)
	case "smafee":
		return float(&s.SMAFee)
	case "tradecost":
		return float(&s.TradeCost)
	case "fund":
		s.Fund = strings.ToLower(v)
	case "fundfee":
		return float(&s.FundFee)
	case "dist":
		return float(&s.Dist)
	case "end":
		s.End = strings.ToLower(v)
	case "exclude":
		s.Exclude = nil
		for name := range strings.SplitSeq(v, ",") {
			name = strings.ToLower(strings.TrimSpace(name))
			if name != "" {
				s.Exclude = append(s.Exclude, name)
			}
		}
	case "paths":
		return integer(&s.Paths)
	case "seed":
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return "not a whole number between 0 and 18446744073709551615: " + strconv.Quote(v)
		}
		s.Seed = n
	case "local":
		s.Local = strings.ToLower(v)
	case "single":
		return float(&s.Single)
	case "singlebasis":
		return float(&s.SingleBasis)
	case "singlevol":
		return float(&s.SingleVol)
	case "gainbudget":
		// Empty: no limit (the position is sold at once).
		s.HasGainBudget = v != ""
		if v == "" {
			s.GainBudget = 0
			return ""
		}
		return float(&s.GainBudget)
	default:
		return s.setMarket(k, v)
	}
	return ""
}
