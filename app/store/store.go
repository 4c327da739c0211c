// Package store is the calculator's one state and the only code that
// changes it. Components never change it themselves: they post an intent as
// a go-app action (the Action* names below, with their values), the shell
// hands it to the Store, and the shell renders again from the new state,
// giving each component plain data. go-app updates a child only when one of
// its exported fields differs (reflect.DeepEqual), so a component whose data
// did not change is not rendered again.
//
// A change runs one way: an action → the store validates the form
// (fields.ToScenario: the scenario is decoded once, here) → the URL (the
// share link) → the Simulator, after Debounce while someone types →
// SimulationUpdates back through the shell's context → a new state.
package store

import (
	"errors"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
	"smacalc/calc/scenario"
)

// Debounce is how long the store waits after a change before it simulates,
// so typing "250000" runs once, not six times.
const Debounce = 250 * time.Millisecond

// The actions components post (ctx.NewActionWithValue) and the shell
// handles with the store. Each name's value is the type named beside it.
const (
	ActionChange   = "smacalc/change"   // Change: a field's new text
	ActionLots     = "smacalc/lots"     // Lots: legacy lots imported, or removed (nil)
	ActionOpen     = "smacalc/open"     // Open: show a saved or pinned scenario and run it
	ActionPresent  = "smacalc/present"  // Present: presenter mode on or off
	ActionClient   = "smacalc/client"   // string: the client's name on the printed report
	ActionPin      = "smacalc/pin"      // bool: pin the complete result shown (true) or unpin (false)
	ActionRehearse = "smacalc/rehearse" // none: the calculator's own, once mounted and painted (rehearse.go)
)

// Change is a field's new text. Settled says the person has finished with
// the value (a choice, a checkbox, Enter or leaving a text field) rather
// than typing on. Focus, when set, is the id of an element to focus once
// the change is on screen (the own state rate's input when "My own rate" is
// chosen).
type Change struct {
	Key, Text string
	Settled   bool
	Focus     string
}

// Lots are legacy lots imported from a file; nil removes them.
type Lots struct {
	Lots []scenario.LegacyLot
}

// Open shows a scenario (a saved or pinned one) with its legacy lots (nil:
// none) and runs it once.
type Open struct {
	Scenario fields.Scenario
	Lots     []scenario.LegacyLot
	// Label is the saved scenario's client label ("" for a pinned
	// scenario): it becomes the client's name (State.Client), so the
	// report, the exports and the comparison name the same client.
	Label string
}

// Present turns presenter mode on or off; Focus is the id of the element
// to focus once the page has changed.
type Present struct {
	On    bool
	Focus string
}

// Shown is a result with the scenario it is of, so that nothing needs to
// decode the result's query to word it.
type Shown struct {
	Result   *calc.Result
	Scenario fields.Scenario
}

// State is what the page shows. The shell reads it to render; only the
// Store's methods change it.
type State struct {
	Values   fields.Values        // what the person typed, by key; replaced, never modified in place
	Problems map[string]string    // invalid fields, by key ("" for the form as a whole)
	Notes    []string             // what a share link had wrong and what replaced it
	Scenario fields.Scenario      // the last valid scenario
	Lots     []scenario.LegacyLot // legacy lots imported (nil: none); not in the query

	Result  Shown        // the last complete result (kept when a run fails)
	Partial *calc.Result // provisional result of the running simulation

	Running     bool
	Done, Total int
	RunErr      string
	RunID       int // the current run; updates of older runs are dropped
	// Updates counts the simulation updates taken (partial and final): the
	// calculator draws what lies below the answer (charts, tables, rooms)
	// a frame after the answer when this is what changed (calculator.go,
	// "resultView").
	Updates int

	Presenting bool // presenter mode: only the headline and charts
	// Client is the one name of the client (issue 24, item 4): typed for
	// the report, or the label of the saved scenario saved or opened last.
	// The report's cover, the exports' file names and first lines and the
	// comparison's caption all read it.
	Client string

	// Pinned is the complete result pinned for comparison (Result nil:
	// none), with the client it was pinned for. It lives here, not in the
	// comparison's component, so that nothing that re-creates the
	// component (lots imported or removed, presenter mode) loses it.
	Pinned       Shown
	PinnedClient string

	// amountTyped is the amount the form had before legacy lots replaced
	// it with their total; removing the lots puts it back.
	amountTyped string

	Map MapState // the break-even map (breakeven.go)
}

