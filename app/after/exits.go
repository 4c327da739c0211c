package after

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc"
)

// Exits shows the exit plans side by side: each plan's median after-tax
// wealth at the horizon, against the fund and against keeping the SMA,
// the tax the exit itself costs, and the words naming the best plan.
// Without an exit year it offers one.
type Exits struct {
	app.Compo
	Scenario fields.Scenario // the result's scenario (or the form's while none)
	Result   *calc.Result    // the complete result; nil while it runs
}

// exitTryYear is the year offered when none is set: five years, when the
// SMA's harvests have mostly run their course (the benefit is
// front-loaded: AQR, Sosner et al. 2022, ≈8 bp by year 5), or the
// horizon when shorter.
func exitTryYear(horizon int) int { return min(5, horizon) }

func (e *Exits) try(ctx app.Context, _ app.Event) {
	ctx.NewActionWithValue(store.ActionChange, store.Change{Key: "exit", Text: strconv.Itoa(exitTryYear(e.Scenario.Horizon)), Settled: true})
}

func (e *Exits) Render() app.UI {
	widget.Rendered("afterExits")
	s := e.Scenario
	if s.Exit == 0 {
		year := strconv.Itoa(exitTryYear(s.Horizon))
		return app.Div().ID("exits").Class("exits").Body(
			app.P().ID("exit-invite").Text("Once the losses have run out, the SMA's fee keeps running. Leaving it after a few years can be done four ways: keep it, move the stocks as they are to a cheaper account, "+
				"exchange them for ETF shares without tax (§351, only for a diversified portfolio), or sell and buy "+fields.FundName(s.Fund)+". "+
				"Choose the year under “After a few years” in the form, or:"),
			app.Button().ID("exit-try").Type("button").Class("button secondary no-print").Text("Compare leaving after year "+year).OnClick(e.try),
		)
	}
	r := e.Result
	if r == nil || r.ExitPlans == nil {
		return app.Div().ID("exits").Class("exits").Body(
			app.P().ID("exit-status").Class("status-line").Text("The exit plans appear when the simulation finishes."),
		)
	}
	x := r.ExitPlans
	fund := fields.FundLabel(s.Fund)
	rows := []app.UI{app.Tr().ID("exit-row-fund").Body(
		app.Th().Scope("row").Text(fund+" from the start"),
		app.Td().ID("exit-wealth-fund").DataSet("value", r.Fund.AfterTaxWealth.P50.String()).Text(widget.Dollars(r.Fund.AfterTaxWealth.P50.Decimal)),
		app.Td().Text("—"), app.Td().Text("—"), app.Td().Text("—"),
	)}
	for _, p := range x.Plans {
		label := planLabel(p.Plan, s.Fund)
		if p.Plan == x.Best {
			label += " — best"
		}
		th := app.Th().Scope("row").Body(app.Text(label), app.Span().Class("plan-cost").Text(planCost(p.Plan, x.Fee)))
		if !p.Modelled {
			rows = append(rows, app.Tr().ID("exit-row-"+p.Plan).Class("not-modelled").Body(th,
				app.Td().ID("exit-wealth-"+p.Plan).ColSpan(4).Class("text-cell").Text("Not available: the portfolio is not diversified enough (below).")))
			continue
		}
		class := ""
		if p.Plan == x.Best {
			class = "best"
		}
		rows = append(rows, app.Tr().ID("exit-row-"+p.Plan).Class(class).DataSet("chosen", p.Plan == x.Plan).Body(th,
			app.Td().ID("exit-wealth-"+p.Plan).DataSet("value", p.AfterTaxWealth.P50.String()).Text(widget.Dollars(p.AfterTaxWealth.P50.Decimal)),
			app.Td().Text(widget.SignedDollars(p.VersusFund.P50.Decimal)),
			app.Td().Text(versusKeep(p)),
			app.Td().Text(widget.Dollars(p.ExitTax.Decimal)),
		))
	}
	return app.Div().ID("exits").Class("exits").Body(
		app.P().ID("exit-words").Class("exit-words").Text(exitWords(x, s.Fund)),
		app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("label", "Exit plans side by side").Body(
			app.Table().ID("exit-plans").Class("money-table exit-table").Body(
				app.Caption().Text("Leaving at the end of year "+strconv.Itoa(x.Year)+": after-tax wealth at the horizon ("+endWords(r.End)+"), median of the simulated markets"),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text("Plan"),
					app.Th().Scope("col").Text("After tax"),
					app.Th().Scope("col").Text("Against the "+fields.FundShort(s.Fund)),
					app.Th().Scope("col").Text("Against keeping"),
					app.Th().Scope("col").Text("Tax at the exit"),
				)),
				app.TBody().Body(rows...),
			),
		),
		app.P().Class("note").Text("“Against” columns: the median over the simulated markets of each market's difference, which need not be the difference of the medians in the first column."),
		app.If(!x.Plans[2].Modelled, func() app.UI {
			return app.P().ID("exit-reason").Class("exit-reason").Text(x.Plans[2].Reason)
		}).Else(func() app.UI {
			return app.P().ID("exit-diversified").Class("note").Text(diversificationNote(x))
		}),
	)
}

