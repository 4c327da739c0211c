package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// "After a few years": the exit plans side by side match the native
// result, the words name the best plan, a concentrated position refuses
// the §351 exchange with its reason, the gain budgets draw their chart;
// desktop and phone pictures; axe clean with the room filled in.
func TestAfterAFewYears(t *testing.T) {
	t.Parallel()
	// One tab for both layouts (onDesktopThenPhone, issue 29).
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	query := "exit=3&exitplan=etf351&stocks=80&paths=30&horizon=6&seed=4"
	want, _ := nativeResult(t, query)
	onDesktopThenPhone(t, ctx, srv.URL, func(t *testing.T, layout string) {
		var words string
		got := map[string]string{}
		err := chromedp.Run(ctx,
			chromedp.Navigate(srv.URL+"/?"+query),
			waitVisible(appReady),
			waitSimulated(),
			waitVisible(`#exit-plans`),
			chromedp.Text(`#exit-words`, &words),
			chromedp.Evaluate(`Object.fromEntries([...document.querySelectorAll("#exit-plans td[data-value]")].map((td) => [td.id, td.dataset.value]))`, &got),
		)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range want.ExitPlans.Plans {
			if p.Modelled && got["exit-wealth-"+p.Plan] != p.AfterTaxWealth.P50.String() {
				t.Errorf("%s: browser %q, native %s", p.Plan, got["exit-wealth-"+p.Plan], p.AfterTaxWealth.P50)
			}
		}
		if !strings.Contains(words, "Leaving at the end of year 3") || !strings.Contains(words, "does best") {
			t.Errorf("words: %q", words)
		}
		afterShot(t, ctx, "after-exits-"+layout+".png")

		// A concentrated position: no exchange, with its reason; the
		// three budgets side by side. Its link opened in the page
		// (openInApp): what is checked is the room of this scenario,
		// not a second load of the page.
		var reason string
		err = chromedp.Run(ctx,
			openInApp("/?single=0.6&singlebasis=0.2&gainbudget=40000&exit=2&exitplan=etf351&stocks=60&paths=20&horizon=5"),
			waitVisible(`#exit-row-etf351.not-modelled`),
			chromedp.Text(`#exit-reason`, &reason),
			chromedp.Poll(`document.querySelectorAll("#budgets-table tr[data-done=true]").length === 3`, nil, chromedp.WithPollingTimeout(3*time.Minute)),
			waitVisible(`#fig-budgets svg`),
		)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(reason, "§351(e)(1)") || !strings.Contains(reason, "25%") {
			t.Errorf("reason: %q", reason)
		}
		afterShot(t, ctx, "after-budgets-"+layout+".png")
		if layout == "desktop" { // the printed report shows the room, without its controls
			var controls []string
			err := chromedp.Run(ctx, emulation.SetEmulatedMedia().WithMedia("print"),
				chromedp.Evaluate(`[...document.querySelectorAll("#after button")].filter((e) => e.checkVisibility()).map((e) => e.id)`, &controls))
			if err != nil || len(controls) > 0 {
				t.Errorf("printed room: controls %v (%v)", controls, err)
			}
			afterShot(t, ctx, "after-print.png")
			if err := chromedp.Run(ctx, emulation.SetEmulatedMedia().WithMedia("")); err != nil {
				t.Fatal(err)
			}
		}
		axeClean(t, ctx, "#after")
	})
}

// afterShot pictures the viewport with the room's top at its top, once
// the room's position holds still over two frames (results and charts
// above it render late, and an element screenshot taken while they do
// pictures the wrong part of the page).
func afterShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	const still = `new Promise((ok) => {
		const el = document.querySelector("#after");
		el.scrollIntoView();
		const top = el.getBoundingClientRect().top;
		requestAnimationFrame(() => requestAnimationFrame(() => ok(Math.abs(el.getBoundingClientRect().top - top) < 1 && Math.abs(top) < 2)));
	})`
	for tries := 0; ; tries++ {
		var ok bool
		if err := chromedp.Run(ctx, chromedp.Evaluate(still, &ok, awaitPromise)); err != nil {
			t.Fatalf("picture of #after: %v", err)
		}
		if ok {
			break
		}
		if tries == 100 {
			t.Fatal("#after does not hold still")
		}
	}
	viewportShot(t, ctx, name)
}
