package simclient

import "smacalc/calc"

// mapCellCache keeps the break-even map's cells computed in this page's
// life, in memory, by mapCellKey. A cell comes from a Result without the
// ledger (calc.MapCellResult), which calc.Result.CheckConsistency accepts
// as it accepts a full one: kept among the full results under its bare
// query, it would be served to a Run of the same query and show no
// year-by-year ledger. So map cells are kept as calc.MapCell (the figures
// a map shows), in a cache and under a key of their own; the other way
// round, a full result is a valid cell (the same figures), and Map uses it.
type mapCellCache struct {
	cells  map[string]*calc.MapCell
	recent []string // keys, oldest first
}

// mapCells bounds the cells kept: two maps of the largest size.
const mapCells = 2 * calc.MaxMapCells

// mapCellKey is a cell's key: its canonical query, marked as a map cell's.
func mapCellKey(query string) string { return query + mapKeyMark }

const mapKeyMark = "#map"

func (c *mapCellCache) get(query string) *calc.MapCell { return c.cells[mapCellKey(query)] }

func (c *mapCellCache) put(query string, r *calc.MapCell) {
	if c.cells == nil {
		c.cells = map[string]*calc.MapCell{}
	}
	k := mapCellKey(query)
	if _, ok := c.cells[k]; !ok {
		c.recent = append(c.recent, k)
	}
	c.cells[k] = r
	for len(c.recent) > mapCells {
		delete(c.cells, c.recent[0])
		c.recent = c.recent[1:]
	}
}
