package e2e

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// An input change's task posts the run to the workers and ends; the page's
// update (the form, the progress line, the headline's note) comes in a task
// of its own (app/calculator.go, drawChange). On the phone profile the
// task that handled the benchmark's input and change events also held that
// update — go-app's frame tick came due inside it — and was the longest
// task of the change (docs/ARCHITECTURE.md, "Round 10: the page's main
// thread during a change"). The events are dispatched as the benchmark
// does (changeInput: input, then change, in one task); when dispatchEvent
// returns, the WebAssembly has done all it does in that task.
func TestChangeUpdatesAfterItsTask(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 390, 844)
	if err := chromedp.Run(ctx, emulation.SetCPUThrottlingRate(phoneCPUSlowdown), coldVisit(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	var inTask struct {
		Runs, Changes int
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`new Promise((resolve) => setTimeout(() => {
  const input = document.getElementById("in-amount");
  const seen = new MutationObserver(() => {});
  seen.observe(document.getElementById("smacalc"), { subtree: true, childList: true, characterData: true, attributes: true });
  performance.clearMarks("smacalc:run");
  input.value = "1250000";
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
  const changes = seen.takeRecords().length;
  seen.disconnect();
  // When the page first changes after the task: before the first
  // provisional answer, which is the workers' first paths.
  window.__drawn = 0;
  const drawn = new MutationObserver(() => { window.__drawn = window.__drawn || performance.now(); });
  drawn.observe(document.getElementById("smacalc"), { subtree: true, childList: true, characterData: true, attributes: true });
  resolve({ Runs: performance.getEntriesByName("smacalc:run").length, Changes: changes });
}, 0))`, &inTask, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })); err != nil {
		t.Fatal(err)
	}
	if inTask.Runs != 1 || inTask.Changes != 0 {
		t.Errorf("in the input's task: %d runs started, %d changes to the page; want the run started and no change (the update in a task of its own)", inTask.Runs, inTask.Changes)
	}
	// The update follows, before the first provisional answer, and the
	// run ends with the new amount's result.
	var amount string
	var drawn, firstPartial float64
	if err := chromedp.Run(ctx,
		waitMark("smacalc:result"),
		waitVisible(simulationDone),
		chromedp.Value("#in-amount", &amount),
		chromedp.Evaluate(`window.__drawn`, &drawn),
		chromedp.Evaluate(`performance.getEntriesByName("smacalc:first-partial")[0]?.startTime ?? 0`, &firstPartial),
	); err != nil {
		t.Fatal(err)
	}
	if firstPartial > 0 && !(drawn > 0 && drawn < firstPartial) {
		t.Errorf("the change was first drawn at %.0f ms, the first provisional answer's paths came in at %.0f ms: want the change drawn first", drawn, firstPartial)
	}
	if amount != "1,250,000" {
		t.Errorf("the amount field shows %q after the change, want 1,250,000", amount)
	}
}

// During a run the year-by-year table keeps the last complete result's
// ledger, marked as of the previous inputs, until the run's own replaces
// it (app/calculator.go, ledgerOf): taken away at the run's first
// provisional answer, its ~200 nodes were removed and the page below it
// moved up by its height, and ~390 nodes came back with the final result.
// Seen from a MutationObserver over the whole change: the SMA's table is
// never missing from the page, the note is shown during the run and hidden
// once the new table is in, and that table is the new amount's (its first
// row starts with the amount).
func TestLedgerStaysDuringARun(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	if err := chromedp.Run(ctx, coldVisit(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	var seen struct {
		Missing, NoteShown bool
		NoteAtEnd          bool
		FirstStart         string
	}
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.__ledger = { missing: false, noteShown: false };
new MutationObserver(() => {
  if (!document.getElementById("ledger-sma")) window.__ledger.missing = true;
  const note = document.getElementById("ledger-stale");
  if (note && !note.hidden) window.__ledger.noteShown = true;
}).observe(document.getElementById("smacalc"), { subtree: true, childList: true, characterData: true, attributes: true });
performance.clearMarks("smacalc:result");`, nil),
		chromedp.Evaluate(changeInputInOwnTask("1250000"), nil),
		waitMark("smacalc:result"),
		waitVisible(simulationDone),
		chromedp.Evaluate(`({
  Missing: window.__ledger.missing, NoteShown: window.__ledger.noteShown,
  NoteAtEnd: document.getElementById("ledger-stale")?.hidden === false,
  FirstStart: document.querySelector("#ledger-sma tbody tr td").textContent,
})`, &seen),
	); err != nil {
		t.Fatal(err)
	}
	if seen.Missing {
		t.Error("the SMA's year-by-year table was taken off the page during the run")
	}
	if !seen.NoteShown {
		t.Error("the table of the previous inputs was never marked as such during the run")
	}
	if seen.NoteAtEnd {
		t.Error("the previous inputs' note is still shown after the run")
	}
	if seen.FirstStart != "$1,250,000.00" {
		t.Errorf("the SMA's table starts at %q after the run, want the new amount $1,250,000.00", seen.FirstStart)
	}
}
