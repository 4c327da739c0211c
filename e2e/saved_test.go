package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// savedLabels reads the labels of the saved-scenario list, as text.
func savedLabels(labels *[]string) chromedp.Action {
	return chromedp.Evaluate(`[...document.querySelectorAll("#saved-list .saved-label")].map((e) => e.textContent)`, labels)
}

// waitSavedCount waits for n saved scenarios in the list.
func waitSavedCount(n int) chromedp.Action {
	return chromedp.Poll(`document.querySelectorAll("#saved-list .saved-item").length === `+strconvFormat(float64(n), 0), nil,
		chromedp.WithPollingTimeout(10*time.Second))
}

// clickSaved clicks a button ("Open", "Rename", "Delete") of a saved scenario.
func clickSaved(label, button string) chromedp.Action {
	return chromedp.Evaluate(`[...document.querySelectorAll("#saved-list .saved-item")]
		.find((li) => li.dataset.label === `+jsString(label)+`)
		.querySelector("button[aria-label^="+`+jsString(button)+`+"]").click()`, nil)
}

// saveAs types a client label and saves the scenario shown.
func saveAs(label string) chromedp.Action {
	return chromedp.Tasks{typeInto("#saved-label", label), chromedp.Click("#save-scenario")}
}

// TestSavedScenarios saves scenarios under client labels, keeps them across
// a reload and offline, opens, renames and deletes them, and exports and
// imports them as a JSON file, rejecting a file that is not one.
func TestSavedScenarios(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	downloads := t.TempDir()
	evil := `Smith <img src=x onerror="window.__xss=1">`
	var labels []string
	var horizon, search, markup string
	var xss bool
	err := chromedp.Run(ctx,
		allowDownloads(ctx, downloads),
		chromedp.Navigate(srv.URL+"/?horizon=12&"+smallQuery),
		waitVisible(appReady),
		waitSimulated(),
		waitServiceWorker(ctx),
		saveAs(evil),
		waitSavedCount(1),
		// The second scenario's link opened in the page (openInApp):
		// the list is the browser's, whichever way the page got there;
		// the reload below is what checks that it is kept.
		openInApp("/?horizon=20&"+smallQuery),
		saveAs("Jones family"),
		waitSavedCount(2),
		// A reload keeps them.
		chromedp.Reload(),
		waitVisible(appReady),
		waitSavedCount(2),
		savedLabels(&labels),
		chromedp.Evaluate(`document.querySelector("#saved-list").innerHTML.includes("<img")`, &xss),
		chromedp.Evaluate(`!!window.__xss`, &xss),
		chromedp.Evaluate(`document.querySelector("#saved-list .saved-label").innerHTML`, &markup),
		clickSaved(evil, "Open"),
		chromedp.Poll(`document.querySelector("#in-horizon").value === "12"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		waitSimulated(),
		chromedp.Evaluate(`location.search`, &search),
		chromedp.Value("#in-horizon", &horizon),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(labels) != 2 || labels[0] != evil || labels[1] != "Jones family" {
		t.Errorf("labels after reload: %q", labels)
	}
	if xss || strings.Contains(markup, "<img") {
		t.Errorf("a label was rendered as markup: %q", markup)
	}
	if !strings.Contains(search, "horizon=12") {
		t.Errorf("opening a saved scenario: URL %q, horizon %q", search, horizon)
	}

	// Rename and delete.
	err = chromedp.Run(ctx,
		clickSaved("Jones family", "Rename"),
		waitVisible("#rename-1"),
		typeInto("#rename-1", "Jones 2030"),
		chromedp.SendKeys("#rename-1", kb.Enter),
		chromedp.Poll(`!!document.querySelector('#saved-list [data-label="Jones 2030"]')`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		clickSaved(evil, "Delete"),
		waitSavedCount(1),
		savedLabels(&labels),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(labels) != 1 || labels[0] != "Jones 2030" {
		t.Errorf("after rename and delete: %q", labels)
	}

	// Export, then import the export plus a second file; a bad file is refused.
	var exported string
	err = chromedp.Run(ctx,
		chromedp.Click("#export-saved"),
		waitFile(filepath.Join(downloads, "*"), &exported),
	)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Format    string `json:"format"`
		Scenarios []struct{ Label, Query string }
	}
	raw, _ := os.ReadFile(exported)
	if err := json.Unmarshal(raw, &file); err != nil || file.Format != "smacalc-saved-scenarios" || len(file.Scenarios) != 1 || file.Scenarios[0].Label != "Jones 2030" {
		t.Errorf("export: %s (%v)", raw, err)
	}
	good := filepath.Join(t.TempDir(), "import.json")
	os.WriteFile(good, []byte(`{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"Lee, mutual fund","query":"fund=mf&horizon=15&paths=40&stocks=60"}]}`), 0o644)
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"X","query":"horizon=10","script":"alert(1)"}]}`), 0o644)
	var status string
	err = chromedp.Run(ctx,
		chromedp.SetUploadFiles("#import-saved", []string{good}),
		waitSavedCount(2),
		chromedp.SetUploadFiles("#import-saved", []string{bad}),
		chromedp.Poll(`document.querySelector("#saved-status").textContent.startsWith("Nothing imported")`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Text("#saved-status", &status),
		waitSavedCount(2),
	)
	if err != nil {
		t.Fatalf("import: %v (status %q)", err, status)
	}
	t.Logf("bad file: %s", status)

	// Offline: the app and the saved scenarios still open.
	srv.Stop()
	err = chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		waitVisible(appReady),
		waitSavedCount(2),
		savedLabels(&labels),
		clickSaved("Lee, mutual fund", "Open"),
		chromedp.Poll(`document.querySelector("#in-fund").value === "mf"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		waitSimulated(),
	)
	if err != nil {
		t.Fatalf("offline: %v", err)
	}
	viewportShot(t, ctx, "saved-offline.png")
	if labels[0] != "Jones 2030" || labels[1] != "Lee, mutual fund" {
		t.Errorf("offline labels: %q", labels)
	}
}

// waitFile waits for a file matching pattern (a finished download) and
// returns its path.
func waitFile(pattern string, path *string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		tick := time.NewTicker(100 * time.Millisecond) // the file system has no event to wait on here
		defer tick.Stop()
		for {
			matches, _ := filepath.Glob(pattern)
			for _, m := range matches {
				if fi, err := os.Stat(m); err == nil && fi.Size() > 0 && !strings.HasSuffix(m, ".crdownload") {
					*path = m
					return nil
				}
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-tick.C:
			}
		}
	})
}
