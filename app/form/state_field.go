package form

import (
	"smacalc/app/fields"
	"smacalc/app/store"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// stateField is the state choice with "My own rate…" at the end: choosing
// it shows the flat-rate input (StateRateField) right under the choice and
// moves the focus there; the choice shows "My own rate…" for as long as a
// rate is set. Choosing a state again uses its law: the calculator clears
// the rate (store.Change).
func stateField(f fields.Spec, values fields.Values, problems map[string]string) app.UI {
	own := values[fields.StateRateField.Key] != "" || values[fields.OwnRateKey] != ""
	shown := values[f.Key]
	if own {
		shown = fields.OwnRateChoice
	}
	choose := func(ctx app.Context, e app.Event) {
		text := ctx.JSSrc().Get("value").String()
		if text != fields.OwnRateChoice {
			change(ctx, store.Change{Key: f.Key, Text: text, Settled: true})
			return
		}
		// No scenario change: nothing runs; the rate's input shows and
		// takes the focus.
		change(ctx, store.Change{Key: fields.OwnRateKey, Text: "1", Settled: true, Focus: fields.InputID(fields.StateRateField.Key)})
	}
	// display: contents keeps both fields in the form's grid.
	return app.Div().Class("field-pair").Body(
		fieldUI(f, shown, problems[f.Key], choose, nil),
		app.If(own, func() app.UI { return field(fields.StateRateField, values, problems) }),
	)
}
