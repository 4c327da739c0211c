package app

import (
	"smacalc/app/advisor"
	"smacalc/app/brand"
	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// calculatorArea is where the calculator lives: inputs, results and charts.
// Its fields are exported because go-app only passes exported fields from a
// parent's render to a mounted child.
type calculatorArea struct {
	app.Compo
	Ready bool
	// Given to the calculator (see Page).
	Brand  *brand.Brand
	Sim    store.Simulator
	Saved  *advisor.SavedStore
	Layout *fields.Layout
	// Prerendered is the start scenario's result the page was built with.
	Prerendered *calc.Result

	stopKeys func()
}

// OnMount lets Escape hide a term's definition shown by the focus (WCAG
// 1.4.13: content shown on focus can be dismissed).
func (c *calculatorArea) OnMount(ctx app.Context) {
	c.stopKeys = widget.OnKeydown(func(key string) bool { return key == "Escape" && widget.BlurTerm() })
}

func (c *calculatorArea) OnDismount() {
	if c.stopKeys != nil {
		c.stopKeys()
	}
}

func (c *calculatorArea) Render() app.UI {
	widget.Rendered("calculatorArea")
	status := "Loading the calculator…"
	if c.Ready {
		status = "The calculator is running in your browser: nothing you type leaves this device."
	}
	return app.Section().
		ID("calculator").
		Class("calculator").
		Aria("label", "Calculator").
		Body(
			app.H2().Text("How much more could you keep?"),
			// SMA spelled out before its first use: the headline says
			// "SMA" from here on.
			app.P().ID("intro").Class("intro").Body(
				app.Text("A "), widget.Term("sma", "separately managed account (SMA, also called direct indexing)"),
				app.Text(" owns the index's stocks one by one and sells those that are down to lower your tax. A fund (ETF or mutual fund) owns them for you."),
			),
			app.P().ID("calculator-status").Class("status-line").Text(status),
			&calculator{Brand: c.Brand, Sim: c.Sim, Saved: c.Saved, Layout: c.Layout, Prerendered: c.Prerendered},
		)
}
