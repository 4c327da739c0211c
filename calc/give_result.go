package calc

// The gifts of lots (give.go) in the Result: each year's means over paths
// in years[], the ledger path's (the median market's) in the ledger, and
// their totals side by side in Result.Gifts.

// YearGifts is a year's gifts of lots, each strategy's (means over paths;
// set only when the scenario gives, key "give").
type YearGifts struct {
	// Gifted is the value of the lots given; the rest of "give" was given
	// in cash from outside.
	GiftedSMA  Money `json:"gifted_sma"`
	GiftedFund Money `json:"gifted_fund"`
	// GainGiven is the unrealized gain of the lots given: never taxed.
	GainGivenSMA  Money `json:"gain_given_sma"`
	GainGivenFund Money `json:"gain_given_fund"`
	// Deduction is the year's charitable deduction (the gifts in cash and
	// in shares, the carryover, after the limits and the floor): zero
	// when the investor takes the standard deduction, where only the gains
	// given away still count.
	DeductionSMA  Money `json:"deduction_sma"`
	DeductionFund Money `json:"deduction_fund"`
	// Lots is the mean number of lots given (wholly or in part).
	LotsSMA  float64 `json:"lots_sma"`
	LotsFund float64 `json:"lots_fund"`
}

// LedgerGift is one strategy's gift of lots in a ledger row.
type LedgerGift struct {
	Lots      int   `json:"lots"`
	Gifted    Money `json:"gifted"`
	GainGiven Money `json:"gain_given"`
	Deduction Money `json:"deduction"`
}

// GiftSummary is the whole horizon's gifts: the gains each strategy gave
// away instead of paying tax on them, mean over paths and on the median
// market (the ledger's path), and the value given in lots.
type GiftSummary struct {
	GainGivenSMA  Money `json:"gain_given_sma"`
	GainGivenFund Money `json:"gain_given_fund"`
	GiftedSMA     Money `json:"gifted_sma"`
	GiftedFund    Money `json:"gifted_fund"`
	// MedianMarket*: the same on the ledger's path; nil in partial results.
	MedianMarketGainGivenSMA  *Money `json:"median_market_gain_given_sma,omitempty"`
	MedianMarketGainGivenFund *Money `json:"median_market_gain_given_fund,omitempty"`
}

// giftYears adds each year's gifts (means over paths) to years and
// returns the totals.
func (outs pathOutcomes) giftYears(years []Year) *GiftSummary {
	var sum GiftSummary
	var gainS, gainF, giftS, giftF float64
	for k := range years {
		yr := func(f func(y *PathYear) float64) float64 {
			return outs.mean(func(o *PathOutcome) float64 { return f(&o.Years[k]) })
		}
		g := YearGifts{
			GiftedSMA:     money(yr(func(y *PathYear) float64 { return y.GiftSMA })),
			GiftedFund:    money(yr(func(y *PathYear) float64 { return y.GiftFund })),
			GainGivenSMA:  money(yr(func(y *PathYear) float64 { return y.GiftGainSMA })),
			GainGivenFund: money(yr(func(y *PathYear) float64 { return y.GiftGainFund })),
			DeductionSMA:  money(yr(func(y *PathYear) float64 { return y.GiftDedSMA })),
			DeductionFund: money(yr(func(y *PathYear) float64 { return y.GiftDedFund })),
			LotsSMA:       round6(yr(func(y *PathYear) float64 { return y.GiftLotsSMA })),
			LotsFund:      round6(yr(func(y *PathYear) float64 { return y.GiftLotsFund })),
		}
		years[k].Gifts = &g
		gainS += yr(func(y *PathYear) float64 { return y.GiftGainSMA })
		gainF += yr(func(y *PathYear) float64 { return y.GiftGainFund })
		giftS += yr(func(y *PathYear) float64 { return y.GiftSMA })
		giftF += yr(func(y *PathYear) float64 { return y.GiftFund })
	}
	sum.GainGivenSMA, sum.GainGivenFund = money(gainS), money(gainF)
	sum.GiftedSMA, sum.GiftedFund = money(giftS), money(giftF)
	return &sum
}

// ledgerGift is a recorded year's gift as a ledger row shows it.
func ledgerGift(g giftFlows) *LedgerGift {
	return &LedgerGift{Lots: g.lots, Gifted: money(g.value), GainGiven: money(g.gain), Deduction: money(g.deduction)}
}

// medianMarketGifts adds the ledger path's gains given away to the
// summary.
func (g *GiftSummary) medianMarketGifts(l *Ledger) {
	if g == nil || l == nil {
		return
	}
	total := func(rows []LedgerRow) *Money {
		var sum float64
		for _, r := range rows {
			if r.Gift != nil {
				sum += r.Gift.GainGiven.InexactFloat64()
			}
		}
		m := money(sum)
		return &m
	}
	g.MedianMarketGainGivenSMA, g.MedianMarketGainGivenFund = total(l.SMA), total(l.Fund)
}
