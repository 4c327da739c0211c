package simclient

import (
	"testing"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// A map cell (a Result without the ledger) is kept under a key of its own:
// never under the bare query, where a Run would take it for the full
// result, and never accepted by the stored results' check.
func TestMapCellKey(t *testing.T) {
	q := scenario.DefaultScenario().Encode()
	var c mapCellCache
	r := &calc.MapCell{Scenario: q}
	c.put(q, r)
	if c.get(q) != r {
		t.Fatal("the cell is not found again")
	}
	if _, ok := c.cells[q]; ok || mapCellKey(q) == cacheKey(q, "") {
		t.Error("a map cell is kept under the query's full-result key")
	}
	if checkStored(mapCellKey(q), &calc.Result{Scenario: q}) == nil {
		t.Error("a stored result under a map cell's key would be accepted as a full result")
	}
}

// The cache keeps at most mapCells cells, the oldest going first.
func TestMapCellCacheBound(t *testing.T) {
	var c mapCellCache
	for i := range mapCells + 5 {
		c.put(string(rune('a'+i%26))+string(rune(i)), &calc.MapCell{})
	}
	if len(c.cells) != mapCells || len(c.recent) != mapCells {
		t.Errorf("%d cells, %d recent; want %d", len(c.cells), len(c.recent), mapCells)
	}
}
