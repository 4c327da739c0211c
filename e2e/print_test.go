package e2e

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// pdfPage matches a page object of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// printedControls counts the buttons, inputs, selects and text areas that
// would be on paper (print media must be emulated).
const printedControls = `[...document.querySelectorAll("button, input, select, textarea, progress")].filter((e) => e.checkVisibility()).map((e) => e.id || e.outerHTML.slice(0, 60))`

// printSetup is the page rule of the printed report: its margin boxes
// carry the page number and the disclosure on every page.
const printSetup = `[...document.styleSheets].flatMap((s) => { try { return [...s.cssRules]; } catch (e) { return []; } })
	.filter((r) => r instanceof CSSMediaRule && r.conditionText === "print").flatMap((r) => [...r.cssRules])
	.filter((r) => r instanceof CSSPageRule).map((r) => r.cssText).join("\n")`

// TestPrintReport checks the printed report of the default scenario, plain
// and branded: with print media emulated, the form and every button and
// input are gone; the cover (client, date, preparer), the inputs, the
// headline, the charts, the year table and the disclosures are there; the
// page rule numbers the pages and repeats the disclosure; the PDF chromium
// prints on Letter paper has at most four pages, and read back with pdf.js
// none is empty and no chart or table is cut from its title or caption
// (the giving room, a prompt to the form without gifts, is not printed).
func TestPrintReport(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		brand bool
	}{{"default", false}, {"brand", true}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			st := siteV1
			if tc.brand {
				st = siteBrand
			}
			srv := startServer(t, st)
			ctx := browser(t, 1280, 900)
			var exceptions exceptionLog
			exceptions.listen(ctx)
			var shown map[string]bool
			var controls []string
			var client, preparer, pageRule string
			var pdf []byte
			var parts []printedPart
			var emptyFrames []string
			err := chromedp.Run(ctx,
				chromedp.Navigate(srv.URL+"/"),
				waitVisible(appReady),
				waitSimulated(),
				waitVisible(`#ledger-sma`),
				typeInto(`#report-client-input`, "Jordan & Lee Rivera\n"),
				emulation.SetEmulatedMedia().WithMedia("print"),
				chromedp.Evaluate(`Object.fromEntries(["#inputs", "#saved", "#exports", "#cta", "#pin", "#share", "#answer-bar", "#present-start",
					"#report-cover", "#report-inputs", "#headline", "#fig-difference .chart-wide", "#fig-harvest", "#fig-decomposition",
					"#ledger-sma", "#ledger-fund", "#brand-disclosure", "#assumptions", "#transparency", "#giving"].map((s) => {
						const e = document.querySelector(s);
						return [s, !!e && e.checkVisibility() && e.getBoundingClientRect().height > 0];
					}))`, &shown),
				chromedp.Evaluate(printedControls, &controls),
				chromedp.Text(`#report-client`, &client),
				chromedp.Text(`#report-preparer`, &preparer),
				chromedp.Evaluate(printSetup, &pageRule),
				chromedp.Evaluate(printedParts, &parts),
				chromedp.Evaluate(printedEmptyFrames, &emptyFrames),
				printLetter(&pdf),
			)
			if err != nil {
				t.Fatal(err)
			}
			if len(emptyFrames) > 0 {
				t.Errorf("print: borders around nothing: %q", emptyFrames)
			}
			want := map[string]bool{
				"#inputs": false, "#saved": false, "#exports": false, "#cta": false, "#pin": false, "#share": false,
				"#answer-bar": false, "#present-start": false, "#transparency": false, "#giving": false,
				"#report-cover": true, "#report-inputs": true, "#headline": true, "#fig-difference .chart-wide": true, "#fig-harvest": true,
				"#fig-decomposition": true, "#ledger-sma": true, "#ledger-fund": true, "#assumptions": true,
				"#brand-disclosure": tc.brand,
			}
			for sel, w := range want {
				if shown[sel] != w {
					t.Errorf("print: %s shown %v, want %v", sel, shown[sel], w)
				}
			}
			if len(controls) > 0 {
				t.Errorf("print: controls on paper: %q", controls)
			}
			if client != "Jordan & Lee Rivera" {
				t.Errorf("cover client %q", client)
			}
			if tc.brand && preparer != testBrand.Firm {
				t.Errorf("cover preparer %q, want the firm", preparer)
			}
			for _, part := range []string{"counter(page)", "counter(pages)", "not tax or investment advice"} {
				if !strings.Contains(pageRule, part) {
					t.Errorf("page rule lacks %q:\n%s", part, pageRule)
				}
			}
			writeArtifact(t, "report-"+tc.name+".pdf", pdf)
			pages := len(pdfPage.FindAll(pdf, -1))
			if !bytes.HasPrefix(pdf, []byte("%PDF")) || pages < 2 || pages > 4 {
				t.Errorf("PDF: %d bytes, %d pages; want 2 to 4 Letter pages", len(pdf), pages)
			}
			t.Logf("report: %d pages, %d bytes", pages, len(pdf))
			// What the paper shows, as one long page (for people to look at).
			var png []byte
			if err := chromedp.Run(ctx, chromedp.EmulateViewport(816, 1056), pagePNG(true, &png)); err == nil {
				writeArtifact(t, "report-"+tc.name+".png", png)
			}
			exceptions.check(t)
			// The PDF read back page by page (the tab leaves the
			// calculator for pdf.js's page): no page is empty, no chart
			// or table is cut from its title or caption.
			checkPrintedPages(t, readPDFPages(t, ctx, pdf, 0), parts)
		})
	}
}
