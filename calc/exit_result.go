package calc

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"smacalc/calc/scenario"
)

// ExitPlans is the exit plans of a scenario with "exit" side by side
// (exit.go): each plan's after-tax wealth at the horizon with the
// scenario's end treatment, against the fund's on the same paths.
type ExitPlans struct {
	Year int     `json:"year"` // the plans apply at the end of this year
	Plan string  `json:"plan"` // the plan weighed ("exitplan")
	Fee  float64 `json:"fee"`  // yearly cost after the exit ("exitfee")
	// Plans are keep, inkind, etf351 and sell, in that order.
	Plans []ExitPlan `json:"plans"`
	// Best is the modelled plan with the highest median after-tax wealth,
	// NextBest the one after it; BestBy is the difference of their
	// medians (what the side-by-side figures show).
	Best     string `json:"best"`
	NextBest string `json:"next_best"`
	BestBy   Money  `json:"best_by"`
	// Diversification is the §368(a)(2)(F)(ii) test of the portfolio at
	// the exit, which a §351 exchange needs (Treas. Reg. §1.351-1(c)(6)).
	Diversification ExitDiversification `json:"diversification"`
}

// ExitPlan is one exit plan's outcome.
type ExitPlan struct {
	Plan string `json:"plan"` // keep, inkind, etf351, sell
	// Modelled is false for etf351 when the portfolio fails the
	// diversification test on some path; Reason then says which test
	// and by how much.
	Modelled bool   `json:"modelled"`
	Reason   string `json:"reason,omitempty"`
	// AfterTaxWealth is at the horizon, with the end treatment; VersusFund
	// the paired difference from the fund's; VersusKeep from keeping the
	// SMA's (nil when not modelled).
	AfterTaxWealth *Quantiles `json:"after_tax_wealth,omitempty"`
	VersusFund     *Quantiles `json:"versus_fund,omitempty"`
	VersusKeep     *Quantiles `json:"versus_keep,omitempty"`
	// ExitTax is the tax the exit itself adds to the exit year's (mean over
	// paths): the sale's for sell, zero for the others.
	ExitTax Money `json:"exit_tax"`
}

// ExitDiversification is the test of IRC §368(a)(2)(F)(ii) on the SMA's
// portfolio at the end of the exit year: the largest issuer's share of
// its value (cash excluded) and the five largest issuers' together,
// medians over paths, and the share of paths passing both limits.
type ExitDiversification struct {
	LargestShare     float64 `json:"largest_share"`
	FiveLargestShare float64 `json:"five_largest_share"`
	PassedFraction   float64 `json:"passed_fraction"`
}

// exitPlanOrder is the order of ExitPlans.Plans (the key's choices').
var exitPlanOrder = []string{"keep", "inkind", "etf351", "sell"}