// Store is the state with what changes it: the Simulator (nil while
// prerendering on the server), the starting scenario and the context of the
// component that renders the state, which simulation updates are
// dispatched to.
type Store struct {
	State

	sim     Simulator
	start   fields.Scenario
	ctx     app.Context
	seq     int             // debounce sequence: only the latest change runs
	running fields.Scenario // the scenario of the current run
	cancel  func()          // cancels the current run
	mapRun  *mapRun         // the break-even map being computed
	// prerendered is the start scenario's result the page was built with
	// (Prerender; nil: none).
	prerendered *calc.Result
	rehearsed   bool // the path of an input change has been rehearsed (rehearse.go)
	urlDue      bool // the address's update is pending (replaceURL)
	urlQueued   bool // a task to write it after the next paint is queued
}

// New is a store showing start (the brand's default scenario or the
// calculator's) that runs scenarios with sim.
func New(sim Simulator, start fields.Scenario) *Store {
	s := &Store{sim: sim, start: start}
	s.load(start, nil)
	return s
}

// Prerender shows r, the start scenario's complete result computed when
// the page was built (PrerenderedFromEnv), as the start scenario's result:
// the server's prerendered page shows it, and the browser shows the same
// before and after the WASM mounts, without simulating it again. A result
// of another scenario (a brand's build read with another start) is
// ignored.
func (s *Store) Prerender(r *calc.Result) {
	if r == nil || r.Scenario != s.start.Query {
		return
	}
	s.prerendered = r
	s.Result = Shown{Result: r, Scenario: s.start}
	s.Done, s.Total = r.Paths, r.Paths
}

// Simulator is the store's simulator, for the components that run side
// simulations (nil while prerendering).
func (s *Store) Simulator() Simulator { return s.sim }

// Mount keeps the rendering component's context: simulation updates are
// dispatched to it, whichever input started the run.
func (s *Store) Mount(ctx app.Context) { s.ctx = ctx }

// Stop cancels the current run and the map being computed.
func (s *Store) Stop() {
	s.stopMap()
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
}

// Nav reads the scenario from the URL (a share link) and runs it. A bad
// link still runs: its bad values are named and replaced by their defaults
// (fields.Recover).
func (s *Store) Nav(ctx app.Context) {
	s.ctx = ctx
	raw := ctx.Page().URL().RawQuery
	if raw == "" {
		s.load(s.start, nil)
		s.Notes = nil
	} else {
		sc, notes := fields.Recover(raw, s.start)
		s.load(sc, nil)
		s.Notes = notes
		if raw != s.Scenario.Query {
			s.replaceURL(ctx) // canonical form
		}
	}
	if s.prerendered != nil && s.Result.Result == s.prerendered && s.Scenario.Query != s.prerendered.Scenario {
		// A link of another scenario: its answer is what the workers
		// will give, not the start scenario's (the page's stylesheet
		// hides the prerendered one until the WASM runs, first-paint.js).
		s.Result, s.Done, s.Total = Shown{}, 0, 0
	}
	s.run()
}

// load shows a scenario in the form.
func (s *Store) load(sc fields.Scenario, problems map[string]string) {
	s.Values = fields.FromScenario(sc.Scenario)
	s.Problems = problems
	if len(problems) == 0 {
		s.Scenario = sc
	}
}

