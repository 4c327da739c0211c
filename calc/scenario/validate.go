package scenario

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"smacalc/calc/tax"
)

// Problem is one invalid key of a Scenario.
type Problem struct {
	Key     string `json:"key"`
	Message string `json:"message"`
}

// ValidationError lists every invalid key of a scenario, in the order
// Validate checks them.
type ValidationError struct {
	Problems []Problem `json:"problems"`
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Key + ": " + p.Message
	}
	return "invalid scenario: " + strings.Join(parts, "; ")
}

// add records a problem once: a link that repeats a key a thousand times
// gets one message, not a thousand.
func (e *ValidationError) add(key, format string, args ...any) {
	p := Problem{Key: key, Message: fmt.Sprintf(format, args...)}
	for _, q := range e.Problems {
		if q == p {
			return
		}
	}
	e.Problems = append(e.Problems, p)
}

func (e *ValidationError) has(key string) bool {
	for _, p := range e.Problems {
		if p.Key == key {
			return true
		}
	}
	return false
}

func (e *ValidationError) orNil() error {
	if len(e.Problems) == 0 {
		return nil
	}
	return e
}

// Validate checks every key and returns a *ValidationError naming each bad
// key with its allowed range, or nil.
func (s Scenario) Validate() error {
	var e ValidationError
	s.validate(&e)
	return e.orNil()
}

// validate checks each key against the table (its range, its choices or
// its own check), then what keys say together (legacy lots, the work
// limit, a takeover with a replay of history, weekly checks, the range the
// tax arithmetic is exact in). The order is
// the order of the problems in the error, and a key's first problem is its
// only one.
func (s Scenario) validate(e *ValidationError) {
	s.checkKeys(e, "year", "status", "wages", "stgains", "ltgains", "state", "staterate", "local",
		"amount", "basis", "contrib", "horizon", "ret", "vol", "idio", "div", "stocks", "harvest",
		"threshold", "smafee", "tradecost", "fund", "fundfee", "dist", "end", "exclude",
		"single", "singlebasis", "singlevol", "gainbudget")
	s.validateLegacy(e)
	s.checkKeys(e, "paths")
	s.validateWork(e)
	s.checkKeys(e, "index", "turnover", "savings", "history", "takeover", "premium")
	s.checkKeys(e, "give", "itemized")
	s.validateTakeover(e)
	s.validateWeekly(e)
	s.validateExactRange(e) // limits.go
}

// checkKeys checks each named key with its own check or, without one, its
// range or choices.
func (s Scenario) checkKeys(e *ValidationError, names ...string) {
	for _, name := range names {
		k := key(name)
		if k.check != nil {
			k.check(s, e)
		} else {
			k.value.check(k, &s, e)
		}
	}
}

func checkYear(s Scenario, e *ValidationError) {
	years := tax.Years()
	if !slices.Contains(years, s.Year) && !e.has("year") {
		e.add("year", "no tax tables for %d; available: %s", s.Year, joinInts(years))
	}
}

func checkStateKey(s Scenario, e *ValidationError) {
	if !e.has("state") {
		if err := checkState(s.State); err != nil {
			e.add("state", "%v", err)
		}
	}
}

func checkLocalKey(s Scenario, e *ValidationError) {
	if !e.has("local") {
		if err := checkLocal(s.State, s.Local); err != nil {
			e.add("local", "%v", err)
		}
	}
}

// checkState accepts a state code calc/tax has the law of, DC, or "none".
func checkState(code string) error {
	if code == "none" {
		return nil
	}
	if len(code) != 2 {
		return fmt.Errorf("%q is not a two-letter state code, DC or none", code)
	}
	_, err := tax.StatePreset(code)
	return err
}

// checkLocal accepts "none", or "nyc" with the state NY.
func checkLocal(state, local string) error {
	if local == "" {
		return fmt.Errorf("empty: accepted %s", strings.Join(tax.LocalCodes(), ", "))
	}
	st, err := tax.StatePreset(state)
	if err != nil {
		st = tax.State{Code: state}
	}
	_, err = st.WithLocal(local)
	if err != nil && local == "nyc" {
		return fmt.Errorf("nyc (New York City) needs state=NY, not %s", state)
	}
	return err
}

// Contributions are at most maxContrib a year, withdrawals at most
// maxWithdrawal of the amount a year (a larger one empties most portfolios
// within the horizon, and the comparison is of investing, not of spending
// down).
const (
	maxContrib    = 1e9
	maxWithdrawal = 0.1
)

func checkContrib(s Scenario, e *ValidationError) {
	if !e.has("contrib") && finite(s.Contrib) && finite(s.Amount) {
		if s.Contrib > maxContrib {
			e.add("contrib", "must be at most %s a year", formatFloat(maxContrib))
		} else if s.Contrib < -maxWithdrawal*s.Amount {
			e.add("contrib", "withdrawals may be at most %s%% of amount a year (%s)", percentText(maxWithdrawal), formatFloat(maxWithdrawal*s.Amount))
		} else {
			onStep(e, "contrib", s.Contrib, centsPerDollar)
		}
	} else if !finite(s.Contrib) && !e.has("contrib") {
		e.add("contrib", "must be a finite number")
	}
}

