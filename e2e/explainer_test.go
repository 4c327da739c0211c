package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestExplainerLinksResolve: every point of "What an SMA is" links to
// something on the page (an input, a chart, a section), on a phone.
func TestExplainerLinksResolve(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 390, 844)
	var links []string
	var missing []string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?stocks=60&paths=40&horizon=4"),
		waitVisible(appReady),
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