// Change is the one action of the form: a field changed. The value is
// checked at once (the message shows next to the field). A valid scenario
// is applied at once when the value is settled, and after Debounce while
// someone types, so that the intermediate values of "80" ("8" on the way)
// neither run nor reach the URL.
func (s *Store) Change(ctx app.Context, ch Change) {
	if ch.Key == "state" { // a state's law replaces your own rate
		s.Values = s.Values.With(fields.StateRateField.Key, "").With(fields.OwnRateKey, "")
	}
	text := ch.Text
	if ch.Settled {
		// A settled amount is shown grouped ("250000" → "250,000"), as a
		// link's amount is: the text field writes it into the input.
		text = fields.GroupTyped(ch.Key, text)
	}
	s.Values = s.Values.With(ch.Key, text)
	s.Notes = nil // the link's notes are about the values it gave
	sc, problems := s.withLots(fields.ToScenario(s.Values))
	s.Problems = problems
	s.seq++ // a newer change, valid or not, supersedes a pending one
	if ch.Focus != "" {
		id := ch.Focus
		ctx.Defer(func(app.Context) {
			if el := app.Window().GetElementByID(id); el.Truthy() {
				el.Call("focus")
			}
		})
	}
	if sc.Query == "" {
		return // invalid: the last valid result stays
	}
	if ch.Settled {
		s.apply(ctx, sc)
		return
	}
	seq := s.seq
	s.ctx.After(Debounce, func(ctx app.Context) {
		if seq != s.seq || sc.Query == s.Scenario.Query {
			ctx.PreventUpdate() // nothing changed: nothing to render
			return
		}
		s.apply(ctx, sc)
	})
}

// apply makes sc the scenario shown, in the URL and running.
func (s *Store) apply(ctx app.Context, sc fields.Scenario) {
	if sc.Query == s.Scenario.Query {
		return
	}
	s.Scenario = sc
	s.replaceURL(ctx)
	s.run()
}

// replaceURL puts the scenario's query in the address (the share link)
// once its answer is on the page: after the next paint when nothing runs
// (a result computed before, the prerendered one), else after the paint of
// the run's final update (update). The address waits for nothing else on
// the page (the share link shows the query from the state), and each write
// costs the run's cores: history.replaceState took 8 % of a first input
// change's task on the phone profile and 15 % of a later one's (main
// 5faaed4, docs/ARCHITECTURE.md, "Round 7: the first change's task"), the
// browser's main thread handles the new address (9–11 ms of CPU), and
// Chrome fetches and draws the page's favicon again for an address it has
// not seen (a same-document navigation): an SVG document parsed, laid out
// and painted on the page's main thread, 5–8 ms of CPU on the desktop and
// about 30 on the phone profile, inside every traced run (docs/
// ARCHITECTURE.md, "Round 12: the address after the answer"). One write
// is pending at most, and it writes the scenario shown when it runs, so
// changes in a row end with the last one's address.
func (s *Store) replaceURL(ctx app.Context) {
	if !app.IsClient {
		s.writeURL(ctx) // prerendering: no task to wait for
		return
	}
	s.urlDue = true
	s.writeURLAfterPaint()
}

// writeURLAfterPaint writes the pending address in a task of its own after
// the browser's next frame, unless a run is going then: its final update
// calls this again.
func (s *Store) writeURLAfterPaint() {
	if s.urlQueued {
		return
	}
	s.urlQueued = true
	widget.AfterPaint(func() {
		s.ctx.Dispatch(func(ctx app.Context) {
			ctx.PreventUpdate() // nothing shown changes
			s.urlQueued = false
			if s.urlDue && !s.Running {
				s.urlDue = false
				s.writeURL(ctx)
			}
		})
	})
}

// writeURL writes the scenario's query into the address, replacing the
// history entry (no new one).
func (s *Store) writeURL(ctx app.Context) {
	u := *ctx.Page().URL()
	u.RawQuery = s.Scenario.Query
	ctx.Page().ReplaceURL(&u)
}

