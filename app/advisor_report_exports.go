package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/calc"
)

// reportExports downloads the year table as CSV and the scenario with its
// result as JSON, and prints the report ("Save as PDF" in the print dialog).
type reportExports struct {
	app.Compo
	Result *calc.Result // the complete result shown; nil while none
	Fund   string
}

func (r *reportExports) Render() app.UI {
	res := r.Result
	return app.Div().ID("exports").Class("exports no-print").Body(
		app.Button().ID("export-csv").Type("button").Class("button secondary").
			Disabled(res == nil || res.Ledger == nil).Text("Download the year table (CSV)").
			OnClick(r.downloadCSV),
		app.Button().ID("export-json").Type("button").Class("button secondary").
			Disabled(res == nil).Text("Download scenario and result (JSON)").
			OnClick(r.downloadJSON),
		app.Button().ID("print-report").Type("button").Class("button secondary").
			Text("Print the report or save it as PDF").
			OnClick(func(ctx app.Context, e app.Event) { printPage() }),
	)
}

// The handlers read the fields when clicked: go-app keeps the first handler
// of an element, so a closure over a render's values would go stale.

func (r *reportExports) downloadCSV(ctx app.Context, e app.Event) {
	if r.Result != nil && r.Result.Ledger != nil {
		downloadFile("smacalc-year-table.csv", "text/csv", ledgerCSV(r.Result.Ledger, r.Fund))
	}
}

func (r *reportExports) downloadJSON(ctx app.Context, e app.Event) {
	if r.Result == nil {
		return
	}
	if b, err := resultJSON(r.Result); err == nil {
		downloadFile("smacalc-result.json", "application/json", b)
	}
}
