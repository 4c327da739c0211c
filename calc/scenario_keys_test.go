package calc

import (
	"testing"

	"smacalc/calc/scenario"
)

// choiceValues returns a word key's accepted values, from the key table.
func choiceValues(name string) []string {
	k, _ := scenario.Lookup(name)
	v := make([]string, len(k.Choices))
	for i, c := range k.Choices {
		v[i] = c.Value
	}
	return v
}

// The scenario package validates "history" against the years it states;
// the replay reads them from the history table: they must be the same
// years, or a valid scenario could replay months the table lacks.
func TestHistoryYearsMatchScenario(t *testing.T) {
	first, last := HistoryYears()
	if f, l := scenario.HistoryYears(); f != first || l != last {
		t.Errorf("scenario.HistoryYears() = %d, %d; the history table holds %d–%d", f, l, first, last)
	}
}
