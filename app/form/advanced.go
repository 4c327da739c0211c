package form

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc/scenario"
)

// Advanced holds every other scenario key, grouped, in a disclosure.
// Values and Problems hold its own keys only (Layout.AdvancedKeys).
type Advanced struct {
	app.Compo
	Layout   *fields.Layout
	Values   fields.Values
	Problems map[string]string
}

func (a *Advanced) Render() app.UI {
	widget.Rendered("advancedForm")
	groups := make([]app.UI, 0, len(a.Layout.Groups)+1)
	invalid := 0
	for _, g := range a.Layout.Groups {
		list := make([]app.UI, len(g.Fields))
		for i, f := range g.Fields {
			list[i] = field(f, a.Values, a.Problems)
			if a.Problems[f.Key] != "" {
				invalid++
			}
		}
		groups = append(groups, app.FieldSet().Class("form-group").Body(
			app.Legend().Text(g.Legend),
			app.Div().Class("fields").Body(list...),
		))
	}
	if a.Problems["exclude"] != "" {
		invalid++
	}
	groups = append(groups, sectorsUI(a.Values["exclude"], a.Problems["exclude"], scenario.SectorNames()))
	summary := "Advanced assumptions: market, harvesting, fees, the fund, the simulation"
	if invalid > 0 {
		summary += " (check the highlighted values)"
	}
	return app.Details().ID("advanced").Class("advanced").Body(
		app.Summary().Text(summary),
		app.Div().Class("advanced-body").Body(groups...),
	)
}
