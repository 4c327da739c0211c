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
	// OnClient takes the client's name for the printed report's cover.
	OnClient func(ctx app.Context, client string)
}

func (r *reportExports) Render() app.UI {
	res := r.Result
	return app.Div().ID("exports").Class("exports no-print").Body(
		// Uncontrolled: the typed text is read on "change" (Enter or
		// leaving the field), never written back (see textField).
		app.Div().Class("inline-form report-client").Body(
			app.Label().For("report-client-input").Text("Client's name on the printed report"),
			app.Input().Type("text").ID("report-client-input").AutoComplete(false).Spellcheck(false).
				OnChange(func(ctx app.Context, e app.Event) {
					if r.OnClient != nil {
						r.OnClient(ctx, ctx.JSSrc().Get("value").String())
					}
				}),
		),
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
