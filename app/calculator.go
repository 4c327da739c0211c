package app

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/advisor"
	"smacalc/app/after"
	"smacalc/app/answer"
	"smacalc/app/brand"
	"smacalc/app/breakeven"
	"smacalc/app/fields"
	"smacalc/app/form"
	"smacalc/app/giving"
	"smacalc/app/store"
	"smacalc/app/transparency"
	"smacalc/app/widget"
	"smacalc/calc"
)

// calculator puts the rooms together around the one store: it hands the
// store's actions to it (store.Action*) and renders every part from the
// store's state, as plain data. go-app renders a child again only when
// that data differs, so a keystroke renders the field and what depends on
// the form, not the ~30 other fields or the advisors' tools.
type calculator struct {
	app.Compo
	Brand  *brand.Brand        // the page's white label; nil: the calculator's own
	Sim    store.Simulator     // nil while prerendering on the server
	Saved  *advisor.SavedStore // the saved scenarios of this browser
	Layout *fields.Layout      // which fields the short form shows
	// Prerendered is the start scenario's result the page was built with
	// (store.PrerenderedFromEnv; nil: none).
	Prerendered *calc.Result

	store      *store.Store
	wideScreen bool   // the page is at least widget's wide query wide: charts use their wide drawing
	stopWatch  func() // stops following the page's width

	ctx      app.Context // the calculator's context, once mounted (never on the server)
	mounted  bool
	view     resultView // the result the parts below the answer draw
	viewSeen int        // the store's Updates that view has caught up with
	viewAt   time.Time  // when view last took a provisional result
	syncDue  time.Time  // when the pending catch-up runs (zero: none pending)

	// chartsFar says the charts are more than half a window from the view
	// (widget.WatchNearView); charts is the result they draw (chartsOf).
	charts    store.Shown
	chartsFar bool
	stopNear  func()

	// rooms is the view the rooms below the charts and the year-by-year
	// table draw (roomsOf): a frame behind view when view caught up with
	// a simulation update or a run's start (roomsBehind).
	rooms       resultView
	roomsBehind bool
	roomsDue    bool // their catch-up is scheduled

	changeDue bool // a form change's update is scheduled (drawChange)

	ledger store.Shown // the complete result the year-by-year table and the holdings draw (ledgerOf)
}

// resultView is the result the parts below the answer draw: the charts, the
// year-by-year table, the holdings and the advisors' rooms, with the
// scenario those rooms show. When a simulation update arrives, the answer
// (headline, answer bar, progress) is drawn in its own frame and these
// parts catch up in the next one (syncView), so that neither the answer nor
// a worker's next message waits behind them. So does an input change that
// starts a run: its task draws the answer and the form, and the rooms take
// the new scenario in the next frame (on the phone profile their updates
// were most of the first change's task, which the browser benchmark counts:
// docs/ARCHITECTURE.md, "Round 7: the first change's task").
// docs/ARCHITECTURE.md, "Speed: after an input change": on
// 2 cores each provisional refresh drew the charts again (SVG as innerHTML,
// layout and paint) and the final result mounted every room in the task that
// showed the headline: 45% of the main thread's samples were go-app's
// updates. During a run the charts take a provisional result at most every
// chartsInterval; the headline takes each.
type resultView struct {
	shown       store.Shown
	provisional bool
	final       store.Shown
	scenario    fields.Scenario // the form's last valid scenario
	run         int             // the store's run then (RunID)
}

// chartsInterval is how often, at most, the charts draw a provisional
// result again during a run (the first provisional result and the final one
// are drawn at once).
const chartsInterval = time.Second

func viewOf(s *store.Store) resultView {
	shown, provisional := s.Shown()
	return resultView{shown: shown, provisional: provisional, final: s.Final(), scenario: s.Scenario, run: s.RunID}
}

