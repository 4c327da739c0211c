package e2e

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/shopspring/decimal"
)

// mapQuery is a small scenario whose paths are given (not the default), so
// the map's cells have the same paths as the main result (as `smacalc map`
// uses a query's paths), and whose wages and gains are values of the
// default axes (wages 0–800,000 by 100,000, gains 0–150,000 by 25,000).
// Its horizon and paths are small (5 years, 6 paths: every one of the 63
// squares is a simulation of its own, issue 29): what the tests check —
// the square at the current scenario is the main result's median to the
// cent, the squares' count, layout and keys — holds at any horizon and
// path count; the map's default paths per square (calc.MapPaths) are
// calc's tests' business.
const mapQuery = "wages=400000&stgains=50000&horizon=5&paths=6&stocks=60"

// mapDone waits until the break-even map is complete for the pair.
func mapDone(pair string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
		defer cancel()
		return chromedp.Run(ctx, chromedp.WaitReady(`#breakeven[data-state="done"][data-pair="`+pair+`"] #breakeven-table`, chromedp.ByQuery))
	})
}

// currentCell reads the table's cell at the current scenario: its median
// difference to the cent and the table's size.
func currentCell(diff *string, cells *int) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Evaluate(`document.querySelector("#breakeven-table td.current")?.dataset.diff || ""`, diff),
		chromedp.Evaluate(`document.querySelectorAll("#breakeven-table td[data-diff]").length`, cells),
	}
}

// The map on a desktop, then on a phone, in one tab: the phone loads the
// page again in the same browser context (asPhone: its storage emptied),
// which spares it a second context's cold start of the WASM (issue 29);
// the page and its map still start on the phone.
func TestBreakEvenMap(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	t.Run("desktop", func(t *testing.T) { breakEvenMapDesktop(t, ctx, srv) })
	t.Run("phone", func(t *testing.T) { breakEvenMapPhone(t, ctx, srv) })
}

// The map's square at the current scenario is the main result's median
// difference to the cent (the same scenario, the same paths); changing
// the map's inputs computes it again and the table follows.
func breakEvenMapDesktop(t *testing.T, ctx context.Context, srv *server) {
	var median, diff string
	var cells int
	if err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?"+mapQuery),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.AttributeValue("#hl-median", "data-value", &median, nil),
		waitVisible(`#breakeven[data-state="closed"] #breakeven-open`),
		chromedp.Click(`#breakeven-open`),
		mapDone("income"),
		currentCell(&diff, &cells),
	); err != nil {
		t.Fatal(err)
	}
	sameCents(t, "income map", diff, median)
	if cells != 9*7 {
		t.Errorf("the income map's table has %d squares, want 63", cells)
	}
	if err := chromedp.Run(ctx, chromedp.ScrollIntoView(`#breakeven`), waitStable(`document.querySelector("#breakeven").getBoundingClientRect().top`)); err != nil {
		t.Fatal(err)
	}
	elementScreenshot(t, ctx, "#breakeven", "breakeven-desktop.png")
	axeClean(t, ctx, "#breakeven")

	// Another pair: basis × wages, where the current scenario (basis 1,
	// wages 400,000) is a square again.
	var firstX, caption string
	if err := chromedp.Run(ctx,
		chromedp.SetValue(`#breakeven-pair`, "basis", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("#breakeven-pair").dispatchEvent(new Event("change", { bubbles: true }))`, nil),
		mapDone("basis"),
		currentCell(&diff, &cells),
		chromedp.Evaluate(`document.querySelector("#breakeven-table td[data-x]").dataset.x`, &firstX),
		chromedp.Evaluate(`document.querySelector("#breakeven-table caption").textContent`, &caption),
	); err != nil {
		t.Fatal(err)
	}
	sameCents(t, "basis map", diff, median)
	if cells != 9*7 || firstX != "0.2" {
		t.Errorf("the basis map's table: %d squares, first basis %q; want 63 from 0.2", cells, firstX)
	}
	if !strings.Contains(caption, "Cost basis") {
		t.Errorf("the table's caption does not name the new key: %q", caption)
	}

	// A square's figures on focus, in words.
	var detail string
	if err := chromedp.Run(ctx,
		chromedp.Focus(`#breakeven-chart rect[data-cell="0"]`),
		chromedp.Poll(`document.querySelector("#breakeven-cell").textContent.includes("of markets")`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Text(`#breakeven-cell`, &detail),
	); err != nil {
		t.Fatal(err)
	}
	t.Logf("first square: %s", detail)

	// The map is one tab stop; the arrow keys move between squares (up is
	// the next row up the map: the cell a row's length further).
	var focused []string
	var next string
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`[...document.querySelectorAll('#breakeven-chart [tabindex="0"]')].map((e) => e.getAttribute("data-cell"))`, &focused),
		chromedp.KeyEvent(kb.ArrowRight),
		chromedp.KeyEvent(kb.ArrowUp),
		chromedp.Evaluate(`document.activeElement.getAttribute("data-cell")`, &next),
	); err != nil {
		t.Fatal(err)
	}
	if len(focused) != 1 || next != "10" {
		t.Errorf("tab stops %v; right then up from square 0 reached %q, want 10 (9 columns)", focused, next)
	}

	// On paper (the printed report): the map on one page at most, without
	// its controls or table.
	var printed struct {
		Shown    bool
		Height   float64
		Controls int
	}
	if err := chromedp.Run(ctx,
		emulation.SetEmulatedMedia().WithMedia("print"),
		chromedp.Evaluate(`(() => {
			const s = document.querySelector("#breakeven");
			return { Shown: s.checkVisibility(), Height: s.getBoundingClientRect().height,
				Controls: [...s.querySelectorAll("button, select, details")].filter((e) => e.checkVisibility()).length };
		})()`, &printed),
		emulation.SetEmulatedMedia().WithMedia(""),
	); err != nil {
		t.Fatal(err)
	}
	// A Letter page less the report's margins is about 940 CSS pixels tall
	// at the width printed here (1280 px wide: the printout scales down).
	if !printed.Shown || printed.Height > 940 || printed.Controls != 0 {
		t.Errorf("printed map: shown %v, %.0f px tall, %d controls", printed.Shown, printed.Height, printed.Controls)
	}
}

