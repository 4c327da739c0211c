package calc

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"testing"

	"smacalc/calc/scenario"
)

func mustAxis(t testing.TB, base scenario.Scenario, spec string) MapAxis {
	t.Helper()
	a, err := ParseMapAxis(base, spec)
	if err != nil {
		t.Fatalf("ParseMapAxis(%q): %v", spec, err)
	}
	return a
}

func TestParseMapAxis(t *testing.T) {
	base := scenario.DefaultScenario()
	for _, c := range []struct {
		spec string
		want []string // nil: an error
	}{
		{"wages=0:400000:5", []string{"0", "100000", "200000", "300000", "400000"}},
		{"smafee=0.001:0.002:3", []string{"0.001", "0.0015", "0.002"}},
		{"ret=0:0.1:4", []string{"0", "0.033333", "0.066667", "0.1"}}, // rounded as Decode rounds a rate
		{"horizon=5:20:4", []string{"5", "10", "15", "20"}},
		{"horizon=5,10,30", []string{"5", "10", "30"}},
		{"end=liquidate,HOLD,stepup,donate", []string{"liquidate", "hold", "stepup", "donate"}},
		{"state=ca,ny,none", []string{"CA", "NY", "none"}},
		{"wages=0:1e10:3", nil},       // outside the key's range
		{"wages=400000:0:3", nil},     // descending
		{"wages=0:400000:1", nil},     // one step
		{"wages=0:400000:26", nil},    // over MaxMapSteps
		{"wages=0:400000", nil},       // no N
		{"wages=a:b:3", nil},          // not numbers
		{"horizon=1:3:5", nil},        // whole years repeat
		{"end=liquidate:hold:2", nil}, // a range of words
		{"end=liquidate,sell", nil},   // not a choice
		{"end=hold", nil},             // one value
		{"end=hold,hold", nil},        // repeated
		{"colour=1:2:3", nil},         // unknown key
		{"seed=1,2", nil},             // shared by every cell
		{"paths=10,20", nil},          // the map's own
		{"contrib=-200000,0", nil},    // a withdrawal over 10% of the amount
		{"=1:2:3", nil},               // no key
		{"wages", nil},                // no values
		{"state=ZZ,CA", nil},          // not a state
		{"index=sp500,r1000", nil},
		{"fund=etf,mf", nil},              // its preset changes other keys
		{"exclude=energy,utilities", nil}, // a list
	} {
		got, err := ParseMapAxis(base, c.spec)
		if c.spec == "state=ca,ny,none" {
			// With a flat state rate the state's law is not used.
			flat := mustDecode(t, "staterate=0.05")
			if _, err := ParseMapAxis(flat, c.spec); err == nil {
				t.Errorf("%s with staterate: no error", c.spec)
			}
		}
		if c.want == nil {
			var ae *MapAxisError
			if !errors.As(err, &ae) {
				t.Errorf("%s: %v (%v), want a *MapAxisError", c.spec, got.Values, err)
			}
			continue
		}
		if err != nil || !slices.Equal(got.Values, c.want) {
			t.Errorf("%s: %q, %v; want %q", c.spec, got.Values, err, c.want)
		}
	}
}

// A coarse map's axis (every other value) has exactly the fine one's
// values, so its cells are the fine map's (the same canonical queries)
// and a page can show the coarse map first and refine it.
func TestCoarseAxisIsPartOfFine(t *testing.T) {
	base := scenario.DefaultScenario()
	for _, c := range [][2]string{
		{"ret=0.01:0.09:4", "ret=0.01:0.09:7"},
		{"wages=33333.33:777777.77:5", "wages=33333.33:777777.77:9"},
		{"smafee=0.0001:0.0099:3", "smafee=0.0001:0.0099:5"},
	} {
		coarse, fine := mustAxis(t, base, c[0]), mustAxis(t, base, c[1])
		for i, v := range coarse.Values {
			if fine.Values[2*i] != v {
				t.Errorf("%s value %d is %s, %s value %d is %s", c[0], i, v, c[1], 2*i, fine.Values[2*i])
			}
		}
	}
}

