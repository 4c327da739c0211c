package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// onDesktopThenPhone runs check as the subtests "desktop" and "phone", one
// after the other in the one tab ctx: the desktop first, in the viewport
// the tab was opened with (browser), then the phone (asPhone: 390 × 844,
// touch, the origin's local storage emptied as a new browser context's),
// where check loads its page again. The phone's page still starts on the
// phone and computes its own results, none kept from the desktop's; what
// the tab keeps besides (the HTTP cache, the WASM's compiled code) spares
// it a second browser context's cold start, which costs 2.5–4 times a
// second load in the same one (issue 29).
//
// check is told which layout it runs in; a failed desktop does not keep
// the phone from running.
func onDesktopThenPhone(t *testing.T, ctx context.Context, origin string, check func(t *testing.T, layout string)) {
	t.Helper()
	t.Run("desktop", func(t *testing.T) { check(t, "desktop") })
	t.Run("phone", func(t *testing.T) {
		if err := chromedp.Run(ctx, asPhone(origin)); err != nil {
			t.Fatal(err)
		}
		check(t, "phone")
	})
}
