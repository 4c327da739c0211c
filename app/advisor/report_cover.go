package advisor

import (
	"time"

	"smacalc/app/brand"
	"smacalc/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ReportCover opens the printed report: what it is, for whom, when and by
// whom. The client is what the advisor typed for the report (Client), or
// else the label of a saved scenario with the same inputs; the preparer is
// the brand's firm.
type ReportCover struct {
	app.Compo
	Query  string
	Client string
	Brand  *brand.Brand // the firm that prepares it; nil: the calculator's own
	Saved  *SavedStore  // the saved scenarios, for the client's label

	savedLabel string // label of the saved scenario with Query, if any
	labelOf    string // the query savedLabel was looked up for
}

func (r *ReportCover) OnMount(ctx app.Context)  { r.lookUp(ctx) }
func (r *ReportCover) OnUpdate(ctx app.Context) { r.lookUp(ctx) }

// lookUp finds the saved scenario of the query; it runs again when the
// query changes.
func (r *ReportCover) lookUp(ctx app.Context) {
	if r.labelOf == r.Query || !app.IsClient {
		return
	}
	r.labelOf, r.savedLabel = r.Query, ""
	for _, s := range r.Saved.List() {
		if s.Query == r.Query {
			r.savedLabel = s.Label
			break
		}
	}
}

// preparer names who prepared the report: the firm of a white-labelled
// site, otherwise the calculator.
func preparer(b *brand.Brand) string {
	if b != nil && b.Firm != "" {
		return b.Firm
	}
	return "smacalc, the SMA vs fund after-tax calculator"
}

func (r *ReportCover) Render() app.UI {
	widget.Rendered("reportCover")
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
			app.Div().Body(app.Dt().Text("Prepared by"), app.Dd().ID("report-preparer").Text(preparer(r.Brand))),
		),
	)
}
