package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestGiving opens a scenario that gives shares to charity every year: the
// advisors' "giving appreciated shares" room shows each year's gift on the
// median market, SMA beside fund, and the summary; the inputs carry the
// keys' help text; axe finds nothing serious in the room, on a desktop
// and on a phone (screenshots of both); compare shows the gains given
// away of two scenarios side by side.
func TestGiving(t *testing.T) {
	t.Parallel()
	// One tab for both layouts (onDesktopThenPhone, issue 29).
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	onDesktopThenPhone(t, ctx, srv.URL, func(t *testing.T, layout string) {
		var summary, help string
		var rows int
		err := chromedp.Run(ctx,
			chromedp.Navigate(srv.URL+"/?give=20000&itemized=40000&horizon=5&paths=40&stocks=100"),
			waitVisible(appReady),
			waitSimulated(),
			waitVisible(`#giving-table`),
			chromedp.ScrollIntoView(`#giving`),
			chromedp.Text(`#giving-summary`, &summary),
			chromedp.Text(`#help-give`, &help),
			chromedp.Evaluate(`document.querySelectorAll("#giving-table tbody tr").length`, &rows),
		)
		if err != nil {
			t.Fatal(err)
		}
		elementScreenshot(t, ctx, "#giving", "giving-"+layout+".png")
		if rows != 5 {
			t.Errorf("%d rows in the gifts table, want one a year (5)", rows)
		}
		if !strings.HasPrefix(summary, "Over 5 years the SMA gave away $") || !strings.Contains(summary, "the ETF") {
			t.Errorf("summary: %q", summary)
		}
		if !strings.Contains(help, "largest gains") {
			t.Errorf("help text of give: %q", help)
		}
		axeClean(t, ctx, "#giving")
		if layout != "desktop" {
			return
		}
		// Compare: pinned with $20,000 a year, then $5,000: the gains
		// given away are side by side, and they differ.
		var run int
		var giftRows []string
		err = chromedp.Run(ctx,
			chromedp.Click("#pin"),
			waitVisible("#compare-table"),
			runNumber(&run),
			typeInto("#in-give", "5000"),
			waitNewRun(&run),
			chromedp.Evaluate(`[...document.querySelectorAll("#compare-table tbody tr.changed th")].map((c) => c.textContent).filter((t) => t.startsWith("Gains given away"))`, &giftRows),
		)
		if err != nil {
			t.Fatal(err)
		}
		if len(giftRows) != 2 {
			t.Errorf("compare: changed gift rows %q, want the SMA's and the fund's", giftRows)
		}
	})
}
