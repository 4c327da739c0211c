package app

import (
	"smacalc/calc"
)

// inputLine is one scenario input as a person reads it.
type inputLine struct {
	Key, Label, Value string
}

// fieldText shows a field's form value with its unit or option label.
func fieldText(f fieldSpec, v string) string {
	switch f.Kind {
	case kindChoice:
		if v == "" && f.Optional && len(f.Options) > 0 { // left out: the first option is the default
			return f.Options[0].Label
		}
		for _, o := range f.Options {
			if o.Value == v {
				return o.Label
			}
		}
		return v
	case kindSectors:
		if v == "" {
			return "none"
		}
		return v
	case kindMoney:
		return "$" + v
	}
	if v == "" {
		return "default"
	}
	if f.Unit == "" {
		return v
	}
	if f.Unit[0] == '%' {
		return v + f.Unit
	}
	return v + " " + f.Unit
}

// scenarioLines lists every input of a scenario query, in the form's order;
// nil when the query does not decode.
func scenarioLines(query string) []inputLine {
	s, err := calc.Decode(query)
	if err != nil {
		return nil
	}
	values := valuesFromScenario(s)
	fields := allFields()
	out := make([]inputLine, 0, len(fields))
	for _, f := range fields {
		out = append(out, inputLine{Key: f.Key, Label: f.Label, Value: fieldText(f, values[f.Key])})
	}
	return out
}

// inputDiff is an input that differs between two scenarios.
type inputDiff struct {
	Key, Label, Pinned, Current string
}

// scenarioDiff lists the inputs whose values differ between the pinned and
// the current scenario.
func scenarioDiff(pinned, current string) []inputDiff {
	a, b := scenarioLines(pinned), scenarioLines(current)
	if len(a) != len(b) {
		return nil
	}
	var out []inputDiff
	for i := range a {
		if a[i].Value != b[i].Value {
			out = append(out, inputDiff{Key: a[i].Key, Label: a[i].Label, Pinned: a[i].Value, Current: b[i].Value})
		}
	}
	return out
}
