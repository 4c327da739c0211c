//go:build js && wasm

package simworker

import (
	"context"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// Messages of the break-even map (issue 27):
//
//	in:  {type: "mapcell", id, query}  // one cell: its own canonical query
//	out: {type: "mapcell", id, json}   // json: a calc.MapCell of its result
//	     {type: "error", id, message}
//
// A cell is every path of its scenario summarised without the ledger
// (calc.MapCellResult), sent as the figures a map shows (calc.MapCell,
// some 300 bytes): a whole Result is some 17 kB of JSON, which the page
// would decode on its main thread for every square. The page sends a
// worker one cell at a time, so that the cells are computed in the order
// it chose (the coarse map first).

// mapCell answers with one cell of a break-even map.
func mapCell(req request) {
	answer(req, "map cell", func(send func(string, any) error) error {
		s, err := scenario.Decode(req.Query)
		if err != nil {
			return err
		}
		r, err := calc.MapCellResult(context.Background(), s)
		if err != nil {
			return err
		}
		return send("mapcell", calc.MapCell{Scenario: r.Scenario, Paths: r.Paths,
			DifferenceP50: r.Difference.P50, SMAAheadFraction: r.SMAAheadFraction, SE: r.DifferenceSE})
	})
}
