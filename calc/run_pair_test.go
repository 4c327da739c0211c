package calc

import (
	"context"
	"reflect"
	"testing"
)

// TestRunPairIsRun checks that an antithetic pair simulated in lock-step
// (runPair: the second path takes the first's shocks, negated) has the
// outcomes of each path run alone, in scenarios that use the market's
// source beyond the kernel (holdings moved, history, weekly checks,
// exclusions, exits, gifts, running out), and that SimulatePaths gives
// the same outcomes on ranges that split pairs.
func TestRunPairIsRun(t *testing.T) {
	for _, q := range []string{
		"stocks=60&paths=6&horizon=4",
		"stocks=60&paths=6&horizon=3&single=0.6&singlebasis=0.1&gainbudget=50000",
		"stocks=40&paths=6&horizon=3&history=1929",
		"stocks=40&paths=6&horizon=2&harvest=weekly",
		"stocks=60&paths=6&horizon=3&exclude=energy,utilities&harvest=quarterly",
		"stocks=40&paths=6&horizon=4&exit=2&exitplan=inkind",
		"stocks=40&paths=6&horizon=3&give=20000&itemized=40000&turnover=0.3&takeover=0.5",
		"stocks=30&paths=6&horizon=14&contrib=-100000&ret=-0.04",
	} {
		s := mustDecode(t, q)
		tx, err := newTaxer(s)
		if err != nil {
			t.Fatal(err)
		}
		alone, inKind := newPathSim(s, tx), newInKindPass(s, tx)
		var want, wantRange []PathOutcome
		for path := range s.Paths {
			o := alone.run(path)
			want = append(want, o)
			if inKind != nil { // SimulatePaths' second pass
				e := *o.Exit
				e.InKind = inKind.run(path).SMA.AfterTax
				o.Exit = &e
			}
			wantRange = append(wantRange, o)
		}
		p, r := newPathSim(s, tx), newPathSim(s, tx)
		for path := 0; path < s.Paths; path += 2 {
			a, b := runPair(p, r, path)
			if !reflect.DeepEqual(a, want[path]) || !reflect.DeepEqual(b, want[path+1]) {
				t.Errorf("%s: pair %d in lock-step differs from its paths run alone", q, path/2)
			}
		}
		for _, split := range [][2]int{{0, 6}, {1, 4}, {1, 2}, {3, 3}} {
			ps, err := SimulatePaths(context.Background(), s, split[0], split[1], nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ps.Outcomes, wantRange[split[0]:split[0]+split[1]]) {
				t.Errorf("%s: SimulatePaths(%d, %d) differs from the paths run alone", q, split[0], split[1])
			}
		}
	}
}
