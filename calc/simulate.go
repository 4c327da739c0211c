package calc

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"smacalc/calc/scenario"
)

// ErrOutOfRange is returned (wrapped) when a path ends with NaN, infinite
// or negative amounts rather than letting such a number into a Result. It
// signals a defect: a portfolio that runs out is an outcome (see
// Strategy.DepletedFraction), its wealth stays at zero.
var ErrOutOfRange = errors.New("calc: simulated amounts out of range")

// Paths holds the outcomes of a contiguous range of paths [First,
// First+len(Outcomes)) of one scenario. It is plain JSON-serializable data:
// Web Workers each simulate a range and send it back to be merged.
type Paths struct {
	Scenario string        `json:"scenario"` // canonical query of the scenario
	First    int           `json:"first"`
	Outcomes []PathOutcome `json:"outcomes"`
}

// Simulate runs every path of the scenario and returns the Result. It stops
// with ctx's error when ctx is cancelled. progress, if not nil, is called
// about twenty times with the paths done and the result so far (without a
// ledger). The result depends only on s: same scenario, same seed →
// identical result, however the work is split (see SimulatePaths, Merge).
func Simulate(ctx context.Context, s scenario.Scenario, progress func(Progress)) (Result, error) {
	if err := s.Validate(); err != nil {
		return Result{}, err
	}
	chunk := max(1, s.Paths/20)
	all := Paths{Scenario: s.Encode()}
	for first := 0; first < s.Paths; first += chunk {
		n := min(chunk, s.Paths-first)
		part, err := SimulatePaths(ctx, s, first, n, nil)
		if err != nil {
			return Result{}, err
		}
		all.Outcomes = append(all.Outcomes, part.Outcomes...)
		if progress != nil && len(all.Outcomes) < s.Paths {
			partial, err := build(s, all.Outcomes, nil)
			if err != nil {
				return Result{}, err
			}
			progress(Progress{Done: len(all.Outcomes), Total: s.Paths, Partial: &partial})
		}
	}
	r, err := Merge(s, all)
	if err == nil && progress != nil {
		progress(Progress{Done: s.Paths, Total: s.Paths, Partial: &r})
	}
	return r, err
}

// SimulatePaths simulates paths first … first+count−1 of the scenario.
// Each path's random draws depend only on (seed, path index), so any split
// of the paths gives the same outcomes. Paths come in antithetic pairs:
// paths 2k and 2k+1 use the same draws, negated on the second (see
// market.PathSeed). A split on any boundary is valid — Merge and Summarize
// recognise a pair by its path numbers wherever its halves were simulated
// — but workers should split on even boundaries (first even, and count
// even except for the last range): then each worker's provisional result
// holds whole pairs, whose standard error counts the pairing (a pair with
// one half missing is counted as an independent path). progress, if not
// nil, is called after each path with the number done.
func SimulatePaths(ctx context.Context, s scenario.Scenario, first, count int, progress func(done int)) (Paths, error) {
	if err := s.Validate(); err != nil {
		return Paths{}, err
	}
	if first < 0 || count < 0 || first+count > s.Paths {
		return Paths{}, fmt.Errorf("calc: paths %d..%d outside 0..%d", first, first+count-1, s.Paths-1)
	}
	tx, err := newTaxer(s)
	if err != nil {
		return Paths{}, err
	}
	sim := newPathSim(s, tx)
	out := Paths{Scenario: s.Encode(), First: first, Outcomes: make([]PathOutcome, 0, count)}
	for k := range count {
		if err := ctx.Err(); err != nil {
			return Paths{}, err
		}
		o := sim.run(first + k)
		if err := o.check(); err != nil {
			return Paths{}, fmt.Errorf("%w: path %d: %v", ErrOutOfRange, first+k, err)
		}
		out.Outcomes = append(out.Outcomes, o)
		if progress != nil {
			progress(k + 1)
		}
	}
	return out, nil
}

