package calc

import (
	"errors"
	"fmt"
	"sort"

	"smacalc/calc/scenario"
)

// Merge in two halves, for a caller that has another thread at hand (the
// browser: the page and its idle workers).
//
// Merge summarises every path (MergeWithoutLedger) and then re-runs one of
// them, the typical market's (Result.MedianMarket.Path), recording its
// year-by-year ledger (LedgerOf): the ledger of 10 years × 2 strategies
// is not in the paths' outcomes, which a worker sends without it (a
// ledger a path would cost every path its recording). The re-run is about
// two thirds of Merge (BenchmarkMergeDefault: natively 2.0 of 3.7 ms,
// under node 4.5–14 of 20–35 ms), and it needs a path simulator of the
// scenario — the tax law, the market's per-stock tables and 300 KB of lot
// books — which a worker that has just simulated the scenario's paths
// already holds (idlePathSims) and the page does not.
//
// So the page can:
//
//	path, err := calc.TypicalPath(s, parts...) // which path the ledger is of
//	// … hand path to a worker: calc.LedgerOf(s, path) there …
//	r, err := calc.MergeWithoutLedger(s, parts...) // meanwhile, here
//	// … once the worker's TypicalLedger is back:
//	err = r.AddLedger(l)
//
// and r is then Merge's result, field for field (TestMergeInHalves).

// TypicalLedger is what Merge adds to MergeWithoutLedger's result: the
// ledger of the typical market's path and, for each year, that path's tax
// saving and the SMA's extra cost (Year.TaxSaving, Year.ExtraCost), with
// the year the losses run out (Result.LossesRunOutYear). LedgerOf makes
// it; Result.AddLedger adds it.
type TypicalLedger struct {
	Ledger     Ledger
	TaxSaving  []Money // per year of the horizon
	ExtraCost  []Money // per year of the horizon
	RunOutYear *int    // Result.LossesRunOutYear: nil when they do not run out
}

// TypicalPath is the path whose ledger Merge(s, parts...) shows
// (Result.MedianMarket.Path, Result.Ledger.Path): the typical market of
// all the paths (typicalPath). The parts are checked as Merge checks
// them. It sorts the paths' differences and wealths as the summary does,
// about a tenth of MergeWithoutLedger's time, so that the ledger's re-run
// (LedgerOf) can start elsewhere before the summary is done.
func TypicalPath(s scenario.Scenario, parts ...Paths) (int, error) {
	outcomes, err := mergedOutcomes(s, parts)
	if err != nil {
		return 0, err
	}
	outs := pathOutcomes(outcomes)
	k, _, _ := typicalOf(outs, outs.differences(), pathNumbers(len(outs))) // as build
	return k, nil
}

// MergeWithoutLedger is Merge without the typical market's ledger: every
// field but Ledger, LossesRunOutYear, each year's TaxSaving and
// ExtraCost, and the gifts' MedianMarketGainGiven amounts, which
// AddLedger adds from LedgerOf(s, r.MedianMarket.Path). The parts are
// checked as Merge checks them.
func MergeWithoutLedger(s scenario.Scenario, parts ...Paths) (Result, error) {
	outcomes, err := mergedOutcomes(s, parts)
	if err != nil {
		return Result{}, err
	}
	return build(s, outcomes, nil)
}

// mergedOutcomes checks the scenario and that parts cover paths 0 …
// s.Paths−1 exactly once, each outcome whole and in range, and returns
// the outcomes in path order.
func mergedOutcomes(s scenario.Scenario, parts []Paths) ([]PathOutcome, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	q := s.Encode()
	sorted := inPathOrder(parts)
	outcomes := make([]PathOutcome, 0, s.Paths)
	for _, p := range sorted {
		if p.Scenario != q {
			return nil, errors.New("calc: merging paths of a different scenario")
		}
		if p.First != len(outcomes) {
			return nil, fmt.Errorf("calc: paths from %d missing or repeated (next part starts at %d)", len(outcomes), p.First)
		}
		for _, o := range p.Outcomes {
			if len(o.Years) != s.Horizon {
				return nil, errors.New("calc: path outcome with the wrong number of years")
			}
			if err := o.check(); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrOutOfRange, err)
			}
		}
		outcomes = append(outcomes, p.Outcomes...)
	}
	if len(outcomes) != s.Paths {
		return nil, fmt.Errorf("calc: %d paths merged, scenario has %d", len(outcomes), s.Paths)
	}
	return outcomes, nil
}

