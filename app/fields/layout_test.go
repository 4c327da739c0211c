package fields

import (
	"reflect"
	"slices"
	"testing"

	"smacalc/calc/scenario"
)

func TestFormLayout(t *testing.T) {
	short, groups := layout(nil)
	if len(short) != len(prospectFields) || len(groups) != len(advancedGroups) {
		t.Fatal("no keys must keep the calculator's layout")
	}
	short, groups = layout([]string{"horizon", "amount", "harvest", "amount", "exclude", "staterate"})
	if len(short) != 3 || short[0].Key != "horizon" || short[1].Key != "amount" || short[2].Key != "harvest" {
		t.Fatalf("short form = %+v", short)
	}
	seen := map[string]int{}
	for _, f := range short {
		seen[f.Key]++
	}
	for _, g := range groups {
		for _, f := range g.Fields {
			seen[f.Key]++
		}
	}
	if seen[StateRateField.Key] != 0 {
		t.Error("the own state rate is laid out on its own; it belongs under the state choice")
	}
	for _, f := range All() {
		if f.Kind == KindSectors || f.Key == StateRateField.Key || AdvisorKey(f.Key) { // laid out elsewhere
			continue
		}
		if seen[f.Key] != 1 {
			t.Errorf("key %s appears %d times", f.Key, seen[f.Key])
		}
	}
	if groups[0].Legend != "You and your investment" {
		t.Errorf("moved prospect fields should come first: %q", groups[0].Legend)
	}
}

func TestScenarioDiff(t *testing.T) {
	d := Diff(mustScenario(t, "horizon=10&fund=etf"), mustScenario(t, "horizon=20&fund=mf"))
	if len(d) != 2 {
		t.Fatalf("diff = %+v", d)
	}
	if d[0].Key != "horizon" || d[0].Pinned != "10 years" || d[0].Current != "20 years" {
		t.Errorf("horizon diff = %+v", d[0])
	}
	if d[1].Key != "fund" || d[1].Current != "An index mutual fund" {
		t.Errorf("fund diff = %+v", d[1])
	}
	if len(Diff(mustScenario(t, "horizon=10"), mustScenario(t, "horizon=10"))) != 0 {
		t.Error("same scenario differs")
	}
}

// mustScenario decodes a test's scenario query.
func mustScenario(t *testing.T, query string) Scenario {
	t.Helper()
	s, err := scenario.Decode(query)
	if err != nil {
		t.Fatal(err)
	}
	return Of(s)
}

// The forms get their own keys' values and problems: two picks of the same
// values must compare equal under reflect.DeepEqual (go-app's test for
// re-rendering a component), a pick with nothing set included.
func TestPick(t *testing.T) {
	l := LayoutFor(nil)
	if !slices.Contains(l.ShortKeys, StateRateField.Key) || !slices.Contains(l.ShortKeys, OwnRateKey) || slices.Contains(l.AdvancedKeys, "amount") {
		t.Errorf("short keys %v, advanced keys %v", l.ShortKeys, l.AdvancedKeys)
	}
	v := FromScenario(scenario.DefaultScenario())
	a, b := Pick(v, l.ShortKeys), Pick(v.With("ret", "8"), l.ShortKeys)
	if !reflect.DeepEqual(a, b) {
		t.Error("a change of an advanced value changed the short form's values")
	}
	if p := Pick(map[string]string{"ret": "Enter a number."}, l.ShortKeys); p != nil {
		t.Errorf("no problem of the short form: %v, want nil", p)
	}
	if p := Pick(map[string]string{}, l.ShortKeys); !reflect.DeepEqual(p, Pick[map[string]string](nil, l.ShortKeys)) {
		t.Error("an empty and a nil map pick differently")
	}
}
