// Package advisor is the advisors' tools: saved scenarios (kept in the
// browser, exported and imported as files), the comparison with a pinned
// scenario, presenter mode, the exports and the printed report's cover and
// inputs. Opening a scenario is an intent to the store (store.ActionOpen).
package advisor

import (
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc"
)

// Compare shows a pinned scenario beside the current one: each side's
// median difference, its range in 80% of markets and its verdict, and the
// main inputs of both, with only what differs highlighted (issue 24, item
// 4). The pin is the store's (store.ActionPin), so it stays while the
// inputs change, lots are imported or removed, or the page is presented.
// Unpinned, it is the button that pins.
type Compare struct {
	app.Compo
	// Final is the current scenario's complete result; nil Result while
	// it runs.
	Final store.Shown
	// Pinned is the pinned result (nil Result: none), PinnedClient the
	// client it was pinned for, Client the current one.
	Pinned               store.Shown
	PinnedClient, Client string
}

func (c *Compare) pin(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(store.ActionPin, true)
}

// compareKeys are the inputs always listed (what the answer rests on, as
// beside the headline); any other input is listed when it differs.
var compareKeys = []string{"amount", "horizon", "fund", "end", "state", "wages", "stgains"}

func (c *Compare) Render() app.UI {
	widget.Rendered("compareView")
	if c.Pinned.Result == nil {
		return app.Div().ID("compare").Class("compare compare-empty no-print").Body(
			app.Button().ID("pin").Type("button").Class("button secondary").Disabled(c.Final.Result == nil).
				Text("Pin this scenario to compare").OnClick(c.pin),
			app.P().Class("status-line").Text("Pin a scenario, then change the inputs: both are shown side by side, next to the answer."),
		)
	}
	p, cur := c.Pinned.Result, c.Final.Result
	pinnedFund := fields.FundShort(c.Pinned.Scenario.Fund)
	curFund := pinnedFund
	if cur != nil {
		curFund = fields.FundShort(c.Final.Scenario.Fund)
	}
	beforeLabel, afterLabel := widget.AlphaLabels(p.End)
	if cur != nil && cur.End != p.End {
		beforeLabel, afterLabel = "before the end of the horizon", "with the end chosen"
	}
	rows := []app.UI{
		resultRow("difference", "Median difference after tax", p, cur, func(r *calc.Result) string { return widget.SignedDollars(r.Difference.P50.Decimal) },
			func(a, b *calc.Result) bool {
				return beyondError(a.Difference.P50.InexactFloat64(), b.Difference.P50.InexactFloat64(), a.DifferenceSE.InexactFloat64(), b.DifferenceSE.InexactFloat64())
			}),
		resultRow("range", "Range of the difference in 80% of markets", p, cur, rangeText, nil),
		verdictRow(p, cur, pinnedFund, curFund),
		resultRow("alpha-before", "Tax alpha "+beforeLabel+" (median)", p, cur, func(r *calc.Result) string { return widget.BpsAsPercent(r.TaxAlphaBeforeSaleBps.P50) + " a year" },
			func(a, b *calc.Result) bool {
				return beyondError(a.TaxAlphaBeforeSaleBps.P50, b.TaxAlphaBeforeSaleBps.P50, a.TaxAlphaBeforeSaleBps.SE, b.TaxAlphaBeforeSaleBps.SE)
			}),
		resultRow("alpha", "Tax alpha "+afterLabel+" (median)", p, cur, widget.TaxAlphaText,
			func(a, b *calc.Result) bool {
				return beyondError(a.TaxAlphaBps.P50, b.TaxAlphaBps.P50, a.TaxAlphaBps.SE, b.TaxAlphaBps.SE)
			}),
		resultRow("ahead", "Simulated markets where the SMA ends ahead", p, cur, widget.AheadText,
			func(a, b *calc.Result) bool {
				// Two binomial standard errors of the two shares.
				se := func(r *calc.Result) float64 {
					return math.Sqrt(r.SMAAheadFraction * (1 - r.SMAAheadFraction) / float64(max(r.Paths, 1)))
				}
				return beyondError(a.SMAAheadFraction, b.SMAAheadFraction, se(a), se(b))
			}),
		// The typical market's wealth (calc.MedianMarket): one simulated
		// market, whose own difference is within the simulation's error
		// of the median difference above.
		resultRow("sma", "After-tax wealth in the typical market, SMA", p, cur, func(r *calc.Result) string { return widget.Dollars(r.MedianMarket.SMA.Decimal) }, nil),
		resultRow("fund", "After-tax wealth in the typical market, fund", p, cur, func(r *calc.Result) string { return widget.Dollars(r.MedianMarket.Fund.Decimal) }, nil),
	}
	// Yearly gifts of shares (app/giving): the gains given away, when
	// either scenario gives.
	if hasGifts(p) || hasGifts(cur) {
		rows = append(rows,
			resultRow("gift-sma", "Gains given away to charity, SMA", p, cur, func(r *calc.Result) string { return giftText(r, true) }, nil),
			resultRow("gift-fund", "Gains given away to charity, fund", p, cur, func(r *calc.Result) string { return giftText(r, false) }, nil))
	}
	if p.ExitPlans != nil || cur != nil && cur.ExitPlans != nil {
		rows = append(rows, resultRow("exit", "Best exit plan (median after tax)", p, cur, exitPlanText, nil))
	}
	var inputRows []app.UI
	if cur != nil {
		inputRows = c.inputRows()
	}
	pinnedName := nameOf(c.PinnedClient, c.Pinned.Scenario)
	currentName := "the current scenario"
	if cur != nil {
		currentName = nameOf(c.Client, c.Final.Scenario)
	}
	return app.Section().ID("compare").Class("compare").Aria("labelledby", "compare-title").Body(
		app.H3().ID("compare-title").Text("Compared with the pinned scenario"),
		app.Div().Class("table-scroll").Body(app.Table().ID("compare-table").Class("money-table compare-table").Body(
			app.Caption().ID("compare-caption").Text("Pinned: "+pinnedName+". Current: "+currentName+"."),
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Result"), app.Th().Scope("col").Text("Pinned"), app.Th().Scope("col").Text("Current"))),
			app.TBody().Body(rows...),
		)),
		app.If(cur == nil, func() app.UI {
			return app.P().Class("status-line").Text("The current column fills in when the simulation finishes.")
		}).ElseIf(c.Pinned.Scenario.Query == c.Final.Scenario.Query, func() app.UI {
			return app.P().ID("compare-same").Class("status-line").Text("Both scenarios have the same inputs. Change an input to compare.")
		}).Else(func() app.UI {
			return app.Div().Class("table-scroll").Body(app.Table().ID("compare-inputs").Class("money-table compare-table").Body(
				app.Caption().Text("Inputs (what differs is highlighted)"),
				app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Input"), app.Th().Scope("col").Text("Pinned"), app.Th().Scope("col").Text("Current"))),
				app.TBody().Body(inputRows...),
			))
		}),
		app.Div().Class("compare-actions no-print").Body(
			app.Button().ID("repin").Type("button").Class("button secondary").Disabled(cur == nil).
				Text("Pin the current scenario instead").OnClick(c.pin),
			app.Button().ID("open-pinned").Type("button").Class("button secondary").Text("Go back to the pinned scenario").
				OnClick(c.openPinned),
			app.Button().ID("unpin").Type("button").Class("button secondary").Text("Unpin").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(store.ActionPin, false) }),
		),
	)
}