// run starts simulating the current scenario, cancelling the previous run.
func (s *Store) run() {
	if s.sim == nil {
		return // prerendering on the server
	}
	if s.prerendered != nil && s.Result.Result == s.prerendered && s.Lots == nil && s.Scenario.Query == s.prerendered.Scenario {
		// The start scenario's result, prerendered with the page, is
		// shown: the same result the workers would give, so nothing
		// runs. (The simulator's result cache holds it too, for a
		// return to this scenario later: wasm/simclient.New.)
		s.Stop()
		s.Running, s.Partial, s.RunErr = false, nil, ""
		return
	}
	s.Stop()
	s.RunID++
	id := s.RunID
	s.Running, s.Done, s.Total, s.RunErr, s.Partial = true, 0, s.Scenario.Paths, "", nil
	s.running = s.Scenario
	s.startMap() // an open map waits for this run's result
	ctx := s.ctx
	s.cancel = s.sim.Run(s.Scenario, s.Lots, func(u SimulationUpdate) {
		ctx.Dispatch(func(ctx app.Context) {
			if id == s.RunID {
				s.update(u)
			}
		})
	})
}

// update takes one update of the current run.
func (s *Store) update(u SimulationUpdate) {
	s.Updates++
	s.Done, s.Total = u.Done, u.Total
	if !u.Final {
		if u.Result != nil {
			s.Partial = u.Result
		}
		return
	}
	s.Running, s.Partial, s.cancel = false, nil, nil
	if s.urlDue {
		s.writeURLAfterPaint()
	}
	if u.Err != nil {
		s.RunErr = failureText(u.Err)
		return
	}
	if u.Result != nil {
		s.Result = Shown{Result: u.Result, Scenario: s.running}
	}
	s.startMap() // an open map of this scenario, now that its result is in
}

// failureText says what went wrong and what to change.
func failureText(err error) string {
	var ve *scenario.ValidationError
	if errors.As(err, &ve) {
		return "The simulation could not run: " + err.Error() + ". Change the value named above; the last result stays shown."
	}
	return "The simulation failed: " + err.Error() + ". Try fewer simulated markets (paths) or stocks, or a shorter horizon; the last result stays shown."
}

// Open shows a scenario (a saved or pinned one) and runs it, once: with
// lots, SetLots applies the scenario with them.
func (s *Store) Open(ctx app.Context, o Open) {
	if o.Label != "" {
		s.Client = o.Label
	}
	if s.Presenting {
		// Each step of a presentation starts at the top, on the headline
		// (issue 24, item 4), wherever the last one was scrolled to.
		ctx.Defer(func(app.Context) { app.Window().Call("scrollTo", 0, 0) })
	}
	if o.Lots != nil {
		s.load(o.Scenario, nil)
		s.SetLots(ctx, o.Lots)
		return
	}
	s.seq++ // drops a pending debounced change
	s.Lots, s.amountTyped = nil, ""
	s.load(o.Scenario, nil)
	s.replaceURL(ctx)
	s.run()
}

// SetLots imports legacy lots (nil removes them): the amount becomes their
// total, and the scenario runs with them; removing them puts back the
// amount typed before (issue 24, item 4). The client and the pinned
// comparison stay.
func (s *Store) SetLots(ctx app.Context, lots []scenario.LegacyLot) {
	if len(lots) > 0 && len(s.Lots) == 0 {
		s.amountTyped = s.Values["amount"]
	}
	s.Lots = lots
	if len(lots) > 0 {
		s.Values = s.Values.With("amount", fields.DisplayMoney(widget.PlainNumber(scenario.LegacyTotal(lots))))
	} else if s.amountTyped != "" {
		s.Values = s.Values.With("amount", s.amountTyped)
		s.amountTyped = ""
	}
	sc, problems := s.withLots(fields.ToScenario(s.Values))
	s.Problems = problems
	s.seq++
	if sc.Query == "" {
		return
	}
	s.Scenario = sc
	s.replaceURL(ctx)
	s.run()
}

