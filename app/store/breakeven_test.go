package store

import (
	"context"
	"slices"
	"testing"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// Every pair offered is a valid map of the default scenario, wide and on
// a phone, within the limits of a map; the phone's values are values of
// the wide map (the same cells, fewer of them).
func TestMapPairsAreValid(t *testing.T) {
	base := scenario.DefaultScenario()
	for _, p := range MapPairs {
		wx, wy, err := p.Axes(base, false)
		if err != nil {
			t.Errorf("%s: %v", p.ID, err)
			continue
		}
		px, py, err := p.Axes(base, true)
		if err != nil {
			t.Errorf("%s on a phone: %v", p.ID, err)
			continue
		}
		if n := len(wx.Values) * len(wy.Values); n > calc.MaxMapCells {
			t.Errorf("%s: %d cells", p.ID, n)
		}
		for _, pair := range [][2]calc.MapAxis{{px, wx}, {py, wy}} {
			for _, v := range pair[0].Values {
				if !slices.Contains(pair[1].Values, v) {
					t.Errorf("%s: the phone's %s=%s is not a value of the wide map %v", p.ID, pair[0].Key, v, pair[1].Values)
				}
			}
		}
		if _, err := calc.MapScenarios(base, wx, wy); err != nil {
			t.Errorf("%s: %v", p.ID, err)
		}
	}
	if MapPairByID("nonsense").ID != MapPairs[0].ID {
		t.Error("an unknown pair is not the default")
	}
}

// The default scenario is a square of the default map, wide and on a
// phone, so that the map's square at it can be compared with the answer.
func TestDefaultScenarioIsASquare(t *testing.T) {
	base := scenario.DefaultScenario()
	for _, phone := range []bool{false, true} {
		x, y, err := MapPairs[0].Axes(base, phone)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(x.Values, "400000") || !slices.Contains(y.Values, "50000") {
			t.Errorf("phone %v: wages %v, gains %v", phone, x.Values, y.Values)
		}
	}
}

func TestCoarseIndices(t *testing.T) {
	for _, c := range []struct {
		n    int
		want []int
	}{{1, []int{0}}, {2, []int{0, 1}}, {4, []int{0, 2, 3}}, {7, []int{0, 2, 4, 6}}, {9, []int{0, 2, 4, 6, 8}}} {
		if got := CoarseIndices(c.n); !slices.Equal(got, c.want) {
			t.Errorf("CoarseIndices(%d) = %v, want %v", c.n, got, c.want)
		}
	}
}

// The order computes every cell once, the coarse map's first.
func TestMapOrder(t *testing.T) {
	order := mapOrder(5, 4)
	if len(order) != 20 {
		t.Fatalf("%d cells", len(order))
	}
	sorted := slices.Sorted(slices.Values(order))
	for k, v := range sorted {
		if v != k {
			t.Fatalf("cells %v", sorted)
		}
	}
	coarse := order[:9] // columns 0, 2, 4 × rows 0, 2, 3
	if want := []int{0, 2, 4, 10, 12, 14, 15, 17, 19}; !slices.Equal(coarse, want) {
		t.Errorf("coarse first: %v, want %v", coarse, want)
	}
}

// A cell's paths: the default scenario's map spends about three default
// results; a scenario that gives its own paths keeps them (up to a cap),
// as `smacalc map` does with a query that gives paths.
func TestMapPathsFor(t *testing.T) {
	s := scenario.DefaultScenario()
	if got := MapPathsFor(s, 63); got != calc.MapPaths(63) {
		t.Errorf("default: %d", got)
	}
	s.Paths = 12
	if got := MapPathsFor(s, 63); got != 12 {
		t.Errorf("paths=12: %d", got)
	}
	s.Paths = 5000
	if got := MapPathsFor(s, 63); got != mapPathsCap {
		t.Errorf("paths=5000: %d", got)
	}
}

// The coarse map's break-even line, drawn before the map is refined, lies
// in the full map's cells: it crosses where the full map's line crosses
// between the same coarse cells.
func TestCoarseLine(t *testing.T) {
	base := scenario.DefaultScenario()
	base.Paths, base.Stocks = 4, 20
	x, err := calc.ParseMapAxis(base, "smafee=0:0.008:5")
	if err != nil {
		t.Fatal(err)
	}
	y, err := calc.ParseMapAxis(base, "stgains=0:100000:3")
	if err != nil {
		t.Fatal(err)
	}
	cells, err := calc.MapScenarios(base, x, y)
	if err != nil {
		t.Fatal(err)
	}
	run := &mapRun{base: base, x: x, y: y, cells: make([]*calc.MapCell, len(cells)), coarse: map[string]bool{}}
	for _, k := range mapOrder(5, 3)[:6] {
		run.coarse[cells[k].Encode()] = true
	}
	for _, k := range mapOrder(5, 3) {
		r, err := calc.MapCellResult(context.Background(), cells[k])
		if err != nil {
			t.Fatal(err)
		}
		run.cells[k] = &calc.MapCell{Scenario: r.Scenario, Paths: r.Paths, DifferenceP50: r.Difference.P50, SMAAheadFraction: r.SMAAheadFraction, SE: r.DifferenceSE}
		run.done++
	}
	line := coarseLine(run)
	if len(line) == 0 {
		t.Fatal("no coarse line across a fee from 0 to 4%")
	}
	full, err := calc.AssembleMap(base, x, y, run.results(nil))
	if err != nil {
		t.Fatal(err)
	}
	// On the rows both maps have (0 and 2: every other), the fee is close
	// to linear in its effect, so the two lines cross near each other.
	checked := 0
	for _, p := range line {
		if p.YI != 0 && p.YI != 2 {
			continue
		}
		checked++
		near := false
		for _, q := range full.BreakEven {
			if q.YI == p.YI && q.XI-p.XI < 0.5 && p.XI-q.XI < 0.5 {
				near = true
			}
		}
		if !near {
			t.Errorf("coarse point %+v is not near the full line %+v", p, full.BreakEven)
		}
	}
	if checked < 2 {
		t.Errorf("the coarse line %+v does not cross both rows the maps share", line)
	}
}