// The cell at the current scenario is the current scenario's result: the
// same median difference to the cent, share ahead and standard error.
func TestMapCellAtCurrentScenario(t *testing.T) {
	base := mustDecode(t, "stocks=40&paths=16&horizon=4")
	x, y := mustAxis(t, base, "wages=200000:600000:3"), mustAxis(t, base, "stgains=0:100000:3")
	m, err := BreakEven(context.Background(), base, x, y, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !m.Complete || len(m.Cells) != 9 || m.X.Current != "400000" || m.Y.Current != "50000" {
		t.Fatalf("map: complete %v, %d cells, current %s, %s", m.Complete, len(m.Cells), m.X.Current, m.Y.Current)
	}
	r := run(t, base.Encode())
	c := m.Cells[4] // x 400000, y 50000: row 1, column 1
	if c.X != "400000" || c.Y != "50000" || c.Scenario != r.Scenario {
		t.Fatalf("cell 4 is %s, %s (%s)", c.X, c.Y, c.Scenario)
	}
	if !c.DifferenceP50.Equal(r.Difference.P50.Decimal) || c.SMAAheadFraction != r.SMAAheadFraction || !c.SE.Equal(r.DifferenceSE.Decimal) {
		t.Errorf("cell %s ahead %v se %s; result %s ahead %v se %s",
			c.DifferenceP50, c.SMAAheadFraction, c.SE, r.Difference.P50, r.SMAAheadFraction, r.DifferenceSE)
	}
}

// Cells can be computed in any order and assembled from any subset: the
// break-even line then leaves out the squares a missing cell touches.
func TestAssembleMapAnyOrderAndSubset(t *testing.T) {
	base := mustDecode(t, "stocks=30&paths=8&horizon=3")
	x, y := mustAxis(t, base, "smafee=0:0.01:3"), mustAxis(t, base, "end=liquidate,hold")
	cells, err := MapScenarios(base, x, y)
	if err != nil {
		t.Fatal(err)
	}
	var results []Result
	for i := len(cells) - 1; i >= 0; i-- {
		r, err := MapCellResult(context.Background(), cells[i])
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	whole, err := AssembleMap(base, x, y, results)
	if err != nil {
		t.Fatal(err)
	}
	in, err := BreakEven(context.Background(), base, x, y, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, whole), mustJSON(t, in); a != b {
		t.Errorf("assembled in reverse:\n%+v\ncomputed in order:\n%+v", whole, in)
	}
	part, err := AssembleMap(base, x, y, results[:2])
	if err != nil {
		t.Fatal(err)
	}
	if part.Complete || len(part.Cells) != 2 || part.Cells[0].Scenario != cells[4].Encode() {
		t.Errorf("subset: complete %v, %d cells", part.Complete, len(part.Cells))
	}
	other := run(t, "stocks=30&paths=8&horizon=2")
	if _, err := AssembleMap(base, x, y, []Result{other}); err == nil {
		t.Error("a result of another scenario is taken as a cell")
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBreakEvenLine(t *testing.T) {
	num := func(vals ...string) MapAxis { return MapAxis{Values: vals, Numeric: true} }
	x, y := num("0", "10", "20", "30"), num("0", "100", "200", "300", "400")
	grid := func(f func(i, j int) float64) ([]float64, []bool) {
		v, have := make([]float64, 20), make([]bool, 20)
		for j := range 5 {
			for i := range 4 {
				v[j*4+i], have[j*4+i] = f(i, j), true
			}
		}
		return v, have
	}
	// A difference falling along x, zero at x = 15 in every row: a
	// straight line up the map, in order.
	v, have := grid(func(i, j int) float64 { return 1.5 - float64(i) })
	pts := breakEvenLine(v, have, x, y)
	if len(pts) != 5 {
		t.Fatalf("%d points, want 5: %+v", len(pts), pts)
	}
	for k, p := range pts {
		if p.Line != 0 || p.XI != 1.5 || *p.X != 15 || p.YI != float64(k) || *p.Y != float64(100*k) {
			t.Errorf("point %d: %+v x %v y %v", k, p, *p.X, *p.Y)
		}
	}
	// Zero at xi = 1.4 + 0.4·yi: the line leans; interpolation along the
	// cells' sides finds points on it exactly (the difference is linear),
	// where it crosses rows and where it crosses columns, in order along
	// it. A word axis gives no values. With zero at xi = 0.5 + 0.5·yi the
	// line meets cells whose value is zero: each is one point.
	words := MapAxis{Values: []string{"a", "b", "c", "d", "e"}}
	for _, lean := range [][2]float64{{1.4, 0.4}, {0.5, 0.5}} {
		v, _ = grid(func(i, j int) float64 { return lean[0] + lean[1]*float64(j) - float64(i) })
		pts = breakEvenLine(v, have, x, words)
		if len(pts) < 5 {
			t.Errorf("leaning %v: %d points, want at least one a row: %+v", lean, len(pts), pts)
		}
		for k, p := range pts {
			want := lean[0] + lean[1]*p.YI
			if math.Abs(p.XI-want) > 1e-6 || p.Y != nil || math.Abs(*p.X-10*want) > 1e-5 || k > 0 && !(p.YI > pts[k-1].YI) {
				t.Errorf("leaning %v, point %d: %+v, want xi %v, x %v, no y value, after %+v", lean, k, p, want, 10*want, pts[max(k-1, 0)])
			}
		}
	}
	// No sign change, no line; a missing cell breaks it in two.
	v, _ = grid(func(i, j int) float64 { return 1 })
	if pts := breakEvenLine(v, have, x, y); len(pts) != 0 {
		t.Errorf("all ahead: %+v", pts)
	}
	v, _ = grid(func(i, j int) float64 { return 1.5 - float64(i) })
	have[2*4+1] = false // the cell at row 2, column 1
	pts = breakEvenLine(v, have, x, y)
	if len(pts) != 4 || pts[0].Line != 0 || pts[1].Line != 0 || pts[2].Line != 1 || pts[3].Line != 1 ||
		pts[1].YI != 1 || pts[2].YI != 3 {
		t.Errorf("with a missing cell: %+v", pts)
	}
}