// same reports whether v and w draw the same results.
func (v resultView) same(w resultView) bool {
	return v.shown.Result == w.shown.Result && v.shown.Scenario.Query == w.shown.Scenario.Query &&
		v.provisional == w.provisional &&
		v.final.Result == w.final.Result && v.final.Scenario.Query == w.final.Scenario.Query &&
		v.scenario.Query == w.scenario.Query && v.run == w.run
}

// catchUpView returns the result view to draw now, scheduling the catch-up
// when a simulation update or a run's start is what changed it. Any other
// change (an invalid input, presenter mode, a pin) is drawn at once, in one
// render.
func (c *calculator) catchUpView() resultView {
	s := c.store
	live := viewOf(s)
	if !c.mounted || (s.Updates == c.viewSeen && live.run == c.view.run) || c.view.same(live) {
		c.view, c.viewSeen = live, s.Updates
		c.syncDue = time.Time{}
		return live
	}
	now := time.Now()
	due := viewSyncDue(c.view, live, c.viewAt, now)
	if c.syncDue.IsZero() || due.Before(c.syncDue) {
		c.syncDue = due
		if due.After(now) {
			c.ctx.After(due.Sub(now), c.syncView)
		} else {
			// The next frame, in a task of its own: a go-app timer of no
			// delay fired within the same task on the phone profile (its
			// frame ticker had come due while the task ran), and the
			// catch-up's work stayed in it.
			ctx := c.ctx
			widget.AfterPaint(func() { ctx.Dispatch(c.syncView) })
		}
	}
	return c.view
}

// viewSyncDue is when the parts below the answer, drawing view (a
// provisional result since viewAt, when provisional), take live: at once,
// except another provisional result of the same scenario, chartsInterval
// after the last one they took.
func viewSyncDue(view, live resultView, viewAt, now time.Time) time.Time {
	if live.provisional && view.provisional && view.shown.Scenario.Query == live.shown.Scenario.Query {
		return viewAt.Add(chartsInterval)
	}
	return now
}

// syncView lets the parts below the answer catch up with the store.
func (c *calculator) syncView(ctx app.Context) {
	if c.syncDue.IsZero() || time.Now().Before(c.syncDue) {
		ctx.PreventUpdate() // caught up already, or a later catch-up is due
		return
	}
	c.syncDue = time.Time{}
	c.view, c.viewSeen = viewOf(c.store), c.store.Updates
	if c.view.provisional {
		c.viewAt = time.Now()
	}
	if !c.rooms.sameForRooms(c.view) {
		c.roomsBehind = true // roomsOf schedules their catch-up
	}
}

// sameForRooms reports whether v and w give the rooms the same data: the
// complete result and the scenario (a provisional result is the charts'
// and the headline's only), so that a run's provisional updates cost no
// second render.
func (v resultView) sameForRooms(w resultView) bool {
	return v.final.Result == w.final.Result && v.final.Scenario.Query == w.final.Scenario.Query &&
		v.scenario.Query == w.scenario.Query
}

// syncRooms lets the rooms catch up with the view.
func (c *calculator) syncRooms(ctx app.Context) { c.roomsBehind, c.roomsDue = false, false }

// roomsOf is the view the rooms draw: the advisors' tools, the report's
// cover and inputs, the tracking note, the call to action, "After a few
// years", the stock-count sweep, the assumptions. It is view, except a
// frame behind view's catch-up with a simulation update or a run's start
// (syncView): the charts and the year-by-year table are drawn in one
// frame, the rooms in the next. Drawn together, the final result's
// catch-up (charts, ledger, fifteen components) was the longest task of a
// change after the input's (docs/ARCHITECTURE.md, "Round 8: the page's
// work after a change").
func (c *calculator) roomsOf(view resultView) resultView {
	if !c.roomsBehind {
		c.rooms = view
	} else if !c.roomsDue {
		// Scheduled from the render that draws the view, so that the
		// rooms' update cannot join it in go-app's next frame.
		c.roomsDue = true
		ctx := c.ctx
		widget.AfterPaint(func() { ctx.Dispatch(c.syncRooms) })
	}
	return c.rooms
}

