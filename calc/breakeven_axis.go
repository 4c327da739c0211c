package calc

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"smacalc/calc/scenario"
)

// ParseMapAxis reads an axis: "KEY=FROM:TO:N" (N values from FROM to TO,
// FROM < TO, 2 ≤ N ≤ MaxMapSteps) for a number key, or "KEY=V1,V2,…" (at
// least two distinct values) for any key, e.g. "end=liquidate,hold,stepup,
// donate". Values are in the key's unit as in the query (0.0035 is 35 bp)
// and must be valid values of the key in the base scenario (its range,
// choices or own rule: a withdrawal is limited by base's amount); numbers
// are rounded as Decode rounds them. An error is a *MapAxisError.
func ParseMapAxis(base scenario.Scenario, spec string) (MapAxis, error) {
	bad := func(key, format string, args ...any) (MapAxis, error) {
		return MapAxis{}, &MapAxisError{Spec: spec, Key: key, Problem: fmt.Sprintf(format, args...)}
	}
	name, values, ok := strings.Cut(spec, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || values == "" {
		return bad("", "want KEY=FROM:TO:N or KEY=V1,V2,…")
	}
	k, known := scenario.Lookup(name)
	if !known {
		return bad(name, "unknown key %q; known keys: %s", name, strings.Join(scenario.Names(), ", "))
	}
	if why, no := notOnAxis[name]; no {
		return bad(name, "%s cannot be an axis: %s", name, why)
	}
	if name == "state" && base.HasStateRate {
		// The flat rate replaces the state's law (key "staterate"): every
		// cell of the axis would be the same.
		return bad(name, "state has no effect while staterate is set; leave staterate out of the query")
	}
	numeric := k.Type() == scenario.Integer || k.Type() == scenario.Decimal
	var texts []string
	if strings.Contains(values, ":") {
		if !numeric {
			return bad(name, "%s takes words (%s): give a list, e.g. %s=%s,…", name, k.Allowed(), name, k.Example)
		}
		var err error
		if texts, err = rangeValues(k, values); err != nil {
			return bad(name, "%v", err)
		}
	} else {
		texts = strings.Split(values, ",")
		if len(texts) > MaxMapSteps {
			return bad(name, "%d values; at most %d", len(texts), MaxMapSteps)
		}
	}
	ax := MapAxis{Key: name, Numeric: numeric}
	seen := map[string]bool{}
	for _, t := range texts {
		t = strings.TrimSpace(t)
		v, err := axisValue(base, k, t)
		if err != nil {
			return bad(name, "%s=%s: %v", name, t, err)
		}
		if seen[v] {
			return bad(name, "value %s given twice (after rounding to the key's precision)", v)
		}
		seen[v] = true
		ax.Values = append(ax.Values, v)
	}
	if len(ax.Values) < 2 {
		return bad(name, "at least two values")
	}
	return ax, nil
}

// rangeValues is FROM:TO:N as text, each value rounded as the key is.
func rangeValues(k scenario.Key, spec string) ([]string, error) {
	parts := strings.Split(spec, ":")
	if len(parts) != 3 {
		return nil, errors.New("want FROM:TO:N")
	}
	from, err1 := strconv.ParseFloat(strings.TrimSpace(parts[0]), 64)
	to, err2 := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
	n, err3 := strconv.Atoi(strings.TrimSpace(parts[2]))
	switch {
	case err1 != nil || err2 != nil || !finite(from) || !finite(to):
		return nil, fmt.Errorf("the range's FROM and TO must be numbers, got %q and %q", parts[0], parts[1])
	case err3 != nil || n < 2 || n > MaxMapSteps:
		return nil, fmt.Errorf("the count N must be a whole number from 2 to %d, got %q", MaxMapSteps, parts[2])
	case !(from < to):
		return nil, fmt.Errorf("the range's FROM (%v) must be below its TO (%v)", from, to)
	}
	out := make([]string, n)
	for i := range n {
		v := from + (to-from)*float64(i)/float64(n-1)
		if k.Type() == scenario.Integer {
			out[i] = strconv.Itoa(int(math.Round(v)))
		} else {
			out[i] = strconv.FormatFloat(scenario.Round(v, k.Unit), 'f', -1, 64)
		}
	}
	return out, nil
}

// axisValue is text as a value of key k, canonical, checked against the
// key's rules in base (its range, choices or own check).
func axisValue(base scenario.Scenario, k scenario.Key, text string) (string, error) {
	s := base
	if err := k.Set(&s, text); err != nil {
		return "", problemOf(err, k.Name)
	}
	if err := s.Validate(); err != nil {
		if p := problemOf(err, k.Name); p != nil {
			return "", p
		}
	}
	return k.Get(s), nil
}

// problemOf is err's problem with key name (nil when it names none).
func problemOf(err error, name string) error {
	var ve *scenario.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	for _, p := range ve.Problems {
		if p.Key == name {
			return errors.New(p.Message)
		}
	}
	return nil
}
