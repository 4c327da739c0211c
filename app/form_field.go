package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// changeFunc receives a field's new text (the calculator's setValue).
// settled says the person has finished with the value (a choice, a
// checkbox, Enter or leaving a text field) rather than typing on.
type changeFunc func(ctx app.Context, key, text string, settled bool)

// fieldUI is one labelled input: label, the input with its unit, a help text
// in plain words, the allowed range and, when the value is invalid, a message
// next to it. It is a stateless part of the form components, not a component.
func fieldUI(f fieldSpec, value, problem string, onChange changeFunc) app.UI {
	id := inputID(f.Key)
	helpID := "help-" + f.Key
	describedBy := helpID
	if problem != "" {
		describedBy = errorID(f.Key) + " " + helpID
	}
	var control app.UI
	switch f.Kind {
	case kindChoice:
		opts := make([]app.UI, len(f.Options))
		for i, o := range f.Options {
			opts[i] = app.Option().Value(o.Value).Selected(o.Value == value).Text(o.Label)
		}
		control = app.Select().ID(id).Name(f.Key).
			Aria("describedby", describedBy).
			Aria("invalid", problem != "").
			OnChange(func(ctx app.Context, e app.Event) {
				onChange(ctx, f.Key, ctx.JSSrc().Get("value").String(), true)
			}).Body(opts...)
	default:
		mode := "decimal"
		if f.Kind == kindInt {
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
			OnInput(func(ctx app.Context, e app.Event) {
				onChange(ctx, f.Key, ctx.JSSrc().Get("value").String(), false)
			}).
			// "change" fires on Enter or when the field loses focus.
			OnChange(func(ctx app.Context, e app.Event) {
				onChange(ctx, f.Key, ctx.JSSrc().Get("value").String(), true)
			})
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
		help += " Range: " + rangeText(f) + "."
	}
	return app.Div().Class(class).DataSet("key", f.Key).Body(
		app.Label().For(id).Text(f.Label),
		app.Div().Class("field-control").Body(
			app.If(prefix != "", func() app.UI { return app.Span().Class("unit unit-prefix").Aria("hidden", true).Text(prefix) }),
			control,
			app.If(suffix != "", func() app.UI { return app.Span().Class("unit").Text(suffix) }),
		),
		app.If(problem != "", func() app.UI {
			return app.P().ID(errorID(f.Key)).Class("field-error").Text(problem)
		}),
		app.P().ID(helpID).Class("field-help").Text(help),
	)
}

// sectorsUI is the exclude key's checkboxes.
func sectorsUI(value, problem string, names []string, onChange changeFunc) app.UI {
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
					onChange(ctx, "exclude", strings.Join(next, ","), true)
				}),
			app.Label().For(id).Text(sectorLabel(name)),
		)
	}
	return app.FieldSet().Class("sectors").Aria("describedby", "help-exclude").Body(
		app.Legend().Text(excludeField.Label),
		app.P().ID("help-exclude").Class("field-help").Text(excludeField.Help),
		app.Div().Class("checks").Body(boxes...),
		app.If(problem != "", func() app.UI {
			return app.P().ID(errorID("exclude")).Class("field-error").Text(problem)
		}),
	)
}
