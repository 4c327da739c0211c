package calc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Money is an amount of dollars, rounded to the cent, written in JSON as a
// decimal string with two decimals ("1234567.89").
type Money struct{ decimal.Decimal }

// money converts a float amount to Money, rounded half away from zero to
// the cent: decimal.NewFromFloat(f).Round(2), which rounds f's shortest
// decimal form (the digits strconv writes). centsOf does the same in
// integers; the pair is kept for what those cannot hold.
//
// The pair built a big.Int and computed a power of ten with big.Int.Exp
// for each of a result's amounts (about 1,700: the allocations this
// saves): 18 % of the default scenario's Summarize and MergeWithoutLedger
// natively, which the page runs for a run's first provisional answer and
// at its end, before the final result (docs/ARCHITECTURE.md, "Round 11:
// the page's summaries").
// FuzzMoneyMatchesDecimal holds the two to the same digits.
func money(f float64) Money {
	if c, ok := centsOf(f); ok {
		return Money{decimal.New(c, -2)}
	}
	return Money{decimal.NewFromFloat(f).Round(2)}
}

// pow10 holds the powers of ten a uint64 holds.
var pow10 = [...]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// centsOf is f in cents as decimal.NewFromFloat(f).Round(2) gives them:
// f's shortest decimal form v × 10^e (strconv's 'e' format, at most 17
// digits), cut to the thousandth (toward zero) and rounded half away from
// zero on that digit, as decimal's Round does. false when f is not finite
// or its cents do not fit an int64.
func centsOf(f float64) (int64, bool) {
	if f != f || f > 1e300 || f < -1e300 {
		return 0, false
	}
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], f, 'e', -1, 64) // "-d.ddde-07"
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	var v uint64
	digits, i := 0, 0
	for ; b[i] != 'e'; i++ {
		if b[i] != '.' {
			v = v*10 + uint64(b[i]-'0')
			digits++
		}
	}
	exp := 0
	for _, c := range b[i+2:] {
		exp = exp*10 + int(c-'0')
	}
	if b[i+1] == '-' {
		exp = -exp
	}
	e := exp - (digits - 1) // f = ±v × 10^e
	var cents uint64
	switch k := e + 2; {
	case k >= 0: // whole cents already
		if k >= len(pow10) || v > (1<<63-1)/pow10[k] {
			return 0, false
		}
		cents = v * pow10[k]
	default: // more digits than cents: keep the thousandths, then round on them
		var thousandths uint64
		if drop := -k - 1; drop < len(pow10) {
			thousandths = v / pow10[drop]
		}
		cents = (thousandths + 5) / 10
	}
	c := int64(cents)
	if neg {
		c = -c
	}
	return c, true
}

// String is the amount with two decimals.
func (m Money) String() string { return m.StringFixed(2) }

// MarshalJSON writes the amount as a quoted decimal with two decimals.
func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(strconv.Quote(m.StringFixed(2))), nil
}

// UnmarshalJSON reads a quoted (or bare) decimal within the bounds of
// parseMoney.
func (m *Money) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	return m.UnmarshalText([]byte(s))
}

// MarshalText writes the amount with two decimals, as MarshalJSON without
// the quotes (so that Money is written the same way wherever text is).
func (m Money) MarshalText() ([]byte, error) { return []byte(m.StringFixed(2)), nil }

// UnmarshalText reads a decimal within the bounds of parseMoney. It
// replaces decimal.Decimal's, which Money would otherwise inherit and
// which accepts any exponent.
func (m *Money) UnmarshalText(b []byte) error {
	d, err := parseMoney(string(b))
	if err != nil {
		return err
	}
	m.Decimal = d
	return nil
}

