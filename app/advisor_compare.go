package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/calc"
)

// compareView pins a scenario and shows it beside the current one: the
// headline figures of both and the inputs that differ, highlighted. The pin
// is kept while the inputs change.
type compareView struct {
	app.Compo
	Result *calc.Result // the current scenario's complete result; nil while running
	Fund   string
	OnOpen openFunc

	pinned *calc.Result
}

func (c *compareView) pin(ctx app.Context, e app.Event) { c.pinned = c.Result }

func (c *compareView) Render() app.UI {
	if c.pinned == nil {
		return app.Div().ID("compare").Class("compare compare-empty no-print").Body(
			app.Button().ID("pin").Type("button").Class("button secondary").Disabled(c.Result == nil).
				Text("Pin this scenario to compare").OnClick(c.pin),
			app.P().Class("status-line").Text("Pin a scenario, then change the inputs: both are shown side by side."),
		)
	}
	p, cur := c.pinned, c.Result
	pinnedFund := fundOf(p.Scenario)
	rows := []app.UI{
		compareRow("Median difference after tax", p, cur, func(r *calc.Result) string { return formatSignedDollars(r.Difference.P50.Decimal) }),
		compareRow("Tax alpha before the final sale (median)", p, cur, func(r *calc.Result) string { return formatBpsAsPercent(r.TaxAlphaBeforeSaleBps.P50) + " a year" }),
		compareRow("Tax alpha after the final sale (median)", p, cur, taxAlphaText),
		compareRow("Simulated markets where the SMA ends ahead", p, cur, aheadText),
		// The median market's wealth: the two differ by the median
		// difference above (the medians of each would not).
		compareRow("After-tax wealth in the median market, SMA", p, cur, func(r *calc.Result) string { return formatDollars(r.MedianMarket.SMA.Decimal) }),
		compareRow("After-tax wealth in the median market, fund", p, cur, func(r *calc.Result) string { return formatDollars(r.MedianMarket.Fund.Decimal) }),
	}
	current := ""
	if cur != nil {
		current = cur.Scenario
	}
	diffs := scenarioDiff(p.Scenario, current)
	diffRows := make([]app.UI, len(diffs))
	for i, d := range diffs {
		diffRows[i] = app.Tr().Class("changed").DataSet("key", d.Key).Body(
			app.Th().Scope("row").Text(d.Label), app.Td().Text(d.Pinned), app.Td().Text(d.Current))
	}
	return app.Section().ID("compare").Class("compare").Aria("labelledby", "compare-title").Body(
		app.H3().ID("compare-title").Text("Pinned scenario and current scenario"),
		app.Div().Class("table-scroll").Body(app.Table().ID("compare-table").Class("money-table compare-table").Body(
			app.Caption().Text("Results side by side (pinned: "+fundLabel(pinnedFund)+")"),
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
func (c *compareView) openPinned(ctx app.Context, e app.Event) {
	if c.OnOpen != nil && c.pinned != nil {
		c.OnOpen(ctx, c.pinned.Scenario)
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

// fundOf is the fund kind of a scenario query.
func fundOf(query string) string {
	s, _ := calc.Decode(query)
	return s.Fund
}