// nameOf is the client's name with the scenario in a few words, or the
// scenario alone.
func nameOf(client string, s fields.Scenario) string {
	if client == "" {
		return scenarioName(s)
	}
	return client + " (" + scenarioName(s) + ")"
}

// inputRows lists compareKeys and any other input that differs; only
// the inputs that differ are highlighted.
func (c *Compare) inputRows() []app.UI {
	a, b := fields.Lines(c.Pinned.Scenario), fields.Lines(c.Final.Scenario)
	if len(a) != len(b) {
		return nil
	}
	always := map[string]bool{}
	for _, k := range compareKeys {
		always[k] = true
	}
	var rows []app.UI
	for i := range a {
		differs := a[i].Value != b[i].Value
		if !differs && !always[a[i].Key] {
			continue
		}
		class := ""
		if differs {
			class = "changed"
		}
		rows = append(rows, app.Tr().Class(class).DataSet("key", a[i].Key).Body(
			app.Th().Scope("row").Text(a[i].Label), app.Td().Text(a[i].Value), app.Td().Text(b[i].Value)))
	}
	return rows
}

// openPinned goes back to the pinned scenario (read when clicked: go-app
// keeps an element's first handler, so a closure would go stale).
func (c *Compare) openPinned(ctx app.Context, e app.Event) {
	if c.Pinned.Result != nil {
		s := c.Pinned.Scenario
		s.Legacy = nil // a pinned scenario opens as its link would, without lots
		ctx.NewActionWithValue(store.ActionOpen, store.Open{Scenario: s, Label: c.PinnedClient})
	}
}

