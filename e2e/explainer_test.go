package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// explainerLinksResolve: every point of "What an SMA is" links to
// something on the page (an input, a chart, a section), on a phone
// (TestPhonePage has loaded it).
func explainerLinksResolve(t *testing.T, ctx context.Context) {
	var links []string
	var missing []string
	err := chromedp.Run(ctx,
		waitSimulated(),
		chromedp.Evaluate(`[...document.querySelectorAll("#explainer li a")].map(a => a.getAttribute("href"))`, &links),
		chromedp.Evaluate(`[...document.querySelectorAll("#explainer li a")].map(a => a.getAttribute("href")).filter(h => !h.startsWith("#") || !document.getElementById(h.slice(1)))`, &missing),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(links) < 10 {
		t.Errorf("%d explainer links, want one per point (10 or more): %v", len(links), links)
	}
	if len(missing) > 0 {
		t.Errorf("explainer links to nothing on the page: %v", missing)
	}
	t.Logf("screenshot: %s", elementScreenshot(t, ctx, "#explainer", "explainer-phone.png"))
}
