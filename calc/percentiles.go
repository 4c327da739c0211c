package calc

import (
	"math"
	"slices"
)

// The statistics a Result reports over paths: percentiles, the median's
// standard error with the antithetic pairs counted, rounding.

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
// pairing of paths (see market.PathSeed): v holds the paths' values, paths their
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

// differenceWithSE is the percentiles of the per-path differences v (in
// path order, path numbers in paths) in dollars and the standard error of
// their median, counted as taxAlpha counts it.
func differenceWithSE(v []float64, paths []int) (Quantiles, Money) {
	sorted := slices.Clone(v)
	p10, p50, p90 := percentiles(sorted)
	se := medianSE(sorted) * math.Sqrt(pairFactor(v, paths, p50))
	return Quantiles{money(p10), money(p50), money(p90)}, money(se)
}
