package advisor

import (
	"smacalc/app/fields"
	"smacalc/app/savedfile"
	"smacalc/app/store"
	"smacalc/calc/scenario"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// opening is what opening the saved scenario shows: its scenario, with its
// legacy lots when it has some that still read (otherwise it opens without
// them); ok is false when the query does not decode. A saved scenario is
// text from local storage, decoded here, once, when it is opened.
func opening(sc savedfile.Scenario) (o store.Open, ok bool) {
	s, err := scenario.Decode(sc.Query)
	if err != nil {
		return store.Open{}, false
	}
	o.Scenario, o.Label = fields.Of(s), sc.Label
	if sc.Lots != "" {
		if lots, err := scenario.ParseLegacyLots([]byte(sc.Lots), s.Year); err == nil {
			o.Lots = lots
		}
	}
	return o, true
}

// openSaved posts the action that shows the saved scenario (store.ActionOpen).
func openSaved(ctx app.Context, sc savedfile.Scenario) {
	if o, ok := opening(sc); ok {
		ctx.NewActionWithValue(store.ActionOpen, o)
	}
}
