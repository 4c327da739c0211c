package app

import (
	"smacalc/app/brand"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// siteHeader shows the product's name and its promise, or a firm's name and
// logo when the site is white-labelled (brand.json).
type siteHeader struct {
	app.Compo
	Brand *brand.Brand // nil: the calculator's own
}

func (h *siteHeader) Render() app.UI {
	title, logo, logoAlt := "smacalc · SMA vs fund after-tax calculator", "/web/icons/icon.svg", ""
	if b := h.Brand; b != nil {
		title = b.Firm + " · SMA vs fund after-tax calculator"
		if b.Logo != "" {
			logo, logoAlt = b.Logo, b.Firm+" logo"
		}
	}
	img := app.Img().ID("brand-logo").Src(logo).Height(40)
	if logoAlt != "" {
		img = img.Alt(logoAlt).Class("brand-logo")
	} else {
		// Decorative: the heading names the product. go-app drops an
		// empty alt attribute, so say it with the role instead.
		img = img.Role("presentation").Aria("hidden", true).Width(40)
	}
	return app.Header().Class("site-header").Body(
		app.Div().Class("brand").Body(
			img,
			app.Div().Body(
				app.H1().ID("site-title").Text(title),
				app.P().Class("promise").Text(Promise),
			),
			&installPrompt{},
		),
	)
}
