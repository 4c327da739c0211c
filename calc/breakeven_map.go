package calc

import (
	"context"
	"errors"
	"fmt"

	"smacalc/calc/scenario"
)

// The break-even map (issue 27): the median after-tax difference (SMA −
// fund) at the horizon over two of the scenario's keys, everything else as
// in the scenario, and the line where SMA and fund break even.
//
// Every cell is the Result of its own scenario (the base with the two keys
// set): the same seed and so the same path indices and random draws in
// every cell (common random numbers), which makes neighbouring cells
// differ by the keys' effect, not by noise, and the break-even line
// smooth. Cells are independent: MapScenarios lists them, any worker
// computes any subset in any order (SimulatePaths and Summarize or Merge,
// cached by canonical query like any result), and AssembleMap puts
// whatever results there are into a map, so a page can show a coarse map
// first (an axis whose values are every other value of the fine one: the
// same cells, see MapAxis) and refine it.

// Limits of a map: the steps of one axis and the cells of a map (a map
// is computed in a browser).
const (
	MaxMapSteps = 25
	MaxMapCells = 400
)

// MapBudgetPaths is the work a map spends by default, in paths of the
// default scenario: three default results (issue 27). MapPaths divides it
// among the cells.
const MapBudgetPaths = 3 * 200

// MinMapPaths is the fewest paths a cell gets by default: below ten paths
// (five antithetic pairs) the median's standard error is no estimate.
const MinMapPaths = 10

// MapPaths is the default paths of each of a map's cells: MapBudgetPaths
// divided among them, rounded down to an even number (whole antithetic
// pairs), at least MinMapPaths. A 5 × 5 map gets 24 paths a cell, 7 × 7
// gets 12, 9 × 9 gets 10.
func MapPaths(cells int) int {
	p := MapBudgetPaths / max(cells, 1)
	return max(MinMapPaths, p-p%2)
}

// MapAxis is one axis of a map: a scenario key and its values as the
// query writes them (canonical text). Numeric axes given as a range have
// FROM + (TO − FROM)·i/(N − 1), rounded as Decode rounds the key: the
// values of a range with N = 2(M − 1) + 1 steps include every value of
// the same range with M steps exactly (scaling by 2 is exact in floating
// point), so a coarse map's cells are cells of the fine one.
type MapAxis struct {
	Key    string   `json:"key"`
	Values []string `json:"values"`
	// Current is the base scenario's value of the key (set by
	// AssembleMap), for marking the current scenario on the map; it need
	// not be one of Values.
	Current string `json:"current"`
	// Numeric reports whether the values are numbers, which the
	// break-even line is interpolated between (a word axis such as "end"
	// or "state" is placed by position only).
	Numeric bool `json:"numeric"`
}

// notOnAxis are the keys a map cannot vary: the paths and the seed are the
// map's own (every cell shares them), "exclude" is a list, "index"
// changes other keys' defaults (its preset), which a cell's query would
// then not show, and "fund" changes nothing the engine computes.
var notOnAxis = map[string]string{
	"paths":   "the map's paths are -paths (every cell has the same)",
	"seed":    "every cell shares the seed (common random numbers)",
	"exclude": "a list of sectors cannot be an axis",
	"index":   "its preset changes other keys (stocks, turnover)",
	"fund":    "it only names the vehicle; the fund's taxes and costs are dist and fundfee",
}

// MapAxisError is a bad axis: its flag text, what is wrong, and the key
// when it is known.
type MapAxisError struct {
	Spec, Key, Problem string
}

func (e *MapAxisError) Error() string {
	return fmt.Sprintf("axis %q: %s", e.Spec, e.Problem)
}

// MapScenarios returns the scenarios of a map's cells, row by row: cell
// (i, j) — x value i, y value j — is at j·len(x.Values) + i. Each is base
// with the two keys set, validated (an error names the cell); without
// legacy lots it is Decode of its own query, so it is exactly what
// `smacalc simulate` runs for that query.
func MapScenarios(base scenario.Scenario, x, y MapAxis) ([]scenario.Scenario, error) {
	if x.Key == y.Key {
		return nil, &MapAxisError{Spec: x.Key, Key: y.Key, Problem: "both axes vary " + x.Key}
	}
	if n := len(x.Values) * len(y.Values); n > MaxMapCells {
		return nil, fmt.Errorf("calc: a map of %d cells; at most %d", n, MaxMapCells)
	}
	kx, okx := scenario.Lookup(x.Key)
	ky, oky := scenario.Lookup(y.Key)
	if !okx || !oky {
		return nil, fmt.Errorf("calc: unknown axis key %q or %q", x.Key, y.Key)
	}
	out := make([]scenario.Scenario, 0, len(x.Values)*len(y.Values))
	for _, yv := range y.Values {
		for _, xv := range x.Values {
			s := base
			err := errors.Join(kx.Set(&s, xv), ky.Set(&s, yv))
			if err == nil && len(s.Legacy) == 0 {
				s, err = scenario.Decode(s.Encode())
			} else if err == nil {
				err = s.Validate()
			}
			if err != nil {
				return nil, fmt.Errorf("cell %s=%s, %s=%s: %w", x.Key, xv, y.Key, yv, err)
			}
			out = append(out, s)
		}
	}
	return out, nil
}

