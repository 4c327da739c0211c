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
//	out: {type: "result", id, json}    // json: calc.MapCellResult of it
//	     {type: "error", id, message}
//
// A cell is every path of its scenario summarised without the ledger
// (calc.MapCellResult): the figures a map needs, without re-running the
// median path. The page sends a worker one cell at a time, so that the
// cells are computed in the order it chose (the coarse map first).

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
		return send("result", r)
	})
}
