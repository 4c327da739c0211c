package e2e

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// waitUntil waits until the JavaScript expression pred is true in the tab's
// page, without polling: the page checks it once, then again after each
// change of the document (a MutationObserver on the whole tree: nodes,
// attributes and text, which is how the calculator shows every state the
// tests wait for) and of the viewport (resize), and answers the moment it
// holds. chromedp's WaitVisible asks over CDP every 5 ms instead (a
// DOM.querySelector, then a box model and a function call once the node
// exists: a few hundred DevTools messages a second per waiting tab, each
// through chromium's browser process and the page's main thread), and its
// Poll runs the predicate on every animation frame, which keeps the tab
// producing frames (the compositor's and viz's CPU) while it waits.
//
// A document that is replaced while waiting (a reload, a navigation the
// page makes) ends the evaluation with an error from CDP; the wait starts
// again in the new document. timeout bounds the wait as the Wait and Poll
// actions' own timeouts did; the tab's context still bounds it too.
//
// what names the wait in errors ("#inputs visible" rather than the
// JavaScript that tests it).
func waitUntil(what, pred string, timeout time.Duration) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		// The page gives up a little after the test does, so an abandoned
		// wait does not keep its observer.
		js := fmt.Sprintf(`new Promise((resolve) => {
	const holds = () => { try { return !!(%s); } catch (e) { return false; } };
	if (holds()) { resolve(true); return; }
	let observer;
	const check = () => { if (holds()) { done(); resolve(true); } };
	const done = () => { observer.disconnect(); removeEventListener("resize", check); clearTimeout(timer); };
	const timer = setTimeout(() => { done(); resolve(false); }, %d);
	observer = new MutationObserver(check);
	observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
	addEventListener("resize", check);
})`, pred, (timeout + 5*time.Second).Milliseconds())
		for {
			var held bool
			err := chromedp.Run(ctx, chromedp.Evaluate(js, &held, awaitPromise))
			switch {
			case err == nil && held:
				return nil
			case err == nil:
				return fmt.Errorf("waiting for %s: %w", what, context.DeadlineExceeded)
			case ctx.Err() != nil:
				return fmt.Errorf("waiting for %s: %w", what, ctx.Err())
			case !documentReplaced(err):
				return fmt.Errorf("waiting for %s: %w", what, err)
			}
		}
	})
}

// documentReplaced says whether an evaluation failed because its document
// went away under it (CDP's messages for a destroyed execution context or
// one not yet created for the new document).
func documentReplaced(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "context was destroyed") ||
		strings.Contains(msg, "Cannot find default execution context") ||
		strings.Contains(msg, "Cannot find context with specified id") ||
		strings.Contains(msg, "Inspected target navigated or closed")
}

// visibleJS is true when the element sel is in the page and takes space,
// the test chromedp's WaitVisible applies (its js/visible.js: a node with
// no box, under display:none, is not visible).
func visibleJS(sel string) string {
	return `((e) => !!e && !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length))(document.querySelector(` + jsString(sel) + `))`
}

// waitVisible waits until the element sel is visible, as
// chromedp.WaitVisible does, without polling (waitUntil).
func waitVisible(sel string) chromedp.Action {
	return waitUntil(sel+" visible", visibleJS(sel), testTimeout)
}
