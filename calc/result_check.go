package calc

import (
	"errors"
	"fmt"
	"math"

	"smacalc/calc/scenario"

	"github.com/shopspring/decimal"
)

// CheckConsistency reports the first way r could not be the final result
// of scenario s, or nil. It checks the shape (the scenario's canonical
// query, paths, horizon and end treatment; one row per year; one point
// per year end and the start) and the identities every result Simulate
// returns satisfies:
//
//   - every distribution is in order: p10 ≤ p50 ≤ p90; wealth is never
//     below zero; shares of paths are within [0, 1];
//   - the shares of paths ahead and behind agree with the difference's
//     percentiles (a negative p10 means at least the paths up to the 10th
//     percentile's order statistic are behind; percentiles interpolate
//     between order statistics, Hyndman & Fan type 7);
//   - the decomposition's parts add up to its total exactly, and the
//     typical market's (MedianMarket's) wealth and decomposition add up
//     to its difference exactly, and its tax if sold to its wealth less
//     its wealth if sold;
//   - each year's tax saved is the fund's tax minus the SMA's, exactly;
//   - the wealth over time at the horizon is the liquidated wealth, and
//     with end=liquidate the after-tax wealth and the difference;
//   - the ledger, when there is one, has a row per year that reconciles,
//     and it is the typical market's: its path, its difference, and its
//     last rows end at the typical market's wealth; each year has the ledger path's
//     tax saving and extra cost (the ledger's fees and trading costs, SMA
//     minus fund, within the rounding of its four amounts), and the year
//     the losses run out is the one they give; without a ledger there is
//     none of these;
//   - with "exit", the exit plans are the four in order, "keep" is the
//     SMA's after-tax wealth and its difference from the fund the
//     difference's, a §351 exchange is modelled exactly when every path
//     passes the diversification test (and otherwise says why), only the
//     sale adds a tax at the exit, and the best plan has the highest
//     median, ahead of the next best by the difference of their medians.
//
// A result read from outside the engine (a browser's storage) is checked
// with it before it is shown: a failed check means recompute. It cannot
// tell a result that is consistent but made up (each figure moved
// together) from a computed one; only recomputing can.
func (r *Result) CheckConsistency(s scenario.Scenario) error {
	if r == nil {
		return errors.New("no result")
	}
	var c consistency
	c.shape(r, s)
	if c.err != nil { // later checks index by the horizon
		return c.err
	}
	c.distributions(r)
	c.shares(r)
	c.sums(r)
	c.ledger(r)
	c.exitPlans(r, s)
	return c.err
}

// consistency keeps the first problem found.
type consistency struct{ err error }

func (c *consistency) fail(format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf(format, args...)
	}
}

func (c *consistency) shape(r *Result, s scenario.Scenario) {
	switch q := s.Encode(); {
	case r.Scenario != q:
		c.fail("scenario %q, want %q", r.Scenario, q)
	case r.Paths != s.Paths || r.Horizon != s.Horizon || r.End != s.End:
		c.fail("paths %d, horizon %d, end %q; the scenario has %d, %d, %q", r.Paths, r.Horizon, r.End, s.Paths, s.Horizon, s.End)
	case len(r.Years) != s.Horizon:
		c.fail("%d years for a %d-year horizon", len(r.Years), s.Horizon)
	case len(r.WealthOverTime) != s.Horizon+1 || len(r.DifferenceOverTime) != s.Horizon+1:
		c.fail("%d and %d points over time for a %d-year horizon", len(r.WealthOverTime), len(r.DifferenceOverTime), s.Horizon)
	case r.Keep == nil && (s.Single > 0 || len(s.Legacy) > 0):
		// A keep strategy without holdings in s is not an error: legacy
		// lots are not part of the query, and a caller that keys results
		// by a hash of them (the result cache) does not have them.
		c.fail("no keep strategy for a scenario with existing holdings")
	}
	if c.err != nil {
		// The loops below index the series by the lengths the cases above
		// check; the switch stops at its first fault, so with another one
		// found those lengths are unchecked (a stored result can be
		// anything: FuzzResultCacheLoad found one).
		return
	}
	for k := range r.Years {
		if r.Years[k].Year != k+1 {
			c.fail("year %d in row %d", r.Years[k].Year, k+1)
		}
	}
	for k := range r.WealthOverTime {
		if r.WealthOverTime[k].Year != k || r.DifferenceOverTime[k].Year != k {
			c.fail("point %d over time is for year %d", k, r.WealthOverTime[k].Year)
		}
	}
}

