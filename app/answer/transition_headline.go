package answer

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// TransitionHeadline restates the headline for a transition: how the
// existing holdings move and what the client keeps after tax.
type TransitionHeadline struct {
	app.Compo
	Result      *calc.Result
	Scenario    fields.Scenario // the result's
	Fund        string
	Provisional bool
}

func (t *TransitionHeadline) Render() app.UI {
	widget.Rendered("transitionHeadline")
	text := transitionHeadlineText(t.Result, t.Scenario, t.Fund)
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
func transitionHeadlineText(r *calc.Result, s fields.Scenario, fund string) string {
	if !transitionResult(r, s.Single > 0) {
		return ""
	}
	how := "Selling at once"
	if s.HasGainBudget {
		how = "Moving within " + widget.Dollars(decimal.NewFromFloat(s.GainBudget)) + " of gains a year"
	}
	years := "1 year"
	if r.Horizon != 1 {
		years = decimal.NewFromInt(int64(r.Horizon)).String() + " years"
	}
	// One statistic for the three: each strategy's median after-tax
	// wealth over the simulated markets.
	text := how + ", after " + years + " you keep " + widget.Dollars(r.SMA.AfterTaxWealth.P50.Decimal) +
		" after tax (median of the simulated markets); selling at once into the " + fields.FundShort(fund) + ": " +
		widget.Dollars(r.Fund.AfterTaxWealth.P50.Decimal)
	if r.Keep != nil {
		text += "; keeping the holdings as they are, the rest in the " + fields.FundShort(fund) + ": " +
			widget.Dollars(r.Keep.AfterTaxWealth.P50.Decimal)
	}
	text += "."
	return text
}
