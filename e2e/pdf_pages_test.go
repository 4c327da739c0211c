package e2e

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The printed report is read back page by page with pdf.js (Mozilla's PDF
// reader, pdfjs-dist from npm, pinned in the Makefile and kept outside the
// repo as axe-core is): its text per page for the checks, and each page
// drawn to a canvas for people to look at (TestPrintedPagesToLookAt).
// Nothing here reads PDF itself: the machine has no poppler or ghostscript.

// pdfjsDir is the pdfjs-dist package `make e2e` installs (SMACALC_PDFJS).
func pdfjsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SMACALC_PDFJS")
	if dir == "" {
		t.Fatal("SMACALC_PDFJS is not set: run `make e2e`, which installs pdfjs-dist")
	}
	if _, err := os.Stat(dir + "/build/pdf.mjs"); err != nil {
		t.Fatalf("pdfjs-dist: %v (run `make e2e`)", err)
	}
	return dir
}

// pdfReader is the page that loads pdf.js and reads a PDF: readPDF(url,
// scale) gives each page's text (its runs joined by spaces, in the order
// drawn) and, when scale > 0, the page drawn at that scale as a PNG.
const pdfReader = `<!doctype html><meta charset="utf-8"><title>PDF pages</title><body><script type="module">
import * as pdfjs from "/pdfjs/build/pdf.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "/pdfjs/build/pdf.worker.mjs";
window.readPDF = async (url, scale) => {
	const doc = await pdfjs.getDocument({url, standardFontDataUrl: "/pdfjs/standard_fonts/", cMapUrl: "/pdfjs/cmaps/", wasmUrl: "/pdfjs/wasm/"}).promise;
	const pages = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const p = await doc.getPage(n);
		const text = (await p.getTextContent()).items.filter((i) => "str" in i).map((i) => i.str).join(" ");
		let png = "";
		if (scale > 0) {
			const viewport = p.getViewport({scale});
			const canvas = document.createElement("canvas");
			canvas.width = Math.ceil(viewport.width);
			canvas.height = Math.ceil(viewport.height);
			await p.render({canvas, viewport, background: "#fff"}).promise;
			png = canvas.toDataURL("image/png").slice("data:image/png;base64,".length);
		}
		pages.push({text, png});
	}
	return pages;
};
document.body.dataset.ready = "true";
</script>`

// pdfPageRead is one page of a PDF as pdfReader reads it.
type pdfPageRead struct {
	Text string `json:"text"`
	PNG  string `json:"png"` // base64, empty unless drawn
}

// readPDFPages reads pdf with pdf.js in ctx's tab, which it navigates
// away from the calculator: each page's text and, when scale > 0, its
// picture.
func readPDFPages(t *testing.T, ctx context.Context, pdf []byte, scale float64) []pdfPageRead {
	t.Helper()
	dir := pdfjsDir(t)
	mux := http.NewServeMux()
	mux.Handle("/pdfjs/", http.StripPrefix("/pdfjs/", http.FileServer(http.Dir(dir))))
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(pdf)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(pdfReader))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	var pages []pdfPageRead
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitReady(`body[data-ready="true"]`),
		chromedp.Evaluate(`readPDF("/report.pdf", `+strconvFormat(scale, 2)+`)`, &pages, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}),
	)
	if err != nil {
		t.Fatalf("reading the PDF with pdf.js: %v", err)
	}
	return pages
}

// printLetter prints the page as the report is printed: Letter paper,
// the stylesheet's margins.
func printLetter(pdf *[]byte) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		*pdf, _, err = page.PrintToPDF().WithPaperWidth(8.5).WithPaperHeight(11).WithPreferCSSPageSize(false).Do(ctx)
		return err
	})
}

// pageFooter is what the page rule's margin boxes print on every page
// (static/smacalc.css, @page): a page with nothing else is empty.
var pageFooter = regexp.MustCompile(`Hypothetical illustration, not tax or investment advice\. Past and simulated results do not guarantee future results\.|Page \d+ of \d+`)

// squeeze drops every space, so text found in the PDF (runs joined
// anyhow) and the page's own text compare.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// printedParts reads, from the page with print media emulated, what must
// not be cut across pages: each chart's title and the start of its
// caption, and each captioned table's caption and first row (a table that
// fits a page prints on one, static/smacalc.css).
const printedParts = `[...document.querySelectorAll("figure.chart, table:has(caption)")].filter((e) => e.checkVisibility())
	.map((e) => e.matches("figure")
		? {id: e.id, first: e.querySelector("h3")?.textContent || "", second: (e.querySelector("figcaption")?.textContent || "").slice(0, 60)}
		: {id: e.id || e.className, first: e.querySelector("caption").textContent, second: e.querySelector("tbody tr")?.textContent || ""})`

