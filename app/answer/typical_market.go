package answer

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// The typical market on the page (issue 24): the wealth a reader takes as
// "what I end up with" is one simulated market's, shown as what it is —
// which market, where each wealth ranks among its strategy's markets, and
// its own difference (calc.MedianMarket says how it is chosen) — and, when
// nothing is sold at the end, the tax a sale would still owe.

// typicalMarketDetail is the start of the headline's detail: the typical
// market's wealth (ids hl-sma and hl-fund, a contract) and which market
// it is.
func typicalMarketDetail(r *calc.Result, fund string, provisional bool) []app.UI {
	m := r.MedianMarket
	return []app.UI{
		app.Text("In a "), widget.Term("median-market", "typical market"), app.Text(": SMA "),
		app.Span().ID("hl-sma").Text(widget.Dollars(m.SMA.Decimal)),
		app.Text(", " + fields.FundName(fund) + " "),
		app.Span().ID("hl-fund").Text(widget.Dollars(m.Fund.Decimal)),
		app.Text(" after tax, the SMA with "),
		app.Span().ID("hl-typical-difference").DataSet("value", m.Difference.String()).Text(amountPhrase(m.Difference.Decimal)),
		app.Text(" (" + typicalWhich(r, fund, provisional) + "). "),
	}
}

// typicalWhich says which market the typical one is: "market 95 of 200:
// the SMA's wealth at the 43rd percentile of its markets, the ETF's at
// the 44th". A provisional result's paths are those simulated so far,
// which need not be the first ones (each worker sends its own chunks):
// "market 3 of the 2 so far", not "market 3 of 2" (about as long as the
// settled words, which keeps the paragraph's lines during a run).
func typicalWhich(r *calc.Result, fund string, provisional bool) string {
	m := r.MedianMarket
	of := strconv.Itoa(r.Paths)
	if provisional {
		of = "the " + of + " so far"
	}
	return "market " + strconv.Itoa(m.Path+1) + " of " + of +
		": the SMA's wealth at the " + ordinal(m.SMAPercentile) + " percentile of its markets, " +
		fields.FundName(fund) + "'s at the " + ordinal(m.FundPercentile)
}

// ordinal words a percentile rounded to a whole number: 1st, 2nd, 3rd,
// 11th, 43rd, 100th.
func ordinal(p float64) string {
	n := int(p + 0.5)
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// ifSoldTable shows, for keep (end=hold) and heirs (end=stepup), each
// strategy's wealth in the typical market with, next to it, the tax a
// sale at the end would owe and the wealth after it: keep still owes that
// tax, heirs do not (the step-up in basis at death, IRC §1014), so the
// two ends differ by exactly it. Only for those ends (showsIfSold):
// liquidate has sold, and donate gives the gains away.
func ifSoldTable(r *calc.Result, fund string) app.UI {
	var wealthCol, taxCol, caption string
	switch r.End {
	case "hold":
		wealthCol, taxCol = "Kept, not sold", "Tax due if sold"
		caption = "Keeping the account, the tax on its gains is still owed when it is sold: " +
			"in the typical market, what each would owe and keep if sold at the end. Left to heirs, the step-up in basis clears that tax."
	case "stepup":
		wealthCol, taxCol = "Left to heirs", "Tax the step-up clears"
		caption = "Left to heirs, the step-up in basis at death (IRC §1014) clears the tax on the gains: " +
			"in the typical market, what a sale at the end would have owed, and what each would keep if sold instead."
	}
	m := r.MedianMarket
	row := func(id, name string, wealth, tax, sold calc.Money) app.UI {
		return app.Tr().Body(
			app.Th().Scope("row").Text(name),
			app.Td().ID(id+"-wealth").DataSet("value", wealth.String()).Text(widget.Dollars(wealth.Decimal)),
			app.Td().ID(id+"-tax").DataSet("value", tax.String()).Text(widget.SignedDollars(tax.Decimal)),
			app.Td().ID(id+"-sold").DataSet("value", sold.String()).Text(widget.Dollars(sold.Decimal)),
		)
	}
	return app.Table().ID("if-sold").Class("money-table if-sold").Body(
		app.Caption().Text(caption),
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text("Typical market"),
			app.Th().Scope("col").Text(wealthCol),
			app.Th().Scope("col").Text(taxCol),
			app.Th().Scope("col").Text("After tax if sold"),
		)),
		app.TBody().Body(
			row("if-sold-sma", "SMA", m.SMA, m.SMATaxIfSold, m.SMAIfSold),
			row("if-sold-fund", fields.FundLabel(fund), m.Fund, m.FundTaxIfSold, m.FundIfSold),
		),
	)
}

// showsIfSold reports whether the end leaves the gains unsold and untaxed
// (keep, heirs): the headline then shows the tax a sale would owe.
func showsIfSold(r *calc.Result) bool { return r.End == "hold" || r.End == "stepup" }
