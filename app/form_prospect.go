package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// prospectForm is the short form a prospect fills in first.
type prospectForm struct {
	app.Compo
	Values   formValues
	Problems map[string]string
	OnChange changeFunc
}

func (p *prospectForm) Render() app.UI {
	short, _ := brandFormLayout()
	fields := make([]app.UI, len(short))
	for i, f := range short {
		fields[i] = formField(f, p.Values, p.Problems, p.OnChange)
	}
	return app.FieldSet().ID("prospect-form").Class("form-group").Body(
		app.Legend().Text("You and your investment"),
		app.Div().Class("fields").Body(fields...),
	)
}