// printedEmptyFrames lists, with print media emulated, the elements that
// print a border around or beside nothing: a section whose content is all
// hidden in print still draws its rule (the default report ended with a
// stray line under the assumptions: the advisor tools' border-top, whose
// print override came earlier in the stylesheet than the rule it meant to
// override). Table cells are left out: an empty cell in a ruled table is
// part of the table.
const printedEmptyFrames = `[...document.querySelectorAll("main *")].filter((e) => {
	if (!e.checkVisibility() || e.closest("table")) return false;
	const s = getComputedStyle(e), r = e.getBoundingClientRect();
	const ruled = ["Top", "Right", "Bottom", "Left"].some((side) =>
		parseFloat(s["border" + side + "Width"]) > 0 && s["border" + side + "Style"] !== "none" && s["border" + side + "Color"] !== "rgba(0, 0, 0, 0)");
	if (!ruled || r.width === 0 || r.height === 0) return false;
	return e.innerText.trim() === "" && ![...e.querySelectorAll("svg, img, canvas")].some((g) => g.checkVisibility());
}).map((e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + String(e.className).trim().split(/\s+/).join(".") : ""))`

// printedPart is one chart or table of printedParts: first and second
// are to print on one page.
type printedPart struct {
	ID     string `json:"id"`
	First  string `json:"first"`
	Second string `json:"second"`
}

// checkPrintedPages checks the PDF page by page: every page has more than
// its footer, and every chart's title and caption, and every table's
// caption and first row, are on one page.
func checkPrintedPages(t *testing.T, pages []pdfPageRead, parts []printedPart) {
	t.Helper()
	charts := 0
	for _, p := range parts {
		if strings.HasPrefix(p.ID, "fig-") {
			charts++
		}
	}
	if charts == 0 {
		t.Errorf("print: no chart found on the page (%d parts)", len(parts))
	}
	for i, p := range pages {
		if rest := strings.TrimSpace(pageFooter.ReplaceAllString(p.Text, "")); len(rest) < 40 {
			t.Errorf("PDF page %d of %d is empty but for %q", i+1, len(pages), rest)
		}
	}
	squeezed := make([]string, len(pages))
	for i, p := range pages {
		squeezed[i] = squeeze(p.Text)
	}
	for _, p := range parts {
		first, second := squeeze(p.First), squeeze(p.Second)
		page := 0
		for i, text := range squeezed {
			if first != "" && strings.Contains(text, first) {
				page = i + 1
				break
			}
		}
		if page == 0 || second == "" || !strings.Contains(squeezed[page-1], second) {
			t.Errorf("%s: %q (page %d, 0: not found) and %q are not on one page", p.ID, p.First, page, p.Second)
		}
	}
}

// TestPrintedPagesToLookAt prints the report of four scenarios (the
// default; a pin and a client's name; an exit plan and yearly gifts; the
// break-even map opened) and draws every page of each to a PNG
// (print-<scenario>-p<N>.png) for people to look at page by page; the
// pages are checked as TestPrintReport checks them. It takes a minute or
// more, so it runs only when asked: SMACALC_PRINT_PAGES=1.
func TestPrintedPagesToLookAt(t *testing.T) {
	if os.Getenv("SMACALC_PRINT_PAGES") != "1" {
		t.Skip("set SMACALC_PRINT_PAGES=1 to draw the printed report's pages")
	}
	t.Parallel()
	srv := startServer(t, siteV1)
	for _, tc := range []struct {
		name, query string
		before      chromedp.Action
	}{
		{"default", "", nil},
		{"pin-client", "?horizon=15&" + smallQuery, chromedp.Tasks{
			chromedp.Click("#pin"), waitVisible("#compare-table"),
			typeInto(`#report-client-input`, "Jordan & Lee Rivera\n"),
			chromedp.SetValue("#in-fund", "mf"),
			chromedp.Evaluate(`document.querySelector("#in-fund").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
			waitVisible("#compare-inputs"), waitSimulated(),
		}},
		{"exit-gifts", "?exit=5&exitplan=etf351&give=20000&itemized=40000&horizon=10&" + smallQuery, nil},
		{"breakeven", "?" + mapQuery, chromedp.Tasks{
			waitVisible(`#breakeven[data-state="closed"] #breakeven-open`),
			chromedp.Click(`#breakeven-open`),
			mapDone("income"),
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := browser(t, 1280, 900)
			var parts []printedPart
			var emptyFrames []string
			var pdf []byte
			actions := chromedp.Tasks{
				chromedp.Navigate(srv.URL + "/" + tc.query),
				waitVisible(appReady),
				waitSimulated(),
			}
			if tc.before != nil {
				actions = append(actions, tc.before)
			}
			actions = append(actions,
				emulation.SetEmulatedMedia().WithMedia("print"),
				chromedp.Evaluate(printedParts, &parts),
				chromedp.Evaluate(printedEmptyFrames, &emptyFrames),
				printLetter(&pdf),
			)
			if err := chromedp.Run(ctx, actions); err != nil {
				t.Fatal(err)
			}
			if len(emptyFrames) > 0 {
				t.Errorf("print: borders around nothing: %q", emptyFrames)
			}
			writeArtifact(t, "print-"+tc.name+".pdf", pdf)
			pages := readPDFPages(t, ctx, pdf, 1.5)
			for i, p := range pages {
				png, err := base64.StdEncoding.DecodeString(p.PNG)
				if err != nil {
					t.Fatal(err)
				}
				writeArtifact(t, "print-"+tc.name+"-p"+strconvFormat(float64(i+1), 0)+".png", png)
				t.Logf("page %d: %.300s", i+1, p.Text)
			}
			checkPrintedPages(t, pages, parts)
		})
	}
}
