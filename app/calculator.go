package app

import (
	"errors"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/calc"
)

// debounce is how long the calculator waits after a change before it
// simulates, so typing "250000" runs once, not six times.
const debounce = 250 * time.Millisecond

// calculator owns the scenario and the result. Every input change goes
// through setValue: it validates, updates the URL (the share link) and
// schedules a simulation; simulation updates come back through apply.
type calculator struct {
	app.Compo

	values   formValues        // what the person typed, by key
	problems map[string]string // invalid fields, by key ("" for the form as a whole)
	notes    []string          // what a share link had wrong and what replaced it
	query    string            // canonical query of the last valid scenario
	fund     string            // the last valid scenario's fund kind
	scenario calc.Scenario     // the last valid scenario
	lots     []calc.LegacyLot  // legacy lots imported (nil: none); not in the query

	result  *calc.Result // last complete result (kept when a run fails)
	partial *calc.Result // provisional result of the running simulation

	running     bool
	done, total int
	runErr      string

	presenting bool   // presenter mode: only the headline and charts
	client     string // the client's name on the printed report
	wideScreen bool   // the page is at least chartWideQuery wide: charts use their wide drawing

	stopWatch func() // stops following the page's width

	ctx    app.Context // the calculator's own context, for simulation updates
	seq    int         // debounce sequence: only the latest change runs
	runID  int         // the current run; updates of older runs are dropped
	cancel func()      // cancels the current run
}

func (c *calculator) OnInit() {
	c.load(startScenario(), nil)
}

// OnNav reads the scenario from the URL (a share link) and runs it.
func (c *calculator) OnNav(ctx app.Context) {
	c.ctx = ctx
	raw := ctx.Page().URL().RawQuery
	if raw == "" {
		c.load(startScenario(), nil)
		c.notes = nil
	} else {
		// A bad link still runs: its bad values are named and replaced
		// by their defaults (recoverQuery).
		s, notes := recoverQuery(raw)
		c.load(s, nil)
		c.notes = notes
		if raw != c.query {
			c.replaceURL(ctx) // canonical form
		}
	}
	c.run(ctx)
}

// OnMount keeps the calculator's context: simulation updates are
// dispatched to it, whichever input started the run.
func (c *calculator) OnMount(ctx app.Context) {
	c.ctx = ctx
	c.wideScreen, c.stopWatch = watchWideScreen(func(wide bool) {
		ctx.Dispatch(func(app.Context) { c.wideScreen = wide })
	})
}

func (c *calculator) OnDismount() {
	if c.cancel != nil {
		c.cancel()
		c.cancel = nil
	}
	if c.stopWatch != nil {
		c.stopWatch()
		c.stopWatch = nil
	}
}

// load shows a scenario in the form.
func (c *calculator) load(s calc.Scenario, problems map[string]string) {
	c.values = valuesFromScenario(s)
	c.problems = problems
	if len(problems) == 0 {
		c.scenario, c.query, c.fund = s, s.Encode(), s.Fund
	}
}

// setValue is the one action of the form: a field changed. The value is
// checked at once (the message shows next to the field). A valid scenario is
// applied at once when the value is settled (a choice, Enter, leaving the
// field), and after the debounce delay while someone types, so that the
// intermediate values of "80" ("8" on the way) neither run nor reach the URL.
func (c *calculator) setValue(ctx app.Context, key, text string, settled bool) {
	if key == "state" { // a state's law replaces your own rate
		c.values = c.values.with(stateRateField.Key, "").with(ownRateKey, "")
	}
	c.values = c.values.with(key, text)
	c.notes = nil // the link's notes are about the values it gave
	s, query, problems := c.withLots(scenarioFromValues(c.values))
	c.problems = problems
	c.seq++ // a newer change, valid or not, supersedes a pending one
	if query == "" {
		return // invalid: the last valid result stays
	}
	apply := func(ctx app.Context) {
		if query == c.query {
			return
		}
		c.scenario, c.query, c.fund = s, query, s.Fund
		c.replaceURL(ctx)
		c.run(ctx)
	}
	if settled {
		apply(ctx)
		return
	}
	seq := c.seq
	c.ctx.After(debounce, func(ctx app.Context) {
		if seq == c.seq {
			apply(ctx)
		}
	})
}

