package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestWordsAndSmallFaults checks issue 24, item 5 in a browser: no "final
// sale" when nothing is sold, precision in plain words, one live region
// that speaks once per settled answer, the sticky line in markets and in
// one sentence (and not the last figure while a field is invalid), typed
// amounts grouped, a year where the SMA paid more tax not drawn as a green
// saving, a bad saved-scenarios file in plain words and a file with one bad
// scenario importing the others, and a next step without a brand.
// Run against eb42817, the commit before these fixes (31c658e), every one
// of these checks fails; none waits on a fixed outcome, so each says what
// it saw.
func TestWordsAndSmallFaults(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 390, 844)
	dir := t.TempDir()

	// Heirs: nothing is sold.
	var alphaLabels, precision string
	var progressLive bool
	var nextStep bool
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?end=stepup&horizon=10&stgains=0&"+smallQuery),
		waitVisible(appReady),
		waitSimulated(),
		// The labels as read, without the terms' definitions.
		chromedp.Evaluate(`[...document.querySelectorAll("#headline .figures dt")].map((d) => {
			const c = d.cloneNode(true); c.querySelectorAll(".term-tip").forEach((t) => t.remove()); return c.textContent;
		}).join(" | ")`, &alphaLabels),
		chromedp.Text(`#headline-precision`, &precision, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("#progress").hasAttribute("aria-live")`, &progressLive),
		visible(`#next-step`, &nextStep),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(alphaLabels, "Tax alpha") || strings.Contains(alphaLabels, "final sale") {
		t.Errorf("heirs: %q", alphaLabels)
	}
	if strings.Contains(precision, "±") || strings.Contains(precision, "Precision") || !strings.Contains(precision, "simulated markets") {
		t.Errorf("precision %q: want plain words", precision)
	}
	if progressLive {
		t.Error("#progress is a second live region")
	}
	if !nextStep {
		t.Error("the unbranded page has no next step")
	}

	// The harvest chart of that scenario has years where the SMA paid more
	// tax than the fund: none is drawn as a (green) saving.
	var negativeSaved, extraYears int
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`[...document.querySelectorAll("#fig-harvest rect title")].filter((t) => /Tax saved: [-−]/.test(t.textContent)).length`, &negativeSaved),
		chromedp.Evaluate(`[...document.querySelectorAll("#fig-harvest rect title")].filter((t) => t.textContent.includes("Extra tax")).length`, &extraYears),
	)
	if err != nil {
		t.Fatal(err)
	}
	if negativeSaved != 0 || extraYears == 0 {
		t.Errorf("harvest chart: %d negative “tax saved” bars, %d “extra tax” bars", negativeSaved, extraYears)
	}

	// A run: what the live regions say, and the sticky line on the way.
	var run int
	var spoken, barTexts []string
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`(() => {
			// A screen reader speaks a live region when its own text changes:
			// the last text is kept per region, so another region's status
			// line changing in between does not count the answer twice.
			window.__spoken = []; window.__bar = [];
			const said = new Map();
			const record = () => {
				for (const r of document.querySelectorAll("[aria-live]:not([aria-live=off])")) {
					if (r.getAttribute("aria-busy") === "true") continue;
					const text = r.textContent;
					if (said.get(r) !== text) { said.set(r, text); window.__spoken.push(text); }
				}
				const bar = document.querySelector("#answer-bar-text").textContent;
				if (window.__bar[window.__bar.length - 1] !== bar) window.__bar.push(bar);
			};
			new MutationObserver(record).observe(document.querySelector("#calc"), {subtree: true, childList: true, characterData: true, attributes: true});
		})()`, nil),
		runNumber(&run),
		typeAtOnce(`#in-horizon`, "12"),
		waitNewRun(&run),
		chromedp.Evaluate(`window.__spoken.filter((t) => t.includes("After 12 years"))`, &spoken),
		chromedp.Evaluate(`window.__bar`, &barTexts),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(spoken) != 1 {
		t.Errorf("the live regions said the new answer %d times, want once: %q", len(spoken), spoken)
	}
	if len(barTexts) == 0 || !strings.Contains(barTexts[len(barTexts)-1], "markets") {
		t.Errorf("sticky line during the run: %q, want it to end on the answer in markets", barTexts)
	}
	for _, text := range barTexts {
		if strings.Contains(text, "path") || strings.Count(text, "(") > 0 || strings.Count(text, ". ") > 0 {
			t.Errorf("sticky line %q: want markets, one sentence, no brackets", text)
		}
	}

	// An invalid amount: the sticky line does not show the last figure
	// but says what to do; a typed amount is grouped once settled. The
	// grouping is waited for with its own deadline so that, where it does
	// not happen, the checks after it still run and say what fails.
	var invalidBar, amount string
	err = chromedp.Run(ctx,
		typeInto(`#in-amount`, "12x"),
		waitVisible(`#in-amount[aria-invalid="true"]`),
		chromedp.Text(`#answer-bar-text`, &invalidBar, chromedp.ByQuery),
		runNumber(&run),
		typeInto(`#in-amount`, "250000\n"),
		waitNewRun(&run),
	)
	if err != nil {
		t.Fatalf("amount: %v", err)
	}
	grouped := chromedp.Run(ctx, chromedp.Poll(`document.querySelector("#in-amount").value === "250,000"`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	if err := chromedp.Run(ctx, chromedp.Value(`#in-amount`, &amount)); err != nil {
		t.Fatal(err)
	}
	if grouped != nil {
		t.Errorf("typed amount 250000 settled as %q, want 250,000", amount)
	}
	if invalidBar == "" || strings.Contains(invalidBar, "$") {
		t.Errorf("sticky line while the amount is invalid: %q, want what to do and no figure", invalidBar)
	}

	// Saved-scenario files: a file that is not one, and one with a bad
	// scenario among good ones.
	notSaved := filepath.Join(dir, "notes.json")
	mixed := filepath.Join(dir, "mixed.json")
	os.WriteFile(notSaved, []byte(`<html>not json</html>`), 0o644)
	os.WriteFile(mixed, []byte(`{"format":"smacalc-saved-scenarios","version":1,"scenarios":[`+
		`{"label":"Good one","query":"horizon=8&paths=40"},{"label":"Bad one","query":"horizon=999"},{"label":"Also good","query":"fund=mf"}]}`), 0o644)
	// Each import is waited for by its status line changing (not by its
	// expected outcome), so an import that fails says how.
	var refused, mixedStatus string
	var count int
	err = chromedp.Run(ctx,
		chromedp.SetUploadFiles("#import-saved", []string{notSaved}),
		waitStatus("Nothing imported"),
		chromedp.Evaluate(`document.querySelector("#saved-status").textContent`, &refused),
		chromedp.SetUploadFiles("#import-saved", []string{mixed}),
		chromedp.ActionFunc(func(ctx context.Context) error {
			// refused is read when this runs, not when the list is built.
			return chromedp.Poll(`document.querySelector("#saved-status").textContent !== `+jsString(refused), nil,
				chromedp.WithPollingTimeout(15*time.Second)).Do(ctx)
		}),
		chromedp.Evaluate(`document.querySelector("#saved-status").textContent`, &mixedStatus),
		chromedp.Evaluate(`document.querySelectorAll("#saved-list .saved-item").length`, &count),
	)
	if err != nil {
		t.Fatalf("imports: %v (status %q)", err, refused)
	}
	if strings.Contains(refused, "invalid character") || strings.Contains(refused, "looking for") {
		t.Errorf("a file that is not saved scenarios: %q", refused)
	}
	if count != 2 || !strings.Contains(mixedStatus, "Imported 2") || !strings.Contains(mixedStatus, "Bad one") {
		t.Errorf("a file with one bad scenario: %d saved, status %q; want the 2 good ones and the bad one named", count, mixedStatus)
	}
}
