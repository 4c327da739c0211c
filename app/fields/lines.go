package fields

// Line is one scenario input as a person reads it.
type Line struct {
	Key, Label, Value string
}

// Text shows a field's form value with its unit or option label.
func Text(f Spec, v string) string {
	switch f.Kind {
	case KindChoice:
		if v == "" && f.Optional && len(f.Options) > 0 { // left out: the first option is the default
			return f.Options[0].Label
		}
		for _, o := range f.Options {
			if o.Value == v {
				return o.Label
			}
		}
		return v
	case KindSectors:
		if v == "" {
			return "none"
		}
		return v
	case KindMoney:
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

// Lines lists every input of a scenario, in the form's order.
func Lines(s Scenario) []Line {
	values := FromScenario(s.Scenario)
	fields := All()
	out := make([]Line, 0, len(fields))
	for _, f := range fields {
		out = append(out, Line{Key: f.Key, Label: f.Label, Value: Text(f, values[f.Key])})
	}
	return out
}

// Difference is an input that differs between two scenarios.
type Difference struct {
	Key, Label, Pinned, Current string
}

// Diff lists the inputs whose values differ between the pinned and
// the current scenario.
func Diff(pinned, current Scenario) []Difference {
	if pinned.Query == current.Query {
		return nil
	}
	a, b := Lines(pinned), Lines(current)
	if len(a) != len(b) {
		return nil
	}
	var out []Difference
	for i := range a {
		if a[i].Value != b[i].Value {
			out = append(out, Difference{Key: a[i].Key, Label: a[i].Label, Pinned: a[i].Value, Current: b[i].Value})
		}
	}
	return out
}
