package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/calc"
)

// advancedForm holds every other scenario key, grouped, in a disclosure.
type advancedForm struct {
	app.Compo
	Values   formValues
	Problems map[string]string
	OnChange changeFunc
}

func (a *advancedForm) Render() app.UI {
	_, layout := brandFormLayout()
	groups := make([]app.UI, 0, len(layout)+1)
	invalid := 0
	for _, g := range layout {
		fields := make([]app.UI, len(g.Fields))
		for i, f := range g.Fields {
			fields[i] = formField(f, a.Values, a.Problems, a.OnChange)
			if a.Problems[f.Key] != "" {
				invalid++
			}
		}
		groups = append(groups, app.FieldSet().Class("form-group").Body(
			app.Legend().Text(g.Legend),
			app.Div().Class("fields").Body(fields...),
		))
	}
	if a.Problems["exclude"] != "" {
		invalid++
	}
	groups = append(groups, sectorsUI(a.Values["exclude"], a.Problems["exclude"], calc.SectorNames(), a.OnChange))
	summary := "Advanced assumptions: market, harvesting, fees, the fund, the simulation"
	if invalid > 0 {
		summary += " (check the highlighted values)"
	}
	return app.Details().ID("advanced").Class("advanced").Body(
		app.Summary().Text(summary),
		app.Div().Class("advanced-body").Body(groups...),
	)
}
