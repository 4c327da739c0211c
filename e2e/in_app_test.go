package e2e

import (
	"context"
	"strconv"
	"time"

	"github.com/chromedp/chromedp"
)

// openInApp opens a link of the calculator (a path with its query, "/?…")
// inside the page already loaded, as a link clicked in the app does:
// go-app's own navigation (window.goappNav) puts the link in the address
// bar and the calculator reads its scenario from there (store.Nav, what a
// share link's first load runs too) and simulates it in the workers
// already running. It spares a test the page load a chromedp.Navigate
// costs (the 13 MB WASM instantiated again in the page and in every
// worker, several seconds on a loaded machine: issue 29) where the test
// is about the link's scenario, not about loading the page.
//
// It waits until the link's run has completed: the run number grows with
// each run of the page's store, which an in-app navigation keeps.
func openInApp(link string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var before int
		if err := chromedp.Run(ctx, runNumber(&before)); err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		return chromedp.Run(ctx,
			chromedp.Evaluate(`goappNav(`+jsString(link)+`)`, nil),
			// Polled on animation frames (chromedp's default): no
			// interval's latency.
			chromedp.Poll(`(() => { const p = document.querySelector("#progress"); return !!p && Number(p.dataset.run) > `+strconv.Itoa(before)+` && p.dataset.running === "false"; })()`, nil),
			waitSimulated(),
		)
	})
}

// asPhone makes the tab a phone's (390 × 844, touch, twice the pixels), as
// browser(t, 390, 844) opens one, with the origin's local storage empty
// (emptyStorage) as a new browser context's is: a test then loads its page
// again, which starts on the phone and computes its own results (none kept
// from the desktop's), in the same browser context, whose cache keeps the
// WASM's compiled code (a new context compiles it again: issue 29).
func asPhone(origin string) chromedp.Action {
	return chromedp.Tasks{emptyStorage(origin), phoneViewport()}
}

// phoneViewport is the viewport browser(t, 390, 844) gives a tab.
func phoneViewport() chromedp.Action {
	return chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2))
}

// emptyStorage leaves the origin's local storage empty, with no page of
// the calculator open to write to it again: it loads a file of the origin
// that is not the app (its manifest), where the storage is the app's, and
// clears it there.
func emptyStorage(origin string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Navigate(origin + "/manifest.webmanifest"),
		chromedp.Evaluate(`localStorage.clear(); localStorage.length`, nil),
	}
}
