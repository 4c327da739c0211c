package store

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
)

// Rehearser is a Simulator that can go through what starting a run costs
// the page for a scenario whose complete result it holds, computing
// nothing and sending nothing to its workers (wasm/simclient's Pool: its
// result cache holds the prerendered start scenario's result).
type Rehearser interface {
	Rehearse(s fields.Scenario)
}

// rehearsalKey is the field the rehearsal changes to its own text: the
// amount, the input people change first and the one the browser benchmark
// changes (e2e/bench_test.go).
const rehearsalKey = "amount"

// Rehearse takes the path of a person's first input change once, with the
// form's own text, so that the browser has compiled that path's code before
// the person's change needs it. Chrome compiles each WebAssembly function
// on its first call, on the calling thread: the first change after a cold
// visit compiled about 120 functions in its own task — this store's
// Change, apply and run, the form's value checks, go-app's action and
// timer paths, the URL's update, the simulator's Run —, 145 ms of CPU of
// its 410 on the phone profile (docs/ARCHITECTURE.md, "Round 7: the first
// change's task"). The page is shown prerendered with the start scenario's
// result and nothing runs, so nothing else calls them before the person
// does.
//
// The rehearsal changes nothing shown: the text is the one the form holds
// (and already grouped, so the settled change writes nothing back into the
// input), so the scenario and its query are the ones shown and neither the
// URL (replaced with itself: no history entry) nor the result changes; the
// run it starts is the prerendered result's (run: nothing is simulated),
// and the simulator's rehearsal answers from its result cache. It runs
// only while the page shows the prerendered start as it was loaded: after
// any change of the person's (seq), a share link's run or its notes, lots,
// problems, presenter mode or the map, it does nothing. A person's change
// after it is not affected: the debounced change it started finds a newer
// sequence number or the same query and does nothing (Change).
//
// It reports whether it rehearsed (the page's draw of a change is the
// caller's: app's calculator draws it as a change's).
func (s *Store) Rehearse(ctx app.Context) bool {
	if !s.rehearsable() {
		ctx.PreventUpdate()
		return false
	}
	s.rehearsed = true
	text := s.Values[rehearsalKey]
	s.Change(ctx, Change{Key: rehearsalKey, Text: text})                // typing: the debounce's timer
	s.Change(ctx, Change{Key: rehearsalKey, Text: text, Settled: true}) // settled: apply, the same query
	u := *ctx.Page().URL()
	ctx.Page().ReplaceURL(&u) // as apply does (replaceURL), with the address as it is
	s.run()                   // the prerendered result's: nothing runs
	s.startMap()              // the map is closed: nothing to start
	if r, ok := s.sim.(Rehearser); ok {
		r.Rehearse(s.Scenario)
	}
	return true
}

// rehearsable reports whether the page still shows the prerendered start
// scenario as it was loaded, untouched, with a simulator to rehearse.
func (s *Store) rehearsable() bool {
	text := s.Values[rehearsalKey]
	return !s.rehearsed && s.sim != nil && s.seq == 0 &&
		s.prerendered != nil && s.Result.Result == s.prerendered && s.Scenario.Query == s.prerendered.Scenario &&
		!s.Running && s.Lots == nil && len(s.Problems) == 0 && len(s.Notes) == 0 && !s.Presenting && !s.Map.Open &&
		text != "" && fields.GroupTyped(rehearsalKey, text) == text
}
