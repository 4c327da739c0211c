package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// textField is a typed input (money, percent, whole number). It is a
// component of its own so that what the person types is never overwritten:
// go-app would otherwise write each keystroke's value back into the input
// after the next keystroke has already landed, losing characters when
// someone types fast. The input's value is written by go-app once, at
// mount; later it is set directly only when the form's value changes from
// outside (a share link opened).
type textField struct {
	app.Compo
	Spec     fieldSpec
	Value    string // the form's value for the key
	Problem  string
	OnChange changeFunc

	mounted string // the value rendered at mount, never changed
	typed   string // the input's current text, as last seen
}

func (t *textField) OnInit() {
	t.mounted, t.typed = t.Value, t.Value
}

// OnUpdate writes a value that changed from outside into the input.
func (t *textField) OnUpdate(ctx app.Context) {
	if t.Value == t.typed {
		return
	}
	t.typed = t.Value
	if app.IsClient {
		if el := app.Window().GetElementByID(inputID(t.Spec.Key)); el.Truthy() {
			el.Set("value", t.Value)
		}
	}
}

func (t *textField) Render() app.UI {
	return fieldUI(t.Spec, t.mounted, t.Problem, func(ctx app.Context, key, text string, settled bool) {
		t.typed = text
		t.OnChange(ctx, key, text, settled)
	})
}

// formField is the right component or element for a spec.
func formField(f fieldSpec, values formValues, problems map[string]string, onChange changeFunc) app.UI {
	if f.Key == "state" {
		return stateField(f, values, problems, onChange)
	}
	if f.Kind == kindChoice {
		return fieldUI(f, values[f.Key], problems[f.Key], onChange)
	}
	return &textField{Spec: f, Value: values[f.Key], Problem: problems[f.Key], OnChange: onChange}
}
