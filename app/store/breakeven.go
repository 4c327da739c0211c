package store

import (
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// ActionMap opens the break-even map or changes its keys; its value is a
// MapRequest.
const ActionMap = "smacalc/map"

// MapRequest asks for the break-even map of the scenario in the form over
// a pair of keys (MapPairs; "" keeps the pair shown), phone-sized or not.
type MapRequest struct {
	Pair  string
	Phone bool
}

// MapState is the break-even map as the page shows it (issue 27). It is
// computed only once asked for (MapRequest), after the main result, so it
// never slows the answer; a change of scenario computes it again once the
// new result is in.
type MapState struct {
	Open  bool   // asked for: computed, and computed again for a new scenario
	Pair  string // the MapPairs id shown
	Phone bool   // phone-sized: fewer cells
	Of    string // the query of the form's scenario the map is of
	// Map is the map assembled from the cells computed so far (nil before
	// the first); cells come coarse first (CoarseIndices), then the rest.
	Map *calc.BreakEvenMap
	// Line is the break-even line to draw: the map's when it is complete,
	// else the coarse map's once its cells are in (positions in the full
	// map's cells), else none.
	Line        []calc.BreakEvenPoint
	Done, Total int    // cells computed, cells in all
	Running     bool   // cells are being computed
	Waiting     bool   // asked for, waiting for the main result first
	Err         string // why the map could not be computed
}

// mapRun is the map being computed: its axes, base and cells so far.
type mapRun struct {
	base      scenario.Scenario
	x, y      calc.MapAxis
	at        map[string]int    // each cell's index (calc.MapScenarios), by query
	skeleton  calc.BreakEvenMap // the map without cells: axes, base, paths
	cells     []*calc.MapCell   // by index; nil: not computed yet
	done      int               // cells computed
	coarse    map[string]bool   // the coarse map's cells, by query
	coarseIn  int               // coarse cells computed
	cancel    func()
	assembled time.Time // when the map was last drawn
}

// mapRefresh is how often a map being refined is assembled and drawn
// again: each time is a render of up to MaxMapCells cells on the main
// thread, taken from the workers on a small machine.
const mapRefresh = 300 * time.Millisecond

// OpenMap opens the map (or changes its pair) and computes it once the
// main result is in.
func (s *Store) OpenMap(ctx app.Context, r MapRequest) {
	if r.Pair == "" {
		r.Pair = s.Map.Pair
	}
	changed := !s.Map.Open || r.Pair != s.Map.Pair || r.Phone != s.Map.Phone
	s.Map.Open, s.Map.Pair, s.Map.Phone = true, MapPairByID(r.Pair).ID, r.Phone
	if changed {
		s.Map.Of = "" // computed again
	}
	s.startMap()
}

// startMap computes the map of the form's scenario if it is open and not
// computed yet, once the main result is in (otherwise update calls it).
func (s *Store) startMap() {
	computed := s.Map.Of == s.Scenario.Query &&
		(s.Map.Running || s.Map.Err != "" || s.Map.Map != nil && s.Map.Map.Complete)
	if !s.Map.Open || s.sim == nil || computed {
		return
	}
	s.stopMap()
	s.Map.Of, s.Map.Err, s.Map.Done, s.Map.Total = s.Scenario.Query, "", 0, 0
	s.Map.Map, s.Map.Line = nil, nil
	if s.Running || s.Final().Result == nil {
		s.Map.Waiting = true
		return
	}
	s.Map.Waiting = false
	if len(s.Lots) > 0 {
		s.Map.Err = "The map is not available with imported lots: its cells are scenarios of their own, which carry no lots."
		return
	}
	pair := MapPairByID(s.Map.Pair)
	base := s.Scenario.Scenario
	x, y, err := pair.Axes(base, s.Map.Phone)
	if err == nil {
		base.Paths = MapPathsFor(base, len(x.Values)*len(y.Values))
		err = base.Validate()
	}
	var cells []scenario.Scenario
	if err == nil {
		cells, err = calc.MapScenarios(base, x, y)
	}
	if err != nil {
		s.Map.Err = "The map cannot be drawn over these keys for this scenario: " + err.Error() + "."
		return
	}
	order := mapOrder(len(x.Values), len(y.Values))
	queries := make([]string, len(order))
	for n, k := range order {
		queries[n] = cells[k].Encode()
	}
	run := &mapRun{base: base, x: x, y: y, at: map[string]int{}, cells: make([]*calc.MapCell, len(cells)), coarse: map[string]bool{}}
	for n, k := range order {
		run.at[queries[n]] = k
	}
	for _, q := range queries[:len(CoarseIndices(len(x.Values)))*len(CoarseIndices(len(y.Values)))] {
		run.coarse[q] = true
	}
	if run.skeleton, err = calc.AssembleMap(base, x, y, nil); err != nil {
		s.Map.Err = "The map cannot be drawn: " + err.Error() + "."
		return
	}
	s.mapRun = run
	s.Map.Running, s.Map.Total = true, len(queries)
	ctx := s.ctx
	run.cancel = s.sim.Map(queries, func(c *calc.MapCell, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if s.mapRun != run {
				return
			}
			if !s.mapCell(run, c, err) {
				ctx.PreventUpdate() // nothing new to draw yet
			}
		})
	})
}

