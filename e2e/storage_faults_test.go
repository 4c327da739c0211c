package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// fillStorage writes filler items into local storage until the browser
// refuses any more (QuotaExceededError), halving the item's size down to
// one character, so that no further write fits.
const fillStorage = `(() => {
  let size = 1 << 20, i = 0;
  while (size >= 1) {
    try { localStorage.setItem("test-fill-" + i++, "x".repeat(size)); }
    catch (e) { size = Math.floor(size / 2); }
  }
  return i;
})()`

// TestSavedSetAsideWithStorageFull: a stored list with a bad entry, in a
// browser whose local storage is full, so the unreadable value cannot be
// set aside. The page still loads and runs, shows the readable scenarios,
// says what happened, and leaves the stored value as it was. Then, in the
// same tab, a browser that blocks local storage (storageBlocked).
func TestSavedSetAsideWithStorageFull(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	var exceptions exceptionLog
	exceptions.listen(ctx)
	list := `{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"A","query":"horizon=12&paths=50"},` +
		`{"label":"B","query":"horizon=999"}]}`
	var before, after, status string
	var ready bool
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?paths=50&stocks=20"),
		waitVisible(appReady),
		setStored(list),
		chromedp.Evaluate(`localStorage.getItem("smacalc.saved-scenarios")`, &before),
		chromedp.Evaluate(fillStorage, nil),
		chromedp.Reload(),
		waitVisible(appReady),
		waitSavedCount(1),
		waitStatus("could not be read"),
		chromedp.Text("#saved-status", &status),
		waitVisible(headlineFinal),
		chromedp.Evaluate(`!!document.querySelector("#smacalc[data-ready]")`, &ready),
		chromedp.Evaluate(`localStorage.getItem("smacalc.saved-scenarios")`, &after),
		chromedp.Evaluate(`Object.keys(localStorage).filter((k) => k.startsWith("test-fill-")).forEach((k) => localStorage.removeItem(k))`, nil),
	)
	if err != nil {
		t.Fatalf("%v (status %q)", err, status)
	}
	if !ready || !strings.Contains(status, "storage is full") {
		t.Errorf("ready %v, status %q", ready, status)
	}
	if after != before {
		t.Errorf("the stored list changed although it could not be set aside:\n%s\nnow\n%s", before, after)
	}
	elementScreenshot(t, ctx, "#saved", "saved-storage-full.png")
	exceptions.check(t)
	t.Run("storage blocked", func(t *testing.T) { storageBlocked(t, ctx, srv) })
}

// blockStorage makes reading window.localStorage throw, as in a page
// embedded as a third-party frame when the browser blocks third-party site
// data.
const blockStorage = `Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});`

// storageBlocked: without local storage the calculator still runs and
// shows its result, and saving a scenario says it cannot, instead of
// ending the page's Go program. Until issue 29 it was TestStorageBlocked,
// in a browser context of its own; it now loads its page in the tab
// TestSavedSetAsideWithStorageFull used, its storage emptied first (as a
// new context's; the page then cannot read it at all), and last: the
// block stays on every later page of the tab.
func storageBlocked(t *testing.T, ctx context.Context, srv *server) {
	var exceptions exceptionLog
	exceptions.listen(ctx)
	var status string
	err := chromedp.Run(ctx,
		emptyStorage(srv.URL),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(blockStorage).Do(ctx)
			return err
		}),
		chromedp.Navigate(srv.URL+"/?paths=50&stocks=20"),
		waitVisible(appReady),
		waitVisible(headlineFinal),
		chromedp.SendKeys("#saved-label", "Lee"),
		chromedp.Click("#save-scenario"),
		waitStatus("Could not save"),
		chromedp.Text("#saved-status", &status),
		// Still running: another value gives another final result.
		chromedp.SetValue("#in-horizon", "12"),
		chromedp.Evaluate(`document.querySelector("#in-horizon").dispatchEvent(new Event("change", { bubbles: true }))`, nil),
		chromedp.Poll(`(document.querySelector("#headline-text")?.textContent || "").startsWith("After 12 years")`, nil),
		waitVisible(headlineFinal),
	)
	if err != nil {
		t.Fatalf("%v (status %q)", err, status)
	}
	t.Logf("saving without storage: %s", status)
	elementScreenshot(t, ctx, "#saved", "saved-storage-blocked.png")
	exceptions.check(t)
}
