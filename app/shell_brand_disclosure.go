package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// brandDisclosure is the firm's own disclosure, shown with the result and
// printed with the report. It is text, never HTML.
type brandDisclosure struct {
	app.Compo
}

func (d *brandDisclosure) Render() app.UI {
	b := CurrentBrand()
	if b == nil || b.Disclosure == "" {
		return app.Div().ID("brand-disclosure").Class("brand-disclosure-none")
	}
	return app.Aside().ID("brand-disclosure").Class("brand-disclosure").Aria("label", "Disclosure").Body(
		app.P().Text(b.Disclosure),
	)
}
