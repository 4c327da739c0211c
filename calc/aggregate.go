package calc

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// check reports NaN, infinite or negative wealth in a path's outcome.
func (o PathOutcome) check() error {
	bad := func(what string, v float64) error {
		return fmt.Errorf("%s is %v", what, v)
	}
	for _, st := range []struct {
		name string
		v    PathStrategy
	}{{"sma", o.SMA}, {"fund", o.Fund}} {
		v := st.v
		for _, f := range []float64{v.Return, v.Contrib, v.Growth, v.Dividends, v.Taxes, v.EndTax, v.Fees, v.Trading, v.DistTax} {
			if !finite(f) {
				return bad(st.name+" amount", f)
			}
		}
		if !finite(v.Unpaid) || v.Unpaid < 0 || v.Depleted < 0 {
			return bad(st.name+" unpaid tax", v.Unpaid)
		}
		for _, w := range []float64{v.AfterTax, v.PreLiq, v.Liquidated, v.Wealth0} {
			if !finite(w) || w < -0.005 {
				return bad(st.name+" wealth", w)
			}
		}
	}
	if !finite(o.Keep) || o.Keep < -0.005 {
		return bad("keep wealth", o.Keep)
	}
	if !finite(o.TrackingError) {
		return bad("tracking error", o.TrackingError)
	}
	for _, y := range o.Years {
		for _, f := range []float64{y.HarvST, y.HarvLT, y.SMATax, y.FundTax, y.CF, y.Realized, y.SingleW, y.TE, y.ForcedGains} {
			if !finite(f) {
				return bad("yearly amount", f)
			}
		}
		for _, w := range []float64{y.SMAStart, y.SMAWealth, y.FundWealth} {
			if !finite(w) || w < -0.005 {
				return bad("yearly wealth", w)
			}
		}
	}
	return nil
}

// percentiles returns the 10th, 50th and 90th percentiles of v (linear
// interpolation between order statistics, Hyndman & Fan type 7). v is
// sorted in place.
func percentiles(v []float64) (p10, p50, p90 float64) {
	slices.Sort(v)
	q := func(p float64) float64 {
		if len(v) == 0 {
			return 0
		}
		h := p * float64(len(v)-1)
		lo := math.Floor(h)
		i := int(lo)
		if i+1 >= len(v) {
			return v[len(v)-1]
		}
		return v[i] + (h-lo)*(v[i+1]-v[i])
	}
	return q(0.1), q(0.5), q(0.9)
}

func quantiles(v []float64) Quantiles {
	a, b, c := percentiles(v)
	return Quantiles{money(a), money(b), money(c)}
}

func spread(v []float64, scale float64) Spread {
	a, b, c := percentiles(v)
	return Spread{round6(a * scale), round6(b * scale), round6(c * scale)}
}

// zMedianCI is the standard normal 97.5% quantile: the order statistics
// medianSE uses bound a 95% confidence interval for the median.
const zMedianCI = 1.959963984540054

// medianSE is the standard error of the sample median of sorted, computed
// by McKean & Schrader (1984, "A comparison of methods for studentizing
// the sample median", Communications in Statistics B 13(6)): the
// distribution-free 95% confidence interval for the median is bounded by
// the order statistics of ranks c and n−c+1, c = (n+1)/2 − z·√(n/4)
// rounded (the binomial count of observations below the median has
// standard deviation √n/2), and its half-width divided by z estimates the
// standard error. It needs no density estimate and no resampling (so no
// random numbers: the same bits on every platform and for any split of
// the paths), and it is consistent for any continuous distribution with
// a positive density at the median. One path has no error estimate: 0.
func medianSE(sorted []float64) float64 {
	n := len(sorted)
	if n < 2 {
		return 0
	}
	c := int(math.Round(float64(n+1)/2 - zMedianCI*math.Sqrt(float64(n)/4)))
	c = max(c, 1)
	return (sorted[n-c] - sorted[c-1]) / (2 * zMedianCI)
}

