package form

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/widget"
)

// Prospect is the short form a prospect fills in first. Values and
// Problems hold its own keys only (Layout.ShortKeys), so a change
// elsewhere leaves it as it is.
type Prospect struct {
	app.Compo
	Layout   *fields.Layout
	Values   fields.Values
	Problems map[string]string
}

func (p *Prospect) Render() app.UI {
	widget.Rendered("prospectForm")
	list := make([]app.UI, len(p.Layout.Short))
	for i, f := range p.Layout.Short {
		list[i] = field(f, p.Values, p.Problems)
	}
	return app.FieldSet().ID("prospect-form").Class("form-group").Body(
		app.Legend().Text("You and your investment"),
		app.Div().Class("fields").Body(list...),
	)
}
