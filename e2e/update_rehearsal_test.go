package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// updateRehearsalProbe is installed before the page's scripts: it counts
// the elements added inside the update rehearsal's hidden element
// (app/update_rehearsal.go) and notes any with an id, which could shadow
// the page's own.
const updateRehearsalProbe = `(() => {
  const seen = window.__updateRehearsal = { added: 0, ids: [] };
  new MutationObserver((records) => {
    for (const r of records) {
      const inside = r.target.nodeType === Node.ELEMENT_NODE && r.target.closest(".update-rehearsal");
      if (!inside) continue;
      for (const n of r.addedNodes) {
        if (n.nodeType !== Node.ELEMENT_NODE) continue;
        seen.added++;
        for (const e of [n, ...n.querySelectorAll("[id]")]) if (e.id) seen.ids.push(e.id);
      }
    }
  }).observe(document, { subtree: true, childList: true });
})()`

// updateRehearsalState is what the test reads once the page is settled.
type updateRehearsalState struct {
	Elements   int  // elements with the rehearsal's class
	Hidden     bool // the one there is not shown
	Children   int  // elements left inside it
	Added      int  // elements added inside it, over the visit
	IDs        []string
	PageSteps  int // the warm-up's page steps (smacalc:warm-page marks)
	Warmed     bool
	Headline   string
	Runs       int // run messages posted to the workers
	ResultMark int
}

const readUpdateRehearsal = `(() => {
  const all = document.querySelectorAll(".update-rehearsal");
  const el = all[0];
  return {
    Elements: all.length,
    Hidden: !!el && !el.checkVisibility(),
    Children: el ? el.querySelectorAll("*").length : -1,
    Added: window.__updateRehearsal.added,
    IDs: window.__updateRehearsal.ids,
    PageSteps: performance.getEntriesByName("smacalc:warm-page", "mark").length,
    Warmed: performance.getEntriesByName("smacalc:warmed", "mark").length > 0,
    Headline: document.getElementById("headline").innerText,
    Runs: window.__runs || 0,
    ResultMark: performance.getEntriesByName("smacalc:result", "mark").length,
  };
})()`

// TestUpdateRehearsalShowsNothing: after a cold visit the idle warm-up
// ends with the page's turn, which renders hidden elements a few times
// (go-app's update, made hot before a person's first change: app,
// update_rehearsal.go). It must have run, and show nothing: one hidden
// element, empty at the end, never an element with an id, before the
// smacalc:warmed mark.
func TestUpdateRehearsalShowsNothing(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	var got updateRehearsalState
	err := chromedp.Run(ctx,
		addScripts(updateRehearsalProbe),
		chromedp.Navigate(srv.URL+"/"),
		waitVisible(appReady),
		waitMark("smacalc:warmed"),
		waitStable(`document.querySelectorAll(".update-rehearsal *").length`),
		chromedp.Evaluate(readUpdateRehearsal, &got),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got.Elements != 1 || !got.Hidden || got.Children != 0 {
		t.Errorf("the rehearsal's element: %d of them, hidden %v, %d elements left inside; want 1, hidden, empty", got.Elements, got.Hidden, got.Children)
	}
	if got.PageSteps < 2 || got.Added == 0 {
		t.Errorf("the page's turn: %d steps, %d elements added; want it to have rendered", got.PageSteps, got.Added)
	}
	if len(got.IDs) > 0 {
		t.Errorf("the rehearsal rendered elements with ids %q: they could shadow the page's", got.IDs)
	}
}

// TestUpdateRehearsalYieldsToAChange: a person's change during the page's
// turn ends the warm-up (no smacalc:warmed mark), its run goes on as any
// other, and the rehearsal's element is left empty. The change is made by
// the page itself as soon as the turn's first step is marked, so that it
// lands inside the turn on any machine.
func TestUpdateRehearsalYieldsToAChange(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	const changeOnFirstStep = `(() => {
  new PerformanceObserver((list, observer) => {
    if (!list.getEntries().some((e) => e.name === "smacalc:warm-page")) return;
    observer.disconnect();
    window.__changedAtStep = performance.getEntriesByName("smacalc:warm-page", "mark").length;
    const input = document.getElementById("in-amount");
    input.value = "1,350,000";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }).observe({ type: "mark" });
})()`
	var got updateRehearsalState
	var changedAt int
	err := chromedp.Run(ctx,
		addScripts(updateRehearsalProbe, runCounter, changeOnFirstStep),
		chromedp.Navigate(srv.URL+"/"),
		waitVisible(appReady),
		waitUntil("the change's result", `window.__changedAtStep > 0 && performance.getEntriesByName("smacalc:result", "mark").length > 0`, simulationTimeout),
		waitVisible(`#progress[data-running="false"]`),
		waitStable(`document.querySelectorAll(".update-rehearsal *").length`),
		chromedp.Evaluate(`window.__changedAtStep`, &changedAt),
		chromedp.Evaluate(readUpdateRehearsal, &got),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got.Warmed {
		t.Errorf("the warm-up was marked warmed after a change at its page step %d", changedAt)
	}
	if got.Runs == 0 || got.ResultMark != 1 {
		t.Errorf("%d run messages and %d results after one change; want a run and its result", got.Runs, got.ResultMark)
	}
	if got.Elements != 1 || !got.Hidden || got.Children != 0 {
		t.Errorf("the rehearsal's element: %d of them, hidden %v, %d elements left inside; want 1, hidden, empty", got.Elements, got.Hidden, got.Children)
	}
	if len(got.IDs) > 0 {
		t.Errorf("the rehearsal rendered elements with ids %q", got.IDs)
	}
}