var zeroMoney = decimal.Zero

// equal reports whether q and o are the same amounts (Money compares by
// value, not by its representation).
func (q Quantiles) equal(o Quantiles) bool {
	return q.P10.Equal(o.P10.Decimal) && q.P50.Equal(o.P50.Decimal) && q.P90.Equal(o.P90.Decimal)
}

func (c *consistency) ordered(what string, q Quantiles, wealth bool) {
	if q.P10.GreaterThan(q.P50.Decimal) || q.P50.GreaterThan(q.P90.Decimal) {
		c.fail("%s: p10 %s, p50 %s, p90 %s out of order", what, q.P10, q.P50, q.P90)
	}
	if wealth && q.P10.LessThan(zeroMoney) {
		c.fail("%s: wealth below zero (%s)", what, q.P10)
	}
}

func (c *consistency) orderedRate(what string, q Spread) {
	if !(q.P10 <= q.P50 && q.P50 <= q.P90) || !finite(q.P10) || !finite(q.P90) {
		c.fail("%s: p10 %v, p50 %v, p90 %v out of order", what, q.P10, q.P50, q.P90)
	}
}

func share(f float64) bool { return f >= 0 && f <= 1 }

func (c *consistency) distributions(r *Result) {
	for _, st := range []struct {
		name string
		v    *Strategy
	}{{"sma", &r.SMA}, {"fund", &r.Fund}} {
		v := st.v
		c.ordered(st.name+" after-tax wealth", v.AfterTaxWealth, true)
		c.ordered(st.name+" pre-liquidation wealth", v.PreLiquidationWealth, true)
		c.ordered(st.name+" liquidated wealth", v.LiquidatedWealth, true)
		c.orderedRate(st.name+" after-tax return", v.AfterTaxReturn)
		if v.Fees.LessThan(zeroMoney) || v.TradingCosts.LessThan(zeroMoney) || v.UnpaidTax.LessThan(zeroMoney) {
			c.fail("%s: negative fees, trading costs or unpaid tax", st.name)
		}
		if !share(v.DepletedFraction) || v.DepletedYear < 0 || v.DepletedYear > r.Horizon || (v.DepletedFraction == 0) != (v.DepletedYear == 0) {
			c.fail("%s: ran out in %v of paths, year %d", st.name, v.DepletedFraction, v.DepletedYear)
		}
	}
	c.ordered("difference", r.Difference, false)
	c.orderedRate("tax alpha", r.TaxAlphaBps.Spread)
	c.orderedRate("tax alpha before the sale", r.TaxAlphaBeforeSaleBps.Spread)
	if !(r.TaxAlphaBps.SE >= 0) || !(r.TaxAlphaBeforeSaleBps.SE >= 0) || math.IsInf(r.TaxAlphaBps.SE+r.TaxAlphaBeforeSaleBps.SE, 0) {
		c.fail("tax alpha standard error %v", r.TaxAlphaBps.SE)
	}
	if !(r.TrackingError >= 0) || math.IsInf(r.TrackingError, 0) {
		c.fail("tracking error %v", r.TrackingError)
	}
	for k, p := range r.WealthOverTime {
		c.ordered(fmt.Sprintf("sma wealth in year %d", k), p.SMA, true)
		c.ordered(fmt.Sprintf("fund wealth in year %d", k), p.Fund, true)
		c.ordered(fmt.Sprintf("difference in year %d", k), r.DifferenceOverTime[k].Difference, false)
	}
	if r.Keep != nil {
		c.ordered("keep after-tax wealth", r.Keep.AfterTaxWealth, true)
	}
	end := r.WealthOverTime[r.Horizon]
	if !end.SMA.equal(r.SMA.LiquidatedWealth) || !end.Fund.equal(r.Fund.LiquidatedWealth) {
		c.fail("wealth over time at the horizon is not the liquidated wealth")
	}
	if r.End == "liquidate" && (!r.SMA.AfterTaxWealth.equal(r.SMA.LiquidatedWealth) || !r.Fund.AfterTaxWealth.equal(r.Fund.LiquidatedWealth) ||
		!r.DifferenceOverTime[r.Horizon].Difference.equal(r.Difference)) {
		c.fail("with end=liquidate, after-tax wealth and difference differ from the liquidated ones")
	}
}

