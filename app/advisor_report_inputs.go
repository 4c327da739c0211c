package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/calc"
)

// reportInputs lists every input of the scenario for the printed report,
// where the form itself is not printed.
type reportInputs struct {
	app.Compo
	Query string
}

func (r *reportInputs) Render() app.UI {
	lines := scenarioLines(r.Query)
	left := leftOut(r.Query)
	rows := make([]app.UI, 0, len(lines))
	for _, l := range lines {
		if left[l.Key] { // an optional input at its default: the assumptions describe it
			continue
		}
		rows = append(rows, app.Div().Class("report-input").Body(app.Dt().Text(l.Label), app.Dd().Text(l.Value)))
	}
	return app.Section().ID("report-inputs").Class("print-only").Aria("labelledby", "report-inputs-title").Body(
		app.H3().ID("report-inputs-title").Text("Inputs of this scenario"),
		app.Dl().Class("report-inputs").Body(rows...),
	)
}

// leftOut returns the optional inputs the query leaves at their default
// (the key is not written): the printed report does not list them, to keep
// it within its pages.
func leftOut(query string) map[string]bool {
	s, err := calc.Decode(query)
	if err != nil {
		return nil
	}
	values := valuesFromScenario(s)
	out := map[string]bool{}
	for _, f := range allFields() {
		if f.Optional && values[f.Key] == "" {
			out[f.Key] = true
		}
	}
	return out
}
