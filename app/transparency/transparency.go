// Package transparency shows what the SMA holds and trades on the
// representative market (holdings, tax lots, the harvest log, in sortable
// tables), how the benefit changes with the number of stocks held, and
// what an SMA is. Its side computations run on the simulator's side worker
// (store.Simulator's Inspect and Background), never on the page's thread.
package transparency

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc"
)

// Transparency shows what the SMA holds on the representative market (the
// year table's): the holdings at the end of a chosen year, a chosen
// stock's tax lots, the year's harvest log and the fund's one line. It
// asks the simulator's side worker (Simulator.Inspect) for one year at a
// time, never computing on the UI goroutine, and only once the person has
// asked to see it: a year's holdings and harvests are several hundred
// kilobytes to decode, which would otherwise hold up the page after every
// simulation (once open, it follows each new result).
type Transparency struct {
	app.Compo
	Query   string // the complete result's scenario; "" while none
	Path    int    // the representative path (Ledger.Path)
	Horizon int
	Start   int             // the calendar year of year 1
	Single  bool            // the scenario moves a concentrated position, which calc.Inspect does not list
	Sim     store.Simulator // inspects; nil while prerendering

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

func (t *Transparency) OnInit() { t.year, t.stock = -1, -1 }

func (t *Transparency) OnMount(ctx app.Context) {
	t.ctx, t.mounted = ctx, true
	ctx.Handle(actionChooseStock, t.chooseStock)
	t.refresh()
}

// actionChooseStock is the holdings table's: its value is the stock whose
// lots to show (−1: none). The section handles it, as the choice changes
// what it asks the simulator for.
const actionChooseStock = "smacalc/transparency/choose-stock"

func (t *Transparency) OnUpdate(ctx app.Context) { t.refresh() }

func (t *Transparency) OnDismount() { t.stop() }

func (t *Transparency) stop() {
	if t.cancel != nil {
		t.cancel()
		t.cancel = nil
	}
	t.loading = false
}

// refresh asks for the chosen year and stock of the current scenario when
// that is not what is shown or on its way.
func (t *Transparency) refresh() {
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
	if t.Sim == nil || !t.mounted {
		return // prerendering on the server
	}
	t.stop()
	t.reqID++
	id, ctx := t.reqID, t.ctx
	t.want, t.loading, t.err = k, true, ""
	t.cancel = t.Sim.Inspect(k.query, k.path, k.year, k.stock, func(y *calc.InspectionYear, err error) {
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

func (t *Transparency) Render() app.UI {
	widget.Rendered("transparency")
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
			app.P().ID("tp-value").DataSet("value", y.Value.String()).Text("SMA value at "+yearLabel(y)+": "+widget.Cents(y.Value.Decimal)+
				" in "+strconv.Itoa(len(y.Holdings))+" positions."),
			app.P().ID("tp-fund").Class("fund-line").Text("The fund instead: "+formatShares(f.Shares)+" shares at "+formatPrice(f.NAV)+
				" = "+widget.Cents(f.Value.Decimal)+", cost basis "+widget.Cents(f.Basis.Decimal)+", unrealized gain "+widget.Cents(f.UnrealizedGain.Decimal)+
				". One position, one basis: its losses cannot be harvested separately."),
			&holdingsTable{Year: y, Selected: t.key.stock},
			&lotsTable{Holding: lots, Harvests: y.Harvests, Date: yearLabel(y)},
			&harvestLog{Year: y},
		)
	}
	return app.Section().ID("transparency").Class("transparency no-print").Aria("labelledby", "transparency-title").Body(body...)
}

func (t *Transparency) chooseYear(ctx app.Context, e app.Event) {
	k, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err != nil || k < 0 || k > t.Horizon {
		return
	}
	t.year = k
	t.refresh()
}

// chooseStock handles actionChooseStock; the action re-renders the
// section, not only the table.
func (t *Transparency) chooseStock(ctx app.Context, a app.Action) {
	if stock, ok := a.Value.(int); ok {
		t.stock = stock
		t.refresh()
	}
}

// For is the transparency section of a complete result (its ledger nil:
// none yet), inspected with sim.
func For(shown store.Shown, sim store.Simulator) *Transparency {
	r := shown.Result
	if r == nil || r.Ledger == nil {
		return &Transparency{Sim: sim}
	}
	s := shown.Scenario
	return &Transparency{Query: s.Query, Path: r.Ledger.Path, Horizon: r.Horizon, Start: s.Year, Single: s.Single > 0, Sim: sim}
}