// shares checks the shares of paths ahead and behind against the
// difference's percentiles. A percentile p of n sorted values interpolates
// at h = p·(n−1): a negative value means the order statistic ⌊h⌋ (from 0)
// is negative, so ⌊h⌋+1 paths are behind; a positive one means order
// statistic ⌈h⌉ is positive, so n−⌈h⌉ paths are ahead.
func (c *consistency) shares(r *Result) {
	ahead, behind := r.SMAAheadFraction, r.SMABehindFraction
	if !share(ahead) || !share(behind) || ahead+behind > 1+1e-6 {
		c.fail("ahead in %v of paths and behind in %v", ahead, behind)
		return
	}
	if r.Paths < 1 {
		c.fail("%d paths", r.Paths)
		return
	}
	n := float64(r.Paths)
	aheadN, behindN := math.Round(ahead*n), math.Round(behind*n)
	for _, q := range []struct {
		p float64
		v Money
	}{{0.1, r.Difference.P10}, {0.5, r.Difference.P50}, {0.9, r.Difference.P90}} {
		h := q.p * (n - 1)
		if q.v.LessThan(zeroMoney) && behindN < math.Floor(h)+1 {
			c.fail("behind in %v of paths with a difference's %.0fth percentile of %s", behind, 100*q.p, q.v)
		}
		if q.v.GreaterThan(zeroMoney) && aheadN < n-math.Ceil(h) {
			c.fail("ahead in %v of paths with a difference's %.0fth percentile of %s", ahead, 100*q.p, q.v)
		}
	}
}

// partsSum is the sum of a decomposition's parts.
func (d Decomposition) partsSum() decimal.Decimal {
	return d.TaxSavedOnHarvestedLosses.Add(d.DistributionsAvoided.Decimal).Add(d.FeeDifference.Decimal).
		Add(d.TradingCosts.Decimal).Add(d.ExtraTaxAtLiquidation.Decimal).Add(d.GrowthOfDeferredTax.Decimal).
		Add(d.UnpaidTax.Decimal)
}

var oneCent = decimal.New(1, -2)

func (c *consistency) sums(r *Result) {
	if !r.Decomposition.partsSum().Equal(r.Decomposition.Total.Decimal) {
		c.fail("the decomposition's parts add up to %s, its total is %s", r.Decomposition.partsSum(), r.Decomposition.Total)
	}
	m := r.MedianMarket
	if !m.Decomposition.partsSum().Equal(m.Decomposition.Total.Decimal) || !m.Decomposition.Total.Equal(m.Difference.Decimal) ||
		!m.SMA.Sub(m.Fund.Decimal).Equal(m.Difference.Decimal) {
		c.fail("the median market (the typical one, %s − %s) does not add up to its difference %s", m.SMA, m.Fund, m.Difference)
	}
	if m.Path < 0 || m.Path >= r.Paths || m.SMAPercentile < 0 || m.SMAPercentile > 100 || m.FundPercentile < 0 || m.FundPercentile > 100 {
		c.fail("the typical market's path %d or percentiles %v, %v out of range", m.Path, m.SMAPercentile, m.FundPercentile)
	}
	if !m.SMA.Sub(m.SMAIfSold.Decimal).Equal(m.SMATaxIfSold.Decimal) || !m.Fund.Sub(m.FundIfSold.Decimal).Equal(m.FundTaxIfSold.Decimal) {
		c.fail("the typical market's tax if sold is not its wealth minus its wealth if sold")
	}
	for _, y := range r.Years {
		if !y.FundTax.Sub(y.SMATax.Decimal).Equal(y.TaxSaved.Decimal) {
			c.fail("year %d: tax saved %s is not the fund's tax %s minus the SMA's %s", y.Year, y.TaxSaved, y.FundTax, y.SMATax)
		}
		if y.HarvestedST.LessThan(zeroMoney) || y.HarvestedLT.LessThan(zeroMoney) || y.Carryforward.LessThan(zeroMoney) {
			c.fail("year %d: negative harvested losses or carryforward", y.Year)
		}
	}
}

