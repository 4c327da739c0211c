package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// siteHeader shows the product's name and its promise.
type siteHeader struct {
	app.Compo
}

func (h *siteHeader) Render() app.UI {
	return app.Header().Class("site-header").Body(
		app.Div().Class("brand").Body(
			// Decorative: the heading names the product. go-app drops an
			// empty alt attribute, so say it with the role instead.
			app.Img().Src("/web/icons/icon.svg").Role("presentation").Aria("hidden", true).Width(40).Height(40),
			app.Div().Body(
				app.H1().Text("smacalc · SMA vs fund after-tax calculator"),
				app.P().Class("promise").Text(Promise),
			),
		),
	)
}
