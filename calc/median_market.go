package calc

import (
	"math"
	"slices"
)

// This file computes the result fields that let a reader check one figure
// against another: the difference year by year with its range, and the
// typical market (Result.MedianMarket): one simulated market, shown whole,
// whose wealth, decomposition and ledger add up to one another.
//
// Why one market chosen this way (issue 24): the market whose difference
// is the median can be a poor market for both strategies — its wealth far
// below each strategy's median — and a reader takes "SMA $X, fund $Y" as
// what they end up with. The mean of two markets is no market at all (its
// ledger would reconcile to nothing). So the market shown is one whose
// difference is as good as the median's — within the headline's Monte
// Carlo error of it (typicalWindow standard errors, Result.DifferenceSE):
// another set of markets would move the median by that much — and, among
// those, the one whose two wealths are both nearest the middle of their
// own distributions (the largest distance of either wealth's rank from the
// 50th percentile is smallest). Its wealth is then a typical outcome of
// each strategy, and its difference a typical difference.

// typicalWindow is how many standard errors of the median difference a
// market's difference may be from the median to be shown as the typical
// market: 1.96, the half-width of the 95% confidence interval for the
// median (McKean & Schrader 1984, see medianSE). One standard error
// leaves about √n·0.8 markets to choose from (a dozen of 200), too few for
// one to be in the middle of both wealth distributions in every scenario;
// the 95% interval holds about twice as many, all of whose differences
// are as compatible with the simulated median as the median's own.
const typicalWindow = zMedianCI

// middlePaths returns the indices of the paths whose difference is the
// median: one path for an odd count, the two middle ones for an even count
// (the median is then their mean, as in percentiles). Ties keep path
// order.
func middlePaths(diff []float64) []int {
	idx := sortedOrder(diff)
	n := len(idx)
	if n%2 == 1 {
		return idx[n/2 : n/2+1]
	}
	return idx[n/2-1 : n/2+1]
}

// sortedOrder is the indices of v in increasing order of value, ties in
// index order.
func sortedOrder(v []float64) []int {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case v[a] < v[b]:
			return -1
		case v[a] > v[b]:
			return 1
		}
		return 0
	})
	return idx
}

// percentRanks is each value's rank in v as a fraction: 0 for the
// smallest, 1 for the largest (rank/(n−1), so that the value of rank p is
// the p-th percentile of percentiles, Hyndman & Fan type 7); equal values
// share the middle of their ranks, so a tie does not favour the first.
func percentRanks(v []float64) []float64 {
	n := len(v)
	ranks := make([]float64, n)
	if n < 2 {
		return ranks // one value is the median of itself: 0 is replaced below
	}
	idx := sortedOrder(v)
	for i := 0; i < n; {
		j := i
		for j+1 < n && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		r := float64(i+j) / 2 / float64(n-1)
		for k := i; k <= j; k++ {
			ranks[idx[k]] = r
		}
		i = j + 1
	}
	return ranks
}

// wealthRanks are percentRanks of each strategy's after-tax wealth,
// rounded to the cent first: the browser (WebAssembly) and a native build
// can differ in the last bit of a path's wealth (math functions), and
// markets whose wealth is the same — the fund's, when a replay of history
// gives every market the same index returns — must tie on both, or the
// typical market (and the ledger shown) would differ between them.
func wealthRanks(outs []PathOutcome) (sma, fund []float64) {
	s, f := make([]float64, len(outs)), make([]float64, len(outs))
	for i, o := range outs {
		s[i], f[i] = math.Round(o.SMA.AfterTax*100)/100, math.Round(o.Fund.AfterTax*100)/100
	}
	return percentRanks(s), percentRanks(f)
}

// typicalBand is how far from the 50th percentile (as a fraction) a
// wealth's rank may be for the market to count as typical of that
// strategy: the 40th to the 60th percentile.
const typicalBand = 0.1

