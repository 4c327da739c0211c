package transparency

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// holdingsTable lists the SMA's positions at the end of a year: searchable
// by name or sector, sortable by any column, 50 rows at a time. A stock's
// name is a button that shows its tax lots (actionChooseStock).
type holdingsTable struct {
	app.Compo
	Year     *calc.InspectionYear
	Selected int // the stock whose lots are shown, −1 for none

	tableView // of: the year; another year starts at one page again
}

func (h *holdingsTable) Render() app.UI {
	widget.Rendered("holdingsTable")
	y := h.Year
	if y == nil {
		return app.Div().ID("holdings")
	}
	h.follow(strconv.Itoa(y.Year), true)
	rows := holdingRows(y.Holdings, h.query, h.order)
	shown := h.shown(len(rows))
	body := make([]app.UI, shown)
	for i, r := range rows[:shown] {
		body[i] = h.row(r)
	}
	cols := [][2]string{{"name", "Stock"}, {"sector", "Sector"}, {"shares", "Shares"}, {"price", "Price"}, {"value", "Market value"},
		{"weight", "Weight"}, {"basis", "Cost basis"}, {"gain", "Unrealized gain or loss"}}
	head := make([]app.UI, len(cols))
	for i, c := range cols {
		head[i] = sortHeader(c[0], c[1], h.order, h.sort)
	}
	return app.Div().ID("holdings").Class("inspect-part").Body(
		app.H4().Text("Holdings at "+yearLabel(y)),
		app.Div().Class("table-tools").Body(
			searchBox("holdings-search", "Search holdings by name or sector", h.query, h.search),
			app.Button().ID("holdings-csv").Type("button").Class("secondary").Text("Download holdings (CSV)").OnClick(h.download),
		),
		app.P().ID("holdings-count").Class("status-line").Aria("live", "polite").Text(shownText(shown, len(rows), len(y.Holdings), "holdings")+
			". Select a stock's name to see its tax lots."),
		// Dividends and other cash wait for the month's trading window
		// (calc/cash.go): the holdings add up to the account's value
		// with this cash, not without it.
		app.If(y.Cash.IsPositive(), func() app.UI {
			return app.P().ID("holdings-cash").DataSet("value", y.Cash.String()).Text("Cash waiting to be invested at a month's trading window: " + widget.Cents(y.Cash.Decimal) +
				", part of the account's " + widget.Cents(y.Value.Decimal) + ".")
		}),
		app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("label", "Holdings").Body(
			app.Table().ID("holdings-table").Class("money-table inspect-table").Body(
				app.Caption().Text("SMA holdings at "+yearLabel(y)+", representative market"),
				app.THead().Body(app.Tr().Body(head...)),
				app.TBody().Body(body...),
			),
		),
		moreButtons("holdings", shown, len(rows), h.more, h.all),
	)
}

func (h *holdingsTable) row(r calc.Holding) app.UI {
	var name app.UI
	if r.Substitute {
		name = app.Th().Scope("row").Class("substitute").Title("Holds the proceeds of loss sales of " + widget.JoinNames(r.Replaces)).Text(r.Name)
	} else {
		name = app.Th().Scope("row").Body(
			app.Button().Type("button").Class("link-button").Value(strconv.Itoa(r.Stock)).
				Aria("pressed", r.Stock == h.Selected).Aria("label", r.Name+": show tax lots").
				OnClick(h.choose).Text(r.Name),
		)
	}
	return app.Tr().DataSet("stock", r.Stock).DataSet("shares", strconv.FormatFloat(r.Shares, 'f', -1, 64)).Body(
		name,
		app.Td().Class("text-cell").Text(fields.SectorLabel(r.Sector)),
		app.Td().Text(formatShares(r.Shares)),
		app.Td().Text(formatPrice(r.Price)),
		app.Td().DataSet("value", r.Value.String()).Text(widget.Cents(r.Value.Decimal)),
		app.Td().Text(widget.PercentOf(r.Weight, 2)),
		app.Td().Text(widget.Cents(r.Basis.Decimal)),
		app.Td().Class(gainClass(r.UnrealizedGain)).Text(widget.Cents(r.UnrealizedGain.Decimal)),
	)
}

// The handlers read the table's state when called (go-app keeps an
// element's first handler).

func (h *holdingsTable) choose(ctx app.Context, e app.Event) {
	stock, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err != nil {
		return
	}
	if stock == h.Selected {
		stock = -1 // a second click hides the lots
	}
	ctx.PreventUpdate() // the section renders the choice, table included
	ctx.NewActionWithValue(actionChooseStock, stock)
}

func (h *holdingsTable) all(ctx app.Context) { h.limit = len(h.Year.Holdings) }

func (h *holdingsTable) download(ctx app.Context, e app.Event) {
	if h.Year != nil {
		widget.DownloadFile("smacalc-holdings-year-"+strconv.Itoa(h.Year.Year)+".csv", "text/csv", []byte(h.Year.HoldingsCSV()))
	}
}