// pairFactor is the variance inflation of the median by the antithetic
// pairing of paths (see pathSeed): v holds the paths' values, paths their
// path numbers (increasing), med the sample median. The sample median is
// asymptotically median + (½ − F̂(median))/f(median) (Bahadur 1966), and
// with paths in pairs the variance of F̂ — the share of paths at or below
// the median — is that of independent paths times 1 + 2·pairs·ρ/n, where
// ρ is the correlation of a pair's two indicators (Avramidis & Wilson
// 1998, "Correlation-induction techniques for estimating quantiles in
// simulation experiments", Operations Research 46(4)). ρ is estimated from
// the c complete pairs whose two paths fall on the same side of the median
// and the d on opposite sides as (c − d)/(c + d + 2): the share of
// concordant pairs with one concordant and one discordant pseudo-pair
// added (Laplace's rule of succession), because with few pairs and a
// strongly negative ρ the plain estimate (c − d)/(c + d) is often exactly
// −1 — no concordant pair among ten — and would report a zero error. A
// path whose partner is not among the paths counts as an independent one.
// Negatively correlated pairs (c < d) make the factor below 1: the
// variance the antithetic pairs remove.
func pairFactor(v []float64, paths []int, med float64) float64 {
	c, d := 0, 0
	for k := 0; k+1 < len(v); k++ {
		if paths[k]&1 != 0 || paths[k+1] != paths[k]+1 {
			continue
		}
		if (v[k] <= med) == (v[k+1] <= med) {
			c++
		} else {
			d++
		}
	}
	pairs := float64(c + d)
	rho := float64(c-d) / (pairs + 2)
	return max(0, 1+2*pairs*rho/float64(len(v)))
}

// round6 rounds a rate to 6 significant decimals so JSON stays readable.
func round6(f float64) float64 { return math.Round(f*1e6) / 1e6 }

