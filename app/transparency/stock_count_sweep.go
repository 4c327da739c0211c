package transparency

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc"
)

// StockCountSweep shows how the benefit scales with the number of stocks
// held (a smaller account holds fewer names). It simulates the scenario
// with 25, 50, 100, 200 and 500 stocks (up to the scenario's own count,
// with fewer paths) on the side worker, one after the other, only once the
// person opens it; a change of scenario cancels the pending runs.
type StockCountSweep struct {
	app.Compo
	Scenario fields.Scenario // the scenario in the form; Query "" while it is invalid
	Sim      store.Simulator // runs the variants; nil while prerendering

	ctx     app.Context
	mounted bool
	open    bool
	ranFor  string // the query the rows belong to
	runs    []sweepRun
	results []*calc.Result
	errs    []string
	next    int // the row running, len(runs) when done
	reqID   int
	cancel  func()
}

func (s *StockCountSweep) OnMount(ctx app.Context) { s.ctx, s.mounted = ctx, true }

func (s *StockCountSweep) OnUpdate(ctx app.Context) {
	if s.Scenario.Query != s.ranFor {
		s.stop()
		s.runs, s.ranFor = nil, ""
		if s.open {
			s.start()
		}
	}
}

func (s *StockCountSweep) OnDismount() { s.stop() }

func (s *StockCountSweep) stop() {
	s.reqID++
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
}

func (s *StockCountSweep) toggle(ctx app.Context, e app.Event) {
	s.open = ctx.JSSrc().Get("open").Bool()
	if s.open && s.ranFor != s.Scenario.Query {
		s.start()
	}
}

// start runs the rows of the current scenario, in order.
func (s *StockCountSweep) start() {
	s.stop()
	s.ranFor = s.Scenario.Query
	s.runs = sweepQueries(s.Scenario)
	s.results = make([]*calc.Result, len(s.runs))
	s.errs = make([]string, len(s.runs))
	s.next = 0
	s.runNext()
}

func (s *StockCountSweep) runNext() {
	if s.next >= len(s.runs) || s.Sim == nil || !s.mounted {
		return
	}
	id, i, ctx := s.reqID, s.next, s.ctx
	s.cancel = s.Sim.Background(s.runs[i].Query, func(r *calc.Result, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if id != s.reqID {
				return
			}
			s.cancel = nil
			if err != nil {
				s.errs[i] = err.Error()
			} else {
				s.results[i] = r
			}
			s.next++
			s.runNext()
		})
	})
}

func (s *StockCountSweep) Render() app.UI {
	widget.Rendered("stockCountSweep")
	status := "Open to simulate the scenario with fewer stocks."
	if s.runs != nil {
		status = "Simulated " + strconv.Itoa(s.next) + " of " + strconv.Itoa(len(s.runs)) + " variants."
		if s.next >= len(s.runs) {
			status = "Done: " + strconv.Itoa(len(s.runs)) + " variants, " + strconv.Itoa(sweepPaths) + " simulated markets each (fewer than the main result, so rougher)."
		}
	}
	rows := make([]app.UI, len(s.runs))
	for i, run := range s.runs {
		cells := []app.UI{app.Th().Scope("row").Text(strconv.Itoa(run.Stocks))}
		switch r := s.results[i]; {
		case r != nil:
			cells = append(cells,
				app.Td().DataSet("bps", r.TaxAlphaBps.P50).Text(widget.BpsAsPercent(r.TaxAlphaBps.P50)+"/yr"),
				app.Td().Text(widget.SignedDollars(r.Difference.P50.Decimal)),
				app.Td().DataSet("te", r.TrackingError).Text(widget.PercentOf(r.TrackingError, 2)+"/yr"),
			)
		case s.errs[i] != "":
			cells = append(cells, app.Td().ColSpan(3).Class("text-cell").Text("Could not run: "+s.errs[i]))
		default:
			cells = append(cells, app.Td().ColSpan(3).Class("text-cell").Text("…"))
		}
		rows[i] = app.Tr().DataSet("stocks", run.Stocks).DataSet("done", s.results[i] != nil).Body(cells...)
	}
	return app.Details().ID("fit").Class("fit no-print").OnToggle(s.toggle).Body(
		app.Summary().Text("How the benefit changes with the number of stocks held"),
		app.P().Text("Smaller accounts usually hold fewer stocks. Fewer stocks mean fewer separate losses to harvest and a return that strays further from the index. "+
			"This simulates your scenario with fewer stocks."),
		app.P().ID("fit-status").Class("status-line").Aria("live", "polite").Text(status),
		app.If(len(s.runs) > 0, func() app.UI {
			return app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("label", "Benefit by number of stocks").Body(
				app.Table().ID("fit-table").Class("money-table").Body(
					app.Caption().Text("Median tax alpha, median after-tax difference and tracking error by number of stocks held"),
					app.THead().Body(app.Tr().Body(
						app.Th().Scope("col").Text("Stocks held"),
						app.Th().Scope("col").Text("Median tax alpha"),
						app.Th().Scope("col").Text("Median difference"),
						app.Th().Scope("col").Text("Tracking error"),
					)),
					app.TBody().Body(rows...),
				),
			)
		}),
	)
}