// Bounds of an amount read from text (a stored result, a file). Money is
// only ever written as plain decimal with two decimals (MarshalJSON), so
// nothing else is read: no exponent, at most two decimals, and a magnitude
// of at most MaxMoney. A decimal with any exponent is otherwise accepted by
// shopspring/decimal, and "1e999999999" then takes seconds to print
// (String expands a billion digits) and gigabytes to add.
//
// MaxMoney is 10^15 dollars: Scenario.Validate keeps every figure the tax
// arithmetic sees within ±10^13 dollars (maxTaxDollars), and the largest
// amounts of a result are sums of at most 50 such yearly figures (a
// strategy's taxes over the horizon, the decomposition's parts), below
// 5·10^14. Anything larger was not made by the engine.
const (
	MaxMoney        = 1e15
	maxMoneyDigits  = 16 // digits before the point: 10^15 has 16
	maxMoneyDecimal = 2  // cents
)

var maxMoneyDecimalValue = decimal.New(1, 15)

// parseMoney reads -?DIGITS(.DIGITS)? with at most maxMoneyDigits digits
// before the point and maxMoneyDecimal after it, |amount| ≤ MaxMoney. The
// grammar is checked on the bytes, before any arithmetic.
func parseMoney(s string) (decimal.Decimal, error) {
	bad := func(why string) (decimal.Decimal, error) {
		shown := s
		if len(shown) > 40 {
			shown = shown[:40] + "…"
		}
		return decimal.Decimal{}, fmt.Errorf("calc: bad money %s: %s", strconv.Quote(shown), why)
	}
	body := strings.TrimPrefix(s, "-")
	whole, frac, hasPoint := strings.Cut(body, ".")
	switch {
	case whole == "" || !allDigits(whole) || hasPoint && (frac == "" || !allDigits(frac)):
		return bad("not a decimal amount like 1234.56")
	case len(frac) > maxMoneyDecimal:
		return bad("more than two decimals (cents)")
	case len(whole) > maxMoneyDigits:
		return bad("beyond ±10^15 dollars")
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return bad(err.Error())
	}
	if d.Abs().GreaterThan(maxMoneyDecimalValue) {
		return bad("beyond ±10^15 dollars")
	}
	return d, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Quantiles are the 10th, 50th and 90th percentiles of an amount across paths.
type Quantiles struct {
	P10 Money `json:"p10"`
	P50 Money `json:"p50"`
	P90 Money `json:"p90"`
}

// Spread are the 10th, 50th and 90th percentiles of a rate across paths.
type Spread struct {
	P10 float64 `json:"p10"`
	P50 float64 `json:"p50"`
	P90 float64 `json:"p90"`
}

// TaxAlpha is the spread of the tax alpha (basis points a year) across
// paths and the Monte Carlo standard error of its median: how far the
// headline P50 may be from the median of infinitely many paths (see
// medianSE for the method). JSON: {"p10", "p50", "p90", "se"}.
type TaxAlpha struct {
	Spread
	SE float64 `json:"se"`
}

// Strategy summarises one way of owning the index across paths.
type Strategy struct {
	// AfterTaxWealth is the wealth at the horizon after every tax, with the
	// scenario's end treatment (liquidate, hold, stepup, donate).
	AfterTaxWealth Quantiles `json:"after_tax_wealth"`
	// PreLiquidationWealth is the portfolio's value after the last year's
	// tax, before any tax on unrealized gains ("hold").
	PreLiquidationWealth Quantiles `json:"pre_liquidation_wealth"`
	// LiquidatedWealth is the value after selling everything and paying the
	// tax on it ("liquidate"), whatever the end treatment.
	LiquidatedWealth Quantiles `json:"liquidated_wealth"`
	// AfterTaxReturn is the annualized after-tax money-weighted return.
	AfterTaxReturn Spread `json:"after_tax_return"`
	// Taxes, Fees and TradingCosts are means over paths of the totals over
	// the horizon; Taxes include the end treatment's tax.
	Taxes        Money `json:"taxes"`
	Fees         Money `json:"fees"`
	TradingCosts Money `json:"trading_costs"`
	// Contributions is the mean of the net contributions actually made
	// (withdrawals are limited to what the portfolio holds).
	Contributions Money `json:"contributions"`
	// DepletedFraction is the share of paths (simulated markets) where the
	// portfolio ran out: at the start of some year it could not pay both
	// the tax due and the withdrawal, so the tax was paid first, the
	// withdrawal got what was left and the portfolio stayed at zero.
	DepletedFraction float64 `json:"depleted_fraction"`
	// DepletedYear is the median year (1 … horizon; the lower middle one
	// for an even count) in which the portfolio ran out, among the paths
	// where it did; 0 when it never did.
	DepletedYear int `json:"depleted_year"`
	// UnpaidTax is the mean over paths of the tax owed that the portfolio
	// could not pay because it ran out (the investor pays it from outside;
	// it is part of Taxes but not subtracted from any wealth figure, so no
	// wealth figure is below zero).
	UnpaidTax Money `json:"unpaid_tax"`
}

// Year is one tax year, means over paths.
type Year struct {
	Year        int   `json:"year"`
	HarvestedST Money `json:"harvested_st"` // short-term losses harvested (positive)
	HarvestedLT Money `json:"harvested_lt"` // long-term losses harvested (positive)
	SMATax      Money `json:"sma_tax"`      // the SMA's incremental tax for the year
	FundTax     Money `json:"fund_tax"`     // the fund's incremental tax for the year
	// TaxSaved is FundTax − SMATax exactly: each tax is the mean over
	// paths rounded to the cent (half away from zero), and the tax saved
	// is the difference of the rounded amounts, so a row adds up as shown
	// (rounding the mean difference instead made it differ by a cent in
	// some years).
	TaxSaved     Money `json:"tax_saved"`
	Carryforward Money `json:"carryforward"` // the SMA's capital-loss carryforward at year end (ST + LT)
	// BenefitBps is the mean tax saved, unrounded, / SMA value at the
	// start of the year × 10,000 (a rate, rounded to 6 decimals).
	BenefitBps float64 `json:"benefit_bps"`
	// RealizedGains is the SMA's net realized capital gain of the year
	// (short- and long-term, harvested losses included, before any
	// carryforward): with existing holdings it stays within "gainbudget".
	RealizedGains Money `json:"realized_gains"`
	// SingleWeight is the weight of the existing holdings (key "single",
	// or legacy lots) in the SMA at the year end; 0 without them.
	SingleWeight float64 `json:"single_weight"`
	// TrackingError is the year's annualized standard deviation of the
	// SMA's monthly return minus the index's (see Result.TrackingError).
	TrackingError float64 `json:"tracking_error"`
	// ForcedGains is the SMA's net gain realized by selling the names that
	// left the index that year (mean over paths; turnover.go).
	ForcedGains Money `json:"forced_gains"`
	// TaxSaving and ExtraCost are the year's figures on the typical market
	// (the ledger's path, not means over paths like the fields above), the
	// two sides of Result.LossesRunOutYear: the fund's tax for the year
	// minus the SMA's (without the end treatment's tax), and what the SMA
	// costs over the fund that year (its fee minus the fund's expenses,
	// plus its trading costs). Absent in partial results, which have no
	// ledger.
	TaxSaving *Money `json:"tax_saving,omitempty"`
	ExtraCost *Money `json:"extra_cost,omitempty"`
	// Gifts is the year's gifts of lots (key "give"; give.go); nil
	// without gifts.
	Gifts *YearGifts `json:"gifts,omitempty"`
}

// WealthPoint is the after-tax wealth if both portfolios were liquidated at
// the end of a year (year 0 = the start), percentiles across paths.
type WealthPoint struct {
	Year int       `json:"year"`
	SMA  Quantiles `json:"sma"`
	Fund Quantiles `json:"fund"`
}

// Decomposition splits the mean difference in after-tax wealth (SMA − fund)
// into its sources; the parts sum to Total exactly. Positive parts favour
// the SMA.
type Decomposition struct {
	Total Money `json:"total"`
	// TaxSavedOnHarvestedLosses is the fund's yearly taxes minus the SMA's,
	// less the part due to the fund's distributions (it also holds the
	// small differences in dividend tax).
	TaxSavedOnHarvestedLosses Money `json:"tax_saved_on_harvested_losses"`
	// DistributionsAvoided is the fund's yearly tax caused by its
	// capital-gain distributions.
	DistributionsAvoided Money `json:"distributions_avoided"`
	// FeeDifference is the fund's fees minus the SMA's fees.
	FeeDifference Money `json:"fee_difference"`
	// TradingCosts is minus the SMA's trading costs (the fund's are inside
	// its expense ratio).
	TradingCosts Money `json:"trading_costs"`
	// ExtraTaxAtLiquidation is the fund's end-of-horizon tax minus the
	// SMA's (negative when the SMA's lower basis costs more at the end).
	ExtraTaxAtLiquidation Money `json:"extra_tax_at_liquidation"`
	// GrowthOfDeferredTax is the SMA's extra market growth and dividends:
	// the return on the taxes it deferred and kept invested, plus tracking
	// difference.
	GrowthOfDeferredTax Money `json:"growth_of_deferred_tax"`
	// UnpaidTax is the tax the SMA's portfolio could not pay because it ran
	// out minus the fund's (paid from outside, so not taken from wealth).
	UnpaidTax Money `json:"unpaid_tax"`
}

// DifferencePoint is the difference in after-tax wealth (SMA − fund) if
// both were sold at the end of a year (year 0 = the start), percentiles
// across paths (paired on the same market path).
type DifferencePoint struct {
	Year       int       `json:"year"`
	Difference Quantiles `json:"difference"`
}

// MedianMarket is the typical market: one simulated market, shown whole
// (never a mean of markets), whose difference is within the Monte Carlo
// error of the median difference and whose two wealths are both nearest
// the middle of their own distributions (median_market.go says why and
// how). SMA − Fund is its Difference and its decomposition's Total, to
// the cent; the ledger is this market's and ends at SMA and Fund. The
// JSON name stays median_market (a contract: add, never rename).
type MedianMarket struct {
	SMA           Money         `json:"sma"`  // after-tax wealth with the end treatment
	Fund          Money         `json:"fund"` // after-tax wealth with the end treatment
	Decomposition Decomposition `json:"decomposition"`

	// Path is the market's path number (Ledger.Path in a final result).
	Path int `json:"path"`
	// Difference is SMA − Fund in this market (within
	// typicalWindow × Result.DifferenceSE of Result.Difference.P50).
	Difference Money `json:"difference"`
	// SMAPercentile and FundPercentile are where this market's wealth
	// ranks among each strategy's simulated markets, 0 … 100 (50: the
	// median).
	SMAPercentile  float64 `json:"sma_percentile"`
	FundPercentile float64 `json:"fund_percentile"`
	// SMAIfSold and FundIfSold are the after-tax wealth if everything were
	// sold at the horizon (liquidated), and SMATaxIfSold and FundTaxIfSold
	// what that sale would cost over SMA and Fund: with end=hold (keep)
	// the tax due on the unrealized gains, so keep and stepup (heirs,
	// IRC §1014) differ by exactly it; 0 with end=liquidate; negative
	// when selling at a loss would lower the tax.
	SMAIfSold     Money `json:"sma_if_sold"`
	FundIfSold    Money `json:"fund_if_sold"`
	SMATaxIfSold  Money `json:"sma_tax_if_sold"`
	FundTaxIfSold Money `json:"fund_tax_if_sold"`
}

// Result is the outcome of a scenario: the worker's reply and the CLI's
// output. Money is in dollars (decimal strings), rates are fractions,
// basis points are numbers.
type Result struct {
	Scenario string `json:"scenario"` // canonical query of the scenario
	Paths    int    `json:"paths"`    // paths simulated
	Horizon  int    `json:"horizon"`  // years
	End      string `json:"end"`      // end treatment

	SMA  Strategy `json:"sma"`
	Fund Strategy `json:"fund"`

	// Difference is the SMA's after-tax wealth minus the fund's, percentiles
	// across paths (paired on the same market path).
	Difference Quantiles `json:"difference"`
	// DifferenceSE is the Monte Carlo standard error of Difference.P50,
	// dollars: how far the median difference may be from the median of
	// infinitely many paths (McKean & Schrader, with the antithetic pairs
	// counted, as TaxAlpha.SE). A break-even map shows it for each cell.
	DifferenceSE Money `json:"difference_se"`
	// TaxAlphaBps is the SMA's annualized after-tax money-weighted return
	// minus the fund's, in basis points, percentiles across paths, with
	// the Monte Carlo standard error of the median (the headline).
	TaxAlphaBps TaxAlpha `json:"tax_alpha_bps"`
	// TaxAlphaBeforeSaleBps is the tax alpha with both strategies' value
	// before the final sale (no tax on unrealized gains at the end), as
	// published tax-alpha figures are usually stated; percentiles across
	// paths and the standard error of the median, basis points a year.
	TaxAlphaBeforeSaleBps TaxAlpha `json:"tax_alpha_before_sale_bps"`
	// SMAAheadFraction is the share of paths where the SMA ends ahead.
	SMAAheadFraction float64 `json:"sma_ahead_fraction"`
	// SMABehindFraction is the share of paths where it ends behind; the
	// rest end level (both ran out, or exactly the same wealth).
	SMABehindFraction float64 `json:"sma_behind_fraction"`
	// TrackingError is the annualized standard deviation of the SMA's
	// monthly pre-tax, pre-fee return minus the index's (mean over paths).
	TrackingError float64 `json:"tracking_error"`
	// LossesRunOutYear is, on the typical market (the ledger's path), the
	// year after which the SMA's yearly tax saving stays below its extra
	// cost over the fund (Year.TaxSaving < Year.ExtraCost in every later
	// year): harvesting paid for the SMA until then. 0 when it never did
	// (below in every year); null when the saving still covers the cost
	// in the last year, and in partial results (no ledger).
	LossesRunOutYear *int `json:"losses_run_out_year"`

	Years          []Year        `json:"years"`
	WealthOverTime []WealthPoint `json:"wealth_over_time"`
	Decomposition  Decomposition `json:"decomposition"`
	// DifferenceOverTime is the difference if both were sold at the end of
	// each year (year 0 = the start), percentiles across paths.
	DifferenceOverTime []DifferencePoint `json:"difference_over_time"`
	// MedianMarket is the typical market: its wealth, its decomposition
	// and the tax due if sold (see MedianMarket).
	MedianMarket MedianMarket `json:"median_market"`
	// Keep is, when the scenario moves existing holdings (a concentrated
	// position or legacy lots), the after-tax wealth of keeping them as
	// they are with the rest in the fund, for comparison; nil otherwise.
	Keep *KeepResult `json:"keep,omitempty"`
	// Gifts is, when the scenario gives lots to charity (key "give"), the
	// gains each strategy gave away over the horizon (give.go); nil
	// otherwise.
	Gifts *GiftSummary `json:"gifts,omitempty"`
	// ExitPlans is, with "exit", every exit plan's after-tax wealth side
	// by side with the best one named (exit_result.go); nil otherwise.
	ExitPlans *ExitPlans `json:"exit_plans,omitempty"`
	// Ledger is the year-by-year accounting of the typical market
	// (MedianMarket.Path); nil in partial results.
	Ledger *Ledger `json:"ledger,omitempty"`
}

// KeepResult is the "keep it" strategy of a transition: the existing
// holdings kept as they are, the rest in the fund.
type KeepResult struct {
	AfterTaxWealth Quantiles `json:"after_tax_wealth"` // with the end treatment
}

// Progress reports how far a simulation has come.
type Progress struct {
	Done, Total int     // paths done, paths in all
	Partial     *Result // the result of the paths done so far (no ledger)
}
