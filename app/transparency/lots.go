package transparency

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// lotsTable lists one holding's tax lots at the end of a year, sortable,
// 50 rows at a time. Harvests are the same year's loss sales: a lot bought
// when a harvested stock was bought back says so.
type lotsTable struct {
	app.Compo
	Holding  *calc.Holding
	Harvests []calc.HarvestEvent
	Date     string // the year's label ("end of 2030")

	tableView // of: the holding's name
}

func (l *lotsTable) Render() app.UI {
	widget.Rendered("lotsTable")
	h := l.Holding
	if h == nil {
		return app.Div().ID("lots")
	}
	l.follow(h.Name, false)
	rows := lotRows(h.Lots, l.order)
	shown := l.shown(len(rows))
	backAt := map[int]string{} // purchase step → the harvest's sale date
	for _, e := range l.Harvests {
		if e.Stock == h.Stock && e.BoughtBackMonth > 0 {
			backAt[e.BoughtBackMonth] = e.Date
		}
	}
	body := make([]app.UI, shown)
	for i, r := range rows[:shown] {
		note := "—"
		if d, ok := backAt[r.Bought]; ok {
			note = "Bought back after the loss sale of " + d
		}
		if r.WashAdjusted {
			note = "Basis includes a wash-sale loss"
		}
		body[i] = app.Tr().DataSet("shares", strconv.FormatFloat(r.Shares, 'f', -1, 64)).Body(
			app.Th().Scope("row").Text(r.BoughtDate),
			app.Td().Text(formatShares(r.Shares)),
			app.Td().Text(formatPrice(r.CostPerShare)),
			app.Td().Text(widget.Cents(r.Basis.Decimal)),
			app.Td().Text(widget.Cents(r.Value.Decimal)),
			app.Td().Class(gainClass(r.Gain)).Text(widget.Cents(r.Gain.Decimal)),
			app.Td().Class("text-cell").Text(termText(r.LongTerm)),
			app.Td().Class("text-cell").Text(note),
		)
	}
	cols := [][2]string{{"bought", "Bought"}, {"shares", "Shares"}, {"cost", "Cost per share"}, {"basis", "Cost basis"},
		{"value", "Market value"}, {"gain", "Gain or loss"}, {"term", "If sold now"}}
	head := make([]app.UI, 0, len(cols)+1)
	for _, c := range cols {
		head = append(head, sortHeader(c[0], c[1], l.order, l.sort))
	}
	head = append(head, app.Th().Scope("col").Class("text-col").Text("Harvest or wash sale"))
	return app.Div().ID("lots").Class("inspect-part").Body(
		app.H4().ID("lots-title").Text("Tax lots of "+h.Name+" ("+fields.SectorLabel(h.Sector)+") at "+l.Date),
		app.Div().Class("table-tools").Body(
			app.P().ID("lots-count").Class("status-line").Text(shownText(shown, len(rows), len(h.Lots), "lots")+", "+formatShares(h.Shares)+
				" shares in all, highest cost first (the order the manager sells them)."),
			app.Button().ID("lots-csv").Type("button").Class("secondary").Text("Download these lots (CSV)").OnClick(l.download),
		),
		app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("labelledby", "lots-title").Body(
			app.Table().ID("lots-table").Class("money-table inspect-table").Body(
				app.Caption().Text("Tax lots of "+h.Name),
				app.THead().Body(app.Tr().Body(head...)),
				app.TBody().Body(body...),
			),
		),
		moreButtons("lots", shown, len(rows), l.more, l.all),
		app.P().Class("field-help").Text("The simulated manager never buys a stock back within 30 days of selling it at a loss, so no lot's basis is adjusted for a wash sale."),
	)
}

func (l *lotsTable) all(ctx app.Context) {
	if l.Holding != nil {
		l.limit = len(l.Holding.Lots)
	}
}

func (l *lotsTable) download(ctx app.Context, e app.Event) {
	if l.Holding != nil {
		widget.DownloadFile("smacalc-lots-"+l.Holding.Name+".csv", "text/csv", []byte(l.Holding.LotsCSV()))
	}
}