// checkExclude accepts known sectors, each once, as long as the index
// keeps at least one stock.
func checkExclude(s Scenario, e *ValidationError) {
	if e.has("exclude") || len(s.Exclude) == 0 {
		return
	}
	seen := map[string]bool{}
	for _, name := range s.Exclude {
		if SectorIndex(name) < 0 {
			e.add("exclude", "unknown sector %q; accepted: %s", name, strings.Join(SectorNames(), ", "))
			return
		}
		if seen[name] {
			e.add("exclude", "sector %q listed twice", name)
			return
		}
		seen[name] = true
	}
	if s.Stocks >= 1 && s.Stocks <= 1000 {
		held := 0
		for _, k := range s.Constituents().Sector {
			if !seen[sectors[k].Name] {
				held++
			}
		}
		if held == 0 {
			e.add("exclude", "excludes every stock of a %d-stock index; exclude fewer sectors or use more stocks", s.Stocks)
		}
	}
}

// validateLegacy refuses a concentrated position together with legacy
// lots, and checks each lot.
func (s Scenario) validateLegacy(e *ValidationError) {
	if len(s.Legacy) == 0 {
		return
	}
	if s.Single != 0 && !e.has("single") {
		e.add("single", "cannot be combined with legacy lots: put the position in the lots file")
	}
	if len(s.Legacy) > MaxLegacyLots {
		e.add("lots", "%d lots; at most %d", len(s.Legacy), MaxLegacyLots)
		return
	}
	for i, l := range s.Legacy {
		if msg := l.problem(s.Year); msg != "" {
			e.add("lots", "lot %d: %s", i+1, msg)
			return
		}
	}
}

// validateTakeover refuses a takeover with a replay of history.
func (s Scenario) validateTakeover(e *ValidationError) {
	if s.Takeover > 0 && s.History != 0 && !e.has("takeover") {
		e.add("takeover", "a replay of history (history=%d) already contains the premiums its companies were bought at: leave takeovers out (takeover=0) with history", s.History)
	}
}

// validateWeekly refuses weekly checks on a replay of monthly history, and
// counts a weekly scenario's work as WeeksPerMonth steps a month.
func (s Scenario) validateWeekly(e *ValidationError) {
	if s.Harvest != "weekly" {
		return
	}
	if s.History != 0 && !e.has("harvest") {
		e.add("harvest", "weekly checks need weekly returns, and a replay of history (history=%d) has monthly ones: use monthly with history", s.History)
	}
	if e.has("paths") || e.has("stocks") || e.has("horizon") {
		return
	}
	per := float64(s.Stocks) * float64(12*s.Horizon) * WeeksPerMonth
	if per*float64(s.Paths) > MaxWork {
		e.add("paths", "with weekly harvest checks, paths × stocks × months × 4 = %.0f exceeds the limit of %.0f; use at most %d paths, or fewer stocks or a shorter horizon",
			per*float64(s.Paths), float64(MaxWork), int(MaxWork/per))
	}
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// rangeF checks a number against [lo, hi] and its precision, per steps a
// unit.
func rangeF(e *ValidationError, key string, v, lo, hi, per float64) {
	if e.has(key) {
		return
	}
	if !finite(v) || v < lo || v > hi {
		e.add(key, "must be between %s and %s", formatFloat(lo), formatFloat(hi))
		return
	}
	onStep(e, key, v, per)
}

// onStep refuses a value finer than its key's precision (Decode rounds to
// it; a Scenario built in Go must respect it) and −0, so that every valid
// scenario has one short canonical query.
func onStep(e *ValidationError, key string, v, per float64) {
	if r := roundTo(v, per); r != v || math.Signbit(v) && v == 0 {
		what := "cents"
		if per == ratePerUnit {
			what = "hundredths of a basis point (6 decimals)"
		}
		e.add(key, "must be given in %s: %s", what, formatFloat(r))
	}
}

func rangeI(e *ValidationError, key string, v, lo, hi int) {
	if e.has(key) {
		return
	}
	if v < lo || v > hi {
		e.add(key, "must be a whole number between %d and %d", lo, hi)
	}
}

func oneOf(e *ValidationError, key, v string, allowed []Choice) {
	if e.has(key) {
		return
	}
	if !slices.ContainsFunc(allowed, func(c Choice) bool { return c.Value == v }) {
		values := make([]string, len(allowed))
		for i, c := range allowed {
			values[i] = c.Value
		}
		e.add(key, "%q is not one of %s", v, strings.Join(values, ", "))
	}
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}

func itoa(n int) string { return strconv.Itoa(n) }