// typicalPath is the index in outs of the typical market: among the
// paths whose difference is within typicalWindow standard errors (se) of
// the median (the middle paths always qualify, so there is one), the one
// whose SMA and fund wealth ranks are both nearest the 50th percentile —
// the smallest of the larger of the two distances, then the smallest
// sum, then the difference nearest the median, then the lowest index.
//
// With few paths the window can hold no market whose two wealths are
// both within typicalBand of the middle (measured: none of 120 varied
// scenarios at 200 paths, one of the 14 of TestTypicalMarketIsTypical at
// 100 paths). The wealth
// is what a reader takes home from the page ("what I end up with"), and
// the median difference is shown beside it anyway, so then the market is
// the one, among those typical of both strategies, whose difference is
// nearest the median; the page shows its difference as what it is. Only
// when no market is typical of both (a handful of paths) does the first
// choice stand.
func typicalPath(outs []PathOutcome, diff []float64, median, se float64) int {
	if len(outs) == 1 {
		return 0
	}
	rs, rf := wealthRanks(outs)
	inWindow := make([]bool, len(outs))
	for i, d := range diff {
		inWindow[i] = math.Abs(d-median) <= typicalWindow*se
	}
	for _, k := range middlePaths(diff) {
		inWindow[k] = true
	}
	type score struct{ worst, sum, gap float64 }
	scoreOf := func(i int) score {
		ds, df := math.Abs(rs[i]-0.5), math.Abs(rf[i]-0.5)
		return score{max(ds, df), ds + df, math.Abs(diff[i] - median)}
	}
	best := -1
	var bs score
	for i := range outs {
		if !inWindow[i] {
			continue
		}
		c := scoreOf(i)
		if best < 0 || c.worst < bs.worst || c.worst == bs.worst && (c.sum < bs.sum || c.sum == bs.sum && c.gap < bs.gap) {
			best, bs = i, c
		}
	}
	if bs.worst <= typicalBand {
		return best
	}
	nearest := -1
	var ns score
	for i := range outs {
		c := scoreOf(i)
		if c.worst > typicalBand {
			continue
		}
		if nearest < 0 || c.gap < ns.gap || c.gap == ns.gap && c.worst < ns.worst {
			nearest, ns = i, c
		}
	}
	if nearest >= 0 {
		return nearest
	}
	return best
}

// typicalMarket is the wealth and the decomposition of the typical market
// outs[k] (path number path), with its wealth ranks (percentRanks of each
// strategy's after-tax wealth). The decomposition's total is the
// difference of the two wealths as shown (each rounded to the cent), the
// growth of deferred tax taking the rounding, so the figures shown add up.
func typicalMarket(outs []PathOutcome, k, path int) MedianMarket {
	o := outs[k]
	rs, rf := wealthRanks(outs)
	if len(outs) == 1 {
		rs[0], rf[0] = 0.5, 0.5
	}
	m := MedianMarket{
		Path: path,
		SMA:  money(o.SMA.AfterTax), Fund: money(o.Fund.AfterTax),
		SMAPercentile:  round6(rs[k] * 100),
		FundPercentile: round6(rf[k] * 100),
		SMAIfSold:      money(o.SMA.Liquidated), FundIfSold: money(o.Fund.Liquidated),
	}
	m.Difference = Money{m.SMA.Sub(m.Fund.Decimal)}
	// The tax due if sold is what selling would take from the wealth
	// shown: zero when the end treatment already sold (liquidate).
	m.SMATaxIfSold = Money{m.SMA.Sub(m.SMAIfSold.Decimal)}
	m.FundTaxIfSold = Money{m.Fund.Sub(m.FundIfSold.Decimal)}
	d := decompose([]PathOutcome{o})
	d.GrowthOfDeferredTax = Money{d.GrowthOfDeferredTax.Add(m.Difference.Sub(d.Total.Decimal))}
	d.Total = m.Difference
	m.Decomposition = d
	return m
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