// withLots completes fields.ToScenario with the imported lots: the amount
// is their total, and the scenario is checked with them (a concentrated
// position cannot be combined with lots).
func (s *Store) withLots(sc fields.Scenario, problems map[string]string) (fields.Scenario, map[string]string) {
	if len(s.Lots) == 0 || sc.Query == "" {
		return sc, problems
	}
	sc.Legacy, sc.Amount = s.Lots, scenario.LegacyTotal(s.Lots)
	var ve *scenario.ValidationError
	if err := sc.Validate(); errors.As(err, &ve) {
		problems = map[string]string{}
		for _, p := range ve.Problems {
			problems[p.Key] = fields.ProblemText(p)
		}
		// A lot acquired after January 1 of the tax year cannot be held
		// at the start (issue 25, item 6): the year is what was just
		// changed, so say it at the year's field, with the year to choose.
		if first, latest := scenario.LegacyFirstYear(s.Lots); first > sc.Year && problems["year"] == "" {
			// The lots' notice says the same: the year's field may be in
			// a closed group of the form.
			problems["year"] = "The imported lots include one acquired on " + latest + ", after the start of " +
				strconv.Itoa(sc.Year) + ": choose " + strconv.Itoa(first) + " or later, or remove the lots."
			problems["lots"] = "the tax year is " + strconv.Itoa(sc.Year) + " but a lot was acquired on " + latest +
				": choose the tax year " + strconv.Itoa(first) + " or later, or remove the lots."
		}
		return fields.Scenario{Scenario: sc.Scenario}, problems
	}
	return fields.Of(sc.Scenario), problems
}

// Pin pins the complete result of the scenario in the form for
// comparison (nothing while it runs), or unpins (on false).
func (s *Store) Pin(on bool) {
	if !on {
		s.Pinned, s.PinnedClient = Shown{}, ""
		return
	}
	if f := s.Final(); f.Result != nil {
		s.Pinned, s.PinnedClient = f, s.Client
	}
}

// Present switches presenter mode, focusing p.Focus once it is shown.
// Entering, the page goes to its top (the headline), whatever was scrolled
// to before (issue 24, item 4).
func (s *Store) Present(ctx app.Context, p Present) {
	s.Presenting = p.On
	ctx.Defer(func(app.Context) {
		if p.On {
			app.Window().Call("scrollTo", 0, 0)
		}
		if p.Focus != "" {
			if el := app.Window().GetElementByID(p.Focus); el.Truthy() {
				el.Call("focus", map[string]any{"preventScroll": true})
			}
		}
	})
}

// Shown is the result to show: the running simulation's provisional one
// while it has one, else the last complete one (Result nil: none yet).
func (s *Store) Shown() (shown Shown, provisional bool) {
	if s.Running && s.Partial != nil {
		return Shown{Result: s.Partial, Scenario: s.running}, true
	}
	return s.Result, false
}

// Stale reports whether the complete result shown is of earlier inputs.
func (s *Store) Stale() bool {
	shown, provisional := s.Shown()
	return shown.Result != nil && !provisional && (shown.Scenario.Query != s.Scenario.Query || len(s.Problems) > 0)
}

// Fund is the fund kind the answer names: the complete result's, else the
// form's last valid scenario's.
func (s *Store) Fund() string {
	if shown, provisional := s.Shown(); shown.Result != nil && !provisional {
		return shown.Scenario.Fund
	}
	return s.Scenario.Fund
}

// Final is the complete result of the scenario in the form; its Result is
// nil while it runs or when the form has changed since.
func (s *Store) Final() Shown {
	if s.Running || s.Result.Result == nil || s.Result.Scenario.Query != s.Scenario.Query || len(s.Problems) > 0 {
		return Shown{}
	}
	return s.Result
}

// Savable is the scenario a saved scenario takes of shown, the scenario
// the rooms show (a frame behind a run's start: app/calculator.go): none
// (Query "") while the form has problems, so an older scenario is never
// saved under a new label.
func (s *Store) Savable(shown fields.Scenario) fields.Scenario {
	if len(s.Problems) > 0 {
		return fields.Scenario{}
	}
	return shown
}
