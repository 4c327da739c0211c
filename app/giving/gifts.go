// Package giving is the advisors' "giving appreciated shares" room: what
// giving the most appreciated lots to charity each year instead of cash is
// worth in the SMA and in the fund (calc/give.go), year by year on the
// typical market (the ledger's path) and over the horizon. The inputs are
// the form's (form.Giving); the shell puts both in the advisors' section.
package giving

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// Gifts shows the gifts of a complete result (nil while none is final).
type Gifts struct {
	app.Compo
	Result *calc.Result
	Fund   string // the scenario's fund key ("etf", "mf")
}

func (g *Gifts) Render() app.UI {
	widget.Rendered("givingRoom")
	r := g.Result
	if r == nil || r.Gifts == nil || r.Ledger == nil {
		return app.P().ID("giving-empty").Class("status-line").
			Text("Enter what the client gives each year: both portfolios then give their most appreciated shares held over a year instead of cash, and invest the cash.")
	}
	fund := fields.FundLabel(g.Fund)
	return app.Div().ID("giving-result").Body(
		app.P().ID("giving-summary").Class("giving-summary").Text(Summary(r.Gifts, fields.FundName(g.Fund), len(r.Years))),
		app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("label", "Gifts of shares, year by year").
			Body(ledgerTable(r.Ledger, fund)),
		app.P().Class("field-help").Text("The typical market: the same market as the year-by-year table. "+
			"Gain given away is never taxed; the deduction is the client's charitable deduction that year "+
			"(the gifts in shares and in cash, after the 30%-of-income limit and, from 2026, the 0.5% floor), "+
			"zero in a year the standard deduction is larger. Shares held a year or less are not given, so the first year's gift is cash."),
	)
}

// Summary says, in a sentence, the gains each strategy gave away; fund
// names the fund as the text does ("the ETF").
func Summary(s *calc.GiftSummary, fund string, years int) string {
	text := "Over " + strconv.Itoa(years) + " years the SMA gave away " + widget.Dollars(s.GainGivenSMA.Decimal) +
		" of gains that are never taxed, " + fund + " " + widget.Dollars(s.GainGivenFund.Decimal) + " (means over the simulated markets)"
	if s.MedianMarketGainGivenSMA != nil && s.MedianMarketGainGivenFund != nil {
		text += "; in the typical market " + widget.Dollars(s.MedianMarketGainGivenSMA.Decimal) + " and " +
			widget.Dollars(s.MedianMarketGainGivenFund.Decimal)
	}
	text += "."
	if s.GainGivenSMA.GreaterThan(s.GainGivenFund.Decimal) {
		text += " The SMA's lots spread wider: some stocks gain far more than the index, and those are the lots it gives."
	}
	return text
}

// ledgerTable is each year's gift on the ledger's path, SMA beside fund.
func ledgerTable(l *calc.Ledger, fund string) app.UI {
	rows := make([]app.UI, 0, len(l.SMA))
	for i, s := range l.SMA {
		if s.Gift == nil || i >= len(l.Fund) || l.Fund[i].Gift == nil {
			continue
		}
		f := l.Fund[i].Gift
		rows = append(rows, app.Tr().Body(
			app.Th().Scope("row").Text(strconv.Itoa(s.Year)),
			num(strconv.Itoa(s.Gift.Lots)), money(s.Gift.Gifted.Decimal), money(s.Gift.GainGiven.Decimal), money(s.Gift.Deduction.Decimal),
			num(strconv.Itoa(f.Lots)), money(f.Gifted.Decimal), money(f.GainGiven.Decimal), money(f.Deduction.Decimal),
		))
	}
	head := func(text string) app.UI { return app.Th().Scope("col").Text(text) }
	return app.Table().ID("giving-table").Class("money-table").Body(
		app.Caption().Text("Gifts of shares each year, typical market"),
		app.THead().Body(
			app.Tr().Body(
				app.Td(),
				app.Th().Scope("colgroup").ColSpan(4).Text("SMA"),
				app.Th().Scope("colgroup").ColSpan(4).Text(fund),
			),
			app.Tr().Body(
				head("Year"),
				head("Lots"), head("Given"), head("Gain given away"), head("Deduction"),
				head("Lots"), head("Given"), head("Gain given away"), head("Deduction"),
			),
		),
		app.TBody().Body(rows...),
	)
}

func num(text string) app.UI { return app.Td().Class("num").Text(text) }

func money(d decimal.Decimal) app.UI { return num(widget.Dollars(d)) }
