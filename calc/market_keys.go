package calc

import (
	"strconv"
	"strings"
)

// Scenario keys of the second round of work on the market model (MODEL.md,
// "Keys added by the second round of work"). Each is written by Encode only
// when it differs from its default, so share links made before the key
// existed keep their canonical form.

// marketKeyAtDefault reports whether key k is one of these keys and holds
// its default value (Encode then leaves it out).
func (s Scenario) marketKeyAtDefault(k string) bool {
	switch k {
	case "index":
		return s.Index == "sp500"
	case "turnover":
		return s.Turnover == presetOf(s.Index).turnover
	case "savings":
		return s.Savings == "reinvest"
	case "history":
		return s.History == 0
	case "takeover":
		return s.Takeover == 0
	case "premium":
		return s.Premium == defaultPremium
	}
	return false
}

func (s Scenario) getMarket(k string) string {
	switch k {
	case "index":
		return s.Index
	case "turnover":
		return formatFloat(s.Turnover)
	case "savings":
		return s.Savings
	case "history":
		return strconv.Itoa(s.History)
	case "takeover":
		return formatFloat(s.Takeover)
	case "premium":
		return formatFloat(s.Premium)
	}
	return ""
}

func (s *Scenario) setMarket(k, v string) string {
	switch k {
	case "index":
		s.Index = strings.ToLower(v)
	case "turnover":
		return parseFloatKey(k, v, &s.Turnover)
	case "savings":
		s.Savings = strings.ToLower(v)
	case "history":
		n, err := strconv.Atoi(v)
		if err != nil {
			return "not a whole number: " + strconv.Quote(v)
		}
		s.History = n
	case "takeover":
		return parseFloatKey(k, v, &s.Takeover)
	case "premium":
		return parseFloatKey(k, v, &s.Premium)
	}
	return ""
}

func (s Scenario) validateMarket(e *ValidationError) {
	oneOf(e, "index", s.Index, indexNames)
	rangeF(e, "turnover", s.Turnover, 0, 0.5)
	oneOf(e, "savings", s.Savings, savingsUse)
	validateHistory(e, s.History, s.Horizon)
	validateTakeover(e, s)
	s.validateWeekly(e)
}

// defaultTurnover is the S&P 500's yearly turnover, 4.5%: the middle of
// the 4–5% S&P Dow Jones Indices publishes (turnover.go).
const defaultTurnover = 0.045

// validateWeekly refuses weekly checks on a replay of monthly history, and
// counts a weekly scenario's work as 4 steps a month (weekly.go).
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
	per := float64(s.Stocks) * float64(12*s.Horizon) * weeksPerMonth
	if per*float64(s.Paths) > MaxWork {
		e.add("paths", "with weekly harvest checks, paths × stocks × months × 4 = %.0f exceeds the limit of %.0f; use at most %d paths, or fewer stocks or a shorter horizon",
			per*float64(s.Paths), float64(MaxWork), int(MaxWork/per))
	}
}