// On a phone the map has fewer, larger squares, readable and tappable.
func breakEvenMapPhone(t *testing.T, ctx context.Context, srv *server) {
	var cells int
	var diff string
	var square struct{ Width, Height, Font float64 }
	if err := chromedp.Run(ctx,
		asPhone(srv.URL),
		chromedp.Navigate(srv.URL+"/?"+mapQuery),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Click(`#breakeven-open`),
		mapDone("income"),
		currentCell(&diff, &cells),
		chromedp.Evaluate(`(() => {
			const r = document.querySelector("#breakeven-chart rect[data-cell]").getBoundingClientRect();
			const label = document.querySelector("#breakeven-chart svg text").getBoundingClientRect();
			return { Width: r.width, Height: r.height, Font: label.height };
		})()`, &square),
		chromedp.ScrollIntoView(`#breakeven`),
		waitStable(`document.querySelector("#breakeven").getBoundingClientRect().top`),
	); err != nil {
		t.Fatal(err)
	}
	if cells != 5*4 {
		t.Errorf("the phone's map has %d squares, want 20", cells)
	}
	if diff == "" {
		t.Errorf("the phone's map does not mark the current scenario in its table")
	}
	// WCAG 2.5.8: targets of at least 24 × 24 CSS pixels; labels about 12 px.
	if square.Width < 24 || square.Height < 24 || square.Font < 11 {
		t.Errorf("a square is %.0f × %.0f px, its labels %.0f px tall", square.Width, square.Height, square.Font)
	}
	elementScreenshot(t, ctx, "#breakeven", "breakeven-phone.png")
	axeClean(t, ctx, "#breakeven")
	screenshot(t, ctx, "breakeven-phone-page.png")
}

// sameCents fails unless two amounts agree to the cent.
func sameCents(t *testing.T, what, got, want string) {
	t.Helper()
	g, err1 := decimal.NewFromString(got)
	w, err2 := decimal.NewFromString(want)
	if err1 != nil || err2 != nil || !g.Round(2).Equal(w.Round(2)) {
		t.Errorf("%s: the square at the current scenario is %q, the main result's median difference %q", what, got, want)
	}
}

// axeClean runs axe-core (WCAG 2.x A and AA, best practices) on the part
// of the page sel, its details open; serious and critical violations fail.
func axeClean(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	path := os.Getenv("SMACALC_AXE")
	if path == "" {
		t.Fatal("SMACALC_AXE is not set: run `make e2e`, which installs axe-core")
	}
	axe, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw string
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelectorAll(`+jsString(sel+" details")+`).forEach((d) => d.open = true)`, nil),
		chromedp.Evaluate(string(axe), nil),
		chromedp.Evaluate(`axe.run(`+jsString(sel)+`, {
			runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
			resultTypes: ["violations"],
		}).then((r) => JSON.stringify(r.violations))`, &raw, awaitPromise),
	); err != nil {
		t.Fatal(err)
	}
	var violations []axeViolation
	if err := json.Unmarshal([]byte(raw), &violations); err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, n.HTML)
		}
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("%s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(where, "\n  "))
		} else {
			t.Logf("axe, minor: %s (%s): %s", v.ID, v.Impact, v.Help)
		}
	}
}
