package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStateChoices checks the state list (the 50 states and DC by name,
// then no state tax), the local-tax choice, and that the assumptions say
// what the state model covers; choosing a state re-runs the scenario and
// updates the link; then keep and sell at the end show or leave out the
// tax if sold (keepShowsTaxIfSold) and, on a phone, one's own rate
// (ownStateRate).
func TestStateChoices(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	const query = "state=NY&local=nyc&status=single&wages=250000&stocks=60&paths=40&horizon=3&seed=3"
	var options, first, last, state, local, assumptions, location string
	var run int
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?"+query),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Evaluate(`document.querySelectorAll("#in-state option").length + ""`, &options),
		chromedp.Evaluate(`document.querySelector("#in-state option").textContent`, &first),
		chromedp.Evaluate(`document.querySelector("#in-state option:last-child").textContent`, &last),
		chromedp.Value(`#in-state`, &state),
		chromedp.Value(`#in-local`, &local),
		chromedp.Text(`#assumptions`, &assumptions),
		runNumber(&run),
	)
	if err != nil {
		t.Fatal(err)
	}
	if options != "53" || first != "Alabama" || last != "My own rate…" {
		t.Errorf("state list: %s options, first %q, last %q", options, first, last)
	}
	if state != "NY" || local != "nyc" {
		t.Errorf("state %q local %q, want NY and nyc", state, local)
	}
	if !strings.Contains(assumptions, "your state's income tax law") || !strings.Contains(assumptions, "alternative minimum tax") {
		t.Errorf("assumptions do not describe the state model and the AMT: %q", assumptions)
	}
	elementScreenshot(t, ctx, "#prospect-form", "state-ny-nyc.png")

	// Another state: the local tax goes back to none first (NYC needs NY).
	err = chromedp.Run(ctx,
		chromedp.SetValue(`#in-local`, "none"),
		chromedp.Evaluate(`document.querySelector("#in-local").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		waitNewRun(&run),
		runNumber(&run),
		chromedp.SetValue(`#in-state`, "IL"),
		chromedp.Evaluate(`document.querySelector("#in-state").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		waitNewRun(&run),
		waitSimulated(),
		chromedp.Location(&location),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(location, "state=IL") || strings.Contains(location, "local=") {
		t.Errorf("link after choosing Illinois: %s", location)
	}
	elementScreenshot(t, ctx, "#prospect-form", "state-il.png")
	t.Run("keep shows tax if sold", func(t *testing.T) { keepShowsTaxIfSold(t, ctx) })
	t.Run("own rate on a phone", func(t *testing.T) { ownStateRate(t, ctx, srv) })
}

// ownStateRate chooses "My own rate…" on a phone: the rate input appears
// under the state with the focus, a typed rate reaches the link, and
// choosing a state again uses its law (the rate leaves the link). Until
// issue 29 it was TestOwnStateRate, in a browser context of its own; the
// tab TestStateChoices used is made a phone's (asPhone: its storage
// emptied as a new context's) and loads the page again, which spares a
// context's cold start.
func ownStateRate(t *testing.T, ctx context.Context, srv *server) {
	const query = "state=CA&stocks=60&paths=40&horizon=3&seed=3"
	var focused, shown, location string
	var run int
	err := chromedp.Run(ctx,
		asPhone(srv.URL),
		chromedp.Navigate(srv.URL+"/?"+query),
		waitVisible(appReady),
		waitSimulated(),
		runNumber(&run),
		chromedp.SetValue(`#in-state`, "own"),
		chromedp.Evaluate(`document.querySelector("#in-state").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		waitVisible(`#in-staterate`),
		chromedp.Poll(`document.activeElement && document.activeElement.id === "in-staterate"`, nil),
		chromedp.Evaluate(`document.activeElement.id`, &focused),
	)
	if err != nil {
		t.Fatal(err)
	}
	elementScreenshot(t, ctx, "#prospect-form", "state-own-rate.png")
	err = chromedp.Run(ctx,
		typeInto(`#in-staterate`, "5"),
		chromedp.Evaluate(`document.querySelector("#in-staterate").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		waitNewRun(&run),
		runNumber(&run),
		chromedp.Location(&location),
		chromedp.Value(`#in-state`, &shown),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(location, "staterate=0.05") || shown != "own" {
		t.Errorf("after typing 5%%: link %s, state choice %q", location, shown)
	}
	var rateShown bool
	err = chromedp.Run(ctx,
		chromedp.SetValue(`#in-state`, "TX"),
		chromedp.Evaluate(`document.querySelector("#in-state").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		waitNewRun(&run),
		chromedp.Location(&location),
		chromedp.Evaluate(`!!document.querySelector("#in-staterate")`, &rateShown),
	)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(location, "staterate") || !strings.Contains(location, "state=TX") || rateShown {
		t.Errorf("after choosing Texas: link %s, rate input still shown %v", location, rateShown)
	}
}