// exitPlansOf summarises the paths' exit plans; nil without "exit".
func exitPlansOf(s scenario.Scenario, outs pathOutcomes) *ExitPlans {
	if s.Exit == 0 || len(outs) == 0 {
		return nil
	}
	n := len(outs)
	x := &ExitPlans{Year: s.Exit, Plan: s.ExitPlan, Fee: s.ExitFeeRate()}
	passed := 0
	for i := range outs {
		if outs[i].Exit.Eligible {
			passed++
		}
	}
	x.Diversification = ExitDiversification{
		LargestShare:     round6(median(outs.col(func(o *PathOutcome) float64 { return o.Exit.Largest }))),
		FiveLargestShare: round6(median(outs.col(func(o *PathOutcome) float64 { return o.Exit.Five }))),
		PassedFraction:   round6(float64(passed) / float64(n)),
	}
	wealth := map[string][]float64{
		"keep":   outs.col(func(o *PathOutcome) float64 { return o.SMA.AfterTax }),
		"inkind": outs.col(func(o *PathOutcome) float64 { return o.Exit.InKind }),
		"etf351": outs.col(func(o *PathOutcome) float64 { return o.Exit.ETF351 }),
		"sell":   outs.col(func(o *PathOutcome) float64 { return o.Exit.Sell }),
	}
	fund := outs.col(func(o *PathOutcome) float64 { return o.Fund.AfterTax })
	minus := func(a, b []float64) []float64 {
		d := make([]float64, len(a))
		for i := range a {
			d[i] = a[i] - b[i]
		}
		return d
	}
	var modelled []string
	for _, plan := range exitPlanOrder {
		p := ExitPlan{Plan: plan, Modelled: plan != "etf351" || passed == n, ExitTax: money(0)}
		if plan == "sell" {
			p.ExitTax = money(outs.mean(func(o *PathOutcome) float64 { return o.Exit.SaleTax }))
		}
		if !p.Modelled {
			p.Reason = x.Diversification.failure(x.Year)
			x.Plans = append(x.Plans, p)
			continue
		}
		w := wealth[plan]
		q, f, k := quantiles(slices.Clone(w)), quantiles(minus(w, fund)), quantiles(minus(w, wealth["keep"]))
		p.AfterTaxWealth, p.VersusFund, p.VersusKeep = &q, &f, &k
		x.Plans = append(x.Plans, p)
		modelled = append(modelled, plan)
	}
	// Best by median wealth; ties keep the table's order.
	slices.SortStableFunc(modelled, func(a, b string) int {
		ma, mb := median(wealth[a]), median(wealth[b])
		switch {
		case ma > mb:
			return -1
		case ma < mb:
			return 1
		}
		return 0
	})
	x.Best, x.NextBest = modelled[0], modelled[1]
	x.BestBy = money(median(wealth[x.Best]) - median(wealth[x.NextBest]))
	return x
}

// median is the median of v (the mean of the middle two for an even
// count), as percentiles' P50; v is not changed.
func median(v []float64) float64 {
	_, m, _ := percentiles(slices.Clone(v))
	return m
}

// failure says why a §351 exchange is not modelled: which limit of IRC
// §368(a)(2)(F)(ii) the portfolio exceeds at the end of year `year`
// (medians over paths) and on how many paths.
func (d ExitDiversification) failure(year int) string {
	var over []string
	if d.LargestShare > maxIssuerShare {
		over = append(over, fmt.Sprintf("its largest holding is %s of its value (the limit is 25%%)", percent(d.LargestShare)))
	}
	if d.FiveLargestShare > maxFiveShare {
		over = append(over, fmt.Sprintf("its five largest are %s (the limit is 50%%)", percent(d.FiveLargestShare)))
	}
	fails := percent(1 - d.PassedFraction)
	what := fmt.Sprintf("the portfolio exceeds a limit (one holding over 25%% of its value, or the five largest over 50%%) in %s of the simulated markets", fails)
	if len(over) > 0 {
		what = "in the median market " + strings.Join(over, " and ") + "; the test fails in " + fails + " of the simulated markets"
	}
	return fmt.Sprintf("A §351 exchange into an ETF is tax-free only for a diversified portfolio (IRC §351(e)(1), §368(a)(2)(F)(ii), Treas. Reg. §1.351-1(c)(6)): at the end of year %d %s. Not modelled.", year, what)
}

// percent writes a share as a whole percentage ("42%"), or with one
// decimal below 10%.
func percent(f float64) string {
	p := f * 100
	if p < 10 && p != math.Trunc(p) {
		return fmt.Sprintf("%.1f%%", p)
	}
	return fmt.Sprintf("%.0f%%", p)
}

// exitPlanNames are the plans as the answer words them.
var exitPlanNames = map[string]string{
	"keep":   "keeping the SMA",
	"inkind": "moving the lots as they are to a cheaper account",
	"etf351": "exchanging the lots for ETF shares under §351",
	"sell":   "selling everything and buying the fund",
}

// Words says which plan is best in the scenario and by how much, for the
// answer, the report and the CLI's reader.
func (x *ExitPlans) Words() string {
	if x == nil || x.Best == "" {
		return ""
	}
	by := x.BestBy.Round(0).StringFixed(0)
	return fmt.Sprintf("Leaving at the end of year %d: %s is best in this scenario, $%s ahead of %s after taxes at the horizon (median market).",
		x.Year, exitPlanNames[x.Best], thousands(by), exitPlanNames[x.NextBest])
}

