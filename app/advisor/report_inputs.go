package advisor

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc/scenario"
)

// ReportInputs lists every input of the scenario for the printed report,
// where the form itself is not printed.
type ReportInputs struct {
	app.Compo
	Scenario fields.Scenario
}

func (r *ReportInputs) Render() app.UI {
	widget.Rendered("reportInputs")
	lines := fields.Lines(r.Scenario)
	// The existing holdings' lines only when there are some: most
	// scenarios invest cash, and the report keeps to its pages; optional
	// inputs left at their default likewise (the assumptions describe them).
	s := r.Scenario.Scenario
	moving := s.Single > 0 || s.HasGainBudget
	left := leftOut(s)
	rows := make([]app.UI, 0, len(lines))
	for _, l := range lines {
		if fields.HoldingsKey(l.Key) && !moving || left[l.Key] {
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
func leftOut(s scenario.Scenario) map[string]bool {
	values := fields.FromScenario(s)
	out := map[string]bool{}
	for _, f := range fields.All() {
		if f.Optional && values[f.Key] == "" {
			out[f.Key] = true
		}
	}
	return out
}
