//go:build !wasm

package main

import (
	"context"
	"fmt"
	"math"
)

// transitionLogic checks the transition (calc/transition.go): a
// concentrated position moved into the SMA within a yearly net-gain
// budget. It pins the logic, not a published figure: no paper states
// these numbers, but the rules are exact.
type transitionLogic struct {
	Budget    float64
	Within    *run // single=0.6, singlebasis=0.1, gainbudget=Budget (issue 18's example)
	Zero      *run // the same with a zero budget and no harvest: the position is kept
	ZeroHarv  *run // a zero budget with harvesting: moved with the losses only
	Unlimited *run // no budget: sold at once, as the fund does
}

// transitionBase runs without index turnover (turnover=0): the forced
// gains of names leaving the index count against the year's gain budget
// and alone can exceed it (calc/turnover.go), so the budget's logic is
// checked without them.
const transitionBase = "single=0.6&singlebasis=0.1&horizon=10&turnover=0"

func (c config) transition(ctx context.Context) (*transitionLogic, error) {
	t := &transitionLogic{Budget: 50000}
	paths := fmt.Sprintf("paths=%d", c.paths(200)&^1)
	var err error
	for _, x := range []struct {
		dst **run
		q   string
	}{
		{&t.Within, query(transitionBase, "gainbudget=50000", paths)},
		{&t.Zero, query(transitionBase, "gainbudget=0&harvest=none", paths)},
		{&t.ZeroHarv, query(transitionBase, "gainbudget=0", paths)},
		// No dividends: the SMA's wait a month as cash (calc/cash.go), the
		// fund's are reinvested at once, and the year-1 taxes would differ
		// by that rather than by the sale.
		{&t.Unlimited, query(transitionBase, "harvest=none&smafee=0&fundfee=0&tradecost=0&div=0", paths)},
	} {
		if *x.dst, err = c.simulate(ctx, x.q); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// problems lists every rule the runs break (none: the logic holds).
func (t *transitionLogic) problems() []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	prev := 0.6
	for k, y := range t.Within.Result.Years {
		if g := y.RealizedGains.InexactFloat64(); g > t.Budget {
			bad("budget: year %d mean net realized gain %.2f above %.0f", k+1, g, t.Budget)
		}
		for p, o := range t.Within.Outcomes {
			if o.Years[k].Realized > t.Budget+1e-6 {
				bad("budget: path %d year %d realized %.2f", p, k+1, o.Years[k].Realized)
				break
			}
		}
		if y.SingleWeight >= prev {
			bad("budget: year %d legacy weight %.4f did not fall from %.4f", k+1, y.SingleWeight, prev)
		}
		prev = y.SingleWeight
	}
	funded := 0.0
	for _, row := range t.Within.Result.Ledger.SMA {
		if row.LegacySoldHarvested == nil {
			bad("ledger: year %d has no legacy_sold_harvest_funded", row.Year)
			continue
		}
		funded += row.LegacySoldHarvested.InexactFloat64()
	}
	if funded <= 0 {
		bad("ledger: no harvest-funded sale on the representative market")
	}
	// Zero budget, no harvest: the position's weight moves with its price
	// only; what is sold is paid for by the losses of the yearly sales
	// for the tax, a few dollars in a thousand.
	for _, row := range t.Zero.Result.Ledger.SMA {
		if row.RealizedGains != nil && row.LegacySold != nil && row.LegacySold.IsPositive() && row.RealizedGains.IsPositive() {
			bad("zero budget: year %d sold %v to a net gain of %v", row.Year, row.LegacySold, row.RealizedGains)
		}
	}
	if w := t.Zero.Result.Years[0].SingleWeight; w < 0.5 {
		bad("zero budget: year 1 legacy weight %.3f: the position was sold", w)
	}
	if w := t.ZeroHarv.Result.Years[len(t.ZeroHarv.Result.Years)-1].SingleWeight; w >= t.Zero.Result.Years[len(t.Zero.Result.Years)-1].SingleWeight {
		bad("zero budget: harvested losses moved nothing (weight %.3f)", w)
	}
	// No budget equals selling at once: the SMA realizes the position's
	// whole gain in year 1 and, with equal costs and no harvest, pays the
	// fund's tax that year.
	u := t.Unlimited.Result.Years[0]
	if u.SingleWeight != 0 {
		bad("unlimited: year 1 legacy weight %v", u.SingleWeight)
	}
	if d := math.Abs(u.SMATax.InexactFloat64() - u.FundTax.InexactFloat64()); d > 0.01 {
		bad("unlimited: year 1 SMA tax %v, fund tax %v", u.SMATax, u.FundTax)
	}
	return out
}

func (v *validation) transitionSection(w *report) {
	t := v.Transition
	w.p("## 8. Moving a concentrated position within a gain budget")
	w.p("")
	w.p("Not a published comparison: the transition's rules, checked on the engine. 60%% of $1,000,000 is one stock with")
	w.p("a basis of 10%% of its value (volatility 35%%, beta 1), the rest the index. The SMA sells the stock once a year, in")
	w.p("December when the year's harvested losses are known, so that its net realized gain reaches the budget and no more")
	w.p("(so every path's yearly net gain is within it, not only the mean), and buys the index; the fund strategy sells")
	w.p("everything at the start. %s, $%.0f a year:", w.scenario(t.Within), t.Budget)
	w.p("")
	w.p("| year | net realized gain (mean) | legacy weight | tracking error | SMA tax | fund tax |")
	w.p("|---|---|---|---|---|---|")
	for _, y := range t.Within.Result.Years {
		w.p("| %d | %s | %.1f%% | %.1f%% | %s | %s |", y.Year, y.RealizedGains, 100*y.SingleWeight, 100*y.TrackingError, y.SMATax, y.FundTax)
	}
	w.p("")
	sold, funded := 0.0, 0.0
	for _, row := range t.Within.Result.Ledger.SMA {
		sold += row.LegacySold.InexactFloat64()
		funded += row.LegacySoldHarvested.InexactFloat64()
	}
	w.p("Harvest-funded sales are in the ledger: on the representative market the SMA sold $%.0f of the position over the", sold)
	w.p("horizon, $%.0f of it (`legacy_sold_harvest_funded`) with the room the year's harvested losses opened beyond the budget.", funded)
	w.p("")
	w.p("- A zero budget without harvesting keeps the position (%s): year 1's legacy weight is %.1f%%, moved by its",
		w.scenario(t.Zero), 100*t.Zero.Result.Years[0].SingleWeight)
	w.p("  price only; a sale happens only when the year's other sales realized a net loss, to a net gain of zero.")
	w.p("- A zero budget with harvesting (%s) moves the position with the harvested losses alone: after %d years its",
		w.scenario(t.ZeroHarv), len(t.ZeroHarv.Result.Years))
	w.p("  weight is %.1f%% (calc's tests check that no year with a sale realizes a net gain).", 100*t.ZeroHarv.Result.Years[len(t.ZeroHarv.Result.Years)-1].SingleWeight)
	u := t.Unlimited.Result.Years[0]
	w.p("- No budget equals selling at once (%s): the legacy weight is 0 after year 1, and with equal costs, no", w.scenario(t.Unlimited))
	w.p("  harvest and no dividends (the SMA's wait a month as cash) the SMA's year-1 tax (%s) is the fund's (%s).", u.SMATax, u.FundTax)
	if ps := t.problems(); len(ps) > 0 {
		w.p("")
		w.p("**Broken:** %v", ps)
	}
	w.p("")
}
