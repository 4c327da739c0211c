package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// chartsWatch records, from now on, whether the charts' drawings changed
// while the headline was provisional, and whether they changed at all.
const chartsWatch = `(() => {
  const w = window.__charts = { whileProvisional: 0, changed: 0 };
  new MutationObserver(() => {
    w.changed++;
    const h = document.querySelector("#headline");
    if (h && h.dataset.provisional === "true") w.whileProvisional++;
  }).observe(document.querySelector("#charts"), { subtree: true, childList: true, characterData: true, attributes: true });
  return true;
})()`

// The charts draw a provisional result only near the view (app/calculator.go,
// chartsOf; docs/ARCHITECTURE.md, "Round 8: the page's work after a
// change"): below the first screen they keep the drawing they had until the
// final result, which they draw; scrolled to, they draw the provisional
// results too. The CPU is slowed 4× (the phone profile's rate) so that a
// run has provisional results to draw.
func TestChartsDrawProvisionalResultsOnlyNearTheView(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	if err := chromedp.Run(ctx, emulation.SetCPUThrottlingRate(phoneCPUSlowdown), coldVisit(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	type watched struct{ WhileProvisional, Changed int }
	change := func(amount int, near bool) watched {
		t.Helper()
		var w watched
		var provisional bool
		if err := chromedp.Run(ctx,
			chromedp.Evaluate(chartsWatch, nil),
			chromedp.Evaluate(`window.__sawProvisional = false; new MutationObserver(() => {
				const h = document.querySelector("#headline");
				if (h && h.dataset.provisional === "true") window.__sawProvisional = true;
			}).observe(document.querySelector("#headline"), { attributes: true }); true`, nil),
			chromedp.Evaluate(changeInputInOwnTask(strconv.Itoa(amount)), nil),
			waitMark("smacalc:result"),
			waitVisible(simulationDone),
			waitStableDOM(),
			chromedp.Evaluate(`window.__charts`, &w),
			chromedp.Evaluate(`window.__sawProvisional`, &provisional),
		); err != nil {
			t.Fatal(err)
		}
		if !provisional {
			t.Skipf("the run (near %v) showed no provisional result: nothing to check", near)
		}
		t.Logf("charts near the view %v: %d changes while provisional, %d in all", near, w.WhileProvisional, w.Changed)
		return w
	}
	// The charts start at about 1,250 px in an 800 px window: far.
	if w := change(1250000, false); w.WhileProvisional > 0 || w.Changed == 0 {
		t.Errorf("charts below the first screen: %d changes while provisional (want 0), %d in all (want the final drawing)", w.WhileProvisional, w.Changed)
	}
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelector("#fig-difference").scrollIntoView(); true`, nil),
		waitStable(`document.querySelector("#fig-difference").getBoundingClientRect().top`),
	); err != nil {
		t.Fatal(err)
	}
	if w := change(1400000, true); w.WhileProvisional == 0 {
		t.Errorf("charts in view: no change while provisional, %d in all", w.Changed)
	}
}
