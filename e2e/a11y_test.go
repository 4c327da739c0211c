package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeViolation is the part of an axe-core violation a person needs to fix it.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// TestAccessibility runs axe-core (WCAG 2.x A and AA rules) on the
// calculator with a result on screen and the advanced section open, on a
// desktop and a phone. Serious and critical violations fail; all are written
// to artifacts/axe-*.json.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	axePath := os.Getenv("SMACALC_AXE")
	if axePath == "" {
		t.Fatal("SMACALC_AXE is not set: run `make e2e`, which installs axe-core")
	}
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatalf("axe-core: %v (run `make e2e`)", err)
	}
	// One tab for both layouts, one after the other: the phone loads the
	// page again in the desktop's browser context (asPhone: its storage
	// emptied as a new context's), which spares it a second context's cold
	// start of the WASM (issue 29).
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	for _, layout := range []struct {
		name  string
		setUp chromedp.Action
	}{{"desktop", chromedp.Tasks{}}, {"phone", asPhone(srv.URL)}} {
		t.Run(layout.name, func(t *testing.T) {
			var raw string
			err := chromedp.Run(ctx,
				layout.setUp,
				chromedp.Navigate(srv.URL+"/"),
				waitVisible(appReady),
				// The default's answer is prerendered: nothing is
				// simulated, so wait for the answer, not for a run.
				waitSimulated(),
				chromedp.Evaluate(`document.querySelectorAll("details").forEach((d) => d.open = true)`, nil),
				// DevTools evaluation is not subject to the page's CSP.
				chromedp.Evaluate(string(axe), nil),
				chromedp.Evaluate(`axe.run(document, {
					runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
					resultTypes: ["violations"],
				}).then((r) => JSON.stringify(r.violations))`, &raw, awaitPromise),
			)
			if err != nil {
				t.Fatal(err)
			}
			var violations []axeViolation
			if err := json.Unmarshal([]byte(raw), &violations); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(artifacts, "axe-"+layout.name+".json"), []byte(raw), 0o644); err != nil {
				t.Fatal(err)
			}
			var minor []string
			for _, v := range violations {
				if v.Impact == "serious" || v.Impact == "critical" {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, n.HTML)
					}
					t.Errorf("%s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(where, "\n  "))
				} else {
					minor = append(minor, v.ID+" ("+v.Impact+")")
				}
			}
			if len(minor) > 0 {
				t.Logf("minor or moderate: %s", strings.Join(minor, ", "))
			}
		})
	}
}
