package transparency

import (
	"smacalc/app/widget"
	"smacalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// Explainer tells a prospect what an SMA is and how it differs from a
// fund, each point linked to the input or chart that shows it. The
// disclosures stay in the assumptions section.
type Explainer struct {
	app.Compo
}

// explainerPoint is one claim and where the calculator shows it.
type explainerPoint struct {
	title, text, href, link string
}

var explainerPoints = []explainerPoint{
	{"You own the stocks.", "In a separately managed account (SMA) the stocks of the index are bought in your own account: each purchase is a tax lot with its own cost. " +
		"A mutual fund or an ETF owns the stocks; you own shares of the fund, with one cost for all of it.", "#transparency", "See the holdings and lots"},
	{"Losses can be harvested one stock at a time.", "Even when the index rises, some stocks fall. The manager sells those lots at a loss and keeps the money invested in a similar holding; " +
		"the loss lowers the tax on your other gains and up to $3,000 a year of income, and what is not used carries forward.", "#fig-harvest", "Harvested losses and tax saved"},
	{"It trades often.", "A direct-indexing account of a few hundred stocks makes hundreds of trades a year, most of them in years when the market falls, " +
		"each one listed on your statement with a trade confirmation. Managers batch them and skip very small ones (a minimum trade size). " +
		"This calculator trades whole shares and, like them, skips a harvest whose loss or sale is under " + widget.Dollars(decimal.NewFromFloat(calc.MinTrade)) +
		"; its harvest log lists every lot sold, grouped by stock and month, the small ones folded together.", "#transparency", "The harvest log"},
	{"No one else's trades land on your tax bill.", "A fund pools many investors. When others redeem, a mutual fund may sell stocks at a gain and distribute that gain to everyone still in it, " +
		"taxable even if you reinvest it. ETFs rarely distribute gains; an SMA never does.", "#in-dist", "The fund's distributions input"},
	{"Part of the benefit is a deferral.", "Harvesting lowers your cost basis, so more gain is taxed when you sell. The benefit is largest early, with outside gains to offset or new money added; " +
		"it shrinks if you sell everything at the end, and grows if the stocks are given away or inherited.", "#fig-decomposition", "Where the difference comes from"},
	{"When a company leaves the index, the SMA sells it.", "An index replaces a few percent of its companies each year, most after a merger or a takeover. " +
		"An index ETF usually hands the leaving shares out in kind instead of selling them; the SMA must sell, and pays tax on any gain, largest when a company is bought for cash at a premium.", "#in-turnover", "The index turnover input"},
	{"You can leave sectors out.", "Because you own the stocks, you can exclude sectors you do not want. The price is tracking error: your return no longer follows the index exactly.", "#in-exclude-energy", "The sector exclusions"},
	{"Minimums and size matter.", "SMAs usually need $100,000 to $500,000 or more. A smaller account holds fewer stocks, which leaves fewer losses to harvest.", "#fit", "Benefit by number of stocks"},
	{"It costs more than an index fund.", "An SMA's fee is usually higher than an index ETF's expense ratio, and trading costs something. The result counts both.", "#in-smafee", "The fee inputs"},
	{"Whether it is worth it depends on you.", "The break-even map shows the median after-tax difference over two of your inputs at once (income and outside gains, the cost basis of what you hold, the fee, the years, the state), " +
		"with the line where the SMA and the fund break even. It leaves out what it does not vary: every other input stays as you entered it, each square simulates fewer markets than your main result, " +
		"and a change of tax law or of your income from year to year is not in it.", "#breakeven", "The break-even map"},
	{"A projection, not a promise.", "The figures come from many simulated markets, not from history or a forecast. The range matters as much as the median, and tax law changes.", "#fig-difference", "The range of outcomes"},
}

func (x *Explainer) Render() app.UI {
	widget.Rendered("explainer")
	items := make([]app.UI, len(explainerPoints))
	for i, p := range explainerPoints {
		items[i] = app.Li().Body(
			app.Strong().Text(p.title), app.Text(" "+p.text+" "),
			app.A().Href(p.href).Text(p.link+"."),
		)
	}
	return app.Section().ID("explainer").Class("explainer").Aria("labelledby", "explainer-title").Body(
		app.H3().ID("explainer-title").Text("What an SMA is, and how it differs from a fund"),
		app.Ul().Body(items...),
		app.P().Class("field-help").Body(app.Text("The assumptions and limits of this calculator are listed "), app.A().Href("#assumptions").Text("below"), app.Text(".")),
	)
}
