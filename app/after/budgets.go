package after

import (
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"smacalc/app/chart"
	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc"
)

// Budgets shows, for a concentrated position moved into the index, three
// yearly gain budgets at once — none (only what harvested losses pay
// for), the client's, no limit (sell now) — on the same simulated
// markets: the tracking error year by year on one chart, what each keeps
// after tax and pays in the first year. The two it does not have are
// simulated on the side worker (Simulator.Background) when the scenario
// changes; the client's is the main result.
type Budgets struct {
	app.Compo
	Scenario fields.Scenario // the scenario in the form; Query "" while it is invalid
	Result   *calc.Result    // its complete result; nil while it runs
	Imported bool            // the holdings are imported lots, which a query does not carry
	Sim      store.Simulator // nil while prerendering
	Wide     bool            // draw the wide chart

	ctx     app.Context
	mounted bool
	ranFor  string
	runs    []budgetRun
	next    int
	reqID   int
	cancel  func()
}

// budgetRun is one budget: its name, its query (empty: the main result's)
// and, once simulated, its result.
type budgetRun struct {
	Name, Short, Query string
	Result             *calc.Result
	Err                string
}

// budgetQueries are the variants of s to simulate: no budget (0: only
// what harvested losses pay for) and no limit (sell at once), each
// without an exit plan (not shown here; it would double the work). The
// client's own budget is the main result; when it is one of the two, that
// one is the main result.
func budgetQueries(s fields.Scenario) []budgetRun {
	none, all := s.Scenario, s.Scenario
	none.HasGainBudget, none.GainBudget = true, 0
	all.HasGainBudget, all.GainBudget = false, 0
	none.Exit, all.Exit = 0, 0
	runs := []budgetRun{{Name: "No gain budget: only what harvested losses pay for", Short: "None", Query: none.Encode()}}
	if s.HasGainBudget && s.GainBudget > 0 {
		yours := widget.Dollars(decimal.NewFromFloat(s.GainBudget))
		runs = append(runs, budgetRun{Name: "Your budget: " + yours + " of gains a year", Short: "Yours, " + yours})
	} else if s.HasGainBudget {
		runs[0].Query = "" // the client's budget is none
	}
	sellNow := budgetRun{Name: "No limit: sell now", Short: "No limit", Query: all.Encode()}
	if !s.HasGainBudget {
		sellNow.Query = ""
	}
	return append(runs, sellNow)
}

func (b *Budgets) OnMount(ctx app.Context) {
	b.ctx, b.mounted = ctx, true
	b.refresh()
}

func (b *Budgets) OnUpdate(ctx app.Context) { b.refresh() }

func (b *Budgets) OnDismount() { b.stop() }

func (b *Budgets) applies() bool {
	return b.Scenario.Single > 0 && !b.Imported && b.Scenario.Query != ""
}

func (b *Budgets) refresh() {
	if !b.applies() {
		b.stop()
		b.runs, b.ranFor = nil, ""
		return
	}
	if b.Scenario.Query == b.ranFor {
		return
	}
	b.stop()
	b.ranFor = b.Scenario.Query
	b.runs = budgetQueries(b.Scenario)
	b.next = 0
	b.runNext()
}

func (b *Budgets) stop() {
	b.reqID++
	if b.cancel != nil {
		b.cancel()
		b.cancel = nil
	}
}

// runNext simulates the next variant, one at a time, in order.
func (b *Budgets) runNext() {
	for b.next < len(b.runs) && b.runs[b.next].Query == "" {
		b.next++
	}
	if b.next >= len(b.runs) || b.Sim == nil || !b.mounted {
		return
	}
	id, i, ctx := b.reqID, b.next, b.ctx
	b.cancel = b.Sim.Background(b.runs[i].Query, func(r *calc.Result, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if id != b.reqID {
				return
			}
			b.cancel = nil
			if err != nil {
				b.runs[i].Err = err.Error()
			} else {
				b.runs[i].Result = r
			}
			b.next++
			b.runNext()
		})
	})
}

// results are the runs with the main result in the client's place.
func (b *Budgets) results() []budgetRun {
	out := append([]budgetRun(nil), b.runs...)
	for i := range out {
		if out[i].Query == "" {
			out[i].Result = b.Result
		}
	}
	return out
}

