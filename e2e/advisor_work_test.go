package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestAdvisorKeepsWork follows an advisor (issue 24, item 4): the saved
// label names the client on the report, the exports and the comparison;
// importing and removing a lots file keeps the pinned comparison and the
// client, and removing it puts back the amount typed; the comparison sits
// in the answer, linked from it, with each side's range and verdict and
// only what differs highlighted; presenter mode opens on the headline with
// every form hidden.
func TestAdvisorKeepsWork(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	dir, downloads := t.TempDir(), t.TempDir()
	lots := filepath.Join(dir, "lots.csv")
	if err := os.WriteFile(lots, []byte("holding,value,basis,acquired\nAAPL,300000,20000,2012-05-01\nOLD FUND,150000,150000,2019-03-15\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var run int
	var client, summary string
	err := chromedp.Run(ctx,
		allowDownloads(ctx, downloads),
		chromedp.Navigate(srv.URL+"/?amount=300000&horizon=5&"+smallQuery),
		waitVisible(appReady),
		waitSimulated(),
		saveAs("Lee family"),
		waitSavedCount(1),
		// The report's cover takes the label in a render of its own,
		// which on a loaded machine came after the saved list's (the
		// client read "—" here twice in round 6 at load 20–40): wait for
		// the cover to change, then check what it says.
		waitUntil("the report's client", `(document.querySelector("#report-client")?.textContent || "—") !== "—"`, 30*time.Second),
		chromedp.Evaluate(`document.querySelector("#report-client").textContent`, &client),
		chromedp.Text(`#saved-list .saved-item`, &summary, chromedp.ByQuery),
		chromedp.Click("#pin"),
		waitVisible("#compare-table"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if client != "Lee family" {
		t.Errorf("report's client %q, want the saved label", client)
	}
	if !strings.Contains(summary, "$300,000") || !strings.Contains(summary, "after tax (median)") {
		t.Errorf("saved list item %q: want its amount and result", summary)
	}

	// Importing lots keeps the pin and the client.
	var pinned, inAnswer, linked bool
	var caption string
	err = chromedp.Run(ctx,
		runNumber(&run),
		chromedp.SetUploadFiles(`#lots-file`, []string{lots}, chromedp.ByQuery),
		waitVisible(`#lots-summary`),
		waitNewRun(&run),
		chromedp.Evaluate(`!!document.querySelector("#compare-table")`, &pinned),
		chromedp.Evaluate(`!!document.querySelector("#answer #compare")`, &inAnswer),
		chromedp.Evaluate(`(() => { const a = document.querySelector("#answer #compare-link"); return !!a && a.getAttribute("href") === "#compare"; })()`, &linked),
		chromedp.Evaluate(`document.querySelector("#report-client").textContent`, &client),
		chromedp.Text(`#compare-table caption`, &caption, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !pinned || client != "Lee family" {
		t.Errorf("after importing lots: pinned comparison %v, client %q", pinned, client)
	}
	if !inAnswer || !linked {
		t.Errorf("comparison in the answer %v, linked from it %v", inAnswer, linked)
	}
	if !strings.Contains(caption, "Lee family") {
		t.Errorf("comparison caption %q does not name the client", caption)
	}
	var changed, unchanged []string
	var verdict, rangeRow []string
	err = chromedp.Run(ctx,
		waitVisible("#compare-inputs"),
		chromedp.Evaluate(`[...document.querySelectorAll("#compare-inputs tbody tr.changed")].map((r) => r.dataset.key)`, &changed),
		chromedp.Evaluate(`[...document.querySelectorAll("#compare-inputs tbody tr:not(.changed)")].map((r) => r.dataset.key)`, &unchanged),
		chromedp.Evaluate(`[...document.querySelectorAll('#compare-table tr[data-row="verdict"] td')].map((c) => c.textContent)`, &verdict),
		chromedp.Evaluate(`[...document.querySelectorAll('#compare-table tr[data-row="range"] td')].map((c) => c.textContent)`, &rangeRow),
		chromedp.ScrollIntoView("#compare"),
	)
	if err != nil {
		t.Fatal(err)
	}
	viewportShot(t, ctx, "advisor-compare-in-answer.png") // scrolled to #compare
	if strings.Join(changed, ",") != "amount" || len(unchanged) == 0 {
		t.Errorf("inputs highlighted %q, not highlighted %q: want only the amount highlighted", changed, unchanged)
	}
	if len(verdict) != 2 || verdict[0] == "" || verdict[1] == "" || len(rangeRow) != 2 || !strings.Contains(rangeRow[0], " to ") {
		t.Errorf("each side's verdict %q and range %q", verdict, rangeRow)
	}

	// Removing the lots: the amount typed comes back; pin and client stay.
	// Downloads are saved under generated names: the name the page gave
	// is its link's download attribute, noted as the link is clicked.
	var amount, csvPath, name string
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`(() => {
			const click = HTMLAnchorElement.prototype.click;
			HTMLAnchorElement.prototype.click = function () { if (this.download) window.__downloadName = this.download; return click.call(this); };
		})()`, nil),
		runNumber(&run),
		chromedp.Click(`#lots-remove`),
		waitNewRun(&run),
		chromedp.Value(`#in-amount`, &amount),
		chromedp.Evaluate(`!!document.querySelector("#compare-table")`, &pinned),
		chromedp.Evaluate(`document.querySelector("#report-client").textContent`, &client),
		chromedp.Click("#export-csv"),
		waitFile(filepath.Join(downloads, "*"), &csvPath),
		chromedp.Evaluate(`window.__downloadName || ""`, &name),
	)
	if err != nil {
		t.Fatal(err)
	}
	if amount != "300,000" || !pinned || client != "Lee family" {
		t.Errorf("after removing the lots: amount %q, pinned %v, client %q", amount, pinned, client)
	}
	raw, _ := os.ReadFile(csvPath)
	if !strings.Contains(name, "lee-family") || !strings.Contains(name, "300000") {
		t.Errorf("CSV named %q: want the client and the scenario", name)
	}
	if lines := strings.SplitN(string(raw), "\n", 3); len(lines) < 3 || lines[0] != "client,Lee family" || !strings.HasPrefix(lines[1], "scenario,") {
		t.Errorf("CSV starts %q", lines[:min(2, len(lines))])
	}

	// Presenter mode from the bottom of the page: it opens on the
	// headline, every form hidden.
	var scrollY, headlineTop float64
	var forms int
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`window.scrollTo(0, document.body.scrollHeight)`, nil),
		chromedp.Click("#present-start"),
		waitVisible("#presenter-bar"),
		waitStable(`window.scrollY`),
		chromedp.Evaluate(`window.scrollY`, &scrollY),
		chromedp.Evaluate(`document.querySelector("#headline").getBoundingClientRect().top`, &headlineTop),
		chromedp.Evaluate(`[...document.querySelectorAll("form, #existing-holdings, input, select")].filter((e) => e.checkVisibility()).length`, &forms),
	)
	if err != nil {
		t.Fatal(err)
	}
	viewportShot(t, ctx, "advisor-presenter-top.png")
	if scrollY != 0 || headlineTop < 0 || headlineTop > 400 {
		t.Errorf("presenter mode opened at scroll %.0f, headline at %.0f px: want the top", scrollY, headlineTop)
	}
	if forms != 0 {
		t.Errorf("presenter mode shows %d form elements", forms)
	}
	err = chromedp.Run(ctx,
		chromedp.Click("#present-stop"),
		chromedp.Poll(`!document.querySelector("#presenter-bar")`, nil, chromedp.WithPollingTimeout(10*time.Second)),
	)
	if err != nil {
		t.Fatal(err)
	}
}
