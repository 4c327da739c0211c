package fields

import (
	"slices"

	"smacalc/calc/scenario"
)

// Start is the scenario of a link without a query: the brand's default
// scenario (its query, "" for none) when it reads, otherwise the
// calculator's defaults.
func Start(defaultQuery string) Scenario {
	if defaultQuery != "" {
		if s, err := scenario.Decode(defaultQuery); err == nil {
			return Of(s)
		}
	}
	return Of(scenario.DefaultScenario())
}

// LayoutFor splits the fields between the short form and the advanced
// section. keys lists the short form's scenario keys (a brand's
// prospect_inputs), in the order given; empty keeps the calculator's own
// choice. A key moved out of the short form goes to a first advanced group.
// The own state rate is always shown with the state choice (stateField).
func LayoutFor(keys []string) *Layout {
	short, groups := layout(keys)
	l := &Layout{Short: short, Groups: groups}
	l.ShortKeys = withStatePair(specKeys(short))
	for _, g := range groups {
		l.AdvancedKeys = append(l.AdvancedKeys, specKeys(g.Fields)...)
	}
	l.AdvancedKeys = withStatePair(append(l.AdvancedKeys, ExcludeField.Key))
	return l
}

// specKeys are the keys of specs.
func specKeys(specs []Spec) []string {
	out := make([]string, len(specs))
	for i, f := range specs {
		out[i] = f.Key
	}
	return out
}

// withStatePair adds the own state rate's keys to a list with the state
// choice: they are shown with it (the form's stateField).
func withStatePair(keys []string) []string {
	if slices.Contains(keys, "state") {
		keys = append(keys, StateRateField.Key, OwnRateKey)
	}
	return keys
}

// HoldingsKeys are the keys of HoldingsFields, GivingKeys of GivingFields.
var (
	HoldingsKeys = specKeys(HoldingsFields)
	GivingKeys   = specKeys(GivingFields)
)

// Pick is the part of m (values or problems, by key) under keys; nil when
// none is set, so that two picks of the same values compare equal
// (reflect.DeepEqual tells a nil map from an empty one).
func Pick[M ~map[string]string](m M, keys []string) M {
	var out M
	for _, k := range keys {
		if v, ok := m[k]; ok {
			if out == nil {
				out = M{}
			}
			out[k] = v
		}
	}
	return out
}

// Layout is where each field is shown: the short form, then the advanced
// section's groups. The shell computes it once per page (the brand's
// prospect_inputs do not change) and gives it to the forms.
type Layout struct {
	Short  []Spec
	Groups []Group
	// ShortKeys and AdvancedKeys are the keys each part shows, with the
	// own state rate's beside the state choice's.
	ShortKeys, AdvancedKeys []string
}

func layout(keys []string) ([]Spec, []Group) {
	if len(keys) == 0 {
		return prospectFields, advancedGroups
	}
	var short []Spec
	for _, k := range keys {
		if f, ok := SpecFor(k); ok && f.Kind != KindSectors && k != StateRateField.Key && !AdvisorKey(k) && !slices.ContainsFunc(short, func(g Spec) bool { return g.Key == k }) {
			short = append(short, f)
		}
	}
	inShort := func(f Spec) bool {
		return slices.ContainsFunc(short, func(g Spec) bool { return g.Key == f.Key })
	}
	var moved []Spec
	for _, f := range prospectFields {
		if !inShort(f) {
			moved = append(moved, f)
		}
	}
	var groups []Group
	if len(moved) > 0 {
		groups = append(groups, Group{Legend: "You and your investment", Fields: moved})
	}
	for _, g := range advancedGroups {
		fields := slices.DeleteFunc(slices.Clone(g.Fields), inShort)
		if len(fields) > 0 {
			groups = append(groups, Group{Legend: g.Legend, Fields: fields})
		}
	}
	return short, groups
}
