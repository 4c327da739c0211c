package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestExistingHoldings moves a concentrated position within a gain budget
// (the glide path and the restated headline show), imports legacy lots
// from a CSV file (read in the browser; the amount becomes their total;
// the share link does not carry them), refuses a malformed file naming
// its line and column, and keeps the lots with a saved scenario.
func TestExistingHoldings(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	dir := t.TempDir()
	good := filepath.Join(dir, "lots.csv")
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(good, []byte("holding,value,basis,acquired\nAAPL,300000,20000,2012-05-01\nAAPL,100000,90000,2025-10-01\nOLD FUND,150000,150000,2019-03-15\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("holding,value,basis,acquired\nAAPL,abc,20000,2012-05-01\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var headline, glide, lotsErr, summary, search, privacy string
	var glideFigures int
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?single=0.6&singlebasis=0.1&gainbudget=50000&horizon=5&paths=40&stocks=100"),
		waitVisible(appReady),
		waitSimulated(),
		waitVisible(`#transition-headline`),
		chromedp.Text(`#transition-headline`, &headline),
		chromedp.Evaluate(`document.querySelectorAll("#fig-glide, #fig-glide-taxes").length`, &glideFigures),
		chromedp.Evaluate(`document.querySelector("#fig-glide svg desc").textContent`, &glide),
		chromedp.ScrollIntoView(`#existing-holdings`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(headline, "Moving within $50,000 of gains a year, after 5 years you keep $") {
		t.Errorf("transition headline: %q", headline)
	}
	if glideFigures != 2 || !strings.Contains(glide, "weight") {
		t.Errorf("glide path: %d figures, %q", glideFigures, glide)
	}
	elementScreenshot(t, ctx, "#answer", "holdings-headline.png")
	elementScreenshot(t, ctx, "#fig-glide", "holdings-glide-chart.png")
	elementScreenshot(t, ctx, "#fig-glide-taxes", "holdings-glide-taxes.png")

	// A malformed file: refused with its line and column, nothing changes.
	// The scenario's link opened in the page (openInApp): the import is
	// the page's, not the load's.
	err = chromedp.Run(ctx,
		openInApp("/?gainbudget=30000&horizon=3&paths=20&stocks=50"),
		chromedp.SetUploadFiles(`#lots-file`, []string{bad}, chromedp.ByQuery),
		waitVisible(`#lots-error`),
		chromedp.Text(`#lots-error`, &lotsErr),
		chromedp.Text(`#lots-privacy`, &privacy),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(lotsErr, "line 2: value: not a number") {
		t.Errorf("bad file: %q", lotsErr)
	}
	if !strings.Contains(privacy, "never uploaded") || !strings.Contains(privacy, "not part of the share link") {
		t.Errorf("privacy note: %q", privacy)
	}
	elementScreenshot(t, ctx, "#existing-holdings", "holdings-bad-file.png")

	// A good file: the amount becomes the total and the run uses the lots.
	var amount string
	err = chromedp.Run(ctx,
		chromedp.SetUploadFiles(`#lots-file`, []string{good}, chromedp.ByQuery),
		waitVisible(`#lots-summary`),
		chromedp.Text(`#lots-summary`, &summary),
		chromedp.Poll(`!document.querySelector("#lots-error")`, nil, chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.Poll(`location.search.includes("amount=550000")`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		waitSimulated(),
		waitVisible(`#fig-glide`),
		chromedp.Value(`#in-amount`, &amount),
		chromedp.Evaluate(`location.search`, &search),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(summary, "3 lots in 2 holdings, $550,000") {
		t.Errorf("summary: %q", summary)
	}
	if amount != "550,000" {
		t.Errorf("amount field %q, want the file's total", amount)
	}
	if strings.Contains(search, "lots") || strings.Contains(search, "AAPL") {
		t.Errorf("share link carries the lots: %s", search)
	}
	elementScreenshot(t, ctx, "#existing-holdings", "holdings-imported.png")

	// Saved with the lots; opened again, they come back, in one run.
	var reopened string
	var before, after int
	err = chromedp.Run(ctx,
		saveAs("Lots client"),
		waitSavedCount(1),
		chromedp.Click(`#lots-remove`),
		chromedp.Poll(`!document.querySelector("#lots-summary")`, nil, chromedp.WithPollingTimeout(5*time.Second)),
		waitSimulated(),
		runNumber(&before),
		clickSaved("Lots client", "Open"),
		waitVisible(`#lots-summary`),
		chromedp.Text(`#lots-summary`, &reopened),
		waitSimulated(),
		runNumber(&after),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(reopened, "3 lots in 2 holdings") {
		t.Errorf("reopened saved scenario: %q", reopened)
	}
	if after != before+1 {
		t.Errorf("opening the saved scenario with lots started %d runs, want 1", after-before)
	}
}
