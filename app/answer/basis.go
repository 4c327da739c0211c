package answer

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
)

// basisKeys are the inputs named beside the headline, in reading order.
var basisKeys = []string{"wages", "stgains", "state", "end", "horizon"}

// basisLabels are their names there, shorter than the form's labels.
var basisLabels = map[string]string{
	"wages":   "other income",
	"stgains": "outside short-term gains",
	"state":   "state",
	"end":     "at the end",
	"horizon": "horizon",
}

// basisList lists, in the headline right under its verdict, the inputs
// the answer rests on and a prospect may never have typed (issue 24, item
// 3): the other income and the outside short-term gains are pre-filled,
// and with no outside gains the verdict can turn. Each is one tap from its
// field, even in a closed group of the form. pinned adds a link to the
// comparison shown next to the answer. The long list of what the model
// assumes stays below (Assumptions). Not part of the headline's
// announcement (aria-live off): the form says the same.
func basisList(sc fields.Scenario, pinned bool) app.UI {
	if sc.Query == "" {
		return app.Div().ID("answer-basis").Hidden(true)
	}
	values := fields.FromScenario(sc.Scenario)
	items := make([]app.UI, 0, len(basisKeys))
	for _, key := range basisKeys {
		items = append(items, app.Li().DataSet("key", key).Body(
			app.Span().Class("basis-label").Text(basisLabels[key]+": "),
			app.A().ID("basis-"+key).Class("basis-value").Href("#"+fields.InputID(key)).
				Title("Change it in the form").
				Text(basisValue(key, values, sc.HasStateRate)).
				OnClick(goToField(key), app.EventScope(key)),
		))
	}
	return app.Div().ID("answer-basis").Class("answer-basis").Aria("live", "off").Body(
		app.P().ID("answer-basis-title").Class("basis-title").Text("This answer assumes "),
		app.Ul().Class("basis-list").Aria("labelledby", "answer-basis-title").Body(items...),
		app.If(pinned, func() app.UI {
			return app.P().Class("basis-compare").Body(
				app.A().ID("compare-link").Href("#compare").Text("Compare with the pinned scenario"),
			)
		}),
	)
}

// basisValue is an input as the list shows it: "$400,000 a year", "New
// York", "leave to heirs (step-up in basis)", "20 years".
func basisValue(key string, values fields.Values, ownRate bool) string {
	f, ok := fields.SpecFor(key)
	if !ok {
		return values[key]
	}
	switch key {
	case "wages", "stgains":
		return fields.Text(f, values[key]) + " a year"
	case "horizon":
		if values[key] == "1" {
			return "1 year"
		}
		return values[key] + " years"
	case "state":
		if ownRate {
			if rate, ok := fields.SpecFor(fields.StateRateField.Key); ok {
				return "your own rate, " + fields.Text(rate, values[rate.Key])
			}
		}
	case "end":
		return strings.ToLower(fields.Text(f, values[key]))
	}
	return fields.Text(f, values[key])
}

// goToField opens the form's group that holds the key's input (a closed
// <details>), scrolls it into view and focuses it: one tap from the
// answer to the value it rests on.
func goToField(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		el := app.Window().GetElementByID(fields.InputID(key))
		if !el.Truthy() {
			return // the field is not on this page: the link's own jump
		}
		e.PreventDefault()
		for group := el.Call("closest", "details"); group.Truthy(); group = group.Get("parentElement").Call("closest", "details") {
			group.Set("open", true)
		}
		el.Call("scrollIntoView", map[string]any{"block": "center"})
		el.Call("focus", map[string]any{"preventScroll": true})
	}
}
