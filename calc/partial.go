package calc

import (
	"errors"

	"smacalc/calc/scenario"
)

// Summarize is the result of the paths simulated so far — any ranges of the
// scenario's paths, in any order, not necessarily all of them — for showing
// provisional figures while a simulation runs. It has no ledger, and its
// Paths field says how many paths it summarises. When the parts do cover
// every path, use Merge: it checks coverage and adds the ledger.
func Summarize(s scenario.Scenario, parts ...Paths) (Result, error) {
	if err := s.Validate(); err != nil {
		return Result{}, err
	}
	q := s.Encode()
	sorted := inPathOrder(parts) // typical_ledger.go
	var outcomes []PathOutcome
	var paths []int
	next := 0
	for _, p := range sorted {
		if p.Scenario != q {
			return Result{}, errors.New("calc: summarizing paths of a different scenario")
		}
		if p.First < next || p.First+len(p.Outcomes) > s.Paths {
			return Result{}, errors.New("calc: overlapping or out-of-range paths")
		}
		for _, o := range p.Outcomes {
			if len(o.Years) != s.Horizon {
				return Result{}, errors.New("calc: path outcome with the wrong number of years")
			}
			if err := o.check(); err != nil {
				return Result{}, err
			}
		}
		outcomes = append(outcomes, p.Outcomes...)
		for k := range p.Outcomes {
			paths = append(paths, p.First+k)
		}
		next = p.First + len(p.Outcomes)
	}
	return build(s, outcomes, paths)
}