// ledgerOf is the complete result whose ledger the year-by-year table and
// the holdings draw, given the view below the answer: the view's when it
// is complete, else (a provisional result of a run) the last complete one
// they drew, of the inputs before, which the table marks as such (its
// Stale) until the run's own replaces it. Taken away at the run's first
// provisional result, the ledger's ~200 nodes were removed, the page below
// it moved up by its height (950 px on the desktop) and ~390 nodes came
// back with the final result: a catch-up task and a frame inside the run,
// 14.7 ms of the page's 112 ms of CPU on the desktop and 65 on the phone
// profile (docs/ARCHITECTURE.md, "Round 10: the page's main thread during
// a change").
func (c *calculator) ledgerOf(view resultView) store.Shown {
	if !view.provisional {
		c.ledger = view.shown
	}
	return c.ledger
}

// drawChange draws a form change after the task that handled it, not in
// it: that task ends once the store has taken the change and, when the
// change started a run (ran), posted it to the workers. go-app updates a
// component at its next frame tick (120 a second); a task that lasts
// longer than a tick, as the input's does on the phone profile, held the
// update too — the `input` event's and then the `change` event's, when
// both come in one task (the browser benchmark's change) —, and that task
// was the benchmark's longest on the phone (docs/ARCHITECTURE.md, "Round
// 10: the page's main thread during a change").
//
// A change that started a run is drawn at once in the next task: the UI
// goroutine waits there (widget.YieldTask), and its frame tick, due by
// then, draws the change before the workers' first messages. Its update
// dispatched from that task instead came at a tick after it, which on the
// phone profile often fell after the first chunks' message: the change
// and the first provisional answer were drawn in one task, 76 ms of CPU.
// Any other change (typing, an invalid value) is drawn by an update
// dispatched from the next task, one for the changes of a task.
func (c *calculator) drawChange(ctx app.Context, ran bool) {
	if ran {
		c.changeDue = false // drawn here: an update dispatched before has nothing to draw
		widget.YieldTask()
		return
	}
	ctx.PreventUpdate()
	if c.changeDue {
		return
	}
	c.changeDue = true
	widget.NextTask(func() {
		ctx.Dispatch(func(ctx app.Context) {
			if !c.changeDue {
				ctx.PreventUpdate()
			}
			c.changeDue = false
		})
	})
}

func (c *calculator) OnInit() {
	start := fields.Start(c.Brand.Startup())
	c.store = store.New(c.Sim, start)
	// A share link of another scenario never shows the start scenario's
	// answer, not even in the UI's first frame: OnNav reads the link and
	// drops it (Store.Nav), but the browser could paint the first render,
	// made before OnNav, in between (e2e TestShareLinkAnswerBeforeTheUI
	// caught the start's headline in that frame).
	if app.IsClient {
		if raw := app.Window().URL().RawQuery; raw != "" {
			if sc, _ := fields.Recover(raw, start); sc.Query != start.Query {
				return
			}
		}
	}
	c.store.Prerender(c.Prerendered)
}

// OnNav reads the scenario from the URL (a share link) and runs it.
func (c *calculator) OnNav(ctx app.Context) { c.store.Nav(ctx) }

