package savedfile

import (
	"strings"
	"testing"

	"smacalc/calc/scenario"
)

func TestParseSavedFileRoundTrip(t *testing.T) {
	list := []Scenario{
		{Label: "Smith family — ETF", Query: scenario.DefaultScenario().Encode()},
		{Label: "Jones, 20 years", Query: "horizon=20&fund=mf"},
	}
	file, err := Encode(list)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != list[0] {
		t.Fatalf("round trip: %+v", got)
	}
	// Queries come back canonical.
	s, _ := scenario.Decode("horizon=20&fund=mf")
	if got[1].Query != s.Encode() {
		t.Errorf("query not canonical: %q", got[1].Query)
	}
}

func TestParseSavedFileRejects(t *testing.T) {
	good := `{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"A","query":"horizon=10"}]}`
	if _, err := Parse([]byte(good)); err != nil {
		t.Fatalf("good file rejected: %v", err)
	}
	for name, body := range map[string]string{
		"unknown field":    `{"format":"smacalc-saved-scenarios","version":1,"scenarios":[],"x":1}`,
		"unknown in entry": `{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"A","query":"horizon=10","html":"<b>"}]}`,
		"format":           `{"format":"other","version":1,"scenarios":[]}`,
		"version":          `{"format":"smacalc-saved-scenarios","version":2,"scenarios":[]}`,
		"bad query":        `{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"A","query":"horizon=999"}]}`,
		"unknown key":      `{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"A","query":"evil=1"}]}`,
		"empty label":      `{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"  ","query":"horizon=10"}]}`,
		"control label":    `{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"a\u0007b","query":"horizon=10"}]}`,
		"long label":       `{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"` + strings.Repeat("x", 81) + `","query":"horizon=10"}]}`,
		"trailing":         good + `{}`,
		"not json":         `<html>`,
		"too large":        good + strings.Repeat(" ", MaxFileBytes),
	} {
		if _, err := Parse([]byte(body)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestCleanLabelKeepsMarkupAsText(t *testing.T) {
	got, err := CleanLabel("  <img src=x onerror=alert(1)>  ")
	if err != nil || got != "<img src=x onerror=alert(1)>" {
		t.Errorf("CleanLabel = %q, %v", got, err)
	}
}

func TestMergeSaved(t *testing.T) {
	list := []Scenario{{Label: "A", Query: "a"}, {Label: "B", Query: "b"}}
	got, err := Merge(list, []Scenario{{Label: "B", Query: "b2"}, {Label: "C", Query: "c"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []Scenario{{Label: "A", Query: "a"}, {Label: "B", Query: "b2"}, {Label: "C", Query: "c"}}
	if len(got) != 3 || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("merge = %+v", got)
	}
	full := make([]Scenario, MaxScenarios)
	for i := range full {
		full[i].Label = strings.Repeat("x", i+1)
	}
	if _, err := Merge(full, []Scenario{{Label: "new", Query: "q"}}); err == nil {
		t.Error("merge past the limit accepted")
	}
}

func TestReadImportKeepsTheGoodOnes(t *testing.T) {
	file := `{"format":"smacalc-saved-scenarios","version":1,"scenarios":[` +
		`{"label":"Lee","query":"horizon=10","difference":"40108.4"},` +
		`{"label":"Bad horizon","query":"horizon=999"},` +
		`{"label":"","query":"horizon=10"}]}`
	good, bad, err := ReadImport([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(good) != 1 || good[0].Label != "Lee" || good[0].Difference != "40108" {
		t.Errorf("good: %+v", good)
	}
	if strings.Join(bad, "; ") != "scenario 2 “Bad horizon”; scenario 3" {
		t.Errorf("bad: %q", bad)
	}
	for _, body := range []string{`<html>`, `{"format":"other","version":1,"scenarios":[]}`} {
		_, _, err := ReadImport([]byte(body))
		if err == nil {
			t.Fatalf("%s: accepted", body)
		}
		if p := ImportProblem(err); strings.Contains(p, "invalid character") || !strings.Contains(p, "not a file of saved scenarios") {
			t.Errorf("%s: %q", body, p)
		}
	}
	if _, _, err := ReadImport([]byte(`{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"A","query":"horizon=10","difference":"1e400"}]}`)); err != nil {
		t.Fatal(err)
	}
}

// A deeply nested import is refused before it reaches a decoder
// (calc.CheckJSONDepth, tested in calc).
func TestDeepSavedFileRefused(t *testing.T) {
	if _, err := Parse([]byte(strings.Repeat("[", 5000))); err == nil || !strings.Contains(err.Error(), "nested") {
		t.Errorf("deep import: %v", err)
	}
}
