//go:build !wasm

package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"smacalc/calc"
)

func runMap(t *testing.T, args ...string) calc.BreakEvenMap {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := Map(args, &out, &errOut); code != 0 {
		t.Fatalf("map %q: exit %d, stderr %s", args, code, errOut.String())
	}
	var m calc.BreakEvenMap
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatalf("output is not a map: %v\n%s", err, out.String())
	}
	return m
}

// A higher SMA fee never helps the SMA: with common random numbers every
// market's difference falls with the fee, and so does their median, in
// every row of the map (issue 27).
func TestMapMonotoneInSMAFee(t *testing.T) {
	m := runMap(t, "stocks=40&horizon=5", "-x", "smafee=0:0.01:6", "-y", "stgains=0,100000", "-paths", "12")
	if !m.Complete || len(m.Cells) != 12 || m.Paths != 12 {
		t.Fatalf("complete %v, %d cells, %d paths", m.Complete, len(m.Cells), m.Paths)
	}
	for row := range 2 {
		for i := 1; i < 6; i++ {
			prev, c := m.Cells[row*6+i-1], m.Cells[row*6+i]
			if c.DifferenceP50.GreaterThan(prev.DifferenceP50.Decimal) || c.SMAAheadFraction > prev.SMAAheadFraction {
				t.Errorf("stgains=%s: smafee %s gives %s (ahead %v), smafee %s gives %s (ahead %v)",
					c.Y, prev.X, prev.DifferenceP50, prev.SMAAheadFraction, c.X, c.DifferenceP50, c.SMAAheadFraction)
			}
		}
	}
}

// A cell is the result of its own query: `smacalc simulate` of the cell's
// scenario gives its median difference, share ahead and standard error;
// and the cell at the current scenario is the current scenario's result
// for the same paths.
func TestMapCellIsSimulateOfItsQuery(t *testing.T) {
	m := runMap(t, "stocks=30&horizon=3&paths=10", "-x", "wages=200000:600000:3", "-y", "end=liquidate,hold")
	if m.Paths != 10 {
		t.Fatalf("the query's paths are not the cells': %d", m.Paths)
	}
	for _, k := range []int{1, 5} {
		c := m.Cells[k]
		var out, errOut bytes.Buffer
		if code := Simulate([]string{c.Scenario}, &out, &errOut); code != 0 {
			t.Fatalf("simulate %s: exit %d: %s", c.Scenario, code, errOut.String())
		}
		var r calc.Result
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if !r.Difference.P50.Equal(c.DifferenceP50.Decimal) || r.SMAAheadFraction != c.SMAAheadFraction || !r.DifferenceSE.Equal(c.SE.Decimal) {
			t.Errorf("cell %s, %s: %s ahead %v se %s; simulate: %s ahead %v se %s", c.X, c.Y,
				c.DifferenceP50, c.SMAAheadFraction, c.SE, r.Difference.P50, r.SMAAheadFraction, r.DifferenceSE)
		}
		if k == 1 && c.Scenario != m.Scenario { // wages=400000, end=liquidate: the current scenario
			t.Errorf("the current scenario's cell is %s, the map's scenario %s", c.Scenario, m.Scenario)
		}
	}
}

func TestMapCSV(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := Map([]string{"stocks=20&horizon=2", "-x", "smafee=0.001,0.004", "-y", "state=CA,TX", "-paths", "4", "-format", "csv"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || strings.Join(rows[0], ",") != "smafee,state,difference_p50,sma_ahead_fraction,se,paths,scenario" ||
		rows[1][0] != "0.001" || rows[1][1] != "CA" || rows[4][1] != "TX" || rows[4][5] != "4" {
		t.Errorf("csv:\n%q", rows)
	}
}

// The default paths spend about three default results on the whole map.
func TestMapDefaultPaths(t *testing.T) {
	m := runMap(t, "stocks=20&horizon=2", "-x", "wages=0:800000:5", "-y", "stgains=0:200000:5")
	if m.Paths != calc.MapPaths(25) || m.Paths*25 > calc.MapBudgetPaths {
		t.Errorf("%d paths a cell for 25 cells", m.Paths)
	}
}

func TestMapBadAxisExits2(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"-x", "colour=1:2:3", "-y", "wages=0:1:2"}, `unknown key "colour"`},
		{[]string{"-x", "wages=0:1e10:3", "-y", "stgains=0:1:2"}, "wages=5000000000: must be between 0 and 1000000000"},
		{[]string{"-x", "wages=9:1:3", "-y", "stgains=0:1:2"}, "FROM (9) must be below its TO (1)"},
		{[]string{"-x", "wages=0:1:40", "-y", "stgains=0:1:2"}, "N must be a whole number from 2 to 25"},
		{[]string{"-x", "wages=0:1:2", "-y", "end=liquidate,sell"}, `"sell" is not one of`},
		{[]string{"-x", "wages=0:1:2", "-y", "end=hold:stepup:2"}, "end takes words"},
		{[]string{"-x", "wages=0:1:2", "-y", "seed=1,2"}, "seed cannot be an axis"},
		{[]string{"-x", "wages=0:1:2", "-y", "wages=3:4:2"}, "both axes vary wages"},
		{[]string{"-x", "wages=0:1:2"}, "both axes are needed"},
		{[]string{"-x", "wages=0:1:2", "-y", "stgains=0:1:2", "-format", "xml"}, "-format: json or csv"},
		{[]string{"-x", "wages=0:1:2", "-y", "stgains=0:1:2", "-paths", "0"}, "paths: must be"},
		{[]string{"horizon=99", "-x", "wages=0:1:2", "-y", "stgains=0:1:2"}, "horizon: must be"},
		{[]string{"-x", "contrib=-500000,0", "-y", "stgains=0:1:2"}, "withdrawals may be at most"},
	} {
		var out, errOut bytes.Buffer
		if code := Map(c.args, &out, &errOut); code != 2 {
			t.Errorf("%q: exit %d", c.args, code)
		}
		if out.Len() != 0 {
			t.Errorf("%q: stdout %s", c.args, out.String())
		}
		if !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%q: stderr lacks %q:\n%s", c.args, c.want, errOut.String())
		}
	}
}

func TestMapHelp(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := Map([]string{"-h"}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "KEY=FROM:TO:N") {
		t.Errorf("exit %d:\n%s", code, out.String())
	}
}
