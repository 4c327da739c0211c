package e2e

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pdfPage matches a page object of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestPrintReport checks the printed report of a branded site: with print
// media emulated, the form and the buttons are gone and the inputs, the
// headline, the charts, the year table and both disclosures are there; the
// PDF chromium prints has a sensible number of pages.
func TestPrintReport(t *testing.T) {
	srv := startServer(t, siteBrand)
	ctx := browser(t, 1280, 900)
	var shown map[string]bool
	var pdf []byte
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?horizon=10&paths=200"),
		chromedp.WaitVisible(appReady),
		waitSimulated(),
		emulation.SetEmulatedMedia().WithMedia("print"),
		chromedp.Evaluate(`Object.fromEntries(["#inputs", "#saved", "#exports", "#cta", "#pin", "#report-inputs", "#headline",
			"#fig-difference .chart-wide", "#fig-harvest", "#fig-decomposition", "#ledger-sma", "#ledger-fund",
			"#brand-disclosure", ".site-footer"].map((s) => {
				const e = document.querySelector(s);
				return [s, !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden"];
			}))`, &shown),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			pdf, _, err = page.PrintToPDF().WithPaperWidth(8.5).WithPaperHeight(11).WithPreferCSSPageSize(false).Do(ctx)
			return err
		}),
	)
	if err != nil {
		t.Fatal(err)
	}
	for sel, want := range map[string]bool{
		"#inputs": false, "#saved": false, "#exports": false, "#cta": false, "#pin": false,
		"#report-inputs": true, "#headline": true, "#fig-difference .chart-wide": true, "#fig-harvest": true,
		"#fig-decomposition": true, "#ledger-sma": true, "#ledger-fund": true, "#brand-disclosure": true, ".site-footer": true,
	} {
		if shown[sel] != want {
			t.Errorf("print: %s shown %v, want %v", sel, shown[sel], want)
		}
	}
	if err := os.WriteFile(filepath.Join(artifacts, "report.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	pages := len(pdfPage.FindAll(pdf, -1))
	if !bytes.HasPrefix(pdf, []byte("%PDF")) || pages < 2 || pages > 6 {
		t.Errorf("PDF: %d bytes, %d pages; want 2 to 6 pages", len(pdf), pages)
	}
	t.Logf("report: %d pages, %d bytes", pages, len(pdf))
}
