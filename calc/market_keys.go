package calc

import "strings"

// Scenario keys of the second round of work on the market model (MODEL.md,
// "Keys added by the second round of work"). Each is written by Encode only
// when it differs from its default, so share links made before the key
// existed keep their canonical form.

// marketKeyAtDefault reports whether key k is one of these keys and holds
// its default value (Encode then leaves it out).
func (s Scenario) marketKeyAtDefault(k string) bool {
	switch k {
	case "savings":
		return s.Savings == "reinvest"
	}
	return false
}

func (s Scenario) getMarket(k string) string {
	switch k {
	case "savings":
		return s.Savings
	}
	return ""
}

func (s *Scenario) setMarket(k, v string) string {
	switch k {
	case "savings":
		s.Savings = strings.ToLower(v)
	}
	return ""
}

func (s Scenario) validateMarket(e *ValidationError) {
	oneOf(e, "savings", s.Savings, savingsUse)
}
