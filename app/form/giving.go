package form

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/widget"
)

// Giving is the inputs of the advisors' "giving appreciated shares"
// section: what the client gives to charity each year and their other
// itemized deductions (fields.GivingFields, from calc's key table). The
// shell shows it with the gifts' results (app/giving).
type Giving struct {
	app.Compo
	Values   fields.Values     // the giving keys only (fields.GivingKeys)
	Problems map[string]string // likewise
}

func (g *Giving) Render() app.UI {
	widget.Rendered("givingForm")
	list := make([]app.UI, len(fields.GivingFields))
	for i, f := range fields.GivingFields {
		list[i] = field(f, g.Values, g.Problems)
	}
	return app.FieldSet().ID("giving-fields").Class("form-group no-print").Body(
		app.Legend().Text("What the client gives"),
		app.Div().Class("fields").Body(list...),
	)
}
