package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// rehearsalProbe is installed before the page's scripts: it logs every
// change of the body's DOM with its time (the head is left out: the URL's
// update, which the rehearsal takes as a change does, creates go-app's
// og:url meta there, which nothing shows; so is the update rehearsal's
// hidden element), and the history's length
// before the page's scripts.
const rehearsalProbe = `(() => {
  window.__historyAtLoad = history.length;
  const log = window.__bodyMutations = [];
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      if (document.head && document.head.contains(r.target)) continue;
      // The idle warm-up's page turn renders inside a hidden element
      // (app/update_rehearsal.go, its own test): nothing shown.
      const el = r.target.nodeType === Node.ELEMENT_NODE ? r.target : r.target.parentElement;
      if (el && el.closest(".update-rehearsal")) continue;
      if (log.length < 5000) log.push({ at: now, what: r.type + " " + (r.target.id || r.target.nodeName) + (r.attributeName ? " " + r.attributeName : "") });
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})()`

// TestRehearsalChangesNothing: once the UI is painted, the page rehearses
// an input change's path with the start scenario (app/store, Rehearse;
// wasm/simclient, Pool.Rehearse), so that the person's first change does
// not compile it. Nothing may show it: no simulation (no run sent to a
// worker, no smacalc:run mark), the same address and history, and no
// change of the page's DOM from the rehearsal on, its debounced change
// included.
func TestRehearsalChangesNothing(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	const rehearsed = `performance.getEntriesByName("smacalc:rehearsed", "mark")[0].startTime`
	var got struct {
		Runs, RunMarks, History, HistoryAtLoad int
		Rehearsed                              float64
		URL                                    string
		Late                                   []struct {
			At   float64
			What string
		}
	}
	err := chromedp.Run(ctx,
		addScripts(runCounter, rehearsalProbe),
		chromedp.Navigate(srv.URL+"/"),
		waitVisible(appReady),
		waitUntil("the rehearsal's mark", `performance.getEntriesByName("smacalc:rehearsed", "mark").length > 0`, simulationTimeout),
		// The rehearsal's typing starts the store's debounce (250 ms,
		// app/store.Debounce): its end must change nothing either.
		// (Polled: nothing on the page changes meanwhile, which
		// waitUntil's observer would wait for.)
		chromedp.Poll(`performance.now() > `+rehearsed+` + 2 * 250`, nil, chromedp.WithPollingTimeout(simulationTimeout)),
		waitStable(`window.__bodyMutations.length`),
		chromedp.Evaluate(`({
			Runs: window.__runs,
			RunMarks: performance.getEntriesByName("smacalc:run", "mark").length,
			History: history.length,
			HistoryAtLoad: window.__historyAtLoad,
			Rehearsed: `+rehearsed+`,
			URL: location.href,
			Late: window.__bodyMutations.filter((m) => m.at >= `+rehearsed+`).map((m) => ({ At: m.at, What: m.what })),
		})`, &got),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got.Runs != 0 || got.RunMarks != 0 {
		t.Errorf("the rehearsal simulated: %d runs sent to the workers, %d smacalc:run marks; want none", got.Runs, got.RunMarks)
	}
	if got.URL != srv.URL+"/" || got.History != got.HistoryAtLoad {
		t.Errorf("the address is %s with %d history entries; want %s/ and %d, as loaded", got.URL, got.History, srv.URL, got.HistoryAtLoad)
	}
	if len(got.Late) > 0 {
		t.Errorf("the page's DOM changed after the rehearsal (at %.0f ms): %v", got.Rehearsed, got.Late)
	}
}

// typedAtReady types an amount into the form as soon as the UI is ready
// (the MutationObserver's callback right after data-ready is set), without
// settling it: a person typing while the page finishes loading.
const typedAtReady = `(() => {
  const o = new MutationObserver(() => {
    const root = document.getElementById("smacalc");
    if (!root || root.dataset.ready !== "true") return;
    o.disconnect();
    const e = document.getElementById("in-amount");
    window.__typedAt = performance.now();
    e.value = "1250000";
    e.dispatchEvent(new Event("input", { bubbles: true }));
  });
  o.observe(document, { subtree: true, childList: true, attributes: true });
})()`

// TestRehearsalYieldsToTyping: a person typing as soon as the UI is up
// keeps what they typed (not grouped or settled by the rehearsal's
// settled change) and gets their own scenario's result: the rehearsal
// never runs once the person has changed anything (app/store, rehearsable),
// and one that ran before them changes nothing of theirs.
func TestRehearsalYieldsToTyping(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	var got struct {
		TypedAt, Rehearsed float64
		Value, Search      string
	}
	err := chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(typedAtReady).Do(ctx)
			return err
		}),
		chromedp.Navigate(srv.URL+"/"),
		waitVisible(appReady),
		waitUntil("the typed amount's run", `location.search.includes("amount=1250000")`, simulationTimeout),
		waitSimulated(),
		chromedp.Evaluate(`({
			TypedAt: window.__typedAt || 0,
			Rehearsed: (performance.getEntriesByName("smacalc:rehearsed", "mark")[0] || { startTime: 0 }).startTime,
			Value: document.getElementById("in-amount").value,
			Search: location.search,
		})`, &got),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got.TypedAt == 0 {
		t.Fatal("the probe typed nothing")
	}
	if got.Rehearsed > got.TypedAt {
		t.Errorf("the rehearsal ran at %.0f ms, after the person typed at %.0f ms", got.Rehearsed, got.TypedAt)
	}
	if got.Value != "1250000" {
		t.Errorf("the amount field shows %q; the person typed %q (typing is never grouped or replaced)", got.Value, "1250000")
	}
	if !strings.Contains(got.Search, "amount=1250000") {
		t.Errorf("the address is ?%s; want the typed amount's scenario", got.Search)
	}
}
