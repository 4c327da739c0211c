package e2e

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// An input change's task posts the run to the workers and ends; the page's
// update (the form, the progress line, the headline's note) comes in a task
// of its own (app/calculator.go, updateInNextTask). On the phone profile the
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
  resolve({ Runs: performance.getEntriesByName("smacalc:run").length, Changes: changes });
}, 0))`, &inTask, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })); err != nil {
		t.Fatal(err)
	}
	if inTask.Runs != 1 || inTask.Changes != 0 {
		t.Errorf("in the input's task: %d runs started, %d changes to the page; want the run started and no change (the update in a task of its own)", inTask.Runs, inTask.Changes)
	}
	// The update follows, and the run ends with the new amount's result.
	var amount string
	if err := chromedp.Run(ctx,
		waitMark("smacalc:result"),
		waitVisible(simulationDone),
		chromedp.Value("#in-amount", &amount),
	); err != nil {
		t.Fatal(err)
	}
	if amount != "1,250,000" {
		t.Errorf("the amount field shows %q after the change, want 1,250,000", amount)
	}
}
