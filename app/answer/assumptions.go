package answer

import (
	"math"

	"smacalc/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Assumptions says, in plain words, what the numbers are and are not.
type Assumptions struct {
	app.Compo
	State        string  // the scenario's state code
	HasStateRate bool    // the person typed their own rate
	Year         string  // tax-law year
	Turnover     float64 // the index's yearly turnover
	Takeover     float64 // share of the leaving companies bought for cash
	Premium      float64 // the cash takeovers' premium
}

func (a *Assumptions) Render() app.UI {
	widget.Rendered("assumptions")
	state := "State tax is your state's income tax law for the year (brackets, standard deduction or exemptions for a filer without dependents, and its rules for capital gains and losses), charged as the change in your state tax when the investment's income is added to your other income. Credits, local taxes other than New York City's, and itemized deductions are not included; where a year's figures were not yet published, the previous year's are indexed as the state's law says."
	if a.HasStateRate {
		state = "State tax is a simplification: the flat rate you typed, on the investment's dividends and gains (it replaces your state's law and any local tax)."
	}
	items := []string{
		"This is a hypothetical illustration from simulated markets, not a forecast, and not tax, legal or investment advice. Real results will differ.",
		"Both strategies own the same index on the same simulated markets, month by month; the SMA holds each stock directly, every purchase is a tax lot, and lots are sold highest cost first.",
		marketAssumption(a.Turnover, a.Takeover, a.Premium),
		"Losses are harvested when a lot is down by the threshold you set. Wash-sale rule: a stock sold at a loss is not bought back within 30 days — the money sits in a substitute that follows the same sector (in practice, similar stocks of that sector) meanwhile — so no loss is disallowed.",
		"Each year's tax is the change in your whole federal return (" + a.Year + " brackets, kept for every year) when the investment's dividends and gains are added to your other income: 0/15/20% rates on long-term gains and qualified dividends, the alternative minimum tax, the 3.8% net investment income tax, netting of gains and losses, up to $3,000 of net loss against other income and unlimited carryforward.",
		"Taxes are paid from the portfolio at the start of the next year in both strategies; a tax saving is reinvested (or, if you choose under Advanced, paid out to you each year, as the research papers measure it). Fees are included; the SMA fee is not deductible.",
		state,
		"The fund's capital-gain distributions are taxed as long-term gains and reinvested. Dividends are treated as qualified.",
		"The year-by-year table follows one typical market (the one whose wealth the headline shows); the headline's medians and the charts summarise all simulated markets.",
	}
	list := make([]app.UI, len(items))
	for i, s := range items {
		list[i] = app.Li().Text(s)
	}
	return app.Section().ID("assumptions").Class("assumptions").Aria("labelledby", "assumptions-title").Body(
		app.H3().ID("assumptions-title").Text("Assumptions and limits"),
		app.Ul().Body(list...),
	)
}

// marketAssumption says how the index changes its companies, with the
// scenario's own figures, and how the stocks move.
func marketAssumption(turnover, takeover, premium float64) string {
	pct := func(f float64) string { return widget.PlainNumber(math.Round(f*1e4)/100) + "%" }
	text := "The index's changes of companies are left out (turnover 0)."
	if turnover > 0 {
		text = "The index replaces " + pct(turnover) + " of its companies a year: the SMA sells them and pays tax on their gains, the fund does not."
		if takeover > 0 {
			text += " " + pct(takeover) + " of them are bought for cash at " + pct(premium) + " above their price, a gain the SMA must realize; the premiums are part of the index's return."
		}
	}
	return text + " Smaller companies swing more than the largest. With a replay year the market follows the S&P 500's real history."
}
