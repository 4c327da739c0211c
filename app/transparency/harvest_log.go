package transparency

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// harvestLog lists a year's loss sales: the lot sold, the loss, the
// substitute bought and when the stock was bought back. Searchable,
// sortable, 50 rows at a time.
type harvestLog struct {
	app.Compo
	Year *calc.InspectionYear

	tableView // of: the year; another year starts at one page again

	// eachLot lists every lot sold; off (the default), sales are grouped
	// by stock and month and small ones folded together (groupHarvests).
	eachLot bool

	// grouped is groupHarvests of groupedOf's sales, kept because a busy
	// year has thousands of them and the log renders on every keystroke
	// of its search box.
	grouped   []calc.HarvestEvent
	groupedOf *calc.InspectionYear
}

// sales are the rows of the year's log, grouped or one per lot.
func (h *harvestLog) sales() []calc.HarvestEvent {
	if h.eachLot {
		return h.Year.Harvests
	}
	if h.groupedOf != h.Year {
		h.grouped, h.groupedOf = groupHarvests(h.Year.Harvests), h.Year
	}
	return h.grouped
}

func (h *harvestLog) Render() app.UI {
	widget.Rendered("harvestLog")
	y := h.Year
	if y == nil {
		return app.Div().ID("harvests")
	}
	h.follow(strconv.Itoa(y.Year), true)
	title := app.H4().ID("harvests-title").Text("Losses harvested in " + harvestYearLabel(y))
	if y.Year == 0 {
		return app.Div().ID("harvests").Class("inspect-part").Body(title,
			app.P().ID("harvests-count").Class("status-line").Text("Nothing is harvested at the start: choose a year."))
	}
	if len(y.Harvests) == 0 {
		return app.Div().ID("harvests").Class("inspect-part").Body(title,
			app.P().ID("harvests-count").Class("status-line").Text("No lot was sold at a loss this year on this market."))
	}
	sales := h.sales()
	rows := harvestRows(sales, h.query, h.order)
	shown := h.shown(len(rows))
	body := make([]app.UI, shown)
	for i, e := range rows[:shown] {
		back := e.BoughtBackDate
		if back == "" {
			back = "after the horizon"
		}
		body[i] = app.Tr().DataSet("loss", e.Loss.String()).Body(
			app.Th().Scope("row").Text(e.Date),
			app.Td().Class("text-cell").Text(e.Name),
			app.Td().Class("text-cell").Text(fields.SectorLabel(e.Sector)),
			app.Td().Text(e.LotBoughtDate),
			app.Td().Text(harvestShares(e)),
			app.Td().Text(widget.Cents(e.Loss.Decimal)),
			app.Td().Class("text-cell").Text(termText(!e.ShortTerm)),
			app.Td().Class("text-cell").Text(e.SubstituteName),
			app.Td().Text(back),
		)
	}
	cols := [][2]string{{"date", "Sold"}, {"name", "Stock"}, {"sector", "Sector"}, {"lot", "Lot bought"}, {"shares", "Shares"},
		{"loss", "Loss"}, {"term", "Character"}}
	head := make([]app.UI, 0, len(cols)+2)
	for _, c := range cols {
		head = append(head, sortHeader(c[0], c[1], h.order, h.sort))
	}
	head = append(head, app.Th().Scope("col").Class("text-col").Text("Substitute bought"), sortHeader("back", "Bought back", h.order, h.sort))
	st, lt := sumLosses(y.Harvests)
	return app.Div().ID("harvests").Class("inspect-part").Body(
		title,
		app.P().Class("field-help").Text("Each sale is of tax lots sold below their cost. The proceeds buy a proxy for the stock's sector, "+
			"so the money stays invested without buying the stock back within 30 days (a wash sale); the manager buys the stock back a month later. "+
			"Like a manager, the model trades whole shares and skips a harvest whose loss or proceeds are under "+widget.Dollars(decimal.NewFromFloat(calc.MinTrade))+
			"; by default the log shows one row per stock and month, with sales under "+widget.Dollars(smallSale)+" together."),
		app.Div().Class("check harvest-grouping").Body(
			app.Input().Type("checkbox").ID("harvests-each-lot").Checked(h.eachLot).
				OnChange(func(ctx app.Context, e app.Event) {
					h.eachLot = ctx.JSSrc().Get("checked").Bool()
					h.limit = pageSize
				}),
			app.Label().For("harvests-each-lot").Text("Show every lot sold ("+strconv.Itoa(len(y.Harvests))+" this year)"),
		),
		app.Div().Class("table-tools").Body(
			searchBox("harvests-search", "Search sales by stock or sector", h.query, h.search),
			app.Button().ID("harvests-csv").Type("button").Class("secondary").Text("Download the harvest log (CSV)").OnClick(h.download),
		),
		app.P().ID("harvests-count").Class("status-line").Aria("live", "polite").Text(shownText(shown, len(rows), len(sales), salesNoun(h.eachLot))+
			". Losses this year: "+widget.Cents(st)+" short-term, "+widget.Cents(lt)+" long-term."),
		app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("labelledby", "harvests-title").Body(
			app.Table().ID("harvests-table").Class("money-table inspect-table").Body(
				app.Caption().Text("Lots sold at a loss in "+harvestYearLabel(y)),
				app.THead().Body(app.Tr().Body(head...)),
				app.TBody().Body(body...),
			),
		),
		moreButtons("harvests", shown, len(rows), h.more, h.all),
	)
}

func (h *harvestLog) all(ctx app.Context) {
	if h.Year != nil {
		h.limit = len(h.Year.Harvests)
	}
}

// salesNoun names the log's rows.
func salesNoun(eachLot bool) string {
	if eachLot {
		return "lots sold at a loss"
	}
	return "sales at a loss (grouped by stock and month)"
}

func (h *harvestLog) download(ctx app.Context, e app.Event) {
	if h.Year != nil {
		widget.DownloadFile("smacalc-harvests-year-"+strconv.Itoa(h.Year.Year)+".csv", "text/csv", []byte(h.Year.HarvestsCSV()))
	}
}

// harvestShares is a row's share count; "—" for small sales of several
// stocks folded together.
func harvestShares(e calc.HarvestEvent) string {
	if e.Stock < 0 {
		return "—"
	}
	return formatShares(e.Shares)
}
