package scenario

import (
	"errors"
	"reflect"
	"slices"
	"testing"
)

// smallWith returns the query of a small scenario with key=value: small
// keeps the work limit (paths × stocks × months, said in its own message)
// out of the way of each key's own range.
func smallWith(key, value string) string {
	base := map[string]string{"stocks": "10", "horizon": "1", "paths": "10"}
	base[key] = value
	q := ""
	for _, name := range Names() {
		if v, ok := base[name]; ok {
			q += "&" + name + "=" + v
		}
	}
	return q[1:]
}

// Each bounded key's Min and Max are accepted and one step beyond each is
// refused, naming the key: the range the form and the docs show is the
// range Validate applies (app/fields builds the form's min, max and help
// from the same table, so this test covers the form's ranges too).
func TestKeyRangesAreValidations(t *testing.T) {
	for _, k := range Keys() {
		if !k.Bounded {
			continue
		}
		step := 1.0
		switch k.Unit {
		case Dollars:
			step = 0.01
		case Fraction:
			step = 1e-6
		}
		for _, tc := range []struct {
			v     float64
			valid bool
		}{{k.Min, true}, {k.Max, true}, {Round(k.Min-step, k.Unit), false}, {Round(k.Max+step, k.Unit), false}} {
			q := smallWith(k.Name, formatFloat(tc.v))
			_, err := Decode(q)
			var ve *ValidationError
			refused := errors.As(err, &ve) && slices.ContainsFunc(ve.Problems, func(p Problem) bool { return p.Key == k.Name })
			if refused == tc.valid || (err != nil && !refused) {
				t.Errorf("%s: accepted %v, want %v (%v)", q, !refused, tc.valid, err)
			}
		}
	}
}

// Every key's example is a valid value that reads back as written, and
// its default is DefaultScenario's.
func TestKeyExamplesAndDefaults(t *testing.T) {
	d := DefaultScenario()
	for _, k := range Keys() {
		if k.Example == "" || k.Meaning == "" || k.Label == "" || k.Help == "" {
			t.Errorf("%s: example, meaning, label and help are all needed", k.Name)
		}
		q := smallWith(k.Name, k.Example)
		if k.Name == "local" {
			q += "&state=NY"
		}
		s, err := Decode(q)
		if err != nil {
			t.Errorf("%s: example %q: %v", k.Name, k.Example, err)
		} else if got := k.Get(s); got != k.Example {
			t.Errorf("%s: example %q reads back as %q", k.Name, k.Example, got)
		}
		if k.Default() == "" && k.Type() == Decimal {
			continue // unset by default ("staterate", "gainbudget")
		}
		fromDefault := DefaultScenario()
		if err := k.Set(&fromDefault, k.Default()); err != nil || !reflect.DeepEqual(fromDefault, d) {
			t.Errorf("%s: setting the default %q changes DefaultScenario (%v)", k.Name, k.Default(), err)
		}
	}
}

// The table's order is the canonical order, each name once; the first
// release's keys (through "seed") are always written, later ones only
// when not at their default.
func TestKeyTableOrder(t *testing.T) {
	want := []string{"year", "status", "wages", "stgains", "ltgains", "state", "staterate",
		"amount", "basis", "contrib", "horizon", "ret", "vol", "idio", "div",
		"stocks", "harvest", "threshold", "smafee", "tradecost", "fund",
		"fundfee", "dist", "end", "exclude", "paths", "seed", "local",
		"index", "turnover", "savings",
		"single", "singlebasis", "singlevol", "gainbudget",
		"history", "takeover", "premium",
		"give", "itemized"}
	if got := Names(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Names() = %q\nwant (MODEL.md's order, a contract) %q", got, want)
	}
	d := DefaultScenario()
	for _, k := range Keys() {
		always := slices.Index(want, k.Name) <= slices.Index(want, "seed") && k.Name != "staterate" && k.Name != "exclude"
		if k.Written(d) != always {
			t.Errorf("%s: written by default %v, want %v", k.Name, k.Written(d), always)
		}
	}
}

// Every key has one place in the form: in exactly one group, or under a
// key that has one; groups name only keys.
func TestEveryKeyHasOnePlaceInTheForm(t *testing.T) {
	count := map[string]int{}
	for _, g := range Groups() {
		for _, name := range g.Keys {
			if _, ok := Lookup(name); !ok {
				t.Errorf("group %s: unknown key %q", g.ID, name)
			}
			count[name]++
		}
	}
	for _, k := range Keys() {
		switch {
		case k.Under != "" && (count[k.Name] != 0 || count[k.Under] != 1):
			t.Errorf("%s: under %s, in %d groups", k.Name, k.Under, count[k.Name])
		case k.Under == "" && count[k.Name] != 1:
			t.Errorf("%s: in %d groups, want 1", k.Name, count[k.Name])
		}
	}
	if k, _ := Lookup("amount"); k.Advanced() {
		t.Error("amount is in the short form")
	}
	if k, _ := Lookup("basis"); !k.Advanced() || k.Group().Legend != "Your money" {
		t.Errorf("basis: group %+v", k.Group())
	}
	if k, _ := Lookup("staterate"); k.Advanced() {
		t.Error("staterate is shown under state, in the short form")
	}
}

// The form shows fractions in percent, shifted in decimal: the text the
// form used to carry by hand ("0"–"200" for basis).
func TestDisplayRange(t *testing.T) {
	for _, tc := range []struct{ key, lo, hi, unit string }{
		{"basis", "0", "200", "% of amount"},
		{"ret", "-50", "50", "% a year"},
		{"smafee", "0", "5", "% a year"},
		{"staterate", "0", "20", "%"},
		{"single", "0", "95", "% of amount"},
		{"amount", "1000", "10000000000", "$"},
		{"horizon", "1", "50", "years"},
		{"history", "1926", "2024", ""},
		{"contrib", "", "", "$"},
		{"seed", "0", "", ""},
	} {
		k, _ := Lookup(tc.key)
		lo, hi := k.DisplayRange()
		if lo != tc.lo || hi != tc.hi || k.DisplayUnit() != tc.unit {
			t.Errorf("%s: %q–%q %q, want %q–%q %q", tc.key, lo, hi, k.DisplayUnit(), tc.lo, tc.hi, tc.unit)
		}
	}
	for f, want := range map[float64]string{0.05: "5", 0.0035: "0.35", -0.5: "-50", 1.5: "150", 0.000001: "0.0001", 12: "1200", 0: "0"} {
		if got := percentText(f); got != want {
			t.Errorf("percentText(%v) = %q, want %q", f, got, want)
		}
	}
}
