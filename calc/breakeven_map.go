package calc

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

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

// ParseMapAxis reads an axis: "KEY=FROM:TO:N" (N values from FROM to TO,
// FROM < TO, 2 ≤ N ≤ MaxMapSteps) for a number key, or "KEY=V1,V2,…" (at
// least two distinct values) for any key, e.g. "end=liquidate,hold,stepup,
// donate". Values are in the key's unit as in the query (0.0035 is 35 bp)
// and must be valid values of the key in the base scenario (its range,
// choices or own rule: a withdrawal is limited by base's amount); numbers
// are rounded as Decode rounds them. An error is a *MapAxisError.
func ParseMapAxis(base scenario.Scenario, spec string) (MapAxis, error) {
	bad := func(key, format string, args ...any) (MapAxis, error) {
		return MapAxis{}, &MapAxisError{Spec: spec, Key: key, Problem: fmt.Sprintf(format, args...)}
	}
	name, values, ok := strings.Cut(spec, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || values == "" {
		return bad("", "want KEY=FROM:TO:N or KEY=V1,V2,…")
	}
	k, known := scenario.Lookup(name)
	if !known {
		return bad(name, "unknown key %q; known keys: %s", name, strings.Join(scenario.Names(), ", "))
	}
	if why, no := notOnAxis[name]; no {
		return bad(name, "%s cannot be an axis: %s", name, why)
	}
	if name == "state" && base.HasStateRate {
		// The flat rate replaces the state's law (key "staterate"): every
		// cell of the axis would be the same.
		return bad(name, "state has no effect while staterate is set; leave staterate out of the query")
	}
	numeric := k.Type() == scenario.Integer || k.Type() == scenario.Decimal
	var texts []string
	if strings.Contains(values, ":") {
		if !numeric {
			return bad(name, "%s takes words (%s): give a list, e.g. %s=%s,…", name, k.Allowed(), name, k.Example)
		}
		var err error
		if texts, err = rangeValues(k, values); err != nil {
			return bad(name, "%v", err)
		}
	} else {
		texts = strings.Split(values, ",")
		if len(texts) > MaxMapSteps {
			return bad(name, "%d values; at most %d", len(texts), MaxMapSteps)
		}
	}
	ax := MapAxis{Key: name, Numeric: numeric}
	seen := map[string]bool{}
	for _, t := range texts {
		t = strings.TrimSpace(t)
		v, err := axisValue(base, k, t)
		if err != nil {
			return bad(name, "%s=%s: %v", name, t, err)
		}
		if seen[v] {
			return bad(name, "value %s given twice (after rounding to the key's precision)", v)
		}
		seen[v] = true
		ax.Values = append(ax.Values, v)
	}
	if len(ax.Values) < 2 {
		return bad(name, "at least two values")
	}
	return ax, nil
}

// rangeValues is FROM:TO:N as text, each value rounded as the key is.
func rangeValues(k scenario.Key, spec string) ([]string, error) {
	parts := strings.Split(spec, ":")
	if len(parts) != 3 {
		return nil, errors.New("want FROM:TO:N")
	}
	from, err1 := strconv.ParseFloat(strings.TrimSpace(parts[0]), 64)
	to, err2 := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
	n, err3 := strconv.Atoi(strings.TrimSpace(parts[2]))
	switch {
	case err1 != nil || err2 != nil || !finite(from) || !finite(to):
		return nil, fmt.Errorf("the range's FROM and TO must be numbers, got %q and %q", parts[0], parts[1])
	case err3 != nil || n < 2 || n > MaxMapSteps:
		return nil, fmt.Errorf("the count N must be a whole number from 2 to %d, got %q", MaxMapSteps, parts[2])
	case !(from < to):
		return nil, fmt.Errorf("the range's FROM (%v) must be below its TO (%v)", from, to)
	}
	out := make([]string, n)
	for i := range n {
		v := from + (to-from)*float64(i)/float64(n-1)
		if k.Type() == scenario.Integer {
			out[i] = strconv.Itoa(int(math.Round(v)))
		} else {
			out[i] = strconv.FormatFloat(scenario.Round(v, k.Unit), 'f', -1, 64)
		}
	}
	return out, nil
}

// axisValue is text as a value of key k, canonical, checked against the
// key's rules in base (its range, choices or own check).
func axisValue(base scenario.Scenario, k scenario.Key, text string) (string, error) {
	s := base
	if err := k.Set(&s, text); err != nil {
		return "", problemOf(err, k.Name)
	}
	if err := s.Validate(); err != nil {
		if p := problemOf(err, k.Name); p != nil {
			return "", p
		}
	}
	return k.Get(s), nil
}

// problemOf is err's problem with key name (nil when it names none).
func problemOf(err error, name string) error {
	var ve *scenario.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	for _, p := range ve.Problems {
		if p.Key == name {
			return errors.New(p.Message)
		}
	}
	return nil
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

// breakEvenLine is the zero line of the cells' values (row by row, have:
// which are known) by marching squares, linear along each side of a
// square; a saddle square (signs alternating round it) is resolved by the
// mean of its corners. A value of zero counts as SMA ahead (level or
// better). Segments are joined into lines through the sides they share.
func breakEvenLine(value []float64, have []bool, x, y MapAxis) []BreakEvenPoint {
	nx, ny := len(x.Values), len(y.Values)
	idx := func(i, j int) int { return j*nx + i }
	pos := func(v float64) bool { return v >= 0 }
	// A side is named by its lower-left cell and its direction: 0 along
	// x (to i+1), 1 along y (to j+1).
	type side struct{ i, j, dir int }
	crossing := map[side][2]float64{}
	cross := func(sd side) bool {
		a := idx(sd.i, sd.j)
		b := idx(sd.i+1, sd.j)
		if sd.dir == 1 {
			b = idx(sd.i, sd.j+1)
		}
		va, vb := value[a], value[b]
		if pos(va) == pos(vb) {
			return false
		}
		t := va / (va - vb)
		p := [2]float64{float64(sd.i), float64(sd.j)}
		p[sd.dir] += t
		crossing[sd] = p
		return true
	}
	links := map[side][]side{}
	link := func(a, b side) {
		links[a] = append(links[a], b)
		links[b] = append(links[b], a)
	}
	var order []side // sides in the order first met, for a deterministic walk
	for j := 0; j+1 < ny; j++ {
		for i := 0; i+1 < nx; i++ {
			if !have[idx(i, j)] || !have[idx(i+1, j)] || !have[idx(i, j+1)] || !have[idx(i+1, j+1)] {
				continue
			}
			// Sides round the square: bottom, right, top, left.
			sides := [4]side{{i, j, 0}, {i + 1, j, 1}, {i, j + 1, 0}, {i, j, 1}}
			var on []side
			for _, sd := range sides {
				if _, done := crossing[sd]; done || cross(sd) {
					on = append(on, sd)
				}
			}
			for _, sd := range on {
				if len(links[sd]) == 0 {
					order = append(order, sd)
				}
			}
			switch len(on) {
			case 2:
				link(on[0], on[1])
			case 4:
				mean := (value[idx(i, j)] + value[idx(i+1, j)] + value[idx(i, j+1)] + value[idx(i+1, j+1)]) / 4
				if pos(mean) == pos(value[idx(i, j)]) {
					// The lower-left and upper-right corners are joined
					// through the middle: the line cuts off the other two.
					link(sides[0], sides[1])
					link(sides[2], sides[3])
				} else {
					link(sides[0], sides[3])
					link(sides[1], sides[2])
				}
			}
		}
	}
	points := []BreakEvenPoint{}
	visited := map[side]bool{}
	line := 0
	walk := func(start side) {
		for sd, prev := start, (side{-1, -1, -1}); ; {
			visited[sd] = true
			// A line through a cell whose value is zero crosses two of its
			// sides there: the point is kept once.
			p := pointAt(line, crossing[sd][0], crossing[sd][1], x, y)
			if n := len(points); n == 0 || points[n-1].Line != line || points[n-1].XI != p.XI || points[n-1].YI != p.YI {
				points = append(points, p)
			}
			next := side{-1, -1, -1}
			for _, n := range links[sd] {
				if n != prev && !visited[n] {
					next = n
					break
				}
			}
			if next.dir < 0 {
				break
			}
			sd, prev = next, sd
		}
		line++
	}
	// Open lines start at a side with one neighbour (the map's edge or a
	// missing cell), then closed loops.
	for _, sd := range order {
		if !visited[sd] && len(links[sd]) == 1 {
			walk(sd)
		}
	}
	for _, sd := range order {
		if !visited[sd] && len(links[sd]) > 0 {
			walk(sd)
		}
	}
	return points
}

// pointAt is a point of line at (xi, yi) in cells, with its values on
// numeric axes.
func pointAt(line int, xi, yi float64, x, y MapAxis) BreakEvenPoint {
	p := BreakEvenPoint{Line: line, XI: round6(xi), YI: round6(yi)}
	p.X, p.Y = axisAt(x, xi), axisAt(y, yi)
	return p
}

// axisAt is the value at fractional position f of a numeric axis,
// interpolated linearly between its values; nil on a word axis.
func axisAt(a MapAxis, f float64) *float64 {
	if !a.Numeric {
		return nil
	}
	i := min(int(math.Floor(f)), len(a.Values)-2)
	lo, err1 := strconv.ParseFloat(a.Values[i], 64)
	hi, err2 := strconv.ParseFloat(a.Values[i+1], 64)
	if err1 != nil || err2 != nil {
		return nil
	}
	v := round6(lo + (f-float64(i))*(hi-lo))
	return &v
}