func (c *consistency) ledger(r *Result) {
	l := r.Ledger
	if l == nil {
		if r.LossesRunOutYear != nil {
			c.fail("a year the losses run out without a ledger")
		}
		for _, y := range r.Years {
			if y.TaxSaving != nil || y.ExtraCost != nil {
				c.fail("year %d: a tax saving or extra cost without a ledger", y.Year)
			}
		}
		return
	}
	h := r.Horizon
	if len(l.SMA) != h || len(l.Fund) != h || l.Path < 0 || l.Path >= r.Paths {
		c.fail("ledger of %d and %d rows (path %d) for %d years", len(l.SMA), len(l.Fund), l.Path, h)
		return
	}
	for k := range h {
		for _, row := range []LedgerRow{l.SMA[k], l.Fund[k]} {
			if row.Year != k+1 || !row.Reconciles() {
				c.fail("ledger row %d does not reconcile", k+1)
			}
		}
	}
	c.runOut(r)
	last := l.SMA[h-1].End.Sub(l.Fund[h-1].End.Decimal)
	if last.Sub(l.Difference.Decimal).Abs().GreaterThan(oneCent) {
		c.fail("the ledger's difference %s is not its last rows' %s", l.Difference, last)
	}
	// The ledger is the typical market's and ends at the wealth shown.
	m := r.MedianMarket
	if l.Path != m.Path || !l.Difference.Equal(m.Difference.Decimal) ||
		!l.SMA[h-1].End.Equal(m.SMA.Decimal) || !l.Fund[h-1].End.Equal(m.Fund.Decimal) {
		c.fail("the ledger (path %d, %s) is not the typical market's (path %d, %s)", l.Path, l.Difference, m.Path, m.Difference)
	}
}

// runOut checks the years' tax saving and extra cost against the ledger
// and the year the losses run out against them (see runOutYears).
func (c *consistency) runOut(r *Result) {
	l := r.Ledger
	for k, y := range r.Years {
		if y.TaxSaving == nil || y.ExtraCost == nil {
			c.fail("year %d: no tax saving or extra cost", y.Year)
			return
		}
		sma, fund := l.SMA[k], l.Fund[k]
		cost := sma.Fees.Sub(fund.Fees.Decimal).Add(sma.TradingCosts.Decimal).Sub(fund.TradingCosts.Decimal)
		// Each of the ledger's four amounts is rounded to the cent on its
		// own, the extra cost once: they differ by at most 2 cents.
		if cost.Sub(y.ExtraCost.Decimal).Abs().GreaterThan(oneCent.Mul(decimal.NewFromInt(2))) {
			c.fail("year %d: extra cost %s, the ledger's fees and trading costs give %s", y.Year, y.ExtraCost, cost)
		}
	}
	want, got := lossesRunOutYear(r.Years), r.LossesRunOutYear
	if (want == nil) != (got == nil) || want != nil && *want != *got {
		c.fail("the losses run out in year %v, the years' figures say %v", yearText(got), yearText(want))
	}
}

func yearText(y *int) string {
	if y == nil {
		return "null"
	}
	return fmt.Sprint(*y)
}
