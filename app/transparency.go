package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/calc"
)

// transparency shows what the SMA holds on the representative market (the
// year table's): the holdings at the end of a chosen year, a chosen
// stock's tax lots, the year's harvest log and the fund's one line. It
// asks the simulator's side worker (Simulator.Inspect) for one year at a
// time, never computing on the UI goroutine, and only once the person has
// asked to see it: a year's holdings and harvests are several hundred
// kilobytes to decode, which would otherwise hold up the page after every
// simulation (once open, it follows each new result).
type transparency struct {
	app.Compo
	Query   string // the complete result's scenario; "" while none
	Path    int    // the representative path (Ledger.Path)
	Horizon int
	Start   int  // the calendar year of year 1
	Single  bool // the scenario moves a concentrated position, which calc.Inspect does not list

	ctx     app.Context
	mounted bool
	open    bool // the person asked to see the holdings
	year    int  // the year shown; −1 until a result arrives (then the last)
	stock   int  // the stock whose lots are shown, −1 for none
	data    *calc.InspectionYear
	key     inspectKey // what data is
	want    inspectKey // what was asked last
	loading bool
	err     string
	reqID   int
	cancel  func()
}

// inspectKey identifies one Inspect request.
type inspectKey struct {
	query             string
	path, year, stock int
}

func (t *transparency) OnInit() { t.year, t.stock = -1, -1 }

func (t *transparency) OnMount(ctx app.Context) {
	t.ctx, t.mounted = ctx, true
	t.refresh()
}

func (t *transparency) OnUpdate(ctx app.Context) { t.refresh() }

func (t *transparency) OnDismount() { t.stop() }

func (t *transparency) stop() {
	if t.cancel != nil {
		t.cancel()
		t.cancel = nil
	}
	t.loading = false
}

// refresh asks for the chosen year and stock of the current scenario when
// that is not what is shown or on its way.
func (t *transparency) refresh() {
	if t.Query == "" || !t.open {
		t.stop()
		return
	}
	if t.year < 0 || t.year > t.Horizon || t.key.query != t.Query && t.want.query != t.Query {
		if t.year < 0 || t.year > t.Horizon {
			t.year = t.Horizon
		}
		t.stock = -1
	}
	k := inspectKey{query: t.Query, path: t.Path, year: t.year, stock: t.stock}
	if k == t.key || (k == t.want && t.loading) {
		return
	}
	if simulator == nil || !t.mounted {
		return // prerendering on the server
	}
	t.stop()
	t.reqID++
	id, ctx := t.reqID, t.ctx
	t.want, t.loading, t.err = k, true, ""
	t.cancel = simulator.Inspect(k.query, k.path, k.year, k.stock, func(y *calc.InspectionYear, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if id != t.reqID {
				return
			}
			t.loading, t.cancel = false, nil
			if err != nil {
				t.err = "The holdings could not be computed: " + err.Error()
				return
			}
			t.data, t.key = y, k
		})
	})
}

func (t *transparency) Render() app.UI {
	text := "What the SMA owns on the representative simulated market (the one in the year-by-year table): " +
		"every position, each tax lot of a stock you choose, and every loss harvested. Tickers are made up: the sector and the stock's rank in the index."
	if t.Single {
		text += " The concentrated position being moved into the index is not listed: these are the index holdings."
	}
	intro := app.P().Text(text)
	head := app.H3().ID("transparency-title").Text("Inside the SMA: holdings, tax lots and harvests")
	if t.Query == "" {
		return app.Section().ID("transparency").Class("transparency no-print").Aria("labelledby", "transparency-title").Body(head, intro,
			app.P().Class("status-line").Text("The holdings appear when the simulation finishes."))
	}
	if !t.open {
		return app.Section().ID("transparency").Class("transparency no-print").Aria("labelledby", "transparency-title").Body(head, intro,
			app.Button().ID("tp-open").Type("button").Class("secondary").
				Text("Show the holdings, tax lots and harvests").
				OnClick(func(ctx app.Context, e app.Event) {
					t.open = true
					t.refresh()
				}))
	}
	opts := make([]app.UI, t.Horizon+1)
	for k := range opts {
		opts[k] = app.Option().Value(strconv.Itoa(k)).Selected(k == t.year).Text(yearOption(k, t.Start))
	}
	status := ""
	switch {
	case t.err != "":
		status = t.err
	case t.loading:
		status = "Computing the holdings…"
	}
	y := t.data
	current := y != nil && t.key.query == t.Query
	var lots *calc.Holding
	if current && t.key.stock >= 0 {
		for i := range y.Holdings {
			if y.Holdings[i].Stock == t.key.stock && !y.Holdings[i].Substitute {
				lots = &y.Holdings[i]
			}
		}
	}
	body := []app.UI{head, intro,
		app.Div().Class("inspect-controls").Body(
			app.Label().For("tp-year").Text("Show the portfolio at"),
			app.Select().ID("tp-year").OnChange(t.chooseYear).Body(opts...),
			app.Span().ID("tp-status").Class("status-line").Aria("live", "polite").DataSet("loading", t.loading).
				DataSet("year", t.key.year).DataSet("stock", t.key.stock).Text(status),
		),
	}
	if current {
		f := y.Fund
		body = append(body,
			app.P().ID("tp-value").DataSet("value", y.Value.String()).Text("SMA value at "+yearLabel(y)+": "+formatCents(y.Value.Decimal)+
				" in "+strconv.Itoa(len(y.Holdings))+" positions."),
			app.P().ID("tp-fund").Class("fund-line").Text("The fund instead: "+formatShares(f.Shares)+" shares at "+formatPrice(f.NAV)+
				" = "+formatCents(f.Value.Decimal)+", cost basis "+formatCents(f.Basis.Decimal)+", unrealized gain "+formatCents(f.UnrealizedGain.Decimal)+
				". One position, one basis: its losses cannot be harvested separately."),
			&holdingsTable{Year: y, Selected: t.key.stock, OnChoose: t.chooseStock},
			&lotsTable{Holding: lots, Harvests: y.Harvests, Date: yearLabel(y)},
			&harvestLog{Year: y},
		)
	}
	return app.Section().ID("transparency").Class("transparency no-print").Aria("labelledby", "transparency-title").Body(body...)
}

func (t *transparency) chooseYear(ctx app.Context, e app.Event) {
	k, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err != nil || k < 0 || k > t.Horizon {
		return
	}
	t.year = k
	t.refresh()
}

// chooseStock is called from the holdings table's handler: the dispatch
// re-renders the transparency section, not only the table.
func (t *transparency) chooseStock(ctx app.Context, stock int) {
	t.ctx.Dispatch(func(app.Context) {
		t.stock = stock
		t.refresh()
	})
}

// transparencyFor is the transparency section of a complete result with
// its ledger (nil ledger: none yet).
func transparencyFor(r *calc.Result, ledger *calc.Ledger) *transparency {
	if r == nil || ledger == nil {
		return &transparency{}
	}
	start, single := 0, false
	if s, err := calc.Decode(r.Scenario); err == nil {
		start, single = s.Year, s.Single > 0
	}
	return &transparency{Query: r.Scenario, Path: ledger.Path, Horizon: r.Horizon, Start: start, Single: single}
}
