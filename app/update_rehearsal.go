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
// many kinds of element, nested in each other, with attributes, text,
// event handlers, raw HTML, children added, removed and replaced, and a
// component, so that each of their call sites has seen more targets than
// V8 tracks (it then calls them indirectly, with nothing to fall back
// from; "Speculative Optimizations for WebAssembly using Deopts and
// Inlining", v8.dev, 2025) and they are hot when the change comes.
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
const updateRehearsalSteps = 16

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

// elements are the hidden contents of step n: for each of rehearsalKinds
// one element of that kind whose children differ from step to step —
// their number (children added and removed), their kinds (a child
// replaced by one of another kind), their class (attributes that come,
// change and go) and their click handler —, then the other kinds of
// element the answer updates, with other texts and attributes each time.
// go-app calls each child's and each parent's methods at its own call
// site for each of these (setParent on a child mounted in place, the
// parent's JSValue for appendChild, removeChild and replaceChild,
// setAttrs, setEvents): each sees every kind.
func (r *updateRehearsal) elements(n int) []app.UI {
	text := strconv.Itoa(n)
	odd := n%2 == 1
	kinds := len(rehearsalKinds)
	parents := make([]app.UI, 0, kinds+8)
	for i, parent := range rehearsalKinds {
		children := make([]app.UI, 1+(n+i)%3)
		for j := range children {
			k := (i + j + n) % kinds
			children[j] = rehearsalKinds[k](rehearsalClass(n+j, text), r.pressOf(n+k), app.Text(text))
		}
		// Each parent also in a titled div: attributes that change
		// every step (updateHTMLAttributes).
		parents = append(parents, app.Div().Title(text).DataSet("step", n).Body(
			parent(rehearsalClass(n+i, text), r.pressOf(n+i+1), children...)))
	}
	rows := []app.UI{app.Tr().Body(app.Th().Text(text), app.Td().Class("num").Text(text))}
	if odd {
		rows = append(rows, app.Tr().Body(app.Th().Text("odd"), app.Td().Text(text)))
	}
	return append(parents,
		app.H2().Text("Step "+text),
		app.H3().Title(text).Text(text),
		app.Dl().Body(
			app.Dt().Text(text), app.Dd().Class("num").Text(text),
			app.Dt().Text("b"), app.Dd().Body(app.Span().Text(text)),
		),
		app.Progress().Max(10).Value(n),
		app.Table().Body(
			app.THead().Body(app.Tr().Body(app.Th().Text("Year"), app.Th().Text(text))),
			app.TBody().Body(rows...),
		),
		app.Details().Body(
			app.Summary().Text(text),
			app.Div().Class("detail").Body(app.Raw("<p>"+text+"</p>")),
		),
		app.Button().Type("button").Disabled(odd).Text(text).OnClick(r.press),
		app.A().Href("#step-"+text).Text(text),
		&rehearsalLine{Text: text, Odd: odd},
	)
}

// rehearsalClass is a class for step n: none every third step (go-app then
// holds no attributes for an element it mounts), else one of two.
func rehearsalClass(n int, text string) string {
	if n%3 == 0 {
		return ""
	}
	return "c" + strconv.Itoa(n%2) + "-" + text
}

// pressOf is a click handler on every other step n, else none.
func (r *updateRehearsal) pressOf(n int) app.EventHandler {
	if n%2 == 0 {
		return r.press
	}
	return nil
}

// press is the rehearsal's click handler: nobody can click (hidden); it is
// there for go-app's update of event handlers.
func (r *updateRehearsal) press(app.Context, app.Event) {}

// rehearsalKinds are the kinds of element the rehearsal nests: more than
// the four targets V8 tracks at a call site (kMaxPolymorphism,
// src/wasm/wasm-constants.h), so that the site is megamorphic and TurboFan
// inlines nothing there it could have to fall back from. All of them are
// kinds the page has: a kind go-app's element constructors bring in costs
// its method set in the WASM.
var rehearsalKinds = []func(class string, press app.EventHandler, body ...app.UI) app.UI{
	func(c string, h app.EventHandler, b ...app.UI) app.UI { return rehearsed(app.Div(), c, h, b) },
	func(c string, h app.EventHandler, b ...app.UI) app.UI { return rehearsed(app.P(), c, h, b) },
	func(c string, h app.EventHandler, b ...app.UI) app.UI { return rehearsed(app.Span(), c, h, b) },
	func(c string, h app.EventHandler, b ...app.UI) app.UI { return rehearsed(app.Section(), c, h, b) },
	func(c string, h app.EventHandler, b ...app.UI) app.UI { return rehearsed(app.Strong(), c, h, b) },
	func(c string, h app.EventHandler, b ...app.UI) app.UI { return rehearsed(app.Label(), c, h, b) },
	func(c string, h app.EventHandler, b ...app.UI) app.UI { return rehearsed(app.Figure(), c, h, b) },
	func(c string, h app.EventHandler, b ...app.UI) app.UI { return rehearsed(app.Li(), c, h, b) },
}

// rehearsalElement is what rehearsed needs of a go-app element E: its
// class, click handler and body, each returning E.
type rehearsalElement[E any] interface {
	app.UI
	Class(v ...string) E
	OnClick(h app.EventHandler, options ...app.EventOption) E
	Body(elems ...app.UI) E
}

// rehearsed is e with class (none when empty), press as its click
// handler (none when nil) and body.
func rehearsed[E rehearsalElement[E]](e E, class string, press app.EventHandler, body []app.UI) app.UI {
	if class != "" {
		e = e.Class(class)
	}
	if press != nil {
		e = e.OnClick(press)
	}
	return e.Body(body...)
}
