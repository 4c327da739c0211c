// Package answer shows the result: the headline in words, progress, the
// charts, the notices beside the result (tracking error, account minimum,
// the firm's call to action and disclosure), the year-by-year ledger and
// the assumptions.
package answer

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/widget"
	"smacalc/calc"
)

// Headline is the answer in one sentence, a verdict in words and four
// figures. Provisional marks a result of the paths done so far (Done of
// Total); Stale a result of earlier inputs. The figures shown together
// are all medians of the simulated markets; the wealth line is the
// typical market's (typical_market.go), with its own difference.
type Headline struct {
	app.Compo
	Result      *calc.Result
	Fund        string
	Provisional bool
	Stale       bool
	Done, Total int
}

func (h *Headline) Render() app.UI {
	widget.Rendered("headline")
	r := h.Result
	if r == nil {
		return app.Div().ID("headline").Class("headline headline-loading").Aria("live", "polite").Body(
			app.P().ID("headline-text").Class("headline-text").Text("Your result appears here once the simulation has run."),
		)
	}
	tone := headlineTone(r, h.Provisional)
	class := "headline tone-" + tone
	note := ""
	switch {
	case h.Provisional:
		class += " provisional"
		note = provisionalText(h.Done, h.Total)
	case h.Stale:
		class += " stale"
		note = "These results are for your previous inputs."
	}
	verdict := verdictText(r, h.Fund, tone)
	if h.Provisional {
		verdict = "The SMA ends ahead in " + widget.AheadText(r) + " of the markets simulated so far."
	}
	depleted := depletionText(r, h.Fund)
	runOut := ""
	if !h.Provisional {
		runOut = runOutText(r)
	}
	return app.Div().ID("headline").Class(class).Aria("live", "polite").DataSet("provisional", h.Provisional).DataSet("tone", tone).Body(
		app.If(note != "", func() app.UI { return app.P().ID("headline-note").Class("headline-note").Text(note) }),
		app.P().ID("headline-text").Class("headline-text").Text(headlineSentence(r, h.Fund)),
		app.P().ID("headline-verdict").Class("headline-verdict").Text(verdict),
		app.Dl().Class("figures").Body(
			figure("hl-median", app.Text("Median difference after tax"), widget.SignedDollars(r.Difference.P50.Decimal), r.Difference.P50.String()),
			figure("hl-alpha-before", app.Span().Body(widget.Term("tax-alpha", "Tax alpha"), app.Text(" before the final sale, a year")),
				widget.BpsAsPercent(r.TaxAlphaBeforeSaleBps.P50), ""),
			figure("hl-alpha", app.Span().Body(widget.Term("tax-alpha-after", "Tax alpha"), app.Text(" after the final sale, a year")),
				widget.BpsAsPercent(r.TaxAlphaBps.P50), ""),
			figure("hl-ahead", app.Span().Body(widget.Term("markets", "Simulated markets"), app.Text(" where the SMA ends ahead")),
				widget.AheadText(r), ""),
		),
		app.If(runOut != "", func() app.UI { return app.P().ID("headline-runout").Class("headline-runout").Text(runOut) }),
		app.P().ID("headline-detail").Class("headline-detail").Body(append(typicalMarketDetail(r, h.Fund),
			app.Text("Tax alphas are medians of the simulated markets, in % a year; in "),
			widget.Term("range80", "80% of markets"),
			app.Text(" the alpha after the sale is "+widget.BpsAsPercent(r.TaxAlphaBps.P10)+" to "+widget.BpsAsPercent(r.TaxAlphaBps.P90)+". "),
			widget.Term("tracking-error", "Tracking error"),
			app.Text(" against the index: "+widget.PercentOf(r.TrackingError, 2)+" a year."),
		)...),
		app.If(showsIfSold(r), func() app.UI { return ifSoldTable(r, h.Fund) }),
		app.P().ID("headline-precision").Class("headline-detail").Body(
			widget.Term("precision", "Precision"),
			app.Text(" of the simulation ("+precisionText(r)+")."),
		),
		app.If(depleted != "", func() app.UI {
			return app.P().ID("headline-depleted").Class("headline-detail").Text(depleted)
		}),
	)
}

func figure(id string, label app.UI, value, exact string) app.UI {
	return app.Div().Class("figure").Body(
		app.Dt().Body(label),
		app.Dd().ID(id).DataSet("value", exact).Text(value),
	)
}
