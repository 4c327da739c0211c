package widget

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// glossary defines, in plain words, the terms the answer uses. Each is
// shown on first use with Term: hovering or focusing the word (Tab reaches
// it) shows the definition, and screen readers read it as the word's
// description.
var glossary = map[string]string{
	"sma": "A separately managed account: you own each stock of the index yourself, so a manager can sell the ones that are down " +
		"to realise losses that lower your tax (tax-loss harvesting). Also called direct indexing.",
	"tax-alpha": "How much more the SMA returns each year than the fund after all taxes and fees, in % a year. " +
		"Before the final sale: the tax on the gains still in the account is not counted (how published figures are usually stated). " +
		"After the final sale: it is, as your end-of-horizon choice says.",
	"markets": "The calculator simulates many possible futures of the stock market (random but realistic ups and downs) " +
		"and runs both strategies through each one. The figures are summaries of those markets.",
	"median-market": "One simulated market, shown whole: its difference is as close to the median difference as the simulation can tell, " +
		"and both its SMA and its fund wealth are near the middle of their own markets. Its figures are typical, not a promise.",
	"tracking-error": "How far the SMA's return strays from the index's in a typical year, because it leaves out sectors " +
		"or holds a substitute for a stock it sold at a loss.",
	"range80": "The middle 80% of the simulated markets: one market in ten does worse than the low end and one in ten better than the high end.",
	"precision": "The simulation runs a limited number of markets, so its medians carry a small random error: " +
		"with another set of markets of the same kind they would move by about this much (one standard error). " +
		"It shrinks as more markets are simulated.",
	"representative-market": "The typical simulated market whose wealth the headline shows: its year-by-year figures are shown to the cent.",
}

// termAliases lets a term appear more than once on the page (each element
// needs its own id) with one definition.
var termAliases = map[string]string{"tax-alpha-after": "tax-alpha"}

// Term is a word with its definition from the glossary; key is unique on
// the page.
func Term(key, word string) app.UI {
	def := glossary[key]
	if alias, ok := termAliases[key]; ok {
		def = glossary[alias]
	}
	id := "def-" + key
	return app.Span().Class("term").Body(
		app.Dfn().Class("term-word").TabIndex(0).Aria("describedby", id).Text(word),
		app.Span().ID(id).Class("term-tip").Attr("role", "tooltip").Text(def),
	)
}