// mapCell takes one cell's figures; it reports whether the page has
// something new to draw. Between the coarse map and the complete one the
// map is redrawn at most every mapRefresh, from the cells as they are
// (calc.AssembleMap, which checks every cell's scenario again, runs for
// the coarse map's line and for the complete map).
func (s *Store) mapCell(run *mapRun, c *calc.MapCell, err error) bool {
	k, ok := 0, false
	if err == nil {
		if k, ok = run.at[c.Scenario]; !ok {
			err = errors.New("a cell of another map: " + c.Scenario)
		}
	}
	if err != nil {
		s.stopMap()
		s.Map.Err = "The map could not be computed: " + err.Error() + "."
		return true
	}
	if run.cells[k] == nil {
		run.done++
	}
	nx := len(run.x.Values)
	cell := *c
	cell.X, cell.Y = run.x.Values[k%nx], run.y.Values[k/nx]
	run.cells[k] = &cell
	s.Map.Done = run.done
	coarseDone := false
	if run.coarse[c.Scenario] {
		run.coarseIn++
		coarseDone = run.coarseIn == len(run.coarse)
	}
	done := run.done == len(run.cells)
	if !done && !coarseDone && time.Since(run.assembled) < mapRefresh {
		return false
	}
	run.assembled = time.Now()
	m := run.skeleton
	if done {
		if m, err = calc.AssembleMap(run.base, run.x, run.y, run.results(nil)); err != nil {
			s.stopMap()
			s.Map.Err = "The map could not be put together: " + err.Error() + "."
			return true
		}
		s.Map.Line = m.BreakEven
		s.Map.Running, s.mapRun = false, nil
	} else {
		m.Cells = make([]calc.MapCell, 0, run.done)
		for _, c := range run.cells {
			if c != nil {
				m.Cells = append(m.Cells, *c)
			}
		}
		if coarseDone {
			s.Map.Line = coarseLine(run)
		}
	}
	s.Map.Map = &m
	return true
}

// results are the cells computed as results (the figures AssembleMap
// reads), those in keep only when keep is not nil.
func (run *mapRun) results(keep map[string]bool) []calc.Result {
	out := make([]calc.Result, 0, run.done)
	for _, c := range run.cells {
		if c != nil && (keep == nil || keep[c.Scenario]) {
			out = append(out, calc.Result{Scenario: c.Scenario, Paths: c.Paths,
				Difference: calc.Quantiles{P50: c.DifferenceP50}, SMAAheadFraction: c.SMAAheadFraction, DifferenceSE: c.SE})
		}
	}
	return out
}

// coarseLine is the break-even line of the coarse map (every other value
// of each axis), in the full map's cells.
func coarseLine(run *mapRun) []calc.BreakEvenPoint {
	xi, yi := CoarseIndices(len(run.x.Values)), CoarseIndices(len(run.y.Values))
	sub := func(a calc.MapAxis, at []int) calc.MapAxis {
		c := a
		c.Values = make([]string, len(at))
		for n, i := range at {
			c.Values[n] = a.Values[i]
		}
		return c
	}
	m, err := calc.AssembleMap(run.base, sub(run.x, xi), sub(run.y, yi), run.results(run.coarse))
	if err != nil {
		return nil
	}
	// A coarse position f (between coarse values ⌊f⌋ and ⌊f⌋+1) is the
	// same fraction of the way between their full positions.
	full := func(f float64, at []int) float64 {
		i := min(int(f), len(at)-2)
		return float64(at[i]) + (f-float64(i))*float64(at[i+1]-at[i])
	}
	for n := range m.BreakEven {
		m.BreakEven[n].XI, m.BreakEven[n].YI = full(m.BreakEven[n].XI, xi), full(m.BreakEven[n].YI, yi)
	}
	return m.BreakEven
}

// mapOrder is the order cells are computed in, as indices of
// calc.MapScenarios (row by row): the coarse map's cells first, then the
// rest, each row by row.
func mapOrder(nx, ny int) []int {
	coarse := map[int]bool{}
	var order []int
	for _, j := range CoarseIndices(ny) {
		for _, i := range CoarseIndices(nx) {
			coarse[j*nx+i] = true
			order = append(order, j*nx+i)
		}
	}
	for k := range nx * ny {
		if !coarse[k] {
			order = append(order, k)
		}
	}
	return order
}

// stopMap cancels the map being computed.
func (s *Store) stopMap() {
	if s.mapRun != nil && s.mapRun.cancel != nil {
		s.mapRun.cancel()
	}
	s.mapRun = nil
	s.Map.Running = false
}