// versusKeep is a plan's median difference from keeping the SMA ("—" for
// keeping itself).
func versusKeep(p calc.ExitPlan) string {
	if p.Plan == "keep" {
		return "—"
	}
	return widget.SignedDollars(p.VersusKeep.P50.Decimal)
}

// planLabel names a plan in the table.
func planLabel(plan, fund string) string {
	switch plan {
	case "keep":
		return "Keep the SMA"
	case "inkind":
		return "Move the stocks in kind"
	case "etf351":
		return "Exchange for ETF shares (§351)"
	case "sell":
		return "Sell, buy the " + fields.FundShort(fund)
	}
	return plan
}

// planCost is what a plan costs a year after the exit, under its name.
func planCost(plan string, fee float64) string {
	switch plan {
	case "keep":
		return "SMA fee, harvesting"
	case "inkind":
		return widget.PercentOf(fee, 2) + " a year, no harvesting"
	}
	return widget.PercentOf(fee, 2) + " a year"
}

// planPhrase names a plan inside a sentence.
func planPhrase(plan, fund string) string {
	switch plan {
	case "keep":
		return "keeping the SMA"
	case "inkind":
		return "moving the stocks in kind to a cheaper account"
	case "etf351":
		return "exchanging them for ETF shares under §351"
	case "sell":
		return "selling everything for the " + fields.FundShort(fund)
	}
	return plan
}

// exitWords says which plan is best and by how much, and where the plan
// weighed stands: "Leaving at the end of year 5, moving the stocks in kind
// to a cheaper account does best in this scenario: $3,338 more after tax
// than exchanging them for ETF shares under §351 (medians at the
// horizon). The plan you chose, selling everything for the ETF, ends
// $45,000 behind it."
func exitWords(x *calc.ExitPlans, fund string) string {
	text := "Leaving at the end of year " + strconv.Itoa(x.Year) + ", " + planPhrase(x.Best, fund) + " does best in this scenario: " +
		widget.Dollars(x.BestBy.Decimal) + " more after tax than " + planPhrase(x.NextBest, fund) + " (medians at the horizon)."
	if x.Plan != x.Best {
		var chosen *calc.ExitPlan
		var best decimal.Decimal
		for i, p := range x.Plans {
			if p.Plan == x.Plan {
				chosen = &x.Plans[i]
			}
			if p.Plan == x.Best {
				best = p.AfterTaxWealth.P50.Decimal
			}
		}
		switch {
		case chosen == nil:
		case !chosen.Modelled:
			text += " The plan you chose, " + planPhrase(x.Plan, fund) + ", is not available here: see why below the table."
		default:
			text += " The plan you chose, " + planPhrase(x.Plan, fund) + ", ends " + widget.Dollars(best.Sub(chosen.AfterTaxWealth.P50.Decimal)) + " behind it."
		}
	}
	return text
}

// diversificationNote states the §351 test and how the portfolio fares.
func diversificationNote(x *calc.ExitPlans) string {
	d := x.Diversification
	return "A §351 exchange is tax-free only for a diversified portfolio: no company over 25% of its value and the five largest at most 50% (IRC §351(e)(1), §368(a)(2)(F)(ii); Treas. Reg. §1.351-1(c)(6)). " +
		"At the end of year " + strconv.Itoa(x.Year) + " the largest holding is " + widget.PercentOf(d.LargestShare, 1) + " and the five largest " + widget.PercentOf(d.FiveLargestShare, 1) +
		" (medians of the simulated markets); the test passes in " + widget.PercentOf(d.PassedFraction, 0) + " of the simulated markets."
}

// endWords is the end treatment as the caption says it.
func endWords(end string) string {
	switch end {
	case "hold":
		return "still held, tax not yet paid"
	case "stepup":
		return "left to heirs with a step-up"
	case "donate":
		return "appreciated shares given to charity"
	}
	return "sold and taxed"
}
