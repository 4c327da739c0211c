package answer

import (
	"strconv"

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
	return app.Div().ID("ledger").Class("ledger").Body(
		app.H3().Text("Year by year"),
		app.P().Body(
			app.Text("One "), widget.Term("representative-market", "representative simulated market"),
			app.Text(": the typical market whose wealth the headline shows (market "+strconv.Itoa(l.Path+1)+"), where the SMA ends "+
				amountPhrase(l.Difference.Decimal)+" ("+widget.Cents(l.Difference.Decimal)+"); the last rows end at that wealth. "+
				"Each row adds up: start + added + market growth + dividends − taxes − fees − trading costs = end. "+
				"Taxes are due for the year and paid from the portfolio; a negative tax is a saving on your other income. The last row's taxes include the tax at the end."),
		),
		ledgerTable("ledger-sma", "SMA (direct indexing)", l.SMA, allZero(l.SMA, l.Fund)),
		ledgerTable("ledger-fund", fields.FundLabel(y.Fund), l.Fund, allZero(l.SMA, l.Fund)),
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

func ledgerTable(id, name string, rows []calc.LedgerRow, noContributions bool) app.UI {
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
	head := make([]app.UI, len(cols))
	for i, c := range cols {
		head[i] = app.Th().Scope("col").Text(c)
	}
	body := make([]app.UI, len(rows))
	for i, r := range rows {
		cells := []app.UI{
			app.Th().Scope("row").Text(strconv.Itoa(r.Year)),
			app.Td().Text(widget.Cents(r.Start.Decimal)),
		}
		if !noContributions {
			cells = append(cells, app.Td().Text(widget.Cents(r.Contributions.Decimal)))
		}
		cells = append(cells,
			app.Td().Text(widget.Cents(r.Growth.Decimal)),
			app.Td().Text(widget.Cents(r.Dividends.Decimal)),
			app.Td().Text(widget.Cents(r.Taxes.Decimal)),
			app.Td().Text(widget.Cents(r.Fees.Decimal)),
		)
		if !noTrading {
			cells = append(cells, app.Td().Text(widget.Cents(r.TradingCosts.Decimal)))
		}
		cells = append(cells, app.Td().Text(widget.Cents(r.End.Decimal)))
		body[i] = app.Tr().Body(cells...)
	}
	return app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("label", name+", year by year").Body(
		app.Table().ID(id).Class("money-table").Body(
			app.Caption().Text(name+": year by year on the representative market"),
			app.THead().Body(app.Tr().Body(head...)),
			app.TBody().Body(body...),
		),
	)
}
