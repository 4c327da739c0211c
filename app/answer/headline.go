// Package answer shows the result: the headline in words, progress, the
// charts, the notices beside the result (tracking error, account minimum,
// the firm's call to action and disclosure), the year-by-year ledger and
// the assumptions.
package answer

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
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
	// Basis is the scenario the answer rests on, whose main inputs are
	// listed under the verdict (basisList); Pinned links to the
	// comparison.
	Basis  fields.Scenario
	Pinned bool
}

func (h *Headline) Render() app.UI {
	widget.Rendered("headline")
	r := h.Result
	if r == nil {
		return app.Div().ID("headline").Class("headline headline-loading").Aria("live", "polite").Aria("busy", true).Body(
			app.P().ID("headline-text").Class("headline-text").Text("Your result appears here once the simulation has run."),
			basisList(h.Basis, h.Pinned),
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
	before, after := widget.AlphaLabels(r.End)
	// The one live region of the answer (issue 24, item 5): busy while the
	// figures move (provisional, or of earlier inputs), so a screen reader
	// announces the settled answer once rather than each update of a run.
	//
	// Every child keeps its place whatever the state: the note, the
	// run-out sentence, the tax-if-sold table and the depletion sentence
	// are there, or an empty hidden element holds their place. go-app
	// matches children by position, so a note that came and went ahead of
	// the rest (stale, then provisional, then settled: the three states of
	// every input change) made it replace every later child, 69 nodes
	// created and 67 removed in the input's task and again at the first
	// provisional answer and the final one; now it updates a few texts and
	// attributes (docs/ARCHITECTURE.md, "Round 8: the page's work after a
	// change").
	return app.Div().ID("headline").Class(class).Aria("live", "polite").Aria("busy", h.Provisional || h.Stale).DataSet("provisional", h.Provisional).DataSet("tone", tone).Body(
		app.P().ID("headline-note").Class("headline-note").Hidden(note == "").Text(note),
		app.P().ID("headline-text").Class("headline-text").Text(headlineSentence(r, h.Fund)),
		app.P().ID("headline-verdict").Class("headline-verdict").Text(verdict),
		basisList(h.Basis, h.Pinned),
		app.Dl().Class("figures").Body(
			figure("hl-median", app.Text("Median difference after tax"), widget.SignedDollars(r.Difference.P50.Decimal), r.Difference.P50.String()),
			figure("hl-alpha-before", app.Span().Body(widget.Term("tax-alpha", "Tax alpha"), app.Text(" "+before+", a year")),
				widget.BpsAsPercent(r.TaxAlphaBeforeSaleBps.P50), ""),
			figure("hl-alpha", app.Span().Body(widget.Term("tax-alpha-after", "Tax alpha"), app.Text(" "+after+", a year")),
				widget.BpsAsPercent(r.TaxAlphaBps.P50), ""),
			figure("hl-ahead", app.Span().Body(widget.Term("markets", "Simulated markets"), app.Text(" where the SMA ends ahead")),
				widget.AheadText(r), ""),
		),
		app.If(runOut != "", func() app.UI { return app.P().ID("headline-runout").Class("headline-runout").Text(runOut) }).
			Else(func() app.UI { return placeHolder("headline-runout-place") }),
		app.P().ID("headline-detail").Class("headline-detail").Body(append(typicalMarketDetail(r, h.Fund, h.Provisional),
			app.Text("Tax alphas are medians of the simulated markets, in % a year; in "),
			widget.Term("range80", "80% of markets"),
			app.Text(" the alpha "+after+" is "+widget.BpsAsPercent(r.TaxAlphaBps.P10)+" to "+widget.BpsAsPercent(r.TaxAlphaBps.P90)+". "),
			widget.Term("tracking-error", "Tracking error"),
			app.Text(" against the index: "+widget.PercentOf(r.TrackingError, 2)+" a year."),
		)...),
		app.If(showsIfSold(r), func() app.UI { return ifSoldTable(r, h.Fund) }).
			Else(func() app.UI { return placeHolder("if-sold-place") }),
		app.P().ID("headline-precision").Class("headline-detail").Body(
			widget.Term("precision", "How exact:"),
			app.Text(" "+precisionText(r)),
		),
		app.If(depleted != "", func() app.UI {
			return app.P().ID("headline-depleted").Class("headline-detail").Text(depleted)
		}).Else(func() app.UI { return placeHolder("headline-depleted-place") }),
	)
}

// placeHolder is an empty hidden paragraph that keeps the place of a part
// not shown (see Headline.Render): go-app then updates its id, class and
// text when the part comes, instead of replacing every child after it.
func placeHolder(id string) app.UI { return app.P().ID(id).Hidden(true) }

func figure(id string, label app.UI, value, exact string) app.UI {
	return app.Div().Class("figure").Body(
		app.Dt().Body(label),
		app.Dd().ID(id).DataSet("value", exact).Text(value),
	)
}
