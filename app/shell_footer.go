package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// siteFooter carries the standing disclosure and says where the numbers are
// computed, which matters to people typing in their income.
type siteFooter struct {
	app.Compo
}

func (f *siteFooter) Render() app.UI {
	return app.Footer().Class("site-footer").Body(
		app.P().Text("Hypothetical illustration, not tax or investment advice. " +
			"Everything is computed in your browser; nothing you enter is sent anywhere."),
	)
}
