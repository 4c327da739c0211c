// Package fields is the form's side of the scenario keys: each key's spec
// (label, unit, help, range, kind, group), the form's values in the units a
// person types and their conversion to and from a scenario (ToScenario,
// FromScenario, Recover for a share link), and the Scenario value that
// carries a decoded scenario with its canonical query.
//
// This file turns calc's table of scenario keys (calc/scenario: label,
// help, unit, range, step, choices, group) into the form's specs; the
// rest of the package uses them only through Spec, SpecFor, All, the
// groups (LayoutFor) and HoldingsFields, StateRateField and ExcludeField.
package fields

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"smacalc/calc/scenario"
	"smacalc/calc/tax"
)

// Kind says how a scenario key is typed in the form and converted to
// its canonical value.
type Kind int

const (
	KindMoney   Kind = iota // dollars; "$" and "," are accepted
	KindPercent             // typed in percent, stored as a fraction
	KindInt                 // a whole number
	KindChoice              // a <select> of options
	KindSectors             // checkboxes (the "exclude" key)
)

// Option is one choice of a select.
type Option struct{ Value, Label string }

// Spec describes one input of the form: which scenario key it sets,
// what a person reads next to it and the range the browser suggests (the
// engine's own validation has the last word).
type Spec struct {
	Key      string
	Label    string
	Unit     string // shown after the input: "$", "%", "years", …
	Help     string // one or two sentences in plain words
	Kind     Kind
	Min, Max string // HTML min/max in the typed unit ("" = none)
	Step     string // HTML step ("any" when empty)
	Options  []Option
	Optional bool   // an empty value leaves the key out (its default applies)
	Example  string // the empty input's placeholder, e.g. "e.g. 5" ("" for none)
}

// InputID is the id of the input for a key; labels point at it.
func InputID(key string) string { return "in-" + key }

// ErrorID is the id of a field's error message (aria-describedby).
func ErrorID(key string) string { return "err-" + key }

// Group is a fieldset of the advanced section.
type Group struct {
	Legend string
	Fields []Spec
}

// prospectFields are the short form a prospect sees first, advancedGroups
// the advanced section's fieldsets and HoldingsFields the concentrated
// position of the advisors' "existing holdings" section (empty keeps the
// default: no position; basis 100%, volatility 35%, no gain budget): the
// groups of calc's key table (scenario.Groups), whose "sectors" group is
// ExcludeField alone.
//
// GivingFields are the yearly gift and the other itemized deductions of
// the advisors' "giving appreciated shares" section (app/giving; empty:
// no gift).
var prospectFields, advancedGroups, HoldingsFields, GivingFields = formGroups()

func formGroups() (short []Spec, advanced []Group, holdings, giving []Spec) {
	for _, g := range scenario.Groups() {
		specs := make([]Spec, len(g.Keys))
		for i, name := range g.Keys {
			specs[i] = specOf(name)
		}
		switch g.ID {
		case "short":
			short = specs
		case "holdings":
			holdings = specs
		case "giving":
			giving = specs
		case "sectors": // ExcludeField, laid out by the form on its own
		default:
			advanced = append(advanced, Group{Legend: g.Legend, Fields: specs})
		}
	}
	return short, advanced, holdings, giving
}

// specOf is the form's spec of a key of calc's table, in the units a
// person types (percent for a fraction).
func specOf(name string) Spec {
	k, ok := scenario.Lookup(name)
	if !ok {
		panic("fields: no scenario key " + name)
	}
	lo, hi := k.DisplayRange()
	f := Spec{Key: k.Name, Label: k.Label, Unit: k.DisplayUnit(), Help: k.Help, Min: lo, Max: hi,
		Step: k.Step, Optional: k.Optional, Example: k.Placeholder}
	switch k.Name {
	// The table leaves out the choices that come from the tax tables.
	case "state":
		f.Options = stateOptions()
	case "year":
		f.Options = yearOptions()
	default:
		for _, c := range k.Choices {
			f.Options = append(f.Options, Option(c))
		}
	}
	switch {
	case f.Options != nil:
		f.Kind = KindChoice
	case k.Type() == scenario.WordList:
		f.Kind = KindSectors
	case k.Percent():
		f.Kind = KindPercent
	case k.Unit == scenario.Dollars:
		f.Kind = KindMoney
	default:
		f.Kind = KindInt
	}
	return f
}

// HoldingsKey reports whether key is one of HoldingsFields: they stay in
// the advisors' section, never in the short form.
func HoldingsKey(key string) bool {
	return slices.ContainsFunc(HoldingsFields, func(f Spec) bool { return f.Key == key })
}

// GivingKey reports whether key is one of GivingFields: like the
// holdings, they stay in the advisors' section.
func GivingKey(key string) bool {
	return slices.ContainsFunc(GivingFields, func(f Spec) bool { return f.Key == key })
}

// AdvisorKey reports whether key is shown in the advisors' sections
// (HoldingsKey, GivingKey), never in the short form.
func AdvisorKey(key string) bool { return HoldingsKey(key) || GivingKey(key) }

// ExcludeField is the sector checkboxes of the advanced section.
var ExcludeField = specOf("exclude")

// StateRateField is "My own rate": a flat state rate instead of the
// state's law. It is shown under the state choice once the person picks
// OwnRateChoice or a link carries a rate (stateField), never on its own.
var StateRateField = specOf("staterate")

// OwnRateChoice is the last choice of the state list; OwnRateKey keeps
// that choice in the form's values while no rate is typed yet (a form-only
// key: it is not a scenario key and never reaches the link).
const (
	OwnRateChoice = "own"
	OwnRateKey    = "state-own"
)

// stateOptions are the 50 states and DC by name, no state tax, and "My
// own rate".
func stateOptions() []Option {
	var out []Option
	for _, c := range tax.StateCodes() {
		label := tax.StateName(c)
		if c == "none" {
			label = "No state income tax"
		}
		out = append(out, Option{c, label})
	}
	slices.SortStableFunc(out[:len(out)-1], func(a, b Option) int { return strings.Compare(a.Label, b.Label) })
	return append(out, Option{OwnRateChoice, "My own rate…"})
}

func yearOptions() []Option {
	var out []Option
	for _, y := range tax.Years() {
		out = append(out, Option{strconv.Itoa(y), strconv.Itoa(y)})
	}
	return out
}

// SectorLabel turns "information-technology" into "Information technology".
func SectorLabel(name string) string {
	b := []byte(name)
	for i := range b {
		if b[i] == '-' {
			b[i] = ' '
		}
	}
	if len(b) > 0 && b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return string(b)
}

// All lists every spec, prospect form first.
func All() []Spec {
	out := append([]Spec(nil), prospectFields...)
	for _, g := range advancedGroups {
		out = append(out, g.Fields...)
	}
	out = append(out, HoldingsFields...)
	out = append(out, GivingFields...)
	return append(out, StateRateField, ExcludeField)
}

// fieldsByKey indexes All once: the form looks a spec up for every
// key on every keystroke, and copying the whole list for each lookup made
// most of the garbage a keystroke left for the collector.
var fieldsByKey = sync.OnceValue(func() map[string]Spec {
	m := map[string]Spec{}
	for _, f := range All() {
		if _, dup := m[f.Key]; !dup { // the first spec of a key wins, as the list's order says
			m[f.Key] = f
		}
	}
	return m
})

// SpecFor returns the spec of a key.
func SpecFor(key string) (Spec, bool) {
	f, ok := fieldsByKey()[key]
	return f, ok
}