// build summarises path outcomes (in path order) into a Result; paths
// holds their path numbers (nil: 0, 1, …, len(outs)−1); withLedger re-runs
// the representative path to record its ledger.
func build(s Scenario, outs []PathOutcome, paths []int, withLedger bool) (Result, error) {
	n := len(outs)
	if n == 0 {
		return Result{}, errors.New("calc: no paths")
	}
	if paths == nil {
		paths = make([]int, n)
		for i := range paths {
			paths[i] = i
		}
	}
	r := Result{Scenario: s.Encode(), Paths: n, Horizon: s.Horizon, End: s.End}
	col := func(f func(o *PathOutcome) float64) []float64 {
		v := make([]float64, n)
		for i := range outs {
			v[i] = f(&outs[i])
		}
		return v
	}
	mean := func(f func(o *PathOutcome) float64) float64 {
		t := 0.0
		for i := range outs {
			t += f(&outs[i])
		}
		return t / float64(n)
	}
	strategy := func(get func(o *PathOutcome) *PathStrategy) Strategy {
		frac, year := depletion(col(func(o *PathOutcome) float64 { return float64(get(o).Depleted) }))
		return Strategy{
			DepletedFraction:     frac,
			DepletedYear:         year,
			UnpaidTax:            money(mean(func(o *PathOutcome) float64 { return get(o).Unpaid })),
			AfterTaxWealth:       quantiles(col(func(o *PathOutcome) float64 { return get(o).AfterTax })),
			PreLiquidationWealth: quantiles(col(func(o *PathOutcome) float64 { return get(o).PreLiq })),
			LiquidatedWealth:     quantiles(col(func(o *PathOutcome) float64 { return get(o).Liquidated })),
			AfterTaxReturn:       spread(col(func(o *PathOutcome) float64 { return get(o).Return }), 1),
			Taxes:                money(mean(func(o *PathOutcome) float64 { return get(o).Taxes + get(o).EndTax })),
			Fees:                 money(mean(func(o *PathOutcome) float64 { return get(o).Fees })),
			TradingCosts:         money(mean(func(o *PathOutcome) float64 { return get(o).Trading })),
			Contributions:        money(mean(func(o *PathOutcome) float64 { return get(o).Contrib })),
		}
	}
	r.SMA = strategy(func(o *PathOutcome) *PathStrategy { return &o.SMA })
	r.Fund = strategy(func(o *PathOutcome) *PathStrategy { return &o.Fund })
	diff := col(func(o *PathOutcome) float64 { return o.SMA.AfterTax - o.Fund.AfterTax })
	ahead, behind := 0, 0
	for _, d := range diff {
		switch {
		case d > 0:
			ahead++
		case d < 0:
			behind++
		}
	}
	r.SMAAheadFraction = round6(float64(ahead) / float64(n))
	r.SMABehindFraction = round6(float64(behind) / float64(n))
	r.Difference = quantiles(slices.Clone(diff))
	alpha := col(func(o *PathOutcome) float64 { return o.SMA.Return - o.Fund.Return })
	r.TaxAlphaBps = taxAlpha(alpha, paths)
	if s.End == "hold" { // the end wealth is the value before the sale
		r.TaxAlphaBeforeSaleBps = r.TaxAlphaBps
	} else {
		before := col(func(o *PathOutcome) float64 { return o.SMA.ReturnBeforeSale - o.Fund.ReturnBeforeSale })
		r.TaxAlphaBeforeSaleBps = taxAlpha(before, paths)
	}
	r.TrackingError = round6(mean(func(o *PathOutcome) float64 { return o.TrackingError }))

	for k := range s.Horizon {
		yr := func(f func(y *PathYear) float64) float64 {
			return mean(func(o *PathOutcome) float64 { return f(&o.Years[k]) })
		}
		saved := yr(func(y *PathYear) float64 { return y.FundTax - y.SMATax })
		start := yr(func(y *PathYear) float64 { return y.SMAStart })
		bps := 0.0
		if start > 0 {
			bps = round6(saved / start * 1e4)
		}
		// The year's taxes are rounded to the cent, and the tax saved is
		// their difference (Year.TaxSaved), so the row adds up as shown.
		fundTax, smaTax := money(yr(func(y *PathYear) float64 { return y.FundTax })), money(yr(func(y *PathYear) float64 { return y.SMATax }))
		r.Years = append(r.Years, Year{
			Year:         k + 1,
			HarvestedST:  money(yr(func(y *PathYear) float64 { return y.HarvST })),
			HarvestedLT:  money(yr(func(y *PathYear) float64 { return y.HarvLT })),
			SMATax:       smaTax,
			FundTax:      fundTax,
			TaxSaved:     Money{fundTax.Sub(smaTax.Decimal)},
			Carryforward: money(yr(func(y *PathYear) float64 { return y.CF })),
			BenefitBps:   bps,

			RealizedGains: money(yr(func(y *PathYear) float64 { return y.Realized })),
			SingleWeight:  round6(yr(func(y *PathYear) float64 { return y.SingleW })),
			TrackingError: round6(yr(func(y *PathYear) float64 { return y.TE })),
			ForcedGains:   money(yr(func(y *PathYear) float64 { return y.ForcedGains })),
		})
	}
	r.WealthOverTime = append(r.WealthOverTime, WealthPoint{Year: 0,
		SMA:  quantiles(col(func(o *PathOutcome) float64 { return o.SMA.Wealth0 })),
		Fund: quantiles(col(func(o *PathOutcome) float64 { return o.Fund.Wealth0 })),
	})
	for k := range s.Horizon {
		r.WealthOverTime = append(r.WealthOverTime, WealthPoint{Year: k + 1,
			SMA:  quantiles(col(func(o *PathOutcome) float64 { return o.Years[k].SMAWealth })),
			Fund: quantiles(col(func(o *PathOutcome) float64 { return o.Years[k].FundWealth })),
		})
	}
	if s.Single > 0 || len(s.Legacy) > 0 {
		r.Keep = &KeepResult{AfterTaxWealth: quantiles(col(func(o *PathOutcome) float64 { return o.Keep }))}
	}
	r.Decomposition = decompose(outs)
	r.DifferenceOverTime = differenceOverTime(outs, s.Horizon)
	r.MedianMarket = medianMarket(outs, diff, r.Difference.P50)
	if withLedger {
		led, err := representativeLedger(s, diff)
		if err != nil {
			return Result{}, err
		}
		r.Ledger = led
	}
	return r, nil
}