func (c *calculator) replaceURL(ctx app.Context) {
	u := *ctx.Page().URL()
	u.RawQuery = c.query
	ctx.Page().ReplaceURL(&u)
}

// run starts simulating the current query, cancelling the previous run.
func (c *calculator) run(ctx app.Context) {
	if simulator == nil {
		return // prerendering on the server
	}
	if c.cancel != nil {
		c.cancel()
	}
	c.runID++
	id := c.runID
	c.running, c.done, c.total, c.runErr, c.partial = true, 0, c.scenario.Paths, "", nil
	ctx = c.ctx
	c.cancel = simulator.Run(c.query, c.lots, func(u SimulationUpdate) {
		ctx.Dispatch(func(ctx app.Context) {
			if id == c.runID {
				c.apply(u)
			}
		})
	})
}

// apply takes one update of the current run.
func (c *calculator) apply(u SimulationUpdate) {
	c.done, c.total = u.Done, u.Total
	if !u.Final {
		if u.Result != nil {
			c.partial = u.Result
		}
		return
	}
	c.running, c.partial, c.cancel = false, nil, nil
	if u.Err != nil {
		c.runErr = failureText(u.Err)
		return
	}
	if u.Result != nil {
		c.result = u.Result
	}
}

// failureText says what went wrong and what to change.
func failureText(err error) string {
	var ve *calc.ValidationError
	if errors.As(err, &ve) {
		return "The simulation could not run: " + err.Error() + ". Change the value named above; the last result stays shown."
	}
	return "The simulation failed: " + err.Error() + ". Try fewer simulated markets (paths) or stocks, or a shorter horizon; the last result stays shown."
}

