package e2e

import (
	"context"
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

// accessible runs axe-core (WCAG 2.x A and AA rules, best practices) on
// the whole page with a result on screen and every details element open.
// Serious and critical violations fail; all are written to
// artifacts/axe-<layout>.json.
func accessible(t *testing.T, ctx context.Context, axe []byte, layout string) {
	var raw string
	err := chromedp.Run(ctx,
		// The default's answer is prerendered: nothing is simulated, so
		// wait for the answer, not for a run.
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
	if err := os.WriteFile(filepath.Join(artifacts, "axe-"+layout+".json"), []byte(raw), 0o644); err != nil {
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
}
