package e2e

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// TestTakeoverInputs: the advanced form's cash-takeover fields start empty
// (off, default premium), typing a share runs the scenario with it and puts
// it in the link (the default premium left out), the answer is the
// engine's and the assumptions say it, a premium out of range and a takeover with a replay of history
// are refused at the field.
func TestTakeoverInputs(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	const base = "turnover=0.1&stocks=60&paths=40&horizon=4&seed=5"
	var takeover, premium, location, median, premiumErr, historyErr, assumptions string
	var visible bool
	var run int
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?"+base),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Click(`#advanced summary`),
		waitVisible(`#in-takeover`),
		chromedp.Value(`#in-takeover`, &takeover),
		chromedp.Value(`#in-premium`, &premium),
		chromedp.Evaluate(`document.querySelector("#in-premium").checkVisibility()`, &visible),
		runNumber(&run),
		typeInto(`#in-takeover`, "50"),
		waitNewRun(&run),
		chromedp.Location(&location),
		chromedp.AttributeValue(`#hl-median`, "data-value", &median, nil),
		chromedp.Text(`#assumptions`, &assumptions),
	)
	if err != nil {
		t.Fatal(err)
	}
	if takeover != "" || premium != "" || !visible {
		t.Errorf("takeover %q, premium %q (visible %v): want both empty and shown", takeover, premium, visible)
	}
	s, err := scenario.Decode(base + "&takeover=0.5")
	if err != nil {
		t.Fatal(err)
	}
	if u, err := url.Parse(location); err != nil || u.RawQuery != s.Encode() {
		t.Errorf("URL query %q, want %q", u.RawQuery, s.Encode())
	}
	want, err := calc.Simulate(context.Background(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if median != want.Difference.P50.String() {
		t.Errorf("median difference shown %s, engine %s", median, want.Difference.P50)
	}
	if want := "replaces 10% of its companies a year: the SMA sells them and pays tax on their gains, the fund does not. 50% of them are bought for cash at 30% above their price"; !strings.Contains(assumptions, want) {
		t.Errorf("assumptions %q lack %q", assumptions, want)
	}
	t.Logf("screenshot: %s", elementScreenshot(t, ctx, `#in-takeover`, "takeover-field.png"))
	err = chromedp.Run(ctx,
		typeInto(`#in-premium`, "250"),
		waitVisible(`#err-premium`),
		chromedp.Text(`#err-premium`, &premiumErr),
		typeInto(`#in-premium`, "30"),
		typeInto(`#in-history`, "2000"),
		waitVisible(`#err-takeover`),
		chromedp.Text(`#err-takeover`, &historyErr),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(premiumErr, "0 to 200") {
		t.Errorf("premium error %q", premiumErr)
	}
	if !strings.Contains(historyErr, "already contains the premiums") {
		t.Errorf("takeover with history: error %q", historyErr)
	}
	t.Logf("screenshot: %s", elementScreenshot(t, ctx, `fieldset:has(#in-takeover)`, "takeover-form.png"))
}
