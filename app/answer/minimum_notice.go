package answer

import (
	"smacalc/app/brand"
	"smacalc/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// defaultMinimum is the account minimum the calculator assumes without a
// brand: the low end of typical SMA minimums.
const defaultMinimum = 100000

// accountMinimum is the brand's SMA minimum (0: none), or defaultMinimum
// for the calculator's own pages (b nil).
func accountMinimum(b *brand.Brand) float64 {
	if b != nil {
		return b.Minimum
	}
	return defaultMinimum
}

// minimumText is the notice for an amount below the minimum, "" when the
// amount is enough. branded: the minimum is the firm's own.
func minimumText(amount, minimum float64, branded bool) string {
	if minimum <= 0 || amount >= minimum {
		return ""
	}
	whose := "a typical SMA minimum of "
	if branded {
		whose = "this firm's SMA minimum of "
	}
	return "Your amount, " + widget.Dollars(decimal.NewFromFloat(amount)) + ", is below " + whose +
		widget.Dollars(decimal.NewFromFloat(minimum)) + ". SMA minimums are typically $100,000 to $500,000 " +
		"(direct-indexing products lower, traditional SMAs often $1 million or more). A smaller account holds fewer stocks, " +
		"and fewer stocks leave fewer losses to harvest and more tracking error."
}

// MinimumNotice says, beside the result, when the amount is below the
// account minimum, and points to the table of the benefit by number of
// stocks held.
type MinimumNotice struct {
	app.Compo
	Amount float64
	Brand  *brand.Brand // nil: the calculator's own
}

func (m *MinimumNotice) Render() app.UI {
	widget.Rendered("minimumNotice")
	text := minimumText(m.Amount, accountMinimum(m.Brand), m.Brand != nil)
	if text == "" {
		return app.Div().ID("minimum-notice").Class("minimum-none")
	}
	return app.Div().ID("minimum-notice").Class("minimum-notice").Body(
		app.P().Body(
			app.Text(text+" "),
			app.A().Href("#fit").Text("See how the benefit changes with the number of stocks held."),
		),
	)
}
