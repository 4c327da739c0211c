//go:build !wasm

package main

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// config sets how much work the experiments do.
type config struct {
	// Scale multiplies every experiment's path count (1 for the published
	// report, small for tests and quick looks).
	Scale float64
	// Workers is the number of goroutines simulating ranges of paths.
	Workers int
	// Log, if not nil, is told about each scenario run.
	Log func(format string, args ...any)
}

// paths is the path count of an experiment designed for n paths.
func (c config) paths(n int) int {
	return max(20, int(math.Round(float64(n)*c.Scale)))
}

// run is one simulated scenario: the engine's Result and the per-path
// outcomes, from which the Monte Carlo errors are estimated.
type run struct {
	Query    string // the scenario's keys that differ from calc's defaults, with paths and seed
	Full     string // canonical query (scenario.Scenario.Encode)
	Result   calc.Result
	Outcomes []calc.PathOutcome
	Elapsed  time.Duration
}

// query joins key=value parts into a scenario query.
func query(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "&")
}

// simulate decodes q and runs it, splitting the paths across the workers
// (calc.SimulatePaths + calc.Merge give the same Result as calc.Simulate).
func (c config) simulate(ctx context.Context, q string) (*run, error) {
	s, err := scenario.Decode(q)
	if err != nil {
		return nil, fmt.Errorf("scenario %q: %w", q, err)
	}
	start := time.Now()
	workers := max(1, min(c.Workers, s.Paths))
	parts := make([]calc.Paths, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		first, last := s.Paths*w/workers, s.Paths*(w+1)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[w], errs[w] = calc.SimulatePaths(ctx, s, first, last-first, nil)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("scenario %q: %w", q, err)
		}
	}
	res, err := calc.Merge(s, parts...)
	if err != nil {
		return nil, fmt.Errorf("scenario %q: %w", q, err)
	}
	r := &run{Query: q, Full: s.Encode(), Result: res, Elapsed: time.Since(start)}
	for _, p := range parts {
		r.Outcomes = append(r.Outcomes, p.Outcomes...)
	}
	if c.Log != nil {
		c.Log("%6.1fs  %s", r.Elapsed.Seconds(), q)
	}
	return r, nil
}

// alphaBps is a path's tax alpha: the SMA's annualized after-tax
// money-weighted return minus the fund's, in basis points (calc's
// tax_alpha_bps before taking percentiles).
func alphaBps(o *calc.PathOutcome) float64 { return (o.SMA.Return - o.Fund.Return) * 1e4 }

// estimate is a statistic with its Monte Carlo standard error.
type estimate struct {
	Value, SE float64
}

// CI95 is the half-width of the 95% confidence interval (1.96 SE).
func (e estimate) CI95() float64 { return 1.96 * e.SE }

// bootstrapResamples is the number of bootstrap resamples behind each
// standard error; 200 estimate a standard error to about ±5%.
const bootstrapResamples = 200

// bootstrap estimates stat over the paths and its standard error by
// resampling paths with replacement (a fixed seed keeps the report
// reproducible). calc simulates paths in antithetic pairs (paths 2k and
// 2k+1 share their draws, negated), so outcomes given from path 0 are
// resampled a pair at a time: resampling single paths would treat the
// pair's negatively correlated halves as independent and misstate the
// error.
func bootstrap(outs []calc.PathOutcome, stat func(outs []calc.PathOutcome) float64) estimate {
	return bootstrapUnits(outs, 2, stat)
}

// bootstrapUnits is bootstrap resampling blocks of `unit` consecutive
// paths (1: independent paths; 2: calc's antithetic pairs; a last,
// shorter block is a unit of its own).
func bootstrapUnits(outs []calc.PathOutcome, unit int, stat func(outs []calc.PathOutcome) float64) estimate {
	sample := make([]calc.PathOutcome, len(outs))
	return resample(len(outs), unit, func(idx []int) float64 {
		for i, k := range idx {
			sample[i] = outs[k]
		}
		return stat(sample)
	})
}

