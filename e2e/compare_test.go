package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCompareScenarios pins a scenario, changes the horizon and the fund,
// and checks both are shown side by side with the differences highlighted;
// then downloads the year table as CSV.
func TestCompareScenarios(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	downloads := t.TempDir()
	var run int
	var changed []string
	var results int
	var horizonRow []string
	err := chromedp.Run(ctx,
		allowDownloads(ctx, downloads),
		chromedp.Navigate(srv.URL+"/?horizon=10&fund=etf&"+smallQuery),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Click("#pin"),
		waitVisible("#compare-table"),
		runNumber(&run),
		typeInto("#in-horizon", "20"),
		waitNewRun(&run),
		runNumber(&run),
		chromedp.SetValue("#in-fund", "mf"),
		chromedp.Evaluate(`document.querySelector("#in-fund").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		waitNewRun(&run),
		waitVisible("#compare-inputs"),
		chromedp.Evaluate(`[...document.querySelectorAll("#compare-inputs tr.changed")].map((r) => r.dataset.key)`, &changed),
		chromedp.Evaluate(`[...document.querySelectorAll('#compare-inputs tr[data-key="horizon"] > *')].map((c) => c.textContent)`, &horizonRow),
		chromedp.Evaluate(`document.querySelectorAll("#compare-table tbody tr.changed").length`, &results),
		chromedp.ScrollIntoView("#compare"),
	)
	if err != nil {
		t.Fatal(err)
	}
	viewportShot(t, ctx, "compare.png") // scrolled to #compare
	if strings.Join(changed, ",") != "horizon,fund" {
		t.Errorf("inputs highlighted as changed: %q, want horizon and fund", changed)
	}
	if len(horizonRow) != 3 || horizonRow[1] != "10 years" || horizonRow[2] != "20 years" {
		t.Errorf("horizon row %q", horizonRow)
	}
	if results == 0 {
		t.Error("no result figure is highlighted as different")
	}

	var csvPath string
	err = chromedp.Run(ctx,
		chromedp.Click("#export-csv"),
		waitFile(filepath.Join(downloads, "*"), &csvPath),
	)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(csvPath)
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	// The client and the scenario first (issue 24, item 4), then the table.
	if len(lines) != 4+2*20 || !strings.HasPrefix(lines[0], "client,") || !strings.HasPrefix(lines[1], "scenario,") ||
		!strings.HasPrefix(lines[3], "strategy,year,start") || !strings.HasPrefix(lines[4], "SMA,") || !strings.HasPrefix(lines[24], "Mutual fund,") {
		t.Errorf("year table CSV: %d lines, starting %q", len(lines), lines[:min(3, len(lines))])
	}

	// Back to the pinned scenario.
	err = chromedp.Run(ctx,
		runNumber(&run),
		chromedp.Click("#open-pinned"),
		waitNewRun(&run),
		waitVisible("#compare-same"),
		chromedp.Click("#unpin"),
		waitVisible("#pin"),
	)
	if err != nil {
		t.Fatalf("back to the pinned scenario: %v", err)
	}
}
