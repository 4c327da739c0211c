package answer

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc"
)

// TrackingNote sits beside the headline when sectors are excluded: the
// tracking error, and how the benefit compares with the same scenario
// holding every sector, simulated on the side worker
// (Simulator.Background) as soon as the scenario changes.
type TrackingNote struct {
	app.Compo
	Scenario fields.Scenario // the scenario in the form
	Result   *calc.Result    // its complete result; nil while it runs
	Sim      store.Simulator // runs the comparison; nil while prerendering

	ctx      app.Context
	mounted  bool
	baseQ    string       // the comparison scenario asked for
	base     *calc.Result // its result
	baseErr  string
	cancel   func()
	reqID    int
	excluded []string
}

func (n *TrackingNote) OnMount(ctx app.Context) {
	n.ctx, n.mounted = ctx, true
	n.refresh()
}

func (n *TrackingNote) OnUpdate(ctx app.Context) { n.refresh() }

func (n *TrackingNote) OnDismount() { n.stop() }

func (n *TrackingNote) stop() {
	if n.cancel != nil {
		n.cancel()
		n.cancel = nil
	}
}

func (n *TrackingNote) refresh() {
	q, ex := withoutExclusions(n.Scenario)
	n.excluded = ex
	if q == n.baseQ {
		return
	}
	n.stop()
	n.baseQ, n.base, n.baseErr = q, nil, ""
	if q == "" || n.Sim == nil || !n.mounted {
		return
	}
	n.reqID++
	id, ctx := n.reqID, n.ctx
	n.cancel = n.Sim.Background(q, func(r *calc.Result, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if id != n.reqID {
				return
			}
			n.cancel = nil
			if err != nil {
				n.baseErr = err.Error()
				return
			}
			n.base = r
		})
	})
}

func (n *TrackingNote) Render() app.UI {
	widget.Rendered("trackingNote")
	r := n.Result
	if len(n.excluded) == 0 || r == nil {
		return app.Div().ID("tracking-note").Class("tracking-note-none")
	}
	text := trackingNoteText(n.excluded, r, n.base)
	if n.baseErr != "" {
		text = trackingNoteText(n.excluded, r, nil)
		text = text[:len(text)-len("; comparing with every sector held…")] + ". (The comparison with every sector held failed: " + n.baseErr + ".)"
	}
	return app.Div().ID("tracking-note").Class("tracking-note").Aria("live", "polite").
		DataSet("tracking-error", r.TrackingError).DataSet("compared", n.base != nil).Body(
		app.P().Text(text),
		app.P().Class("field-help").Text("Tracking error is how far, in a typical year, the SMA's return before tax strays from the index's because it leaves sectors out: "+
			"it can end ahead or behind the index by that much, independently of the tax benefit."),
	)
}
