package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestSubPathShareLink hosts the calculator under /tools/sma-calculator/ as
// a firm's marketing site would, opens a share link there, and then opens it
// again with the server gone.
func TestSubPathShareLink(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteSub)
	ctx := browser(t, 1280, 800)
	var log requestLog
	log.listen(ctx)
	// 60 stocks instead of the default 500 (issue 29): what is checked
	// is where the page, its worker and its service worker load from,
	// online and off, which the number of stocks simulated does not
	// change; the offline link's paths make it a scenario not run yet.
	link := srv.URL + "/tools/sma-calculator/?amount=500000&horizon=15&stocks=60"

	var amount, scope string
	err := chromedp.Run(ctx,
		network.Enable(),
		chromedp.Navigate(link),
		waitVisible(appReady),
		waitMark("smacalc:result"),
		chromedp.Value("#in-amount", &amount),
		waitServiceWorkerUnder(siteSub.Base),
		chromedp.Evaluate(`navigator.serviceWorker.getRegistration().then((r) => r.scope)`, &scope, awaitPromise),
	)
	if err != nil {
		t.Fatal(err)
	}
	if scope != srv.URL+"/tools/sma-calculator/" {
		t.Errorf("service worker scope %q, want the sub-path", scope)
	}
	if strings.ReplaceAll(amount, ",", "") != "500000" {
		t.Errorf("the share link's amount shows as %q", amount)
	}
	for _, u := range log.foreign(srv.URL) {
		t.Errorf("request left the origin: %s", u)
	}
	for _, u := range log.urls {
		if strings.HasPrefix(u, srv.URL+"/") && !strings.HasPrefix(u, srv.URL+"/tools/sma-calculator") {
			t.Errorf("request outside the sub-path: %s", u)
		}
	}

	srv.Stop()
	err = chromedp.Run(ctx,
		chromedp.Navigate(link+"&paths=100"),
		waitVisible(appReady),
		waitMark("smacalc:result"),
		chromedp.Value("#in-amount", &amount),
	)
	if err != nil {
		t.Fatalf("offline under the sub-path: %v", err)
	}
	viewportShot(t, ctx, "subpath-offline.png")
}
