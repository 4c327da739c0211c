package form

import (
	"smacalc/app/fields"
	"smacalc/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// textField is a typed input (money, percent, whole number). It is a
// component of its own so that what the person types is never overwritten:
// go-app would otherwise write each keystroke's value back into the input
// after the next keystroke has already landed, losing characters when
// someone types fast. The input's value is written by go-app once, at
// mount; later it is set directly only when the form's value changes from
// outside (a share link opened).
type textField struct {
	app.Compo
	Spec    fields.Spec
	Value   string // the form's value for the key
	Problem string

	mounted string // the value rendered at mount, never changed
	typed   string // the input's current text, as last seen
	// echoes are the texts typed since the value was last set from
	// outside. Each keystroke goes to the store and comes back as Value a
	// render later; on a busy machine or a phone the next keystroke has
	// landed by then, and the store's older value ("25000" on the way to
	// "250000") is not a change from outside: writing it lost the keystroke.
	echoes map[string]bool
}

func (t *textField) OnInit() {
	t.mounted, t.typed = t.Value, t.Value
}

// OnUpdate writes a value that changed from outside into the input.
func (t *textField) OnUpdate(ctx app.Context) {
	if !t.fromOutside() {
		return
	}
	t.typed, t.echoes = t.Value, nil
	if app.IsClient {
		if el := app.Window().GetElementByID(fields.InputID(t.Spec.Key)); el.Truthy() {
			el.Set("value", t.Value)
		}
	}
}

func (t *textField) Render() app.UI {
	widget.Rendered("textField/" + t.Spec.Key)
	return fieldUI(t.Spec, t.mounted, t.Problem, nil, t.see)
}

// see keeps the text typed (read when the handler runs: go-app keeps an
// element's first handler).
func (t *textField) see(text string) {
	t.typed = text
	if t.echoes == nil {
		t.echoes = map[string]bool{}
	}
	t.echoes[text] = true
}

// fromOutside reports whether Value is a change from outside (a share
// link, lots imported or removed, a settled amount grouped) rather than
// what the input shows or the echo of a keystroke typed since.
func (t *textField) fromOutside() bool {
	return t.Value != t.typed && !t.echoes[t.Value]
}

// field is the right component or element for a spec.
func field(f fields.Spec, values fields.Values, problems map[string]string) app.UI {
	if f.Key == "state" {
		return stateField(f, values, problems)
	}
	if f.Kind == fields.KindChoice {
		return fieldUI(f, values[f.Key], problems[f.Key], changeText(f.Key, true, nil), nil)
	}
	return &textField{Spec: f, Value: values[f.Key], Problem: problems[f.Key]}
}