// Merge combines ranges of paths of the scenario, given in any order and
// covering paths 0 … s.Paths−1 exactly once, into the Result that Simulate
// returns (byte for byte the same JSON).
func Merge(s scenario.Scenario, parts ...Paths) (Result, error) {
	if err := s.Validate(); err != nil {
		return Result{}, err
	}
	q := s.Encode()
	sorted := append([]Paths(nil), parts...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].First < sorted[j].First })
	outcomes := make([]PathOutcome, 0, s.Paths)
	for _, p := range sorted {
		if p.Scenario != q {
			return Result{}, errors.New("calc: merging paths of a different scenario")
		}
		if p.First != len(outcomes) {
			return Result{}, fmt.Errorf("calc: paths from %d missing or repeated (next part starts at %d)", len(outcomes), p.First)
		}
		for _, o := range p.Outcomes {
			if len(o.Years) != s.Horizon {
				return Result{}, errors.New("calc: path outcome with the wrong number of years")
			}
			if err := o.check(); err != nil {
				return Result{}, fmt.Errorf("%w: %v", ErrOutOfRange, err)
			}
		}
		outcomes = append(outcomes, p.Outcomes...)
	}
	if len(outcomes) != s.Paths {
		return Result{}, fmt.Errorf("calc: %d paths merged, scenario has %d", len(outcomes), s.Paths)
	}
	r, err := build(s, outcomes, nil)
	if err != nil {
		return Result{}, err
	}
	diff := make([]float64, len(outcomes))
	for i, o := range outcomes {
		diff[i] = o.SMA.AfterTax - o.Fund.AfterTax
	}
	if r.Ledger, r.LossesRunOutYear, err = representativeLedger(s, diff, r.Years); err != nil {
		return Result{}, err
	}
	r.Gifts.medianMarketGifts(r.Ledger) // give_result.go
	return r, nil
}

// representativeLedger re-runs the path whose difference in after-tax
// wealth is the median (the lower one for an even count; the lowest index
// among ties) and records its ledger, its yearly tax saving and extra
// cost into years and the year the losses run out (runOutYears).
func representativeLedger(s scenario.Scenario, diff []float64, years []Year) (*Ledger, *int, error) {
	path := middlePaths(diff)[0]
	tx, err := newTaxer(s)
	if err != nil {
		return nil, nil, err
	}
	sim := newPathSim(s, tx)
	var rec [2][]yearFlows
	sim.rec = &rec
	o := sim.run(path)
	return &Ledger{
		Path:       path,
		Difference: money(o.SMA.AfterTax - o.Fund.AfterTax),
		SMA:        ledgerRows(rec[0]),
		Fund:       ledgerRows(rec[1]),
	}, runOutYears(years, o, rec), nil
}

// Inspect re-runs path `path` of the scenario (usually Result.Ledger.Path)
// and reports what the SMA holds at the start and at the end of each year,
// lot by lot, and every loss it harvested. The path is the same as in
// Simulate: recording does not change it.
func Inspect(s scenario.Scenario, path int) (*Inspection, error) {
	in, _, err := inspectPath(s, path)
	return in, err
}

func inspectPath(s scenario.Scenario, path int) (*Inspection, PathOutcome, error) {
	if err := s.Validate(); err != nil {
		return nil, PathOutcome{}, err
	}
	if path < 0 || path >= s.Paths {
		return nil, PathOutcome{}, fmt.Errorf("calc: path %d outside 0..%d", path, s.Paths-1)
	}
	tx, err := newTaxer(s)
	if err != nil {
		return nil, PathOutcome{}, err
	}
	sim := newPathSim(s, tx)
	in := newInspector(s)
	sim.inspect(in)
	o := sim.run(path)
	if err := o.check(); err != nil {
		return nil, PathOutcome{}, fmt.Errorf("%w: path %d: %v", ErrOutOfRange, path, err)
	}
	return in.result(path), o, nil
}
