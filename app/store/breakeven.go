package store

import (
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

// mapRun is the map being computed: its axes, base and results so far.
type mapRun struct {
	base      scenario.Scenario
	x, y      calc.MapAxis
	results   []calc.Result
	coarse    map[string]bool // the coarse map's cells, by query
	coarseIn  int             // coarse cells computed
	cancel    func()
	assembled time.Time // when the map was last assembled for the page
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
	run := &mapRun{base: base, x: x, y: y, coarse: map[string]bool{}}
	for _, q := range queries[:len(CoarseIndices(len(x.Values)))*len(CoarseIndices(len(y.Values)))] {
		run.coarse[q] = true
	}
	s.mapRun = run
	s.Map.Running, s.Map.Total = true, len(queries)
	ctx := s.ctx
	run.cancel = s.sim.Map(queries, func(query string, r *calc.Result, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if s.mapRun != run {
				return
			}
			if !s.mapCell(run, r, err) {
				ctx.PreventUpdate() // nothing new to draw yet
			}
		})
	})
}

// mapCell takes one cell's result; it reports whether the page has
// something new to draw.
func (s *Store) mapCell(run *mapRun, r *calc.Result, err error) bool {
	if err != nil {
		s.stopMap()
		s.Map.Err = "The map could not be computed: " + err.Error() + "."
		return true
	}
	run.results = append(run.results, *r)
	s.Map.Done = len(run.results)
	coarseDone := false
	if run.coarse[r.Scenario] {
		run.coarseIn++
		coarseDone = run.coarseIn == len(run.coarse)
	}
	done := s.Map.Done == s.Map.Total
	if !done && !coarseDone && time.Since(run.assembled) < mapRefresh {
		return false
	}
	run.assembled = time.Now()
	m, err := calc.AssembleMap(run.base, run.x, run.y, run.results)
	if err != nil {
		s.stopMap()
		s.Map.Err = "The map could not be put together: " + err.Error() + "."
		return true
	}
	s.Map.Map = &m
	switch {
	case m.Complete:
		s.Map.Line = m.BreakEven
	case run.coarseIn == len(run.coarse):
		s.Map.Line = coarseLine(run)
	}
	if done {
		s.Map.Running, s.mapRun = false, nil
	}
	return true
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
	m, err := calc.AssembleMap(run.base, sub(run.x, xi), sub(run.y, yi), coarseResults(run))
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

// coarseResults are the results of the coarse map's cells.
func coarseResults(run *mapRun) []calc.Result {
	var out []calc.Result
	for _, r := range run.results {
		if run.coarse[r.Scenario] {
			out = append(out, r)
		}
	}
	return out
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
