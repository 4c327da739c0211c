package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAddressAfterTheAnswer: after an input change the address (the share
// link) takes the new scenario's query once the run's final answer is on
// the page, not while the run goes on: each new address makes the browser
// handle it and fetch and draw the favicon again, on the cores the workers
// need (app/store, replaceURL; docs/ARCHITECTURE.md "Round 12: the address
// after the answer"). A result computed before is shown at once, and so is
// its address.
func TestAddressAfterTheAnswer(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	var during, after, again string
	if err := chromedp.Run(ctx,
		coldVisit(srv.URL+"/"),
		waitMark("smacalc:warmed"),
		chromedp.Evaluate(`performance.clearMarks(); window.__bench.mutations = []`, nil),
		chromedp.Evaluate(changeInputInOwnTask("1250000"), nil),
		waitMark("smacalc:first-partial"),
		chromedp.Evaluate(`location.search + (performance.getEntriesByName("smacalc:result", "mark").length ? " (settled)" : "")`, &during),
		waitMark("smacalc:result"),
		waitStableDOM(),
		chromedp.Evaluate(`location.search`, &after),
		// Back to the first value: its result is the prerendered one.
		chromedp.Evaluate(`performance.clearMarks(); window.__bench.mutations = []`, nil),
		chromedp.Evaluate(changeInputInOwnTask("1000000"), nil),
		waitMark("smacalc:result"),
		waitStableDOM(),
		chromedp.Evaluate(`location.search`, &again),
	); err != nil {
		t.Fatal(err)
	}
	switch {
	case strings.HasSuffix(during, "(settled)"):
		t.Logf("the run had settled at its first answer (%q): nothing to see during it", during)
	case strings.Contains(during, "1250000"):
		t.Errorf("while the run went on the address was already %q", during)
	}
	if !strings.Contains(after, "amount=1250000") {
		t.Errorf("after the answer the address is %q, want the new amount in it", after)
	}
	if strings.Contains(again, "1250000") {
		t.Errorf("after going back to the first amount the address is %q", again)
	}
}