func (c *calculator) Render() app.UI {
	shown, provisional := c.result, false
	if c.running && c.partial != nil {
		shown, provisional = c.partial, true
	}
	stale := shown != nil && !provisional && (shown.Scenario != c.query || len(c.problems) > 0)
	var ledger *calc.Ledger
	if shown != nil && !provisional {
		ledger = shown.Ledger
	}
	fund := c.fund
	if shown != nil && !provisional {
		if s, err := calc.Decode(shown.Scenario); err == nil {
			fund = s.Fund
		}
	}
	// The answer comes first on a phone (the stylesheet puts it beside the
	// form on wider screens): the headline on the first screen, the form
	// below it with a sticky line that keeps the answer in view.
	answer := app.Div().ID("answer").Class("answer").Body(
		&progressLine{Running: c.running, Done: c.done, Total: c.total, Err: c.runErr, Waiting: simulator == nil, HasResult: c.result != nil, Run: c.runID},
		&headline{Result: shown, Fund: fund, Provisional: provisional, Stale: stale, Done: c.done, Total: c.total},
		&transitionHeadline{Result: shown, Fund: fund, Provisional: provisional},
		&shareLink{Query: c.query},
	)
	inputs := app.Form().ID("inputs").Class("inputs").Aria("label", "Scenario").
		OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).Body(
		app.If(len(c.notes) > 0, func() app.UI { return linkNotice(c.notes) }),
		app.If(c.problems[""] != "", func() app.UI {
			return app.P().ID("link-error").Class("field-error").Text(c.problems[""])
		}),
		&prospectForm{Values: c.values, Problems: c.problems, OnChange: c.setValue},
		&advancedForm{Values: c.values, Problems: c.problems, OnChange: c.setValue},
		answerBar(shown, fund, provisional, c.running, c.done, c.total),
	)
	results := app.Div().ID("results").Class("results").Body(
		&trackingNote{Query: c.query, Result: c.final()},
		&minimumNotice{Amount: c.scenario.Amount},
		&callToAction{Query: c.query},
		// Presenter mode shows the wide drawings whatever the width.
		&charts{Result: shown, Fund: fund, Wide: c.wideScreen || c.presenting},
		&brandDisclosure{},
	)
	// Tools for an advisor (presenter mode, saved scenarios, compare,
	// exports) come after the answer and its detail, out of a prospect's
	// way; presenter mode moves its bar to the top (stylesheet).
	advisor := app.Section().ID("advisor-tools").Class("advisor-tools").Aria("labelledby", "advisor-title").Body(
		app.H2().ID("advisor-title").Text("For advisors"),
		&existingHoldings{Values: c.values, Problems: c.problems, OnChange: c.setValue, Lots: c.lots, Year: c.scenario.Year, OnLots: c.setLots},
		&presenter{Presenting: c.presenting, OnPresent: c.present, Query: c.query, OnOpen: c.openSaved},
		&savedScenarios{Query: c.savable(), OnOpen: c.openSaved, Lots: c.lots},
		&compareView{Result: c.final(), Fund: fund, OnOpen: c.open},
		&reportExports{Result: c.final(), Fund: fund, OnClient: func(ctx app.Context, client string) { c.client = client }},
	)
	// The year-by-year tables and the assumptions run under both columns:
	// eight money columns do not fit beside the form.
	root := "calculator-root"
	if c.presenting {
		root += " presenting"
	}
	return app.Div().Class(root).Body(
		&reportCover{Query: c.query, Client: c.client},
		&reportInputs{Query: c.query},
		app.Div().ID("calc").Class("calc-layout").Body(answer, inputs, results),
		&yearTable{Ledger: ledger, Fund: fund},
		// What the SMA holds is inspected from the query alone: not shown
		// for imported lots, which the query does not carry.
		app.If(c.lots == nil, func() app.UI { return transparencyFor(shown, ledger) }),
		&stockCountSweep{Query: c.query},
		&explainer{},
		&assumptions{State: c.scenario.State, HasStateRate: c.scenario.HasStateRate, Year: strconv.Itoa(c.scenario.Year),
			Turnover: c.scenario.Turnover, Takeover: c.scenario.Takeover, Premium: c.scenario.Premium},
		advisor,
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

// present switches presenter mode (see presenter).
func (c *calculator) present(ctx app.Context, on bool) { c.presenting = on }

// open shows a scenario given by its canonical query (a saved or pinned
// scenario) and runs it.
func (c *calculator) open(ctx app.Context, query string) {
	s, err := calc.Decode(query)
	if err != nil {
		return
	}
	c.seq++ // drops a pending debounced change
	c.lots = nil
	c.load(s, nil)
	c.replaceURL(ctx)
	c.run(ctx)
}

// openSaved shows a saved scenario, with its legacy lots when it has some,
// and runs it once (setLots applies the scenario with its lots).
func (c *calculator) openSaved(ctx app.Context, sc SavedScenario) {
	lots, ok := sc.legacyLots()
	if !ok {
		c.open(ctx, sc.Query)
		return
	}
	s, err := calc.Decode(sc.Query)
	if err != nil {
		return
	}
	c.load(s, nil)
	c.setLots(ctx, lots)
}

// setLots imports legacy lots (nil removes them): the amount becomes their
// total, and the scenario runs with them.
func (c *calculator) setLots(ctx app.Context, lots []calc.LegacyLot) {
	c.lots = lots
	if len(lots) > 0 {
		c.values = c.values.with("amount", displayMoney(formatFloatPlain(calc.LegacyTotal(lots))))
	}
	s, query, problems := c.withLots(scenarioFromValues(c.values))
	c.problems = problems
	c.seq++
	if query == "" {
		return
	}
	c.scenario, c.query, c.fund = s, query, s.Fund
	c.replaceURL(ctx)
	c.run(ctx)
}

// withLots completes scenarioFromValues with the imported lots: the
// amount is their total, and the scenario is checked with them (a
// concentrated position cannot be combined with lots).
func (c *calculator) withLots(s calc.Scenario, query string, problems map[string]string) (calc.Scenario, string, map[string]string) {
	if len(c.lots) == 0 || query == "" {
		return s, query, problems
	}
	s.Legacy, s.Amount = c.lots, calc.LegacyTotal(c.lots)
	var ve *calc.ValidationError
	if err := s.Validate(); errors.As(err, &ve) {
		problems = map[string]string{}
		for _, p := range ve.Problems {
			problems[p.Key] = problemText(p)
		}
		return s, "", problems
	}
	return s, s.Encode(), problems
}

func formatFloatPlain(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// savable is the query a saved scenario takes: "" while the form has
// problems, so an older scenario is never saved under a new label.
func (c *calculator) savable() string {
	if len(c.problems) > 0 {
		return ""
	}
	return c.query
}

// final is the complete result of the scenario in the form, nil while it
// runs or when the form has changed since.
func (c *calculator) final() *calc.Result {
	if c.running || c.result == nil || c.result.Scenario != c.query || len(c.problems) > 0 {
		return nil
	}
	return c.result
}