// bootstrapPaired is bootstrap for a statistic of two runs whose paths are
// paired (same seed, same markets path by path): path k of both runs is
// drawn together, a pair of antithetic paths at a time.
func bootstrapPaired(a, b []calc.PathOutcome, stat func(a, b []calc.PathOutcome) float64) estimate {
	sa, sb := make([]calc.PathOutcome, len(a)), make([]calc.PathOutcome, len(b))
	return resample(len(a), 2, func(idx []int) float64 {
		for i, k := range idx {
			sa[i], sb[i] = a[k], b[k]
		}
		return stat(sa, sb)
	})
}

// resample evaluates stat on the identity index 0…n−1 (the estimate) and
// on bootstrapResamples resamples of blocks of `unit` consecutive indices
// (the standard error).
func resample(n, unit int, stat func(idx []int) float64) estimate {
	idx := make([]int, n, n+unit)
	for i := range idx {
		idx[i] = i
	}
	v := stat(idx)
	rng := rand.New(rand.NewPCG(9, uint64(n)))
	units := (n + unit - 1) / unit
	var sum, sum2 float64
	for range bootstrapResamples {
		idx = idx[:0]
		for len(idx) < n {
			k := rng.IntN(units) * unit
			for j := k; j < min(k+unit, n); j++ {
				idx = append(idx, j)
			}
		}
		x := stat(idx[:n])
		sum += x
		sum2 += x * x
	}
	m := sum / bootstrapResamples
	return estimate{Value: v, SE: math.Sqrt(max(0, sum2/bootstrapResamples-m*m))}
}

// evenPaths returns the first path of every antithetic pair: plain
// independent Monte Carlo paths.
func evenPaths(outs []calc.PathOutcome) []calc.PathOutcome {
	var e []calc.PathOutcome
	for i := 0; i < len(outs); i += 2 {
		e = append(e, outs[i])
	}
	return e
}

// quantile is the q-quantile of v (linear interpolation, as calc's
// percentiles); v is not modified.
func quantile(v []float64, q float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s) == 0 {
		return math.NaN()
	}
	pos := q * float64(len(s)-1)
	i := int(pos)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (pos-float64(i))*(s[i+1]-s[i])
}

func alphas(outs []calc.PathOutcome) []float64 {
	v := make([]float64, len(outs))
	for i := range outs {
		v[i] = alphaBps(&outs[i])
	}
	return v
}

// medianAlpha is the median tax alpha (the UI's headline), bps/yr.
func medianAlpha(outs []calc.PathOutcome) float64 { return quantile(alphas(outs), 0.5) }

// meanAlpha is the mean tax alpha, bps/yr.
func meanAlpha(outs []calc.PathOutcome) float64 {
	t := 0.0
	for i := range outs {
		t += alphaBps(&outs[i])
	}
	return t / float64(len(outs))
}

// benefitBps is calc's years[k].benefit_bps: the mean tax saved in year k
// (fund's tax − SMA's) over the mean SMA value at the start of year k.
func benefitBps(outs []calc.PathOutcome, k int) float64 {
	var saved, start float64
	for i := range outs {
		y := &outs[i].Years[k]
		saved += y.FundTax - y.SMATax
		start += y.SMAStart
	}
	return saved / start * 1e4
}

// averageBenefitBps is the average of benefit_bps over years from..to
// (1-based, inclusive).
func averageBenefitBps(outs []calc.PathOutcome, from, to int) float64 {
	t := 0.0
	for k := from - 1; k < to; k++ {
		t += benefitBps(outs, k)
	}
	return t / float64(to-from+1)
}

// Summary statistics of one run used throughout the report.
func (r *run) medianAlpha() estimate { return bootstrap(r.Outcomes, medianAlpha) }
func (r *run) meanAlpha() estimate   { return bootstrap(r.Outcomes, meanAlpha) }
func (r *run) benefit(year int) estimate {
	return bootstrap(r.Outcomes, func(o []calc.PathOutcome) float64 { return benefitBps(o, year-1) })
}
func (r *run) averageBenefit(from, to int) estimate {
	return bootstrap(r.Outcomes, func(o []calc.PathOutcome) float64 { return averageBenefitBps(o, from, to) })
}
