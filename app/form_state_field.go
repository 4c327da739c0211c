package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// stateField is the state choice with "My own rate…" at the end: choosing
// it shows the flat-rate input (stateRateField) right under the choice and
// moves the focus there; the choice shows "My own rate…" for as long as a
// rate is set. Choosing a state again uses its law: the calculator clears
// the rate (calculator.setValue).
func stateField(f fieldSpec, values formValues, problems map[string]string, onChange changeFunc) app.UI {
	own := values[stateRateField.Key] != "" || values[ownRateKey] != ""
	shown := values[f.Key]
	if own {
		shown = ownRateChoice
	}
	choose := func(ctx app.Context, key, text string, settled bool) {
		if text != ownRateChoice {
			onChange(ctx, key, text, settled)
			return
		}
		onChange(ctx, ownRateKey, "1", true) // no scenario change: nothing runs
		ctx.Defer(func(app.Context) {
			if in := app.Window().GetElementByID(inputID(stateRateField.Key)); in.Truthy() {
				in.Call("focus")
			}
		})
	}
	// display: contents keeps both fields in the form's grid.
	return app.Div().Class("field-pair").Body(
		fieldUI(f, shown, problems[f.Key], choose),
		app.If(own, func() app.UI { return formField(stateRateField, values, problems, onChange) }),
	)
}