// beyondError says two Monte Carlo estimates differ by more than two
// standard errors of their difference (about 95%): less is the noise of
// the simulation, not a difference between the scenarios.
func beyondError(a, b, seA, seB float64) bool {
	return math.Abs(a-b) > widget.ErrorMargins*math.Hypot(seA, seB)
}

// rangeText is the 10th to 90th percentile of the difference.
func rangeText(r *calc.Result) string {
	return widget.SignedDollars(r.Difference.P10.Decimal) + " to " + widget.SignedDollars(r.Difference.P90.Decimal)
}

// resultRow is one figure of both scenarios, highlighted when differs
// says the two differ (nil: when the texts differ).
func resultRow(key, label string, pinned, current *calc.Result, text func(*calc.Result) string, differs func(a, b *calc.Result) bool) app.UI {
	a, b := text(pinned), "…"
	changed := false
	if current != nil {
		b = text(current)
		if differs != nil {
			changed = a != b && differs(pinned, current)
		} else {
			changed = a != b
		}
	}
	class := ""
	if changed {
		class = "changed"
	}
	return app.Tr().Class(class).DataSet("row", key).Body(app.Th().Scope("row").Text(label), app.Td().Text(a), app.Td().Text(b))
}

// verdictRow is each side's verdict, as the headline judges it.
func verdictRow(pinned, current *calc.Result, pinnedFund, currentFund string) app.UI {
	a, b := widget.VerdictWords(widget.Tone(pinned), pinnedFund), "…"
	if current != nil {
		b = widget.VerdictWords(widget.Tone(current), currentFund)
	}
	class := ""
	if current != nil && a != b {
		class = "changed"
	}
	return app.Tr().Class(class).DataSet("row", "verdict").Body(app.Th().Scope("row").Text("Verdict"), app.Td().Text(a), app.Td().Text(b))
}

func hasGifts(r *calc.Result) bool { return r != nil && r.Gifts != nil }

// giftText is the gain a strategy gave away over the horizon (mean over
// the simulated markets), "no gifts" when the scenario gives nothing.
func giftText(r *calc.Result, sma bool) string {
	if r.Gifts == nil {
		return "no gifts"
	}
	if sma {
		return widget.Dollars(r.Gifts.GainGivenSMA.Decimal)
	}
	return widget.Dollars(r.Gifts.GainGivenFund.Decimal)
}

// exitPlanText is the best exit plan of a result and its median after-tax
// wealth ("—" without an exit year; app/after shows the plans).
func exitPlanText(r *calc.Result) string {
	x := r.ExitPlans
	if x == nil {
		return "—"
	}
	for _, p := range x.Plans {
		if p.Plan == x.Best {
			return exitPlanNames[p.Plan] + " after year " + strconv.Itoa(x.Year) + ": " + widget.Dollars(p.AfterTaxWealth.P50.Decimal)
		}
	}
	return "—"
}

// exitPlanNames name the exit plans in the comparison.
var exitPlanNames = map[string]string{"keep": "Keep the SMA", "inkind": "In kind", "etf351": "§351 exchange", "sell": "Sell"}
