package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/store"
)

// updateRehearsal is the page's turn in the idle warm-up (store.PageWarmer):
// a hidden element whose contents it renders again a few times, so that
// go-app's update of the DOM has run, and been compiled, before a person's
// first change needs it.
//
// Why (docs/ARCHITECTURE.md, "Round 10: go-app's update, rehearsed"):
// V8 compiles a hot WebAssembly function again with TurboFan, and
// TurboFan inlines an indirect call (a Go interface method or a func
// value) at the targets it has seen, behind a check; a target it has not
// seen makes the function fall back to its baseline code ("wrong call
// target": a deoptimization) until it has been compiled again. go-app's
// nodeManager.updateHTML calls each element's methods through its
// interface: the load's updates had seen a few element types, and the
// first change after the warm-up deoptimized it twice and compiled its
// 35 KB again twice, while the workers simulated, on the same 2 cores
// (traces with --trace-deopt). Update, updateComponent, CanUpdate and Mount
// were compiled in that window for the first time. Here they run over
// every kind of element the answer and its rooms update, with attributes,
// text, event handlers, raw HTML, children added and removed, and a
// component, so that their calls have seen more targets than TurboFan
// inlines (it then calls them indirectly, with nothing to fall back from)
// and they are hot when the change comes.
//
// Nothing of it is shown: the element is hidden (and left empty at the
// end), its elements have no id, and the warm-up gives the page its turn
// only while no run has started (a person's change ends it).
type updateRehearsal struct {
	app.Compo
	Sim store.Simulator // nil while prerendering on the server

	step int // the rehearsal's step shown; 0: none
}

// updateRehearsalSteps is how many renders of the hidden contents the
// rehearsal makes, one an idle period: enough for V8's tiering budget of
// the functions above (the code log: none of them compiled again in the
// first change's run; docs/ARCHITECTURE.md, "Round 10: go-app's update,
// rehearsed").
const updateRehearsalSteps = 12

func (r *updateRehearsal) OnMount(ctx app.Context) {
	w, ok := r.Sim.(store.PageWarmer)
	if !ok {
		return
	}
	steps := 0
	w.WarmPage(func(cut bool) bool {
		steps++
		step := steps
		if cut || step > updateRehearsalSteps {
			step = 0 // empty again
		}
		ctx.Dispatch(func(app.Context) { r.step = step })
		return step != 0
	})
}

// OnDismount takes the page's turn back: the warm-up does not call a
// component that is gone.
func (r *updateRehearsal) OnDismount() {
	if w, ok := r.Sim.(store.PageWarmer); ok {
		w.WarmPage(nil)
	}
}

func (r *updateRehearsal) Render() app.UI {
	root := app.Div().Class("update-rehearsal").Hidden(true).Aria("hidden", "true")
	if r.step == 0 {
		return root
	}
	return root.Body(r.elements(r.step)...)
}

// elements are the hidden contents of step n: the same kinds of
// element each time, with texts and attributes that differ from step to
// step, and every other step one list item and one table row more.
func (r *updateRehearsal) elements(n int) []app.UI {
	text := strconv.Itoa(n)
	odd := n%2 == 1
	items := []app.UI{app.Li().Class("item-" + text).Text(text)}
	rows := []app.UI{app.Tr().Body(app.Th().Text(text), app.Td().Class("num").Text(text))}
	if odd {
		items = append(items, app.Li().Text("odd"))
		rows = append(rows, app.Tr().Body(app.Th().Text("odd"), app.Td().Text(text)))
	}
	return []app.UI{
		app.Section().Class("step-"+text).Body(
			app.H2().Text("Step "+text),
			app.H3().Title(text).Text(text),
			app.P().Class("note").Body(
				app.Strong().Text(text), app.Text(" and "),
				app.Span().Class("num").Title(text).Text(text),
			),
			app.Dl().Body(
				app.Dt().Text(text), app.Dd().Class("num").Text(text),
				app.Dt().Text("b"), app.Dd().Body(app.Span().Text(text)),
			),
			app.Progress().Max(10).Value(n),
			app.Ul().Body(items...),
			app.If(odd, func() app.UI { return app.P().Text("odd") }),
		),
		// A child of another kind in the same place (replaced), one
		// that gains and loses its attributes, and one its handler.
		app.If(odd, func() app.UI { return app.P().Text(text) }).Else(func() app.UI { return app.Span().Text(text) }),
		r.bare(odd, app.Div().Text(text)),
		r.pressable(odd, app.Span().Text(text)),
		app.Table().Body(
			app.THead().Body(app.Tr().Body(app.Th().Text("Year"), app.Th().Text(text))),
			app.TBody().Body(rows...),
		),
		app.Details().Body(
			app.Summary().Text(text),
			app.Div().Class("detail").Body(app.Raw("<p>"+text+"</p>")),
		),
		app.Figure().Body(app.FigCaption().Text(text)),
		app.Button().Type("button").Disabled(odd).Text(text).OnClick(r.press),
		app.A().Href("#step-" + text).Text(text),
		app.Label().For("x").Text(text),
		&rehearsalLine{Text: text, Odd: odd},
	}
}

// press is the rehearsal button's handler: nobody can press it (hidden);
// it is there for go-app's update of event handlers.
func (r *updateRehearsal) press(app.Context, app.Event) {}

// bare is div with a class on odd steps and none on even ones.
func (r *updateRehearsal) bare(odd bool, div app.HTMLDiv) app.UI {
	if odd {
		return div.Class("odd")
	}
	return div
}

// pressable is span with a click handler on odd steps only.
func (r *updateRehearsal) pressable(odd bool, span app.HTMLSpan) app.UI {
	if odd {
		return span.OnClick(r.press)
	}
	return span
}
