package answer

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// Bar is the answer in one line at the bottom of the form, sticky on
// a phone while the form is on screen (the stylesheet hides it where the
// answer sits beside the form): whoever changes a value sees the answer
// move, provisional first, without scrolling back up.
func Bar(r *calc.Result, fund string, provisional, running bool, done, total int) app.UI {
	text := "Your result appears above once the simulation has run."
	switch {
	case r != nil && provisional:
		text = "So far (" + progressShare(done, total) + "): " + barFigure(r, fund)
	case r != nil:
		text = barFigure(r, fund) + ", " + widget.AheadText(r) + " of markets ahead"
	case running:
		text = progressText(done, total)
	}
	return app.Div().ID("answer-bar").Class("answer-bar").DataSet("provisional", provisional).Body(
		app.Span().ID("answer-bar-text").Text(text),
		app.A().Href("#headline").Text("See the answer"),
	)
}

// barFigure is the median difference in a few words: "SMA $11,680 more
// than the ETF (median)".
func barFigure(r *calc.Result, fund string) string {
	return "SMA " + amountPhrase(r.Difference.P50.Decimal) + " than " + fields.FundName(fund) + " (median)"
}
