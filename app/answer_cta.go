package app

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ctaParam is the query parameter of the firm's contact URL that carries
// the scenario when the call to action includes it.
const ctaParam = "smacalc"

// ctaHref is the link of the firm's call to action. With IncludeScenario,
// the scenario's canonical query is added as ?smacalc=<url-encoded query>;
// it is only in the link, so nothing is sent unless the person clicks.
func ctaHref(cta *CallToAction, query string) string {
	if cta == nil {
		return ""
	}
	u, err := url.Parse(cta.URL)
	if err != nil || validContactURL(cta.URL) != nil {
		return ""
	}
	if cta.IncludeScenario && query != "" {
		q := u.Query()
		q.Set(ctaParam, query)
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// callToAction is the firm's contact button, beside the result.
type callToAction struct {
	app.Compo
	Query string // the scenario shown, carried in the link when the brand says so
}

func (c *callToAction) Render() app.UI {
	b := CurrentBrand()
	var cta *CallToAction
	if b != nil {
		cta = b.CallToAction
	}
	href := ctaHref(cta, c.Query)
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
