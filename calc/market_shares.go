package calc

import (
	"math"

	"smacalc/calc/internal/market"
	"smacalc/calc/internal/minmax"
)

// Share prices. The engine prices every stock at 1 at a path's start and
// counts its holdings in engine shares (a dollar's worth at the start);
// the SMA trades whole shares (sma.go), so each stock is given a share
// price in dollars at the start, and one share is that many engine
// shares for the rest of the path: the price compounds with the stock's
// return (an entering name keeps its slot's price: turnover.go).
//
// The starting prices are lognormal, fitted to what Bloomberg reported of
// the S&P 500's share prices at the end of 2021 (BloombergQuint, "High
// Price No Hurdle for Gains as Stock Prices Outpace S&P 500", 2021):
// "nearly one in six stocks in the S&P 500 cost more than $300" and
// "nine trade for more than $1,000". P(price > 300) = 1/6 and
// P(price > 1000) = 9/500 give z-scores 0.967 and 2.097, so
// σ = ln(1000/300)/(2.097 − 0.967) = 1.065 and the median
// exp(ln 300 − 0.967 σ) ≈ $107. Its mean, $189, is near the $209 average
// share price the same article gives (the fit leaves out the few prices
// of several thousand dollars). Bespoke Investment Group counted an
// average of $86.58 in 2013 and $24.31 at the 2009 low ("The Rise of the
// Triple-Digit Stock"): prices drift with the market, and these are
// today's. Each path draws its own (the draws do not touch the market's
// stream), clamped to $5…$5,000, the range of S&P 500 prices in the
// article (its dearest was NVR at "more than $5,000"), in whole cents.
const (
	sharePriceLogMedian = 4.674 // ln $107
	sharePriceLogSd     = 1.065
	sharePriceMin       = 5.0
	sharePriceMax       = 5000.0
)

// drawSharePrices sets size[i], stock i's starting share price in
// dollars, which is also the number of engine shares in one share, from
// the path's seed word a.
func drawSharePrices(size []float64, a uint64) {
	var r market.NormalSource
	r.Seed(a^0x5a17e5, market.SplitMix64(a^0x9f1ce), 1)
	for i := range size {
		// float64(…) keeps the product from fusing into an FMA (native
		// and WebAssembly agree to the bit); prices are in whole cents.
		p := market.ExpFast(sharePriceLogMedian + float64(sharePriceLogSd*r.Norm()))
		size[i] = math.Round(minmax.Min(minmax.Max(p, sharePriceMin), sharePriceMax)*100) / 100
	}
}
