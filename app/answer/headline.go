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

	// held is what the verdict and the run-out sentence said when the
	// headline last showed a settled answer (or one of earlier inputs):
	// while a run is provisional their places keep that height
	// (heldText), so nothing below them moves.
	held heldTexts
}

// heldTexts are the verdict and the run-out sentence of a settled answer.
type heldTexts struct{ verdict, runOut string }

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
		note = staleText
	}
	verdict := verdictText(r, h.Fund, tone)
	if h.Provisional {
		verdict = provisionalVerdict(r, h.Total)
	}
	depleted := depletionText(r, h.Fund)
	runOut := ""
	if !h.Provisional {
		runOut = runOutText(r)
		h.held.verdict, h.held.runOut = verdict, runOut
	}
	// What the verdict and the run-out sentence held before the run, for
	// their places while it is provisional (heldText); nothing otherwise.
	var held heldTexts
	if h.Provisional {
		held = h.held
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
	//
	// Nor does anything move while a run goes on. The note is a tag on
	// the box's top edge, outside the flow; the verdict and the run-out
	// sentence keep the height they had (heldText). Each move of the
	// answer moved the rest of the page under it: Chromium painted the
	// whole document again and rastered every tile in view, three times a
	// run (docs/ARCHITECTURE.md, "Round 11: an answer that keeps its
	// place").
	return app.Div().ID("headline").Class(class).Aria("live", "polite").Aria("busy", h.Provisional || h.Stale).DataSet("provisional", h.Provisional).DataSet("tone", tone).Body(
		app.P().ID("headline-note").Class("headline-note").Hidden(note == "").Text(note),
		app.P().ID("headline-text").Class("headline-text").Text(headlineSentence(r, h.Fund)),
		heldText(app.P().ID("headline-verdict"), "headline-verdict", verdict, held.verdict),
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
		runOutPlace(runOut, held.runOut),
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

// heldText is paragraph p (of class class) saying text, as tall as the
// taller of text and held: held, when there is one, lies in the same grid
// cell, invisible and hidden from assistive technology, so the paragraph
// keeps the height it had before the run and what follows does not move.
func heldText(p app.HTMLP, class, text, held string) app.UI {
	if held == "" || held == text {
		return p.Class(class).Text(text)
	}
	return p.Class(class+" held-place").Body(
		app.Span().Text(text),
		app.Span().Class("held").Aria("hidden", true).Text(held),
	)
}

// runOutPlace is the run-out sentence, or its place. While provisional
// there is no sentence (it reads the typical market's ledger, which comes
// with the final result): if the last settled answer had one, its place
// keeps that sentence's height and says when the sentence comes
// (heldText); otherwise it is an empty hidden paragraph.
func runOutPlace(runOut, held string) app.UI {
	switch {
	case runOut != "":
		return app.P().ID("headline-runout").Class("headline-runout").Text(runOut)
	case held != "":
		return heldText(app.P().ID("headline-runout-place"), "headline-runout pending", runOutPendingText, held)
	}
	return placeHolder("headline-runout-place")
}

// runOutPendingText stands in the run-out sentence's place during a run.
const runOutPendingText = "When the harvested losses stop paying for the SMA is shown once every market is simulated."

func figure(id string, label app.UI, value, exact string) app.UI {
	return app.Div().Class("figure").Body(
		app.Dt().Body(label),
		app.Dd().ID(id).DataSet("value", exact).Text(value),
	)
}
