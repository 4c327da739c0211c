package transparency

import "smacalc/app/fields"

// sweepCounts are the numbers of stocks the fit table compares.
var sweepCounts = []int{25, 50, 100, 200, 500}

// sweepPaths is the most paths each of the fit table's runs simulates.
const sweepPaths = 100

// sweepRun is one row of the fit table: the scenario with fewer stocks.
type sweepRun struct {
	Stocks int
	Query  string
}

// sweepQueries are the scenario's variants by number of stocks held: the
// sweep counts below the scenario's own, then its own, each with at most
// sweepPaths paths. nil without a scenario.
func sweepQueries(sc fields.Scenario) []sweepRun {
	if sc.Query == "" {
		return nil
	}
	s := sc.Scenario
	var runs []sweepRun
	add := func(n int) {
		v := s
		v.Stocks, v.Paths = n, min(s.Paths, sweepPaths)
		runs = append(runs, sweepRun{Stocks: n, Query: v.Encode()})
	}
	for _, n := range sweepCounts {
		if n < s.Stocks {
			add(n)
		}
	}
	add(s.Stocks)
	return runs
}
