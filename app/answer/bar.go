package answer

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// Bar is the answer in one line at the bottom of the form, sticky on
// a phone while the form is on screen (the stylesheet hides it where the
// answer sits beside the form): whoever changes a value sees the answer
// move, provisional first, without scrolling back up.
//
// Its text is one sentence in markets, with no brackets (issue 24, item
// 5); while a field is invalid it says so rather than showing the last
// result as if it were the inputs' (invalid).
func Bar(r *calc.Result, fund string, provisional, running, invalid bool, done, total int) app.UI {
	text := "Your result appears above once the simulation has run."
	switch {
	case invalid:
		text = "Correct the value marked in the form to see the answer for your inputs."
	case r != nil && provisional:
		// The settled sentence's words with "so far" and the markets done:
		// about as long, so that on a phone, where the bar is on screen
		// under the form, it keeps its lines and the form does not move
		// at each state of a run (docs/ARCHITECTURE.md, "Round 11: an
		// answer that keeps its place").
		text = "So far " + barFigure(r, fund) + ", ahead in " + widget.AheadText(r) + " of " + strconv.Itoa(done) + " markets."
	case r != nil:
		text = capitalize(barFigure(r, fund)) + ", ahead in " + widget.AheadText(r) + " of simulated markets."
	case running:
		text = progressText(done, total)
	}
	return app.Div().ID("answer-bar").Class("answer-bar").DataSet("provisional", provisional).DataSet("invalid", invalid).Body(
		app.Span().ID("answer-bar-text").Text(text),
		app.A().Href("#headline").Text("See the answer"),
	)
}

// barFigure is the median difference in a few words: "the SMA keeps a
// median $11,680 more than the ETF".
func barFigure(r *calc.Result, fund string) string {
	if r.Difference.P50.Round(0).IsZero() {
		return "the SMA keeps about the same as " + fields.FundName(fund) + " in the median market"
	}
	return "the SMA keeps a median " + amountPhrase(r.Difference.P50.Decimal) + " than " + fields.FundName(fund)
}

// capitalize makes the first letter of a sentence upper case.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
