package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPhonePage checks small scenarios' pages on a 390×844 phone, one after
// the other in one tab: three tests that each opened a tab of a browser
// context of their own (issue 29: one context's cold start instead of
// three, three loads of the page instead of four). Each part still loads
// its page (a link's notice and first screen are the load's) except the
// last two, which shared a link and look at its page without changing its
// scenario:
//
//   - the answer's basis on the first screen, with a bad link's notice
//     (before: TestAnswerBasisOnPhone);
//   - every explainer point links to the page (TestExplainerLinksResolve);
//   - each chart draws for the screen it is on, then widened
//     (TestChartsDrawWhatTheScreenShows, last: it leaves the page wide).
func TestPhonePage(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 390, 844)
	t.Run("answer basis", func(t *testing.T) { answerBasisOnPhone(t, ctx, srv) })
	if err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?stocks=60&paths=40&horizon=4"),
		waitVisible(appReady),
	); err != nil {
		t.Fatal(err)
	}
	t.Run("explainer links resolve", func(t *testing.T) { explainerLinksResolve(t, ctx) })
	t.Run("charts draw what the screen shows", func(t *testing.T) { chartsDrawWhatTheScreenShows(t, ctx) })
}
