package answer

import (
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// YearTable is the ledger of the typical market (calc.MedianMarket), for
// both strategies, to the cent: it ends at the wealth the headline shows.
type YearTable struct {
	app.Compo
	Ledger *calc.Ledger
	Fund   string
	// Stale says the ledger is of other inputs than the form's (a run of
	// the form's is in progress, and its ledger replaces this one when it
	// finishes): a note above the tables says so.
	Stale bool

	// tables is the two tables' HTML text (ledgerTable) for the ledger
	// and fund it was built for: the stale note shown or hidden draws the
	// same tables, and their text (about 400 amounts) is not built again.
	tables struct {
		ledger            *calc.Ledger
		fund              string
		smaHTML, fundHTML string
	}
}

func (y *YearTable) Render() app.UI {
	widget.Rendered("yearTable")
	if y.Ledger == nil {
		return app.Div().ID("ledger").Class("ledger").Body(
			app.H3().Text("Year by year"),
			app.P().Class("status-line").Text("The year-by-year table appears when the simulation finishes."),
		)
	}
	l := y.Ledger
	if t := &y.tables; t.ledger != l || t.fund != y.Fund {
		t.ledger, t.fund = l, y.Fund
		t.smaHTML = ledgerTable("ledger-sma", "SMA (direct indexing)", l.SMA, allZero(l.SMA, l.Fund))
		t.fundHTML = ledgerTable("ledger-fund", fields.FundLabel(y.Fund), l.Fund, allZero(l.SMA, l.Fund))
	}
	return app.Div().ID("ledger").Class("ledger").Body(
		app.H3().Text("Year by year"),
		app.P().ID("ledger-stale").Class("status-line").Hidden(!y.Stale).
			Text("These rows are for your previous inputs."),
		app.P().Body(
			app.Text("One "), widget.Term("representative-market", "representative simulated market"),
			app.Text(": the typical market whose wealth the headline shows (market "+strconv.Itoa(l.Path+1)+"), where the SMA ends "+
				amountPhrase(l.Difference.Decimal)+" ("+widget.Cents(l.Difference.Decimal)+"); the last rows end at that wealth. "+
				"Each row adds up: start + added + market growth + dividends − taxes − fees − trading costs = end. "+
				"Taxes are due for the year and paid from the portfolio; a negative tax is a saving on your other income. The last row's taxes include the tax at the end."),
		),
		app.Raw(y.tables.smaHTML),
		app.Raw(y.tables.fundHTML),
	)
}

// allZero reports whether no row of either strategy has contributions:
// the "Added" column is then left out to keep the tables narrow.
func allZero(tables ...[]calc.LedgerRow) bool {
	for _, rows := range tables {
		for _, r := range rows {
			if !r.Contributions.IsZero() {
				return false
			}
		}
	}
	return true
}

// ledgerTable is one strategy's ledger as HTML text (app.Raw), which the
// browser parses in one call: built as go-app elements, its ~200 nodes
// were each created, given their attributes and appended by a call from
// the WASM to JavaScript in the task that drew the final result, the
// longest of a change's after its input's on the phone profile
// (docs/ARCHITECTURE.md, "Round 8: the page's work after a change"). The
// elements are the same.
func ledgerTable(id, name string, rows []calc.LedgerRow, noContributions bool) string {
	noTrading := true
	for _, r := range rows {
		if !r.TradingCosts.IsZero() {
			noTrading = false
		}
	}
	cols := []string{"Year", "Start"}
	if !noContributions {
		cols = append(cols, "Added")
	}
	cols = append(cols, "Market growth", "Dividends", "Taxes", "Fees")
	if !noTrading {
		cols = append(cols, "Trading costs")
	}
	cols = append(cols, "End")
	var b strings.Builder
	b.Grow(256 + 100*len(cols)*(len(rows)+1))
	b.WriteString(`<div class="table-scroll" tabindex="0" role="region" aria-label="` + html.EscapeString(name+", year by year") + `">`)
	b.WriteString(`<table id="` + html.EscapeString(id) + `" class="money-table"><caption>` + html.EscapeString(name+": year by year on the representative market") + `</caption><thead><tr>`)
	for _, c := range cols {
		b.WriteString(`<th scope="col">` + html.EscapeString(c) + `</th>`)
	}
	b.WriteString(`</tr></thead><tbody>`)
	cell := func(m calc.Money) { b.WriteString(`<td>` + html.EscapeString(widget.Cents(m.Decimal)) + `</td>`) }
	for _, r := range rows {
		b.WriteString(`<tr><th scope="row">` + strconv.Itoa(r.Year) + `</th>`)
		cell(r.Start)
		if !noContributions {
			cell(r.Contributions)
		}
		cell(r.Growth)
		cell(r.Dividends)
		cell(r.Taxes)
		cell(r.Fees)
		if !noTrading {
			cell(r.TradingCosts)
		}
		cell(r.End)
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table></div>`)
	return b.String()
}
