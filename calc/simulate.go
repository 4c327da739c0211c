package calc

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"

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
	sim, err := takePathSim(s)
	if err != nil {
		return Paths{}, err
	}
	// The second path of each whole antithetic pair in the range runs in
	// lock-step with the first (runPair).
	var twin *pathSim
	if count >= 2 && (count >= 3 || first%2 == 0) {
		if twin, err = takePathSim(s); err != nil {
			idlePathSims.put(sim)
			return Paths{}, err
		}
	}
	out, err := simulateRange(ctx, s, first, count, sim, twin, progress)
	idlePathSims.put(sim)
	if twin != nil {
		idlePathSims.put(twin)
	}
	return out, err
}

// simulateRange is SimulatePaths' simulation of paths first …
// first+count−1 with the path simulators sim and twin (nil: no pair
// runs in lock-step), which it leaves to the caller.
func simulateRange(ctx context.Context, s scenario.Scenario, first, count int, sim, twin *pathSim, progress func(done int)) (Paths, error) {
	inKind := newInKindPass(s, sim.tx) // nil without an exit plan
	out := Paths{Scenario: s.Encode(), First: first, Outcomes: make([]PathOutcome, count)}
	for k := range count {
		if err := ctx.Err(); err != nil {
			return Paths{}, err
		}
		if err := pathInto(out.Outcomes, k, first, sim, twin, inKind); err != nil {
			return Paths{}, err
		}
		if progress != nil {
			progress(k + 1)
		}
	}
	return out, nil
}

// pathInto simulates path first+k into outs[k], the outcomes of paths
// first … first+len(outs)−1. The first path of an antithetic pair whose
// second is in the range too runs with it (runPair, with twin) and fills
// outs[k+1] as well; the second then finds its outcome there. inKind,
// when not nil, adds the in-kind exit's wealth (exit.go).
//
// It is SimulatePaths' loop body, apart from it so that SimulatePaths
// stays small: V8 compiles a WebAssembly function with TurboFan once it
// has run enough, on the run's cores, and the outcomes' copies made
// SimulatePaths 5.9 KB of WebAssembly whose compilation took 44 ms in the
// first input change after the warm-up (docs/ARCHITECTURE.md, "Round 13").
func pathInto(outs []PathOutcome, k, first int, sim, twin, inKind *pathSim) error {
	path := first + k
	switch {
	case path%2 == 0 && k+1 < len(outs) && twin != nil:
		outs[k], outs[k+1] = runPair(sim, twin, path)
	case path%2 == 1 && k > 0 && twin != nil:
		// Already in outs[k]: it ran with path−1.
	default:
		outs[k] = sim.run(path)
	}
	o := &outs[k]
	if inKind != nil {
		o.Exit.InKind = inKind.run(path).SMA.AfterTax
	}
	if err := o.check(); err != nil {
		return fmt.Errorf("%w: path %d: %v", ErrOutOfRange, path, err)
	}
	return nil
}

// Merge combines ranges of paths of the scenario, given in any order and
// covering paths 0 … s.Paths−1 exactly once, into the Result that Simulate
// returns (byte for byte the same JSON). It is MergeWithoutLedger, then
// LedgerOf the typical market's path added (Result.AddLedger): the two
// halves a browser runs on two threads (typical_ledger.go).
func Merge(s scenario.Scenario, parts ...Paths) (Result, error) {
	r, err := MergeWithoutLedger(s, parts...)
	if err != nil {
		return Result{}, err
	}
	l, err := LedgerOf(s, r.MedianMarket.Path)
	if err != nil {
		return Result{}, err
	}
	if err := r.AddLedger(l); err != nil {
		return Result{}, err
	}
	return r, nil
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

// idlePathSims keeps the path simulators of the last scenario between
// calls of SimulatePaths. A browser worker simulates a run in chunks of a
// few paths, one call each (as Simulate does, twenty chunks), and a new
// pathSim costs its tax law, its market's per-stock tables and 300 KB of
// lot books, zeroed and then collected: 3–5% of BenchmarkSimulateDefault's
// ten paths a call (perf: newHoldings 67% of the bytes allocated, page
// faults, the collector); a call takes two since the pairs run in
// lock-step (runPair). A path depends only on (scenario, path index) —
// begin resets everything a path uses, which is what lets one pathSim run
// path after path within a call and any split give the same outcomes — so
// taking a used one changes no result. Concurrent calls (validate/) each
// take their own; at most idleMax are kept.
//
// It is the package's one package-level variable that changes, and it
// stays so: it is scratch memory, like the standard library's pools of
// printers and encoders (fmt, encoding/json), not state a result can
// depend on — the package's
// promise is no global random source and no clock (doc.go), and
// TestIdlePathSimsChangeNothing checks that a pooled simulator gives a new
// one's outcomes after the same scenario, after another and with legacy
// lots changed in place. Keeping the simulators per Simulate instead would
// not reach the callers that need them: the browser's workers call
// SimulatePaths once per chunk, with nothing to hold between calls but a
// handle the API would have to grow, while SimulatePaths is the one entry
// point every caller (workers, validate/, the CLI, the break-even map)
// already uses.
var idlePathSims pathSimPool

const idleMax = 4 // two calls' pairs

type pathSimPool struct {
	mu   sync.Mutex
	s    scenario.Scenario // the scenario of sims
	sims []*pathSim
}

// takePathSim returns an idle pathSim of s, or a new one.
func takePathSim(s scenario.Scenario) (*pathSim, error) {
	if p := idlePathSims.take(s); p != nil {
		return p, nil
	}
	tx, err := newTaxer(s)
	if err != nil {
		return nil, err
	}
	return newPathSim(s, tx), nil
}

func (q *pathSimPool) take(s scenario.Scenario) *pathSim {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := len(q.sims)
	if n == 0 || !reflect.DeepEqual(q.s, s) {
		return nil
	}
	p := q.sims[n-1]
	q.sims[n-1] = nil
	q.sims = q.sims[:n-1]
	return p
}

// put keeps p for the next call of its scenario (forgetting those of
// another scenario).
func (q *pathSimPool) put(p *pathSim) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if !reflect.DeepEqual(q.s, p.s) {
		clear(q.sims)
		// A copy of its slices: a caller changing its lots in place must
		// not find the simulators of the old ones.
		s := p.s
		s.Exclude, s.Legacy = slices.Clone(s.Exclude), slices.Clone(s.Legacy)
		q.s, q.sims = s, q.sims[:0]
	}
	if len(q.sims) < idleMax {
		q.sims = append(q.sims, p)
	}
}