// MapCell is one cell of a map: the axes' values, the cell's scenario
// (its canonical query: the key of its cached result) and, from its
// result, the median difference (SMA − fund after-tax wealth at the
// horizon), the share of paths where the SMA ends ahead and the standard
// error of the median difference.
type MapCell struct {
	X                string  `json:"x"`
	Y                string  `json:"y"`
	Scenario         string  `json:"scenario"`
	Paths            int     `json:"paths"`
	DifferenceP50    Money   `json:"difference_p50"`
	SMAAheadFraction float64 `json:"sma_ahead_fraction"`
	SE               Money   `json:"se"`
}

// BreakEvenPoint is a point of the break-even line: where the median
// difference, interpolated linearly between neighbouring cells, is zero.
// XI and YI are its position in cells (0 … len(Values)−1, fractional
// between cells); X and Y its value on a numeric axis (absent on a word
// axis). Line numbers the separate pieces of the line; a piece's points
// are in order along it.
type BreakEvenPoint struct {
	Line int      `json:"line"`
	XI   float64  `json:"xi"`
	YI   float64  `json:"yi"`
	X    *float64 `json:"x,omitempty"`
	Y    *float64 `json:"y,omitempty"`
}

// BreakEvenMap is a map: its base scenario (the current one, with the
// cells' paths), its axes, its cells row by row (y outer, as
// MapScenarios; only those with a result, see Complete) and the
// break-even line through the squares whose four cells are there.
type BreakEvenMap struct {
	Scenario  string           `json:"scenario"`
	Paths     int              `json:"paths"`
	X         MapAxis          `json:"x"`
	Y         MapAxis          `json:"y"`
	Complete  bool             `json:"complete"`
	Cells     []MapCell        `json:"cells"`
	BreakEven []BreakEvenPoint `json:"breakeven"`
}

// AssembleMap puts the cells' results — full (Merge) or provisional
// (Summarize), any subset, in any order — into the map of base over x and
// y, matching each result to its cell by its scenario's canonical query.
// A result of no cell of the map is an error; cells without a result are
// left out (Complete is false) and so are the squares of the break-even
// line they touch.
func AssembleMap(base scenario.Scenario, x, y MapAxis, results []Result) (BreakEvenMap, error) {
	cells, err := MapScenarios(base, x, y)
	if err != nil {
		return BreakEvenMap{}, err
	}
	at := make(map[string]int, len(cells))
	for i, s := range cells {
		at[s.Encode()] = i
	}
	got := make([]*Result, len(cells))
	for i := range results {
		k, ok := at[results[i].Scenario]
		if !ok {
			return BreakEvenMap{}, fmt.Errorf("calc: result of %q is not a cell of the map", results[i].Scenario)
		}
		got[k] = &results[i]
	}
	kx, _ := scenario.Lookup(x.Key)
	ky, _ := scenario.Lookup(y.Key)
	x.Current, y.Current = kx.Get(base), ky.Get(base)
	m := BreakEvenMap{Scenario: base.Encode(), Paths: base.Paths, X: x, Y: y, Complete: true,
		Cells: []MapCell{}, BreakEven: []BreakEvenPoint{}}
	nx := len(x.Values)
	value := make([]float64, len(cells))
	have := make([]bool, len(cells))
	for i, r := range got {
		if r == nil {
			m.Complete = false
			continue
		}
		m.Cells = append(m.Cells, MapCell{
			X: x.Values[i%nx], Y: y.Values[i/nx], Scenario: r.Scenario, Paths: r.Paths,
			DifferenceP50: r.Difference.P50, SMAAheadFraction: r.SMAAheadFraction, SE: r.DifferenceSE,
		})
		value[i], have[i] = r.Difference.P50.InexactFloat64(), true
	}
	m.BreakEven = breakEvenLine(value, have, x, y)
	return m, nil
}

// BreakEven computes the map of base over x and y, every cell with
// base.Paths paths, one cell after the other, and assembles it. progress,
// if not nil, is called after each cell with the cells done.
func BreakEven(ctx context.Context, base scenario.Scenario, x, y MapAxis, progress func(done, total int)) (BreakEvenMap, error) {
	cells, err := MapScenarios(base, x, y)
	if err != nil {
		return BreakEvenMap{}, err
	}
	results := make([]Result, 0, len(cells))
	for i, s := range cells {
		r, err := MapCellResult(ctx, s)
		if err != nil {
			return BreakEvenMap{}, err
		}
		results = append(results, r)
		if progress != nil {
			progress(i+1, len(cells))
		}
	}
	return AssembleMap(base, x, y, results)
}

// MapCellResult is the result of a cell's scenario as a map needs it:
// every path, without the ledger (Summarize of all the paths: the same
// figures as Simulate's, without re-running the median path).
func MapCellResult(ctx context.Context, s scenario.Scenario) (Result, error) {
	paths, err := SimulatePaths(ctx, s, 0, s.Paths, nil)
	if err != nil {
		return Result{}, err
	}
	return Summarize(s, paths)
}