func (b *Budgets) Render() app.UI {
	widget.Rendered("afterBudgets")
	if !b.applies() {
		note := "For an existing position (“Held in one stock” under “Existing holdings”), the yearly gain budgets none, yours and no limit are shown here side by side."
		if b.Imported {
			note = "Imported lots are not part of a link, so their gain budgets are not simulated side by side here."
		}
		return app.Div().ID("budgets").Class("budgets").Body(app.P().ID("budgets-status").Class("status-line").Text(note))
	}
	runs := b.results()
	done := 0
	for _, r := range runs {
		if r.Result != nil || r.Err != "" {
			done++
		}
	}
	status := "Simulated " + strconv.Itoa(done) + " of " + strconv.Itoa(len(runs)) + " budgets."
	rows := make([]app.UI, len(runs))
	for i, r := range runs {
		cells := []app.UI{app.Th().Scope("row").Text(r.Name)}
		switch {
		case r.Result != nil:
			y1 := r.Result.Years[0]
			cells = append(cells,
				app.Td().DataSet("value", r.Result.SMA.AfterTaxWealth.P50.String()).Text(widget.Dollars(r.Result.SMA.AfterTaxWealth.P50.Decimal)),
				app.Td().Text(widget.SignedDollars(y1.SMATax.Decimal)),
				app.Td().Text(widget.PercentOf(y1.SingleWeight, 0)),
				app.Td().DataSet("te", r.Result.TrackingError).Text(widget.PercentOf(r.Result.TrackingError, 2)+"/yr"),
			)
		case r.Err != "":
			cells = append(cells, app.Td().ColSpan(4).Class("text-cell").Text("Could not run: "+r.Err))
		default:
			cells = append(cells, app.Td().ColSpan(4).Class("text-cell").Text("…"))
		}
		rows[i] = app.Tr().DataSet("done", r.Result != nil).Body(cells...)
	}
	return app.Div().ID("budgets").Class("budgets").Body(
		app.H3().ID("budgets-title").Text("Moving the position: tax now or tracking error"),
		app.P().Text("A larger yearly gain budget pays more tax early and leaves the portfolio closer to the index sooner; a smaller one defers the tax and keeps the position's own swings longer. The same simulated markets for each."),
		app.P().ID("budgets-status").Class("status-line").Aria("live", "polite").Text(status),
		app.If(done == len(runs), func() app.UI {
			return app.Figure().ID("fig-budgets").Class("chart").Body(
				app.Raw(budgetChart(runs, b.Wide)),
				app.FigCaption().Text("Tracking error of the SMA against the index each year (mean over the simulated markets): the concentrated position's swings, falling as it is sold."),
			)
		}),
		app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("label", "Gain budgets side by side").Body(
			app.Table().ID("budgets-table").Class("money-table").Body(
				app.Caption().Text("Each gain budget: after-tax wealth at the horizon (median), the SMA's tax in year 1 and the position's weight after it (means), tracking error"),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text("Budget"),
					app.Th().Scope("col").Text("After tax"),
					app.Th().Scope("col").Text("Tax in year 1"),
					app.Th().Scope("col").Text("Position left after year 1"),
					app.Th().Scope("col").Text("Tracking error"),
				)),
				app.TBody().Body(rows...),
			),
		),
	)
}

// budgetChart draws the budgets' tracking error year by year, one line
// each.
func budgetChart(runs []budgetRun, wide bool) string {
	c := chart.LineChart{
		Title:       "Tracking error by year for each gain budget",
		XLabel:      "Year",
		YLabel:      "Tracking error",
		Format:      func(f float64) string { return widget.PercentOf(f, 1) },
		IncludeZero: true,
		HideTitle:   true,
		ID:          "chart-budgets",
	}
	if wide {
		c.Width, c.FontSize, c.ID = 860, 19, "chart-budgets-wide"
	}
	for i, r := range runs {
		if r.Result == nil {
			continue
		}
		s := chart.Series{Name: r.Short, Color: chart.Palette[i%len(chart.Palette)]}
		for _, y := range r.Result.Years {
			s.Median = append(s.Median, y.TrackingError)
		}
		c.Series = append(c.Series, s)
		if c.X == nil {
			for _, y := range r.Result.Years {
				c.X = append(c.X, float64(y.Year))
			}
		}
	}
	if len(c.Series) == 0 {
		c.Series = []chart.Series{{Name: "none", Median: []float64{math.NaN()}}}
	}
	return chart.Lines(c)
}
