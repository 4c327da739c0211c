package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reportCover opens the printed report: what it is, for whom, when and by
// whom. The client is what the advisor typed for the report (Client), or
// else the label of a saved scenario with the same inputs; the preparer is
// the brand's firm.
type reportCover struct {
	app.Compo
	Query  string
	Client string

	savedLabel string // label of the saved scenario with Query, if any
	labelOf    string // the query savedLabel was looked up for
}

func (r *reportCover) OnMount(ctx app.Context)  { r.lookUp(ctx) }
func (r *reportCover) OnUpdate(ctx app.Context) { r.lookUp(ctx) }

// lookUp finds the saved scenario of the query; it runs again when the
// query changes.
func (r *reportCover) lookUp(ctx app.Context) {
	if r.labelOf == r.Query || !app.IsClient {
		return
	}
	r.labelOf, r.savedLabel = r.Query, ""
	for _, s := range savedList() {
		if s.Query == r.Query {
			r.savedLabel = s.Label
			break
		}
	}
}

// preparer names who prepared the report: the firm of a white-labelled
// site, otherwise the calculator.
func preparer() string {
	if b := CurrentBrand(); b != nil && b.Firm != "" {
		return b.Firm
	}
	return "smacalc, the SMA vs fund after-tax calculator"
}

func (r *reportCover) Render() app.UI {
	client := r.Client
	if client == "" {
		client = r.savedLabel
	}
	if client == "" {
		client = "—"
	}
	return app.Section().ID("report-cover").Class("print-only report-cover").Aria("label", "Report").Body(
		app.P().Class("report-kind").Text("Hypothetical illustration: SMA (direct indexing) compared with a fund, after tax"),
		app.Dl().Class("report-meta").Body(
			app.Div().Body(app.Dt().Text("Prepared for"), app.Dd().ID("report-client").Text(client)),
			app.Div().Body(app.Dt().Text("Date"), app.Dd().ID("report-date").Text(time.Now().Format("January 2, 2006"))),
			app.Div().Body(app.Dt().Text("Prepared by"), app.Dd().ID("report-preparer").Text(preparer())),
		),
	)
}
