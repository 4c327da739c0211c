// Package advisor is the advisors' tools: saved scenarios (kept in the
// browser, exported and imported as files), the comparison with a pinned
// scenario, presenter mode, the exports and the printed report's cover and
// inputs. Opening a scenario is an intent to the store (store.ActionOpen).
package advisor

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc"
)

// Compare pins a scenario and shows it beside the current one: the
// headline figures of both and the inputs that differ, highlighted. The pin
// is kept while the inputs change.
type Compare struct {
	app.Compo
	// Final is the current scenario's complete result; nil Result while
	// it runs.
	Final store.Shown

	pinned *store.Shown
}

func (c *Compare) pin(ctx app.Context, e app.Event) {
	if c.Final.Result != nil {
		p := c.Final
		c.pinned = &p
	}
}

func (c *Compare) Render() app.UI {
	widget.Rendered("compareView")
	if c.pinned == nil {
		return app.Div().ID("compare").Class("compare compare-empty no-print").Body(
			app.Button().ID("pin").Type("button").Class("button secondary").Disabled(c.Final.Result == nil).
				Text("Pin this scenario to compare").OnClick(c.pin),
			app.P().Class("status-line").Text("Pin a scenario, then change the inputs: both are shown side by side."),
		)
	}
	p, cur := c.pinned.Result, c.Final.Result
	pinnedFund := c.pinned.Scenario.Fund
	rows := []app.UI{
		compareRow("Median difference after tax", p, cur, func(r *calc.Result) string { return widget.SignedDollars(r.Difference.P50.Decimal) }),
		compareRow("Tax alpha before the final sale (median)", p, cur, func(r *calc.Result) string { return widget.BpsAsPercent(r.TaxAlphaBeforeSaleBps.P50) + " a year" }),
		compareRow("Tax alpha after the final sale (median)", p, cur, widget.TaxAlphaText),
		compareRow("Simulated markets where the SMA ends ahead", p, cur, widget.AheadText),
		// The median market's wealth: the two differ by the median
		// difference above (the medians of each would not).
		compareRow("After-tax wealth in the median market, SMA", p, cur, func(r *calc.Result) string { return widget.Dollars(r.MedianMarket.SMA.Decimal) }),
		compareRow("After-tax wealth in the median market, fund", p, cur, func(r *calc.Result) string { return widget.Dollars(r.MedianMarket.Fund.Decimal) }),
	}
	// Yearly gifts of shares (app/giving): the gains given away, when
	// either scenario gives.
	if hasGifts(p) || hasGifts(cur) {
		rows = append(rows,
			compareRow("Gains given away to charity, SMA", p, cur, func(r *calc.Result) string { return giftText(r, true) }),
			compareRow("Gains given away to charity, fund", p, cur, func(r *calc.Result) string { return giftText(r, false) }))
	}
	var diffs []fields.Difference
	if cur != nil {
		diffs = fields.Diff(c.pinned.Scenario, c.Final.Scenario)
	}
	diffRows := make([]app.UI, len(diffs))
	for i, d := range diffs {
		diffRows[i] = app.Tr().Class("changed").DataSet("key", d.Key).Body(
			app.Th().Scope("row").Text(d.Label), app.Td().Text(d.Pinned), app.Td().Text(d.Current))
	}
	return app.Section().ID("compare").Class("compare").Aria("labelledby", "compare-title").Body(
		app.H3().ID("compare-title").Text("Pinned scenario and current scenario"),
		app.Div().Class("table-scroll").Body(app.Table().ID("compare-table").Class("money-table compare-table").Body(
			app.Caption().Text("Results side by side (pinned: "+fields.FundLabel(pinnedFund)+")"),
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Result"), app.Th().Scope("col").Text("Pinned"), app.Th().Scope("col").Text("Current"))),
			app.TBody().Body(rows...),
		)),
		app.If(cur == nil, func() app.UI {
			return app.P().Class("status-line").Text("The current column fills in when the simulation finishes.")
		}).ElseIf(len(diffs) == 0, func() app.UI {
			return app.P().ID("compare-same").Class("status-line").Text("Both scenarios have the same inputs. Change an input to compare.")
		}).Else(func() app.UI {
			return app.Div().Class("table-scroll").Body(app.Table().ID("compare-inputs").Class("money-table compare-table").Body(
				app.Caption().Text("Inputs that differ"),
				app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Input"), app.Th().Scope("col").Text("Pinned"), app.Th().Scope("col").Text("Current"))),
				app.TBody().Body(diffRows...),
			))
		}),
		app.Div().Class("compare-actions no-print").Body(
			app.Button().ID("repin").Type("button").Class("button secondary").Disabled(cur == nil).
				Text("Pin the current scenario instead").OnClick(c.pin),
			app.Button().ID("open-pinned").Type("button").Class("button secondary").Text("Go back to the pinned scenario").
				OnClick(c.openPinned),
			app.Button().ID("unpin").Type("button").Class("button secondary").Text("Unpin").
				OnClick(func(ctx app.Context, e app.Event) { c.pinned = nil }),
		),
	)
}

// openPinned goes back to the pinned scenario (read when clicked: go-app
// keeps an element's first handler, so a closure would go stale).
func (c *Compare) openPinned(ctx app.Context, e app.Event) {
	if c.pinned != nil {
		s := c.pinned.Scenario
		s.Legacy = nil // a pinned scenario opens as its link would, without lots
		ctx.NewActionWithValue(store.ActionOpen, store.Open{Scenario: s})
	}
}

// compareRow is one figure of both scenarios; a figure that differs is
// highlighted.
func compareRow(label string, pinned, current *calc.Result, text func(*calc.Result) string) app.UI {
	a, b := text(pinned), "…"
	if current != nil {
		b = text(current)
	}
	class := ""
	if current != nil && a != b {
		class = "changed"
	}
	return app.Tr().Class(class).Body(app.Th().Scope("row").Text(label), app.Td().Text(a), app.Td().Text(b))
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
