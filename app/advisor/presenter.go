package advisor

import (
	"fmt"

	"smacalc/app/savedfile"
	"smacalc/app/store"
	"smacalc/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Presenter is presenter mode for a client meeting: only the headline and
// the charts, in large type, and the saved scenarios one after another
// with the keyboard (→ or Page Down: next, ← or Page Up: previous, Esc:
// leave). The calculator owns whether it is on; the stylesheet hides the
// rest of the page (.presenting).
type Presenter struct {
	app.Compo
	// Presenting is the store's state; store.ActionPresent switches it.
	Presenting bool
	// Query is the scenario on screen; store.ActionOpen shows another
	// one (with its legacy lots, when it has some).
	Query string
	Saved *SavedStore // the saved scenarios it steps through

	saved         []savedfile.Scenario
	removeKeydown func()
	// ctx is the component's own context. Key presses are dispatched
	// through it: the context of the click that started presenting belongs
	// to the "Present" button, which is gone once presenting, and go-app
	// drops what is dispatched to an element no longer mounted.
	ctx app.Context
}

// OnMount keeps the component's context for key presses.
func (p *Presenter) OnMount(ctx app.Context) { p.ctx = ctx }

// OnDismount stops listening to the keyboard.
func (p *Presenter) OnDismount() { p.stopKeys() }

func (p *Presenter) start(ctx app.Context, e app.Event) {
	p.saved = p.Saved.List() // what cannot be read is left out (saved scenarios say so)
	p.removeKeydown = widget.OnKeydown(func(key string) bool {
		move, ok := presenterKeys[key]
		if ok {
			p.ctx.Dispatch(func(ctx app.Context) { p.act(ctx, move) })
		}
		return ok
	})
	ctx.NewActionWithValue(store.ActionPresent, store.Present{On: true, Focus: "presenter-bar"})
}

func (p *Presenter) stop(ctx app.Context, e app.Event) {
	p.stopKeys()
	ctx.NewActionWithValue(store.ActionPresent, store.Present{On: false, Focus: "present-start"})
}

func (p *Presenter) stopKeys() {
	if p.removeKeydown != nil {
		p.removeKeydown()
		p.removeKeydown = nil
	}
}

// presenterKeys maps keys to moves: +1 next, −1 previous, 0 leave.
var presenterKeys = map[string]int{
	"ArrowRight": +1, "PageDown": +1,
	"ArrowLeft": -1, "PageUp": -1,
	"Escape": 0,
}

func (p *Presenter) act(ctx app.Context, move int) {
	if !p.Presenting {
		return
	}
	if move == 0 {
		p.stop(ctx, app.Event{})
		return
	}
	p.step(ctx, move)
}

// step opens the next or previous saved scenario, stopping at the ends.
func (p *Presenter) step(ctx app.Context, by int) {
	next := stepSaved(p.saved, p.Query, by)
	if next >= 0 {
		openSaved(ctx, p.saved[next])
	}
}

// stepSaved is the index of the saved scenario by steps from the one whose
// query is current (from before the first when the current one is not
// saved), or −1 past either end.
func stepSaved(list []savedfile.Scenario, current string, by int) int {
	at := -1
	for i, s := range list {
		if s.Query == current {
			at = i
			break
		}
	}
	if at < 0 && by < 0 {
		return -1
	}
	next := at + by
	if next < 0 || next >= len(list) {
		return -1
	}
	return next
}

// position says which saved scenario is on screen.
func position(list []savedfile.Scenario, current string) string {
	for i, s := range list {
		if s.Query == current {
			return fmt.Sprintf("%s — %d of %d", s.Label, i+1, len(list))
		}
	}
	if len(list) == 0 {
		return "Current scenario (save scenarios to step through them)"
	}
	return fmt.Sprintf("Current scenario (not saved) — %d saved", len(list))
}

func (p *Presenter) Render() app.UI {
	widget.Rendered("presenter")
	if !p.Presenting {
		return app.Div().ID("presenter").Class("presenter-off").Body(
			app.Button().ID("present-start").Class("secondary").Type("button").
				Title("Only the headline and charts, in large type; ← → step through saved scenarios").
				Text("Present").OnClick(p.start),
		)
	}
	at := stepSaved(p.saved, p.Query, 0)
	return app.Div().ID("presenter").Class("presenter-on").Body(
		app.Div().ID("presenter-bar").Class("presenter-bar").
			TabIndex(-1).Role("toolbar").Aria("label", "Presenter mode").Body(
			app.Button().ID("present-prev").Type("button").Class("secondary").
				Disabled(stepSaved(p.saved, p.Query, -1) < 0 || at < 0).
				Aria("keyshortcuts", "ArrowLeft PageUp").
				Text("← Previous").OnClick(func(ctx app.Context, e app.Event) { p.step(ctx, -1) }),
			app.P().ID("presenter-position").Class("presenter-position").Aria("live", "polite").
				Text(position(p.saved, p.Query)),
			app.Button().ID("present-next").Type("button").Class("secondary").
				Disabled(stepSaved(p.saved, p.Query, +1) < 0).
				Aria("keyshortcuts", "ArrowRight PageDown").
				Text("Next →").OnClick(func(ctx app.Context, e app.Event) { p.step(ctx, +1) }),
			app.Button().ID("present-stop").Type("button").
				Aria("keyshortcuts", "Escape").
				Text("Leave presenter mode (Esc)").OnClick(p.stop),
		),
	)
}
