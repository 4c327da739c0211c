package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// answerBasisOnPhone opens a share link with a bad value on a 390×844
// phone (issue 24, item 3): the link's notice is above the answer; the
// inputs the answer rests on (other income, outside gains, state, end
// choice, horizon) are beside the headline on the first screen, and one
// tap on one reaches its field, even in the form's closed advanced group.
func answerBasisOnPhone(t *testing.T, ctx context.Context, srv *server) {
	var noticeTop, headlineTop, basisBottom float64
	var basis map[string]string
	err := chromedp.Run(ctx,
		// A link with a bad value: its notice comes before the answer.
		chromedp.Navigate(srv.URL+"/?amount=5000000&state=NY&end=stepup&stgains=lots&horizon=6&"+smallQuery),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Evaluate(`window.scrollTo(0, 0)`, nil),
		chromedp.Evaluate(`(() => { const n = document.querySelector("#link-notice"); return n ? n.getBoundingClientRect().top : 1e9; })()`, &noticeTop),
		chromedp.Evaluate(`document.querySelector("#headline").getBoundingClientRect().top`, &headlineTop),
	)
	if err != nil {
		t.Fatal(err)
	}
	viewportShot(t, ctx, "phone-link-notice.png")
	if noticeTop >= headlineTop {
		t.Errorf("the link's notice is at %.0f px, the headline at %.0f px: want the notice above the answer", noticeTop, headlineTop)
	}
	err = chromedp.Run(ctx,
		// The link: the values it does not give are named.
		chromedp.Navigate(srv.URL+"/?amount=5000000&state=NY&end=stepup&horizon=6&"+smallQuery),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Evaluate(`window.scrollTo(0, 0)`, nil),
		chromedp.Evaluate(`(() => { const b = document.querySelector("#answer-basis"); return b ? b.getBoundingClientRect().bottom : 1e9; })()`, &basisBottom),
		chromedp.Evaluate(`Object.fromEntries([...document.querySelectorAll("#answer-basis li")].map((li) => [li.dataset.key, li.textContent]))`, &basis),
	)
	if err != nil {
		t.Fatal(err)
	}
	viewportShot(t, ctx, "phone-answer-basis.png")
	if basisBottom > 844 {
		t.Errorf("the answer's assumptions end %.0f px down, want on the first screen (844)", basisBottom)
	}
	for key, want := range map[string]string{
		"wages": "$400,000 a year", "stgains": "$50,000 a year", "state": "New York", "end": "heirs", "horizon": "6 years",
	} {
		if !strings.Contains(basis[key], want) {
			t.Errorf("beside the headline, %s: %q, want %q", key, basis[key], want)
		}
	}

	// One tap: the outside gains' field (in the advanced group) has focus.
	var focused string
	err = chromedp.Run(ctx,
		chromedp.Click("#basis-stgains"),
		chromedp.Poll(`document.activeElement && document.activeElement.id === "in-stgains"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`document.activeElement.id`, &focused),
	)
	if err != nil {
		t.Fatalf("tap on the outside gains: focus on %q: %v", focused, err)
	}
	viewportShot(t, ctx, "phone-basis-tap.png")
}
