package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reportInputs lists every input of the scenario for the printed report,
// where the form itself is not printed.
type reportInputs struct {
	app.Compo
	Query string
}

func (r *reportInputs) Render() app.UI {
	lines := scenarioLines(r.Query)
	rows := make([]app.UI, len(lines))
	for i, l := range lines {
		rows[i] = app.Div().Class("report-input").Body(app.Dt().Text(l.Label), app.Dd().Text(l.Value))
	}
	return app.Section().ID("report-inputs").Class("print-only").Aria("labelledby", "report-inputs-title").Body(
		app.H3().ID("report-inputs-title").Text("Inputs of this scenario"),
		app.Dl().Class("report-inputs").Body(rows...),
	)
}
