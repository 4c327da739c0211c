package answer

import (
	"smacalc/app/brand"
	"smacalc/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// CallToAction is the firm's contact button, beside the result.
type CallToAction struct {
	app.Compo
	Query string       // the scenario shown, carried in the link when the brand says so
	Brand *brand.Brand // nil: the calculator's own, which has no call to action
}

func (c *CallToAction) Render() app.UI {
	widget.Rendered("callToAction")
	b := c.Brand
	var cta *brand.CallToAction
	if b != nil {
		cta = b.CallToAction
	}
	href := cta.Href(c.Query)
	if href == "" {
		return nextStep()
	}
	note := "Opens " + b.Firm + "'s site."
	if cta.IncludeScenario {
		note = "Opens " + b.Firm + "'s site with this scenario's inputs in the link, only if you click."
	}
	return app.Div().ID("cta").Class("cta").Body(
		app.A().ID("cta-link").Class("button cta-button").Href(href).
			Target("_blank").Rel("noopener noreferrer").Text(cta.Text),
		app.P().Class("cta-note").Text(note),
	)
}

// nextStep is the next step where no firm offers one (the unbranded
// build, or a brand without a call to action; issue 24, item 5): keep the
// scenario and take it to someone who can check it against the person's
// own return.
func nextStep() app.UI {
	return app.Div().ID("cta").Class("cta cta-next").Body(
		app.H3().ID("next-step-title").Text("Next step"),
		app.P().ID("next-step").Text("This is an illustration, not advice. Keep this scenario, then go through it with a financial "+
			"adviser or tax professional, who can check it against your own tax return and tell you whether an SMA is available to you and at what fee."),
		app.Ul().Class("next-step-list").Body(
			app.Li().Body(app.A().Href("#share").Text("Copy the share link"), app.Text(": it opens this scenario with the same inputs.")),
			app.Li().Body(app.Button().ID("next-step-print").Type("button").Class("link-button").Text("Print the report or save it as PDF").
				OnClick(func(ctx app.Context, e app.Event) { widget.PrintPage() }),
				app.Text(" to bring to the meeting.")),
		),
	)
}