// LedgerOf re-runs path `path` of the scenario (the typical market's:
// TypicalPath, or MergeWithoutLedger's MedianMarket.Path) and records its
// ledger, its yearly tax saving and extra cost and the year the losses
// run out. The path is the one Simulate ran: recording does not change
// it. A path simulator kept from this scenario's last paths is used when
// there is one (idlePathSims): in a worker that simulated them, the
// re-run costs one path.
func LedgerOf(s scenario.Scenario, path int) (TypicalLedger, error) {
	if err := s.Validate(); err != nil {
		return TypicalLedger{}, err
	}
	if path < 0 || path >= s.Paths {
		return TypicalLedger{}, fmt.Errorf("calc: path %d outside 0..%d", path, s.Paths-1)
	}
	sim, err := takePathSim(s)
	if err != nil {
		return TypicalLedger{}, err
	}
	defer idlePathSims.put(sim)
	var rec [2][]yearFlows
	sim.rec = &rec
	o := sim.run(path)
	sim.rec = nil
	if err := o.check(); err != nil {
		return TypicalLedger{}, fmt.Errorf("%w: path %d: %v", ErrOutOfRange, path, err)
	}
	years := make([]Year, s.Horizon)
	l := TypicalLedger{
		Ledger: Ledger{
			Path: path,
			// The difference of the wealth shown (each rounded to the
			// cent), as MedianMarket.Difference, so the two agree to the
			// cent.
			Difference: Money{money(o.SMA.AfterTax).Sub(money(o.Fund.AfterTax).Decimal)},
			SMA:        ledgerRows(rec[0]),
			Fund:       ledgerRows(rec[1]),
		},
		RunOutYear: runOutYears(years, o, rec),
		TaxSaving:  make([]Money, s.Horizon),
		ExtraCost:  make([]Money, s.Horizon),
	}
	for k, y := range years {
		l.TaxSaving[k], l.ExtraCost[k] = *y.TaxSaving, *y.ExtraCost
	}
	return l, nil
}

// AddLedger adds the typical market's ledger (LedgerOf of
// r.MedianMarket.Path) to a result of MergeWithoutLedger: then r is
// Merge's result. It refuses the ledger of another path or horizon.
func (r *Result) AddLedger(l TypicalLedger) error {
	if r.Paths == 0 || l.Ledger.Path != r.MedianMarket.Path {
		return errors.New("calc: the ledger is not the typical market's")
	}
	if r.Ledger != nil {
		return errors.New("calc: the result has its ledger")
	}
	n := len(r.Years)
	if len(l.TaxSaving) != n || len(l.ExtraCost) != n || len(l.Ledger.SMA) != n || len(l.Ledger.Fund) != n {
		return errors.New("calc: the ledger's years are not the result's")
	}
	ledger := l.Ledger
	r.Ledger = &ledger
	for k := range r.Years {
		saving, cost := l.TaxSaving[k], l.ExtraCost[k]
		r.Years[k].TaxSaving, r.Years[k].ExtraCost = &saving, &cost
	}
	r.LossesRunOutYear = l.RunOutYear
	r.Gifts.medianMarketGifts(r.Ledger) // give_result.go
	return nil
}

// inPathOrder returns parts sorted by their first path, parts itself when
// it already is (strictly increasing: the browser's page keeps a run's
// chunks so, wasm/simclient). The sort is then not run at all: a trace of
// the first change on the phone profile (4× slower CPU) showed sort.Slice
// of a run's 22 chunks at a quarter of the page's final summary task,
// its pdqsort code compiled there on its first call (a run's provisional
// summaries sort at most a dozen chunks, by insertion). With equal first
// paths (invalid, or empty parts) the order is sort.Slice's, as before.
func inPathOrder(parts []Paths) []Paths {
	ordered := true
	for i := 1; i < len(parts) && ordered; i++ {
		ordered = parts[i-1].First < parts[i].First
	}
	if ordered {
		return parts
	}
	sorted := append([]Paths(nil), parts...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].First < sorted[j].First })
	return sorted
}
