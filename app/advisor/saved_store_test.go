package advisor

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"smacalc/app/savedfile"
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
		"huge":           stored(strings.Repeat(" ", 2*savedfile.MaxFileBytes)),
	} {
		list, problem := readStoredSaved(item)
		if list != nil || !strings.Contains(problem, "could not be read") {
			t.Errorf("%s: %+v, %q", name, list, problem)
		}
	}
	item, err := storedSavedItem([]savedfile.Scenario{{Label: "A", Query: scenario.DefaultScenario().Encode()}})
	if err != nil {
		t.Fatal(err)
	}
	list, problem = readStoredSaved(item)
	if len(list) != 1 || problem != "" {
		t.Errorf("a clean list: %+v, %q", list, problem)
	}
}

// bigLots is a lots file of n rows whose holding names are full of '<'
// (which Go's default JSON encoding writes as six characters).
func bigLots(n int) string {
	lots := make([]scenario.LegacyLot, n)
	for i := range lots {
		lots[i] = scenario.LegacyLot{Holding: fmt.Sprintf("<%03d>%s", i, strings.Repeat("<", 58)), Value: 1000, Basis: 500, Acquired: "2020-01-02"}
	}
	return scenario.LegacyLotsCSV(lots)
}

// Saving refuses a list that a reload would not read back, and whatever it
// writes reads back in full (issue 25, item 4: three scenarios of 1,000
// lots were stored as 1,345,733 characters, then set aside on reload).
func TestStoredSavedReadsBackOrIsRefused(t *testing.T) {
	query := scenario.DefaultScenario().Encode()
	var list []savedfile.Scenario
	for i := range 40 {
		list = append(list, savedfile.Scenario{Label: fmt.Sprintf("<Client %d>", i), Query: query, Lots: bigLots(1000)})
		item, err := storedSavedItem(list)
		if err != nil {
			if !strings.Contains(err.Error(), "more than the 1024 KB this page can read back") {
				t.Fatalf("%d scenarios: refused with %v", len(list), err)
			}
			if len(list) < 3 {
				t.Errorf("%d scenarios of 1,000 lots refused; they fit once '<' is not escaped", len(list))
			}
			return
		}
		if strings.Contains(item, `u003c`) {
			t.Fatalf("'<' is written escaped")
		}
		got, problem := readStoredSaved(item)
		if problem != "" || len(got) != len(list) {
			t.Fatalf("%d scenarios stored as %d characters read back as %d: %q", len(list), len(item), len(got), problem)
		}
		file, err := savedfile.Encode(list)
		if err != nil {
			t.Fatal(err)
		}
		if imported, err := savedfile.Parse(file); err != nil || len(imported) != len(list) {
			t.Fatalf("the export of %d scenarios imports as %d: %v", len(list), len(imported), err)
		}
	}
	t.Fatal("40 scenarios of 1,000 lots were accepted: larger than the limit")
}
