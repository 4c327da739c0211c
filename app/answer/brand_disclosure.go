package answer

import (
	"smacalc/app/brand"
	"smacalc/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// BrandDisclosure is the firm's own disclosure, shown with the result and
// printed with the report. It is text, never HTML.
type BrandDisclosure struct {
	app.Compo
	Brand *brand.Brand // nil: the calculator's own
}

func (d *BrandDisclosure) Render() app.UI {
	widget.Rendered("brandDisclosure")
	b := d.Brand
	if b == nil || b.Disclosure == "" {
		return app.Div().ID("brand-disclosure").Class("brand-disclosure-none")
	}
	return app.Aside().ID("brand-disclosure").Class("brand-disclosure").Aria("label", "Disclosure").Body(
		app.P().Text(b.Disclosure),
	)
}