// depletion returns the share of paths whose portfolio ran out and the
// median year it did (the lower middle one for an even count; 0 when
// none did), from each path's year of running out (0: never).
func depletion(years []float64) (fraction float64, median int) {
	n := len(years)
	ran := slices.DeleteFunc(years, func(y float64) bool { return y == 0 })
	if len(ran) == 0 {
		return 0, 0
	}
	slices.Sort(ran)
	return round6(float64(len(ran)) / float64(n)), int(ran[(len(ran)-1)/2])
}

// decompose splits the mean difference of after-tax wealth into its
// sources. Each part is a mean over paths, rounded to the cent; growth of
// deferred tax takes the rounding so the parts add up to Total exactly.
func decompose(outs []PathOutcome) Decomposition {
	n := float64(len(outs))
	var total, taxDiff, dist, fee, trade, end, unpaid float64
	for _, o := range outs {
		total += o.SMA.AfterTax - o.Fund.AfterTax
		taxDiff += o.Fund.Taxes - o.SMA.Taxes
		dist += o.Fund.DistTax - o.SMA.DistTax
		fee += o.Fund.Fees - o.SMA.Fees
		trade += o.Fund.Trading - o.SMA.Trading
		end += o.Fund.EndTax - o.SMA.EndTax
		unpaid += o.SMA.Unpaid - o.Fund.Unpaid
	}
	d := Decomposition{
		Total:                     money(total / n),
		TaxSavedOnHarvestedLosses: money((taxDiff - dist) / n),
		DistributionsAvoided:      money(dist / n),
		FeeDifference:             money(fee / n),
		TradingCosts:              money(trade / n),
		ExtraTaxAtLiquidation:     money(end / n),
		UnpaidTax:                 money(unpaid / n),
	}
	rest := d.Total.Sub(d.TaxSavedOnHarvestedLosses.Decimal).Sub(d.DistributionsAvoided.Decimal).
		Sub(d.FeeDifference.Decimal).Sub(d.TradingCosts.Decimal).Sub(d.ExtraTaxAtLiquidation.Decimal).
		Sub(d.UnpaidTax.Decimal)
	d.GrowthOfDeferredTax = Money{rest}
	return d
}

// representativeLedger re-runs the path whose difference in after-tax
// wealth is the median (the lower one for an even count; the lowest index
// among ties) and records its ledger.
func representativeLedger(s Scenario, diff []float64) (*Ledger, error) {
	path := middlePaths(diff)[0]
	tx, err := newTaxer(s)
	if err != nil {
		return nil, err
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
	}, nil
}

// taxAlpha is the spread of per-path tax alphas v (in path order, path
// numbers in paths) in basis points, with the standard error of the
// median counting the antithetic pairing (see medianSE, pairFactor).
func taxAlpha(v []float64, paths []int) TaxAlpha {
	sorted := slices.Clone(v)
	p10, p50, p90 := percentiles(sorted)
	return TaxAlpha{
		Spread: Spread{round6(p10 * 1e4), round6(p50 * 1e4), round6(p90 * 1e4)},
		SE:     round6(medianSE(sorted) * math.Sqrt(pairFactor(v, paths, p50)) * 1e4),
	}
}
