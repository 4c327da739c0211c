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
		return app.Div().ID("cta").Class("cta-none")
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
