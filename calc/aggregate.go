package calc

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"smacalc/calc/scenario"
)

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

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

// pathOutcomes are the outcomes summarised into a Result, in path order.
type pathOutcomes []PathOutcome

// col is f of every outcome, in path order.
func (outs pathOutcomes) col(f func(o *PathOutcome) float64) []float64 {
	v := make([]float64, len(outs))
	for i := range outs {
		v[i] = f(&outs[i])
	}
	return v
}

// mean is the mean of f over the outcomes.
func (outs pathOutcomes) mean(f func(o *PathOutcome) float64) float64 {
	t := 0.0
	for i := range outs {
		t += f(&outs[i])
	}
	return t / float64(len(outs))
}

// build summarises path outcomes (in path order) into a Result without a
// ledger (Merge adds it); paths holds their path numbers (nil: 0, 1, …,
// len(outs)−1).
func build(s scenario.Scenario, all []PathOutcome, paths []int) (Result, error) {
	outs := pathOutcomes(all)
	n := len(outs)
	if n == 0 {
		return Result{}, errors.New("calc: no paths")
	}
	if paths == nil {
		paths = pathNumbers(n)
	}
	r := Result{Scenario: s.Encode(), Paths: n, Horizon: s.Horizon, End: s.End}
	r.SMA = outs.strategy(func(o *PathOutcome) *PathStrategy { return &o.SMA })
	r.Fund = outs.strategy(func(o *PathOutcome) *PathStrategy { return &o.Fund })
	diff := outs.differences()
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
	k, difference, se := typicalOf(outs, diff, paths)
	r.Difference, r.DifferenceSE = difference, se
	alpha := outs.col(func(o *PathOutcome) float64 { return o.SMA.Return - o.Fund.Return })
	r.TaxAlphaBps = taxAlpha(alpha, paths)
	if s.End == "hold" { // the end wealth is the value before the sale
		r.TaxAlphaBeforeSaleBps = r.TaxAlphaBps
	} else {
		before := outs.col(func(o *PathOutcome) float64 { return o.SMA.ReturnBeforeSale - o.Fund.ReturnBeforeSale })
		r.TaxAlphaBeforeSaleBps = taxAlpha(before, paths)
	}
	r.TrackingError = round6(outs.mean(func(o *PathOutcome) float64 { return o.TrackingError }))
	r.Years = outs.years(s.Horizon)
	if s.Give > 0 {
		r.Gifts = outs.giftYears(r.Years) // give_result.go
	}
	r.WealthOverTime = outs.wealthOverTime(s.Horizon)
	if s.Single > 0 || len(s.Legacy) > 0 {
		r.Keep = &KeepResult{AfterTaxWealth: quantiles(outs.col(func(o *PathOutcome) float64 { return o.Keep }))}
	}
	r.ExitPlans = exitPlansOf(s, outs)
	r.Decomposition = decompose(outs)
	r.DifferenceOverTime = differenceOverTime(outs, s.Horizon)
	r.MedianMarket = typicalMarket(outs, k, paths[k])
	return r, nil
}

// pathNumbers is 0, 1, …, n−1: the path numbers of a whole run's
// outcomes in path order.
func pathNumbers(n int) []int {
	paths := make([]int, n)
	for i := range paths {
		paths[i] = i
	}
	return paths
}

// differences is each path's after-tax difference, SMA − fund: what the
// headline's median and its standard error are of, and what picks the
// typical market.
func (outs pathOutcomes) differences() []float64 {
	return outs.col(func(o *PathOutcome) float64 { return o.SMA.AfterTax - o.Fund.AfterTax })
}

// typicalOf returns the index in outs of the typical market's path
// (typicalPath), with the median difference and its standard error it is
// picked for (differenceWithSE: as the result shows them, to the cent).
// diff is outs.differences(), paths the outcomes' path numbers. build and
// TypicalPath (the page's half of Merge) both pick it here.
func typicalOf(outs pathOutcomes, diff []float64, paths []int) (k int, difference Quantiles, se Money) {
	difference, se = differenceWithSE(diff, paths)
	return typicalPath(outs, diff, difference.P50.InexactFloat64(), se.InexactFloat64()), difference, se
}

// strategy summarises one strategy (get picks it from an outcome).
func (outs pathOutcomes) strategy(get func(o *PathOutcome) *PathStrategy) Strategy {
	col := outs.col
	mean := outs.mean
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

// years summarises each year: means over paths.
func (outs pathOutcomes) years(horizon int) []Year {
	var years []Year
	for k := range horizon {
		yr := func(f func(y *PathYear) float64) float64 {
			return outs.mean(func(o *PathOutcome) float64 { return f(&o.Years[k]) })
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
		years = append(years, Year{
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
	return years
}

// wealthOverTime is each strategy's liquidated wealth at the start and
// at each year end, percentiles over paths.
func (outs pathOutcomes) wealthOverTime(horizon int) []WealthPoint {
	points := []WealthPoint{{Year: 0,
		SMA:  quantiles(outs.col(func(o *PathOutcome) float64 { return o.SMA.Wealth0 })),
		Fund: quantiles(outs.col(func(o *PathOutcome) float64 { return o.Fund.Wealth0 })),
	}}
	for k := range horizon {
		points = append(points, WealthPoint{Year: k + 1,
			SMA:  quantiles(outs.col(func(o *PathOutcome) float64 { return o.Years[k].SMAWealth })),
			Fund: quantiles(outs.col(func(o *PathOutcome) float64 { return o.Years[k].FundWealth })),
		})
	}
	return points
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
