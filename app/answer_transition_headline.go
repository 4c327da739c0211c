package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"smacalc/calc"
)

// transitionHeadline restates the headline for a transition: how the
// existing holdings move and what the client keeps after tax.
type transitionHeadline struct {
	app.Compo
	Result      *calc.Result
	Fund        string
	Provisional bool
}

func (t *transitionHeadline) Render() app.UI {
	text := transitionHeadlineText(t.Result, t.Fund)
	if text == "" {
		return app.P().ID("transition-headline").Hidden(true)
	}
	return app.P().ID("transition-headline").Class("transition-headline").
		DataSet("provisional", t.Provisional).Text(text)
}

// transitionHeadlineText is "Moving within $50,000 of gains a year, after
// 10 years you keep $1,194,127 after tax (median of the simulated
// markets); selling at once into the ETF: $1,230,330; keeping the
// holdings as they are, the rest in the ETF: $1,084,756." ("" when r
// moves nothing).
func transitionHeadlineText(r *calc.Result, fund string) string {
	if !transitionResult(r) {
		return ""
	}
	s, err := calc.Decode(r.Scenario)
	if err != nil {
		return ""
	}
	how := "Selling at once"
	if s.HasGainBudget {
		how = "Moving within " + formatDollars(decimal.NewFromFloat(s.GainBudget)) + " of gains a year"
	}
	years := "1 year"
	if r.Horizon != 1 {
		years = decimal.NewFromInt(int64(r.Horizon)).String() + " years"
	}
	// One statistic for the three: each strategy's median after-tax
	// wealth over the simulated markets.
	text := how + ", after " + years + " you keep " + formatDollars(r.SMA.AfterTaxWealth.P50.Decimal) +
		" after tax (median of the simulated markets); selling at once into the " + fundShort(fund) + ": " +
		formatDollars(r.Fund.AfterTaxWealth.P50.Decimal)
	if r.Keep != nil {
		text += "; keeping the holdings as they are, the rest in the " + fundShort(fund) + ": " +
			formatDollars(r.Keep.AfterTaxWealth.P50.Decimal)
	}
	text += "."
	return text
}
