package advisor

import (
	"smacalc/app/store"
	"smacalc/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ReportExports downloads the year table as CSV and the scenario with its
// result as JSON, and prints the report ("Save as PDF" in the print dialog).
type ReportExports struct {
	app.Compo
	Final store.Shown // the complete result shown; nil Result while none
	// Client is the client's name (store.State.Client): the input shows
	// it, and the files are named after it and the scenario.
	Client string

	shown string // the client's name last written into the input
}

// OnUpdate writes a client's name that changed from outside (a saved
// scenario saved or opened) into the input, which is otherwise left to
// what is typed.
func (r *ReportExports) OnUpdate(ctx app.Context) { r.showClient() }

// OnMount shows the client's name in a new input.
func (r *ReportExports) OnMount(ctx app.Context) {
	r.shown = "\x00"
	r.showClient()
}

func (r *ReportExports) showClient() {
	if r.shown == r.Client || !app.IsClient {
		return
	}
	r.shown = r.Client
	if el := app.Window().GetElementByID("report-client-input"); el.Truthy() {
		el.Set("value", r.Client)
	}
}

func (r *ReportExports) Render() app.UI {
	widget.Rendered("reportExports")
	res := r.Final.Result
	return app.Div().ID("exports").Class("exports no-print").Body(
		// Uncontrolled: the typed text is read on "change" (Enter or
		// leaving the field), never written back (see textField).
		app.Div().Class("inline-form report-client").Body(
			app.Label().For("report-client-input").Text("Client's name on the printed report"),
			app.Input().Type("text").ID("report-client-input").AutoComplete(false).Spellcheck(false).
				OnChange(func(ctx app.Context, e app.Event) {
					ctx.PreventUpdate() // the cover renders the name, not this
					r.shown = ctx.JSSrc().Get("value").String()
					ctx.NewActionWithValue(store.ActionClient, r.shown)
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
			OnClick(func(ctx app.Context, e app.Event) { widget.PrintPage() }),
	)
}

// The handlers read the fields when clicked: go-app keeps the first handler
// of an element, so a closure over a render's values would go stale.

func (r *ReportExports) downloadCSV(ctx app.Context, e app.Event) {
	if f := r.Final; f.Result != nil && f.Result.Ledger != nil {
		widget.DownloadFile(fileStem(r.Client, f.Scenario)+"-year-table.csv", "text/csv", ledgerCSV(f.Result.Ledger, f.Scenario, r.Client))
	}
}

func (r *ReportExports) downloadJSON(ctx app.Context, e app.Event) {
	if r.Final.Result == nil {
		return
	}
	if b, err := resultJSON(r.Final.Result, r.Final.Scenario, r.Client); err == nil {
		widget.DownloadFile(fileStem(r.Client, r.Final.Scenario)+"-result.json", "application/json", b)
	}
}
