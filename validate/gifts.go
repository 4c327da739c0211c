//go:build !wasm

package main

import (
	"context"
	"fmt"
)

// giftsCheck checks the yearly gifts of appreciated lots (calc/give.go,
// issue 28 item 2) on the engine: no paper states these numbers, but the
// rules are exact and the shape is the one wealth managers describe (the
// SMA's lots spread wider, so its gifts carry more gain).
type giftsCheck struct {
	Give, Itemized float64
	Itemizing      *run // give=Give&itemized=Itemized: the default investor itemizes
	Standard       *run // a single filer with 60,000 of wages: the standard deduction wins
}

const giftsBase = "give=20000"

func (c config) gifts(ctx context.Context) (*giftsCheck, error) {
	g := &giftsCheck{Give: 20000, Itemized: 40000}
	paths := fmt.Sprintf("paths=%d", c.paths(200)&^1)
	var err error
	if g.Itemizing, err = c.simulate(ctx, query(giftsBase, "itemized=40000", paths)); err != nil {
		return nil, err
	}
	if g.Standard, err = c.simulate(ctx, query("give=5000", "wages=60000&stgains=0&status=single&state=TX", paths)); err != nil {
		return nil, err
	}
	return g, nil
}

// problems lists every rule the runs break (none: the rules hold).
func (g *giftsCheck) problems() []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	for _, r := range []*run{g.Itemizing, g.Standard} {
		if r.Result.Gifts == nil {
			bad("%s: no gifts in the result", r.Query)
			continue
		}
		for k, y := range r.Result.Years {
			if y.Gifts == nil {
				bad("%s: year %d has no gifts", r.Query, k+1)
				continue
			}
			give := 20000.0
			if r == g.Standard {
				give = 5000
			}
			if s, f := y.Gifts.GiftedSMA.InexactFloat64(), y.Gifts.GiftedFund.InexactFloat64(); s > give+0.005 || f > give+0.005 {
				bad("%s: year %d gave %.2f and %.2f, more than %.0f", r.Query, k+1, s, f, give)
			}
			if k == 0 && (!y.Gifts.GiftedSMA.IsZero() || !y.Gifts.GiftedFund.IsZero()) {
				bad("%s: year 1 gave lots, none of which is long-term", r.Query)
			}
			if r == g.Standard && (!y.Gifts.DeductionSMA.IsZero() || !y.Gifts.DeductionFund.IsZero()) {
				bad("%s: year %d deducts without itemizing", r.Query, k+1)
			}
		}
	}
	if s := g.Itemizing.Result.Gifts; s != nil && s.MedianMarketGainGivenSMA != nil &&
		s.MedianMarketGainGivenSMA.Cmp(s.MedianMarketGainGivenFund.Decimal) <= 0 {
		bad("median market: the SMA gave away %v of gain, the fund %v", s.MedianMarketGainGivenSMA, s.MedianMarketGainGivenFund)
	}
	return out
}

func (v *validation) giftsSection(w *report) {
	g := v.Gifts
	r := g.Itemizing.Result
	w.p("## 12. Yearly gifts of appreciated lots")
	w.p("")
	w.p("Not a published comparison: the rules, checked on the engine (calc/give.go, calc/tax/itemized.go). The investor")
	w.p("gives $%.0f a year to charity anyway and has $%.0f of other itemized deductions. At each year's end both strategies", g.Give, g.Itemized)
	w.p("give, instead of cash, their long-term lots at a gain with the largest gain per dollar and buy the same shares back")
	w.p("with the cash they would have given; the lots given are replaced by lots at today's price and their gain is never")
	w.p("taxed. %s:", w.scenario(g.Itemizing))
	w.p("")
	w.p("| year | SMA: given | SMA: gain given away | SMA: deduction | fund: given | fund: gain given away | fund: deduction |")
	w.p("|---|---|---|---|---|---|---|")
	for k, y := range r.Years {
		if y.Gifts == nil {
			continue
		}
		x := y.Gifts
		w.p("| %d | %s | %s | %s | %s | %s | %s |", k+1, x.GiftedSMA.StringFixed(2), x.GainGivenSMA.StringFixed(2), x.DeductionSMA.StringFixed(2),
			x.GiftedFund.StringFixed(2), x.GainGivenFund.StringFixed(2), x.DeductionFund.StringFixed(2))
	}
	w.p("")
	if s := r.Gifts; s != nil && s.MedianMarketGainGivenSMA != nil {
		w.p("Over the horizon the SMA gave away %s of gain (mean over markets), the fund %s; on the median market (the", s.GainGivenSMA.StringFixed(2), s.GainGivenFund.StringFixed(2))
		w.p("ledger's path) %s and %s. The SMA's is larger because its lots spread wider: single stocks gain far more",
			s.MedianMarketGainGivenSMA.StringFixed(2), s.MedianMarketGainGivenFund.StringFixed(2))
		w.p("than the index, and those lots are the ones it gives (the check is the sign, not a tuned figure).")
	}
	w.p("")
	w.p("- Year 1 gives no lot: none is held more than a year, and a gift of shares held a year or less deducts only their")
	w.p("  basis (IRC §170(e)(1)(A)); the gift is cash. A gift never exceeds `give`, nor the lots there are.")
	w.p("- A household that takes the standard deduction (%s) deducts nothing in any year; the gain", w.scenario(g.Standard))
	w.p("  given away still counts.")
	w.p("- The deduction (unit tests in calc/tax/itemized_test.go, computed by hand): gifts of long-term appreciated shares")
	w.p("  at fair market value (§170(e)(1)), at most 30%% of the contribution base, the AGI (§170(b)(1)(C)(i), (H)), and")
	w.p("  what the 50%% limit leaves after cash (§170(b)(1)(G)(iii)); cash up to 60%% (§170(b)(1)(G)); the excess carried")
	w.p("  five years, used after the year's own gifts, oldest first (§170(d)(1)(A), Treas. Reg. §1.170A-10(b)), and used up")
	w.p("  in a year of standard deduction too (Treas. Reg. §1.170A-10(a)(2)); itemizing only when the gifts plus")
	w.p("  `itemized` beat the standard deduction (§63(e)). From 2026 (P.L. 119-21): a floor of 0.5%% of the contribution")
	w.p("  base, taken from the 30%% property first (§170(b)(1)(I), §70425), carried only from a year with an excess")
	w.p("  (§170(d)(1)(C)); itemized deductions reduced by 2/37 of the smaller of themselves and the income above the 37%%")
	w.p("  bracket (§68 as amended, §70111); the non-itemizer's deduction of $1,000 ($2,000 joint) for cash gifts only")
	w.p("  (§170(p), §70424), so not for gifts of shares. The AMT keeps the charitable deduction (no adjustment for")
	w.p("  appreciated property; §56(b)(1)(F): no §68), adds back the other itemized deductions as taxes")
	w.p("  (§56(b)(1)(A)(ii)) and has no standard deduction (§56(b)(1)(E)).")
	w.p("- States: those that start from federal taxable income take the deduction taken (docs/STATE_TAX.md).")
	for _, p := range g.problems() {
		w.p("- PROBLEM: %s", p)
	}
	w.p("")
}
