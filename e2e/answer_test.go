package e2e

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"smacalc/calc/scenario"
)

// exceptionLog records the page's uncaught script exceptions.
type exceptionLog struct {
	mu   sync.Mutex
	list []string
}

func (l *exceptionLog) listen(ctx context.Context) {
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			text := e.ExceptionDetails.Text
			if ex := e.ExceptionDetails.Exception; ex != nil {
				text += " " + ex.Description
			}
			l.mu.Lock()
			l.list = append(l.list, text)
			l.mu.Unlock()
		}
	})
}

func (l *exceptionLog) check(t *testing.T) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.list {
		t.Errorf("script exception: %s", e)
	}
}

// visible reports whether an element is rendered (checkVisibility: a
// closed <details> still lays out its content in chromium).
func visible(sel string, shown *bool) chromedp.Action {
	return chromedp.Evaluate(`(() => { const e = document.querySelector(`+jsString(sel)+`); return !!e && e.checkVisibility(); })()`, shown)
}

// TestBadLinkRecovers opens a link with an invalid amount: the value is
// named, its default replaces it, and the scenario still reaches a final
// result, with a canonical link, which its button copies.
func TestBadLinkRecovers(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1366, 900)
	var exceptions exceptionLog
	exceptions.listen(ctx)
	var notice, sentence, location, amount string
	err := chromedp.Run(ctx,
		// 60 stocks instead of 500 (issue 29): the recovery is the link's,
		// whatever it simulates; its canonical form below carries them.
		chromedp.Navigate(srv.URL+"/?amount=abc&horizon=12&colour=red&stocks=60"),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Text(`#link-notice`, &notice),
		chromedp.Text(`#headline-text`, &sentence),
		chromedp.Location(&location),
		chromedp.Value(`#in-amount`, &amount),
	)
	if err != nil {
		t.Fatal(err)
	}
	viewportShot(t, ctx, "bad-link.png") // the notice is on the first screen
	for _, part := range []string{"Amount to invest", "abc", "$1,000,000", "colour"} {
		if !strings.Contains(notice, part) {
			t.Errorf("notice %q lacks %q", notice, part)
		}
	}
	if !strings.Contains(sentence, "After 12 years") {
		t.Errorf("headline %q: the link's valid horizon is lost", sentence)
	}
	s, _ := scenario.Decode("horizon=12&stocks=60")
	if u, err := url.Parse(location); err != nil || u.RawQuery != s.Encode() {
		t.Errorf("URL %q, want the canonical %q", location, s.Encode())
	}
	if amount != "1,000,000" {
		t.Errorf("amount field %q, want the default", amount)
	}

	// The recovered link is copied with its button. (Until issue 29 this
	// was TestCopyLink, which loaded a link of its own in a browser
	// context of its own to press the button: a link is copied whatever
	// it simulates.)
	var status string
	err = chromedp.Run(ctx,
		chromedp.Click(`#copy-link`),
		chromedp.Poll(`document.querySelector("#copy-status").textContent !== ""`, nil),
		chromedp.Text(`#copy-status`, &status),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(status, "Link copied") {
		t.Errorf("copy status %q", status)
	}
	exceptions.check(t)
}

// TestTermDefinitions focuses a term: its definition shows, and Escape
// hides it; the word describes itself with the definition.
func TestTermDefinitions(t *testing.T) {
	t.Parallel()
	// One tab for both layouts (onDesktopThenPhone, issue 29); 60 stocks,
	// as the definitions do not depend on the numbers.
	srv := startServer(t, siteV1)
	ctx := browser(t, 1366, 900)
	onDesktopThenPhone(t, ctx, srv.URL, func(t *testing.T, layout string) {
		var before, focused, after, inside bool
		var described string
		err := chromedp.Run(ctx,
			chromedp.Navigate(srv.URL+"/?paths=100&horizon=5&stocks=60"),
			waitVisible(appReady),
			waitSimulated(),
			visible(`#def-tax-alpha`, &before),
			chromedp.Focus(`[aria-describedby="def-tax-alpha"]`, chromedp.ByQuery),
			visible(`#def-tax-alpha`, &focused),
			chromedp.Evaluate(`(() => { const r = document.querySelector("#def-tax-alpha").getBoundingClientRect();
					return r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight; })()`, &inside),
			chromedp.Evaluate(`document.querySelector('[aria-describedby="def-tax-alpha"]').textContent`, &described),
		)
		if err != nil {
			t.Fatal(err)
		}
		viewportShot(t, ctx, "term-definition-"+layout+".png")
		if err := chromedp.Run(ctx, chromedp.KeyEvent(kb.Escape), visible(`#def-tax-alpha`, &after)); err != nil {
			t.Fatal(err)
		}
		if before || !focused || after {
			t.Errorf("%s: definition shown before focus %v, with focus %v, after Escape %v", layout, before, focused, after)
		}
		if !inside {
			t.Errorf("%s: the definition runs off the screen", layout)
		}
		if described != "Tax alpha" {
			t.Errorf("%s: term %q", layout, described)
		}
	})
}
