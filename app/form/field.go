// Package form is the scenario form: the short form a prospect fills in,
// the advanced assumptions and the advisors' existing holdings. Its inputs
// post each change to the store (store.ActionChange); they get their values
// and problems back as data.
package form

import (
	"strings"

	"smacalc/app/fields"
	"smacalc/app/store"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// change posts a field's new text to the store (store.ActionChange). The
// element's own update is prevented: the change comes back as the
// components' new data, and only those whose data changed render again.
func change(ctx app.Context, ch store.Change) {
	ctx.PreventUpdate()
	ctx.NewActionWithValue(store.ActionChange, ch)
}

// changeText is a text or choice field's change handler: typing (settled
// false) or finished (settled true). onText, when set, sees the text first
// (the text field keeps what was typed).
func changeText(key string, settled bool, onText func(string)) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		text := ctx.JSSrc().Get("value").String()
		if onText != nil {
			onText(text)
		}
		change(ctx, store.Change{Key: key, Text: text, Settled: settled})
	}
}

// fieldUI is one labelled input: label, the input with its unit, a help text
// in plain words, the allowed range and, when the value is invalid, a message
// next to it. It is a stateless part of the form components, not a component.
func fieldUI(f fields.Spec, value, problem string, onChoice app.EventHandler, onText func(string)) app.UI {
	id := fields.InputID(f.Key)
	helpID := "help-" + f.Key
	describedBy := helpID
	if problem != "" {
		describedBy = fields.ErrorID(f.Key) + " " + helpID
	}
	var control app.UI
	switch f.Kind {
	case fields.KindChoice:
		opts := make([]app.UI, len(f.Options))
		for i, o := range f.Options {
			opts[i] = app.Option().Value(o.Value).Selected(o.Value == value).Text(o.Label)
		}
		control = app.Select().ID(id).Name(f.Key).
			Aria("describedby", describedBy).
			Aria("invalid", problem != "").
			OnChange(onChoice).Body(opts...)
	default:
		mode := "decimal"
		if f.Kind == fields.KindInt {
			mode = "numeric"
		}
		control = app.Input().Type("text").ID(id).Name(f.Key).
			Value(value).
			Attr("inputmode", mode).
			AutoComplete(false).
			Spellcheck(false).
			Placeholder(f.Example).
			Aria("describedby", describedBy).
			Aria("invalid", problem != "").
			OnInput(changeText(f.Key, false, onText)).
			// "change" fires on Enter or when the field loses focus.
			OnChange(changeText(f.Key, true, onText))
	}
	class := "field"
	if problem != "" {
		class += " field-invalid"
	}
	prefix, suffix := "", f.Unit
	if f.Unit == "$" {
		prefix, suffix = "$", ""
	}
	help := f.Help
	if f.Min != "" && f.Max != "" {
		help += " Range: " + fields.RangeText(f) + "."
	}
	return app.Div().Class(class).DataSet("key", f.Key).Body(
		app.Label().For(id).Text(f.Label),
		app.Div().Class("field-control").Body(
			app.If(prefix != "", func() app.UI { return app.Span().Class("unit unit-prefix").Aria("hidden", true).Text(prefix) }),
			control,
			app.If(suffix != "", func() app.UI { return app.Span().Class("unit").Text(suffix) }),
		),
		app.If(problem != "", func() app.UI {
			return app.P().ID(fields.ErrorID(f.Key)).Class("field-error").Text(problem)
		}),
		app.P().ID(helpID).Class("field-help").Text(help),
	)
}

// sectorsUI is the exclude key's checkboxes.
func sectorsUI(value, problem string, names []string) app.UI {
	excluded := map[string]bool{}
	for _, n := range strings.Split(value, ",") {
		if n != "" {
			excluded[n] = true
		}
	}
	boxes := make([]app.UI, len(names))
	for i, name := range names {
		id := "in-exclude-" + name
		boxes[i] = app.Div().Class("check").Body(
			app.Input().Type("checkbox").ID(id).Name("exclude").Value(name).Checked(excluded[name]).
				OnChange(func(ctx app.Context, e app.Event) {
					on := ctx.JSSrc().Get("checked").Bool()
					next := []string{}
					for _, n := range names {
						if (n == name && on) || (n != name && excluded[n]) {
							next = append(next, n)
						}
					}
					change(ctx, store.Change{Key: "exclude", Text: strings.Join(next, ","), Settled: true})
				}),
			app.Label().For(id).Text(fields.SectorLabel(name)),
		)
	}
	return app.FieldSet().Class("sectors").Aria("describedby", "help-exclude").Body(
		app.Legend().Text(fields.ExcludeField.Label),
		app.P().ID("help-exclude").Class("field-help").Text(fields.ExcludeField.Help),
		app.Div().Class("checks").Body(boxes...),
		app.If(problem != "", func() app.UI {
			return app.P().ID(fields.ErrorID("exclude")).Class("field-error").Text(problem)
		}),
	)
}