// OnMount takes the components' actions to the store; the store's
// simulation updates are dispatched to the calculator's context.
func (c *calculator) OnMount(ctx app.Context) {
	s := c.store
	s.Mount(ctx)
	c.ctx, c.mounted = ctx, true
	ctx.Handle(store.ActionChange, func(ctx app.Context, a app.Action) {
		if ch, ok := a.Value.(store.Change); ok {
			run := s.RunID
			s.Change(ctx, ch)
			c.drawChange(ctx, s.RunID != run)
		}
	})
	ctx.Handle(store.ActionLots, func(ctx app.Context, a app.Action) {
		if l, ok := a.Value.(store.Lots); ok {
			s.SetLots(ctx, l.Lots)
		}
	})
	ctx.Handle(store.ActionOpen, func(ctx app.Context, a app.Action) {
		if o, ok := a.Value.(store.Open); ok {
			s.Open(ctx, o)
		}
	})
	ctx.Handle(store.ActionPresent, func(ctx app.Context, a app.Action) {
		if p, ok := a.Value.(store.Present); ok {
			s.Present(ctx, p)
		}
	})
	ctx.Handle(store.ActionMap, func(ctx app.Context, a app.Action) {
		if r, ok := a.Value.(store.MapRequest); ok {
			s.OpenMap(ctx, r)
		}
	})
	ctx.Handle(store.ActionClient, func(ctx app.Context, a app.Action) {
		if client, ok := a.Value.(string); ok {
			s.Client = client
		}
	})
	ctx.Handle(store.ActionPin, func(ctx app.Context, a app.Action) {
		if on, ok := a.Value.(bool); ok {
			s.Pin(on)
		}
	})
	c.wideScreen, c.stopWatch = widget.WatchWideScreen(func(wide bool) {
		ctx.Dispatch(func(app.Context) { c.wideScreen = wide })
	})
	c.stopNear = widget.WatchNearView("charts", func(near bool) {
		ctx.Dispatch(func(ctx app.Context) {
			if c.chartsFar == !near {
				ctx.PreventUpdate()
				return
			}
			c.chartsFar = !near
		})
	})
	// Once the mounted UI is painted, in a task of its own, the store
	// rehearses an input change's path, so that the person's first change
	// does not compile it (store.Rehearse).
	ctx.Handle(store.ActionRehearse, func(ctx app.Context, a app.Action) {
		if s.Rehearse(ctx) {
			// Drawn as a change's (ActionChange), by the code the
			// person's first change runs: its run is the prerendered
			// result's, which runs nothing, and draws as one that did.
			c.drawChange(ctx, true)
		}
	})
	widget.AfterPaint(func() { ctx.NewActionWithValue(store.ActionRehearse, nil) })
}

func (c *calculator) OnDismount() {
	c.mounted = false
	c.store.Stop()
	if c.stopWatch != nil {
		c.stopWatch()
		c.stopWatch = nil
	}
	if c.stopNear != nil {
		c.stopNear()
		c.stopNear = nil
	}
}

// chartsOf is the result the charts draw, given the view below the
// answer: the view's, except a provisional one while the charts are far
// from the view, when they keep what they drew (the complete result of the
// scenario before, on a first change). They are below the first screen on
// a phone and on a desktop, and a provisional result drawn there was drawn
// again, unseen, at the final one: their SVG, built and parsed on the main
// thread, was most of the task that drew the first provisional result
// (docs/ARCHITECTURE.md, "Round 8: the page's work after a change"). Once
// they come near the view (scrolled to during a run) they draw the view's.
func (c *calculator) chartsOf(view resultView) store.Shown {
	if !view.provisional || !c.chartsFar || c.charts.Result == nil {
		c.charts = view.shown
	}
	return c.charts
}

