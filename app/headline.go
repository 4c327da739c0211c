package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/calc"
)

// headline is the answer in one sentence and three figures. Provisional
// marks a result of the paths done so far; Stale a result of earlier inputs.
type headline struct {
	app.Compo
	Result      *calc.Result
	Fund        string
	Provisional bool
	Stale       bool
}

func (h *headline) Render() app.UI {
	r := h.Result
	if r == nil {
		return app.Div().ID("headline").Class("headline headline-loading").Aria("live", "polite").Body(
			app.P().ID("headline-text").Class("headline-text").Text("Your result appears here once the simulation has run."),
		)
	}
	class := "headline"
	note := ""
	switch {
	case h.Provisional:
		class += " provisional"
		note = "Provisional: from the paths simulated so far."
	case h.Stale:
		class += " stale"
		note = "These results are for your previous inputs."
	}
	ahead := r.Difference.P50.Sign() >= 0
	tone := "good"
	if !ahead {
		tone = "bad"
	}
	return app.Div().ID("headline").Class(class).Aria("live", "polite").DataSet("provisional", h.Provisional).Body(
		app.If(note != "", func() app.UI { return app.P().ID("headline-note").Class("headline-note").Text(note) }),
		app.P().ID("headline-text").Class("headline-text "+tone).Text(headlineSentence(r, h.Fund)),
		app.Dl().Class("figures").Body(
			figure("hl-median", "Median difference after tax", formatSignedDollars(r.Difference.P50.Decimal), r.Difference.P50.String()),
			figure("hl-alpha", "Tax alpha (median)", taxAlphaText(r), ""),
			figure("hl-ahead", "Simulated markets where the SMA ends ahead", aheadText(r), ""),
		),
		app.P().Class("headline-detail").Body(
			app.Text("Median after-tax wealth: SMA "),
			app.Span().ID("hl-sma").Text(formatDollars(r.SMA.AfterTaxWealth.P50.Decimal)),
			app.Text(", "+fundName(h.Fund)+" "),
			app.Span().ID("hl-fund").Text(formatDollars(r.Fund.AfterTaxWealth.P50.Decimal)),
			app.Text(". Tax alpha in 80% of markets: "+formatBpsAsPercent(r.TaxAlphaBps.P10)+" to "+formatBpsAsPercent(r.TaxAlphaBps.P90)+
				" a year. Tracking error against the index: "+formatPercentOf(r.TrackingError, 2)+" a year."),
		),
		app.If(depletionText(r, h.Fund) != "", func() app.UI {
			return app.P().ID("headline-depleted").Class("headline-detail").Text(depletionText(r, h.Fund))
		}),
	)
}

func figure(id, label, value, exact string) app.UI {
	return app.Div().Class("figure").Body(
		app.Dt().Text(label),
		app.Dd().ID(id).DataSet("value", exact).Text(value),
	)
}
