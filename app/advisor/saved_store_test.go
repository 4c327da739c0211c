package advisor

import (
	"encoding/json"
	"strings"
	"testing"

	"smacalc/calc/scenario"
)

func stored(file string) string {
	b, _ := json.Marshal(file)
	return string(b)
}

// A stored list with one bad entry keeps the others; an unreadable one is
// reported, never fatal (issue 16, findings 2 and 3).
func TestReadStoredSavedKeepsTheGoodEntries(t *testing.T) {
	good := `{"label":"Good","query":"horizon=12"}`
	file := `{"format":"smacalc-saved-scenarios","version":1,"scenarios":[` + good +
		`,{"label":"Too fine","query":"wages=1e-320&horizon=` + strings.Repeat("0", 2100) + `5"}` +
		`,{"label":"Bad","query":"horizon=999"},[1],{"label":"Good","query":"horizon=3"},{"label":"Other","query":"fund=mf"}]}`
	list, problem := readStoredSaved(stored(file))
	if len(list) != 2 || list[0].Label != "Good" || list[1].Label != "Other" {
		t.Fatalf("kept %+v", list)
	}
	if !strings.Contains(problem, "4 saved scenarios could not be read; the others are kept") {
		t.Errorf("problem %q", problem)
	}
	for name, item := range map[string]string{
		"deep nesting":   stored(strings.Repeat("[", 5000) + strings.Repeat("]", 5000)),
		"deep in a file": stored(`{"format":"smacalc-saved-scenarios","version":1,"scenarios":[` + strings.Repeat("[", 5000) + `]}`),
		"raw deep":       strings.Repeat("[", 5000),
		"not a string":   `{"format":"smacalc-saved-scenarios"}`,
		"broken string":  `"abc`,
		"huge":           stored(strings.Repeat(" ", 2*maxSavedFileBytes)),
	} {
		list, problem := readStoredSaved(item)
		if list != nil || !strings.Contains(problem, "could not be read") {
			t.Errorf("%s: %+v, %q", name, list, problem)
		}
	}
	list, problem = readStoredSaved(stored(string(encodeSavedFile([]SavedScenario{{Label: "A", Query: scenario.DefaultScenario().Encode()}}))))
	if len(list) != 1 || problem != "" {
		t.Errorf("a clean list: %+v, %q", list, problem)
	}
}

// A deeply nested import is refused before it reaches a decoder
// (calc.CheckJSONDepth, tested in calc).
func TestDeepSavedFileRefused(t *testing.T) {
	if _, err := parseSavedFile([]byte(strings.Repeat("[", 5000))); err == nil || !strings.Contains(err.Error(), "nested") {
		t.Errorf("deep import: %v", err)
	}
}