func (c *calculator) Render() app.UI {
	widget.Rendered("calculator")
	s := c.store
	shown, provisional := s.Shown()
	// Below the answer: the view, a frame behind a simulation update.
	view := c.catchUpView()
	roomsView := c.roomsOf(view)
	final := roomsView.final
	ledger := c.ledgerOf(view)
	// The run is shown as done once everything below the answer has its
	// result too: tests and scripts wait for #progress[data-running=false].
	catchingUp := !view.same(viewOf(s)) || !roomsView.same(view)
	fund := s.Fund()
	// The answer comes first on a phone (the stylesheet puts it beside the
	// form on wider screens): the headline on the first screen, the form
	// below it with a sticky line that keeps the answer in view.
	// A share link's bad values are named above the answer (issue 24,
	// item 3): on a phone the form, and what it held, comes far below.
	// The inputs the answer rests on are listed beside the headline, and a
	// pinned comparison comes right after it.
	pinned := s.Pinned.Result != nil
	compare := &advisor.Compare{Final: final, Pinned: s.Pinned, PinnedClient: s.PinnedClient, Client: s.Client}
	basisOf := shown.Scenario
	if shown.Result == nil {
		basisOf = s.Scenario
	}
	answerPart := app.Div().ID("answer").Class("answer").Body(
		app.If(len(s.Notes) > 0, func() app.UI { return linkNotice(s.Notes) }),
		&answer.Progress{Running: s.Running || catchingUp, Done: s.Done, Total: s.Total, Err: s.RunErr, Waiting: c.Sim == nil && s.Result.Result == nil, HasResult: s.Result.Result != nil, Run: s.RunID},
		&answer.Headline{Result: shown.Result, Fund: fund, Provisional: provisional, Stale: s.Stale(), Done: s.Done, Total: s.Total,
			Basis: basisOf, Pinned: pinned},
		&answer.TransitionHeadline{Result: shown.Result, Scenario: shown.Scenario, Fund: fund, Provisional: provisional},
		&answer.ShareLink{Query: s.Scenario.Query},
		app.If(pinned, func() app.UI { return compare }),
	)
	inputs := app.Form().ID("inputs").Class("inputs").Aria("label", "Scenario").
		OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).Body(
		app.If(s.Problems[""] != "", func() app.UI {
			return app.P().ID("link-error").Class("field-error").Text(s.Problems[""])
		}),
		&form.Prospect{Layout: c.Layout, Values: fields.Pick(s.Values, c.Layout.ShortKeys), Problems: fields.Pick(s.Problems, c.Layout.ShortKeys)},
		&form.Advanced{Layout: c.Layout, Values: fields.Pick(s.Values, c.Layout.AdvancedKeys), Problems: fields.Pick(s.Problems, c.Layout.AdvancedKeys)},
		answer.Bar(shown.Result, fund, provisional, s.Running, len(s.Problems) > 0, s.Done, s.Total),
	)
	// The rooms' scenario: the view's, a frame behind a run's start, and
	// the rooms' a frame behind that.
	rooms := roomsView.scenario
	charts, chartsFund := c.chartsOf(view), fund
	if charts.Result != view.shown.Result {
		chartsFund = charts.Scenario.Fund // the scenario before's drawing, as it was
	}
	results := app.Div().ID("results").Class("results").Body(
		&answer.TrackingNote{Scenario: rooms, Result: final.Result, Sim: c.Sim},
		&answer.MinimumNotice{Amount: rooms.Amount, Brand: c.Brand},
		&answer.CallToAction{Query: rooms.Query, Brand: c.Brand},
		// Presenter mode shows the wide drawings whatever the width; so
		// does the page prerendered on the server, which has no screen to
		// ask (a phone shows them until the WASM draws its own: smacalc.css,
		// "First paint").
		&answer.Charts{Result: charts.Result, Fund: chartsFund, Wide: c.wideScreen || s.Presenting || !app.IsClient, Moving: charts.Scenario.Single > 0, Brand: c.Brand},
		&answer.BrandDisclosure{Brand: c.Brand},
	)
	var savedDifference string // the median difference saved with the scenario
	if final.Result != nil {
		savedDifference = final.Result.Difference.P50.Round(0).String()
	}
	// Tools for an advisor (presenter mode, saved scenarios, compare,
	// exports) come after the answer and its detail, out of a prospect's
	// way; presenter mode moves its bar to the top (stylesheet).
	advisorTools := app.Section().ID("advisor-tools").Class("advisor-tools").Aria("labelledby", "advisor-title").Body(
		app.H2().ID("advisor-title").Text("For advisors"),
		&form.ExistingHoldings{Values: fields.Pick(s.Values, fields.HoldingsKeys), Problems: fields.Pick(s.Problems, fields.HoldingsKeys), Lots: s.Lots, LotsProblem: s.Problems["lots"], Year: rooms.Year},
		givingSection(s, final),
		&advisor.Presenter{Presenting: s.Presenting, Query: rooms.Query, Saved: c.Saved},
		&advisor.SavedScenarios{Query: s.Savable(rooms).Query, Lots: s.Lots, Difference: savedDifference},
		// Pinned, the comparison sits next to the answer instead; an
		// empty element keeps the place, so that the components after it
		// keep theirs.
		app.If(!pinned, func() app.UI { return compare }).Else(func() app.UI { return app.Div().ID("compare-place").Hidden(true) }),
		&advisor.ReportExports{Final: final, Client: s.Client},
	)
	// The year-by-year tables and the assumptions run under both columns:
	// eight money columns do not fit beside the form.
	root := "calculator-root"
	if s.Presenting {
		root += " presenting"
	}
	yearTable := &answer.YearTable{Fund: fund}
	if ledger.Result != nil {
		yearTable.Ledger, yearTable.Fund = ledger.Result.Ledger, ledger.Scenario.Fund
		yearTable.Stale = ledger.Scenario.Query != view.scenario.Query
	}
	return app.Div().Class(root).Body(
		&advisor.ReportCover{Query: rooms.Query, Client: s.Client, Brand: c.Brand, Saved: c.Saved},
		&advisor.ReportInputs{Scenario: rooms},
		app.Div().ID("calc").Class("calc-layout").Body(answerPart, inputs, results),
		yearTable,
		// "After a few years": exit plans and gain budgets side by side,
		// for advisors, after the year-by-year detail.
		&after.Section{Scenario: rooms, Final: final, Imported: s.Lots != nil, Sim: c.Sim, Wide: c.wideScreen || s.Presenting},
		// What the SMA holds is inspected from the query alone: not shown
		// for imported lots, which the query does not carry. An empty
		// element keeps its place then: go-app matches children by
		// position, and a missing child made every later component new,
		// losing their state (issue 24, item 4).
		app.If(s.Lots == nil, func() app.UI { return transparency.For(ledger, c.Sim) }).
			Else(func() app.UI { return app.Div().ID("transparency-place").Hidden(true) }),
		// The break-even map: computed once asked for, after the answer.
		app.If(c.Sim != nil, func() app.UI {
			return &breakeven.Map{State: s.Map, Fund: fund, Horizon: rooms.Horizon}
		}),
		&transparency.StockCountSweep{Scenario: rooms, Sim: c.Sim},
		&transparency.Explainer{},
		&answer.Assumptions{State: rooms.State, HasStateRate: rooms.HasStateRate, Year: strconv.Itoa(rooms.Year),
			Turnover: rooms.Turnover, Takeover: rooms.Takeover, Premium: rooms.Premium},
		advisorTools,
	)
}

