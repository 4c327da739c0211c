package app

import (
	"slices"

	"smacalc/calc"
)

// startScenario is the scenario of a link without a query: the brand's
// default scenario when it has one, otherwise the calculator's defaults.
func startScenario() calc.Scenario {
	if b := CurrentBrand(); b != nil && b.DefaultScenario != "" {
		if s, err := calc.Decode(b.DefaultScenario); err == nil {
			return s
		}
	}
	return calc.DefaultScenario()
}

// formLayout splits the fields between the short form and the advanced
// section. keys lists the short form's scenario keys (a brand's
// prospect_inputs), in the order given; empty keeps the calculator's own
// choice. A key moved out of the short form goes to a first advanced group.
// The own state rate is always shown with the state choice (stateField).
func formLayout(keys []string) ([]fieldSpec, []advancedGroup) {
	if len(keys) == 0 {
		return prospectFields, advancedGroups
	}
	var short []fieldSpec
	for _, k := range keys {
		if f, ok := specFor(k); ok && f.Kind != kindSectors && k != stateRateField.Key && !holdingsKey(k) && !slices.ContainsFunc(short, func(g fieldSpec) bool { return g.Key == k }) {
			short = append(short, f)
		}
	}
	inShort := func(f fieldSpec) bool {
		return slices.ContainsFunc(short, func(g fieldSpec) bool { return g.Key == f.Key })
	}
	var moved []fieldSpec
	for _, f := range prospectFields {
		if !inShort(f) {
			moved = append(moved, f)
		}
	}
	var groups []advancedGroup
	if len(moved) > 0 {
		groups = append(groups, advancedGroup{Legend: "You and your investment", Fields: moved})
	}
	for _, g := range advancedGroups {
		fields := slices.DeleteFunc(slices.Clone(g.Fields), inShort)
		if len(fields) > 0 {
			groups = append(groups, advancedGroup{Legend: g.Legend, Fields: fields})
		}
	}
	return short, groups
}

// brandFormLayout is formLayout for the page's brand.
func brandFormLayout() ([]fieldSpec, []advancedGroup) {
	if b := CurrentBrand(); b != nil {
		return formLayout(b.ProspectInputs)
	}
	return formLayout(nil)
}

// seriesColors are the chart colours of the SMA and the fund: the brand's
// when set, "" for the chart's palette.
func seriesColors() (sma, fund string) {
	if b := CurrentBrand(); b != nil {
		return b.Colors.SMA, b.Colors.Fund
	}
	return "", ""
}
