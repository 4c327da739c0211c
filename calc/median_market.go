package calc

import "slices"

// This file computes the result fields that let a reader check one figure
// against another: the difference year by year with its range, and the
// median market, whose wealth and decomposition add up to the
// median difference exactly.

// middlePaths returns the indices of the paths whose difference is the
// median: one path for an odd count, the two middle ones for an even count
// (the median is then their mean, as in percentiles). Ties keep path
// order; the first (lower) middle path is the ledger's
// (representativeLedger).
func middlePaths(diff []float64) []int {
	idx := make([]int, len(diff))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case diff[a] < diff[b]:
			return -1
		case diff[a] > diff[b]:
			return 1
		}
		return 0
	})
	n := len(idx)
	if n%2 == 1 {
		return idx[n/2 : n/2+1]
	}
	return idx[n/2-1 : n/2+1]
}

// medianMarket is the wealth and the decomposition of the median
// difference: the mean of the middle paths' (see middlePaths), with the
// difference set to median exactly (it can differ from the middle paths'
// mean by a rounding) and the growth of deferred tax taking the rest, so
// the parts add up to the headline's median to the cent.
func medianMarket(outs []PathOutcome, diff []float64, median Money) MedianMarket {
	mid := middlePaths(diff)
	sub := make([]PathOutcome, len(mid))
	fund := 0.0
	for i, k := range mid {
		sub[i] = outs[k]
		fund += outs[k].Fund.AfterTax
	}
	d := decompose(sub)
	d.GrowthOfDeferredTax = Money{d.GrowthOfDeferredTax.Add(median.Sub(d.Total.Decimal))}
	d.Total = median
	f := money(fund / float64(len(mid)))
	return MedianMarket{SMA: Money{f.Add(median.Decimal)}, Fund: f, Decomposition: d}
}

// differenceOverTime is the difference in after-tax wealth (SMA − fund,
// both sold at the end of each year) across paths, year by year from the
// start.
func differenceOverTime(outs []PathOutcome, horizon int) []DifferencePoint {
	v := make([]float64, len(outs))
	out := make([]DifferencePoint, 0, horizon+1)
	for k := 0; k <= horizon; k++ {
		for i := range outs {
			if k == 0 {
				v[i] = outs[i].SMA.Wealth0 - outs[i].Fund.Wealth0
			} else {
				v[i] = outs[i].Years[k-1].SMAWealth - outs[i].Years[k-1].FundWealth
			}
		}
		out = append(out, DifferencePoint{Year: k, Difference: quantiles(v)})
	}
	return out
}