// givingSection is the advisors' "giving appreciated shares" room: the
// inputs (form.Giving) and what the gifts were worth (giving.Gifts).
func givingSection(s *store.Store, final store.Shown) app.UI {
	return app.Section().ID("giving").Class("giving").Aria("labelledby", "giving-title").Body(
		app.H3().ID("giving-title").Text("Giving appreciated shares"),
		app.P().Class("status-line no-print").Text("For clients who give to charity every year: both portfolios give the shares with the largest gains, "+
			"held over a year, instead of cash, and invest the cash they would have given. The gain given away is never taxed."),
		&form.Giving{Values: fields.Pick(s.Values, fields.GivingKeys), Problems: fields.Pick(s.Problems, fields.GivingKeys)},
		&giving.Gifts{Result: final.Result, Fund: final.Scenario.Fund},
	)
}

// linkNotice lists what a share link had wrong; the scenario runs with
// defaults in their place.
func linkNotice(notes []string) app.UI {
	items := make([]app.UI, len(notes))
	for i, n := range notes {
		items[i] = app.Li().Text(n)
	}
	return app.Div().ID("link-notice").Class("link-notice").Attr("role", "status").Body(
		app.P().Text("This link had values the calculator could not use; it shows the result with these changes:"),
		app.Ul().Body(items...),
	)
}