// thousands puts commas in a whole number's digits.
func thousands(digits string) string {
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// exitPlans checks r's exit plans against s (see CheckConsistency).
func (c *consistency) exitPlans(r *Result, s scenario.Scenario) {
	x := r.ExitPlans
	if (x != nil) != (s.Exit > 0) {
		c.fail("exit plans %v for exit=%d", x != nil, s.Exit)
		return
	}
	if x == nil {
		return
	}
	if x.Year != s.Exit || x.Plan != s.ExitPlan || len(x.Plans) != len(exitPlanOrder) {
		c.fail("exit plans for year %d, plan %q, %d plans; the scenario has %d, %q", x.Year, x.Plan, len(x.Plans), s.Exit, s.ExitPlan)
		return
	}
	d := x.Diversification
	if !share(d.LargestShare) || !share(d.FiveLargestShare) || !share(d.PassedFraction) || d.LargestShare > d.FiveLargestShare+1e-6 {
		c.fail("diversification shares %+v", d)
	}
	var best *ExitPlan
	for i := range x.Plans {
		p := &x.Plans[i]
		if p.Plan != exitPlanOrder[i] {
			c.fail("exit plan %d is %q, want %q", i, p.Plan, exitPlanOrder[i])
			return
		}
		if p.Plan != "sell" && !p.ExitTax.IsZero() {
			c.fail("exit plan %s adds a tax of %s at the exit", p.Plan, p.ExitTax)
		}
		if wantModelled := p.Plan != "etf351" || d.PassedFraction == 1; p.Modelled != wantModelled {
			c.fail("exit plan %s modelled %v with %v of paths diversified", p.Plan, p.Modelled, d.PassedFraction)
		}
		if !p.Modelled {
			if p.Reason == "" || p.AfterTaxWealth != nil {
				c.fail("exit plan %s not modelled without a reason, or with a wealth", p.Plan)
			}
			continue
		}
		if p.AfterTaxWealth == nil || p.VersusFund == nil || p.VersusKeep == nil {
			c.fail("exit plan %s modelled without its wealth", p.Plan)
			continue
		}
		c.ordered("exit plan "+p.Plan, *p.AfterTaxWealth, true)
		c.ordered("exit plan "+p.Plan+" against the fund", *p.VersusFund, false)
		c.ordered("exit plan "+p.Plan+" against keeping", *p.VersusKeep, false)
		if best == nil || p.AfterTaxWealth.P50.GreaterThan(best.AfterTaxWealth.P50.Decimal) {
			best = p
		}
	}
	keep := x.Plans[0]
	if keep.AfterTaxWealth == nil || !keep.AfterTaxWealth.equal(r.SMA.AfterTaxWealth) || !keep.VersusFund.equal(r.Difference) ||
		!keep.VersusKeep.equal(Quantiles{}) {
		c.fail("keeping the SMA is not the SMA's result")
	}
	if best == nil || best.AfterTaxWealth.P50.GreaterThan(planP50(x, x.Best).Decimal) {
		c.fail("best exit plan %q has not the highest median", x.Best)
		return
	}
	gap := planP50(x, x.Best).Sub(planP50(x, x.NextBest).Decimal)
	if x.Best == x.NextBest || x.BestBy.IsNegative() || gap.Sub(x.BestBy.Decimal).Abs().GreaterThan(oneCent) {
		c.fail("best exit plan %s ahead of %s by %s; their medians differ by %s", x.Best, x.NextBest, x.BestBy, gap)
	}
}

// planP50 is the median wealth of the plan named (zero if not modelled).
func planP50(x *ExitPlans, plan string) Money {
	for _, p := range x.Plans {
		if p.Plan == plan && p.AfterTaxWealth != nil {
			return p.AfterTaxWealth.P50
		}
	}
	return Money{}
}
