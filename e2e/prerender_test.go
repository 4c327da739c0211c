package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"smacalc/app/fields"
	"smacalc/calc"
)

// prerenderProbe keeps what the prerendered page shows, read when the HTML
// has been parsed (DOMContentLoaded: the deferred app.js has run, the WASM
// is still loading), so a test can compare it with what the WASM shows
// once it has taken over.
const prerenderProbe = `document.addEventListener("DOMContentLoaded", () => {
  const text = (sel) => document.querySelector(sel)?.innerText ?? null;
  window.__prerendered = {
    ready: document.querySelector("#smacalc")?.dataset.ready,
    headline: text("#headline"),
    bar: text("#answer-bar"),
    charts: [...document.querySelectorAll("#charts .chart-wide")].map((e) => e.innerHTML),
  };
});`

// takenOver reads, once the WASM has mounted, what the prerendered probe
// read before it, what the page shows now and how many simulations the
// page started (the User Timing marks wasm/simclient sets).
const takenOver = `({
  before: window.__prerendered,
  after: {
    ready: document.querySelector("#smacalc").dataset.ready,
    headline: document.querySelector("#headline")?.innerText ?? null,
    bar: document.querySelector("#answer-bar")?.innerText ?? null,
    charts: [...document.querySelectorAll("#charts .chart-wide")].map((e) => e.innerHTML),
  },
  runs: performance.getEntriesByName("smacalc:run", "mark").length,
  // The page's own downloads of app.wasm, and the compile worker's
  // (static/compile-worker.js; a worker's are not in the page's Resource
  // Timing, static/app-module.js marks it).
  wasmFetches: performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/app.wasm")).length +
    performance.getEntriesByName("smacalc:wasm-fetched", "mark").length,
  provisional: document.querySelector("#headline").dataset.provisional,
})`

type pageAnswer struct {
	Ready    string
	Headline string
	Bar      string
	Charts   []string
}

type takeover struct {
	Before, After pageAnswer
	Runs          int
	WasmFetches   int
	Provisional   string
}

// nativeResult is the result calc gives natively for a share link's query.
func nativeResult(t *testing.T, query string) (*calc.Result, string) {
	t.Helper()
	start := fields.Start(query)
	r, err := calc.Simulate(context.Background(), start.Scenario, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &r, start.Query
}

// servedHTML is the page as the server sends it.
func servedHTML(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The median difference in the served HTML: the attributes are sorted
// (site/canonical.go), so data-value comes before id.
var servedMedian = regexp.MustCompile(`<dd data-value="([^"]*)" id="hl-median">`)
var servedHeadline = regexp.MustCompile(`<div [^>]*data-provisional="([^"]*)"[^>]*id="headline">`)

// checkServedAnswer checks that the HTML a server sends for url carries
// the complete (not provisional) answer of query, as calc gives it natively.
func checkServedAnswer(t *testing.T, url, query string) {
	t.Helper()
	want, canonical := nativeResult(t, query)
	html := servedHTML(t, url)
	m := servedMedian.FindStringSubmatch(html)
	if m == nil {
		t.Fatalf("the served page has no median difference (#hl-median): the answer is not prerendered")
	}
	if m[1] != want.Difference.P50.String() {
		t.Errorf("prerendered median difference %s, native %s", m[1], want.Difference.P50.String())
	}
	if h := servedHeadline.FindStringSubmatch(html); h == nil || h[1] != "false" {
		t.Errorf("the prerendered headline is not marked complete (data-provisional=%v)", h)
	}
	if !strings.Contains(html, `content="`+strings.ReplaceAll(canonical, "&", "&amp;")+`" name="smacalc-prerendered"`) {
		t.Errorf("the page does not name the prerendered scenario %q", canonical)
	}
}

// TestFirstPaintHasTheAnswer: the page the server sends carries the default
// scenario's complete answer, visible without any script (nothing covers
// it); once the WASM has taken over, every figure is the same and no
// simulation has run; a return to the default later is not simulated
// either.
func TestFirstPaintHasTheAnswer(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	checkServedAnswer(t, srv.URL+"/", "")

	for _, layout := range []struct {
		name          string
		width, height int
	}{{"desktop", 1280, 800}, {"phone", 390, 844}} {
		t.Run("no script "+layout.name, func(t *testing.T) {
			ctx := browser(t, layout.width, layout.height)
			var covered string
			err := chromedp.Run(ctx,
				emulation.SetScriptExecutionDisabled(true),
				chromedp.Navigate(srv.URL+"/"),
				waitVisible(`#hl-median`),
				// The element drawn at the headline's centre is the
				// headline's: go-app's loading screen does not cover it.
				chromedp.Evaluate(`(() => {
					const h = document.querySelector("#headline").getBoundingClientRect();
					const e = document.elementFromPoint(h.left + h.width / 2, Math.min(h.top + h.height / 2, innerHeight - 1));
					return e && e.closest("#headline") ? "" : (e ? e.outerHTML.slice(0, 120) : "nothing");
				})()`, &covered),
			)
			if err != nil {
				t.Fatal(err)
			}
			if covered != "" {
				t.Errorf("the prerendered headline is covered by %s", covered)
			}
			viewportShot(t, ctx, "prerender-noscript-"+layout.name+".png")
		})
	}

	ctx := browser(t, 1280, 800)
	got := openTakenOver(t, ctx, srv.URL+"/")
	if got.Before.Ready != "false" || got.Before.Headline == "" || got.Before.Headline == "null" {
		t.Fatalf("the page before the WASM: %+v", got.Before)
	}
	if got.After.Headline != got.Before.Headline {
		t.Errorf("the headline changed when the WASM took over:\nprerendered %q\nafter       %q", got.Before.Headline, got.After.Headline)
	}
	if got.After.Bar != got.Before.Bar {
		t.Errorf("the answer bar changed when the WASM took over: %q → %q", got.Before.Bar, got.After.Bar)
	}
	if b, a := strings.Join(got.Before.Charts, "|"), strings.Join(got.After.Charts, "|"); len(got.Before.Charts) == 0 || a != b {
		t.Errorf("the charts changed when the WASM took over (%d drawings prerendered): %s", len(got.Before.Charts), firstDifference(b, a))
	}
	if got.Runs != 0 {
		t.Errorf("the page simulated the prerendered scenario again (%d runs)", got.Runs)
	}
	// The compile worker's download (static/app-module.js) is the one
	// go-app's loader uses: one request, not two.
	if got.WasmFetches != 1 {
		t.Errorf("the page fetched app.wasm %d times", got.WasmFetches)
	}
	if got.Provisional != "false" {
		t.Errorf("the headline is provisional after the takeover")
	}
	viewportShot(t, ctx, "prerender-takeover-desktop.png")

	// Another amount, then back to the default: from the simulator's result
	// cache, which the prerendered result was put in (no worker runs, so
	// no provisional answer).
	var n int
	var back takeover
	err := chromedp.Run(ctx,
		runNumber(&n),
		chromedp.Evaluate(`window.__bench = window.__bench || {}`, nil), // changeInput notes the time there
		chromedp.Evaluate(changeInput("1250000"), nil),
		waitNewRun(&n),
		runNumber(&n),
		chromedp.Evaluate(`performance.clearMarks()`, nil),
		chromedp.Evaluate(changeInput("1000000"), nil),
		waitNewRun(&n),
		chromedp.Evaluate(takenOver, &back),
	)
	if err != nil {
		t.Fatal(err)
	}
	if back.After.Headline != got.Before.Headline {
		t.Errorf("back at the default, the headline is %q, prerendered %q", back.After.Headline, got.Before.Headline)
	}
	var partials int
	if err := chromedp.Run(ctx, chromedp.Evaluate(`performance.getEntriesByName("smacalc:first-partial", "mark").length`, &partials)); err != nil {
		t.Fatal(err)
	}
	if partials != 0 {
		t.Errorf("back at the default, the workers simulated it again")
	}
}

// TestShareLinkWaitsForItsOwnAnswer: a share link of another scenario gets
// the same page, but the prerendered answer (the default's) is hidden until
// the WASM shows the link's own; a link of the prerendered scenario itself
// shows it at once.
func TestShareLinkWaitsForItsOwnAnswer(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	// Hold app.wasm until the page before the WASM has been looked at.
	release := make(chan struct{})
	var once sync.Once
	open := func() { once.Do(func() { close(release) }) }
	t.Cleanup(open)
	srv.Override(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/app.wasm") {
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		srv.siteHandler().ServeHTTP(w, r)
	})
	link := "/?amount=500000&" + smallQuery
	_, canonical := nativeResult(t, "")
	ctx := browser(t, 390, 844)
	var hidden, status, rootClass string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+link),
		chromedp.WaitReady(`#calculator-status`),
		chromedp.Evaluate(`getComputedStyle(document.querySelector(".calculator-root")).visibility`, &hidden),
		chromedp.Evaluate(`document.documentElement.className`, &rootClass),
		chromedp.Text(`#calculator-status`, &status, chromedp.NodeVisible),
	)
	if err != nil {
		t.Fatal(err)
	}
	if hidden != "hidden" {
		t.Errorf("a share link of another scenario shows the prerendered answer before the WASM (visibility %q, root class %q)", hidden, rootClass)
	}
	if !strings.Contains(status, "Loading") {
		t.Errorf("the status line says %q before the WASM", status)
	}
	viewportShot(t, ctx, "prerender-link-before-wasm.png")

	open()
	var amount, median string
	err = chromedp.Run(ctx,
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Evaluate(`getComputedStyle(document.querySelector(".calculator-root")).visibility`, &hidden),
		chromedp.Value(`#in-amount`, &amount),
		chromedp.AttributeValue(`#hl-median`, "data-value", &median, nil),
	)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := nativeResult(t, link[2:])
	if hidden != "visible" || strings.ReplaceAll(amount, ",", "") != "500000" || median != want.Difference.P50.String() {
		t.Errorf("after the WASM: visibility %q, amount %q, median %s (want %s)", hidden, amount, median, want.Difference.P50.String())
	}
	viewportShot(t, ctx, "prerender-link-after-wasm.png")

	// The prerendered scenario's own canonical link: shown at once.
	ctx2 := browser(t, 390, 844)
	err = chromedp.Run(ctx2,
		chromedp.Navigate(srv.URL+"/?"+canonical),
		chromedp.WaitReady(`#calculator-status`),
		chromedp.Evaluate(`getComputedStyle(document.querySelector(".calculator-root")).visibility`, &hidden),
	)
	if err != nil {
		t.Fatal(err)
	}
	if hidden != "visible" {
		t.Errorf("the prerendered scenario's own link hides its answer")
	}
}

// TestBrandPrerendersItsStart: a brand's start scenario is the one computed
// into the page, and the WASM takes it over without simulating it.
func TestBrandPrerendersItsStart(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteBrand)
	checkServedAnswer(t, srv.URL+"/", testBrand.DefaultScenario)
	ctx := browser(t, 1280, 900)
	got := openTakenOver(t, ctx, srv.URL+"/")
	if got.Runs != 0 || got.After.Headline != got.Before.Headline {
		t.Errorf("the brand's start: %d runs; headline prerendered %q, after %q", got.Runs, got.Before.Headline, got.After.Headline)
	}
}

// firstDifference shows where two texts first differ.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("at %d of %d/%d: %q ≠ %q", i, len(a), len(b), a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}

// openTakenOver opens url with the prerender probe installed, waits until
// the WASM has taken the page over and its answer is settled, and reads
// what the probe saw before and after.
func openTakenOver(t *testing.T, ctx context.Context, url string) takeover {
	t.Helper()
	var got takeover
	err := chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(prerenderProbe).Do(ctx)
			return err
		}),
		chromedp.Navigate(url),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Evaluate(takenOver, &got),
	)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// linkAnswerProbe follows, frame by frame, the answer on screen during a
// cold visit through a share link of another scenario: the first headline
// shown before the UI is up (data-ready="false": the page's Go program
// drew it, main_wasm.go showLinkAnswer), whether the answer left the screen
// after that (a blink while the UI took over: during the takeover it is a
// copy without ids, static/app-module.js), and the UI's first headline
// with an answer (the copy must stay on screen until then: a link whose run
// ended before the UI took it over gets its answer a render later).
const linkAnswerProbe = `(() => {
  const p = window.__linkAnswer = { early: "", earlyNodes: "", earlyProvisional: "", earlyMedian: "", blink: false, ui: "", uiNodes: "", uiProvisional: "", done: false };
  // nodes writes an element's tree with its attributes sorted (go-app sets
  // them in map order), data-link-answer left out (the page's mark of the
  // answer drawn before the UI), and adjacent texts as one (the HTML
  // parser joins what go-app mounts as two text nodes): tree.
  const nodes = (n) => n.nodeType === Node.TEXT_NODE ? JSON.stringify(n.data) :
    n.nodeType !== Node.ELEMENT_NODE ? "" :
    "<" + n.localName + [...n.attributes].filter((a) => a.name !== "data-link-answer").map((a) => " " + a.name + "=" + JSON.stringify(a.value)).sort().join("") + ">" +
    [...n.childNodes].map(nodes).join("") + "</" + n.localName + ">";
  const tree = (e) => { const c = e.cloneNode(true); c.normalize(); return nodes(c); };
  const visible = (e) => !!e && e.offsetParent !== null && getComputedStyle(e).visibility === "visible";
  const frame = () => {
    const ready = document.querySelector("#smacalc")?.dataset.ready === "true";
    const copy = document.querySelector(".smacalc-handover .headline");
    const shown = visible(document.getElementById("hl-median")) ? document.getElementById("headline") : visible(copy) ? copy : null;
    if (ready) {
      // The UI's first headline with an answer; until then the answer
      // drawn before the UI must stay on screen (the copy).
      if (visible(document.getElementById("hl-median"))) {
        const ui = document.getElementById("headline");
        p.ui = ui.innerText; p.uiNodes = tree(ui); p.uiProvisional = ui.dataset.provisional;
        p.done = true;
        return;
      }
      if (!visible(copy)) p.blink = true;
      requestAnimationFrame(frame);
      return;
    }
    if (shown && !p.early) {
      p.early = shown.innerText;
      p.earlyNodes = tree(shown);
      p.earlyProvisional = shown.dataset.provisional;
      p.earlyMedian = document.getElementById("hl-median").dataset.value;
    } else if (!shown && p.early) {
      p.blink = true;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`

// TestShareLinkAnswerBeforeTheUI: a share link of another scenario shows
// its first answer before the UI is up (the page's Go program waits for
// the workers' first answer before mounting the UI, main_wasm.go), the
// answer does not leave the screen while the UI takes over, the UI's first
// frame shows the same headline, word for word and to the cent, and the
// complete answer is the native engine's. One link finishes in its first
// reply (2 paths: the first answer is the complete one), the other is
// provisional first (40 paths: 2 paths first).
func TestShareLinkAnswerBeforeTheUI(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	for _, c := range []struct {
		name, query, provisional string
	}{
		{"complete first", "amount=500000&paths=2&stocks=60", "false"},
		{"provisional first", "amount=500000&" + smallQuery, "true"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := browser(t, 1280, 900)
			var p struct {
				Early, EarlyNodes, EarlyProvisional, EarlyMedian string
				Blink                                            bool
				UI, UINodes, UIProvisional                       string
			}
			var median string
			err := chromedp.Run(ctx,
				chromedp.ActionFunc(func(ctx context.Context) error {
					_, err := page.AddScriptToEvaluateOnNewDocument(linkAnswerProbe).Do(ctx)
					return err
				}),
				chromedp.Navigate(srv.URL+"/?"+c.query),
				waitVisible(appReady),
				chromedp.Poll(`window.__linkAnswer.done`, nil),
				chromedp.Evaluate(`window.__linkAnswer`, &p),
				waitSimulated(),
				chromedp.AttributeValue(`#hl-median`, "data-value", &median, nil),
			)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := nativeResult(t, c.query)
			switch {
			case p.Early == "":
				t.Fatalf("no answer on screen before the UI was up")
			case p.EarlyProvisional != c.provisional:
				t.Errorf("the first answer before the UI has data-provisional %q, want %q", p.EarlyProvisional, c.provisional)
			}
			if p.Blink {
				t.Errorf("the answer left the screen while the UI took over")
			}
			// The UI's first frame shows the update the early answer was
			// drawn from (it takes the run over with it), unless the
			// workers' next one came in between: then only a provisional
			// answer may differ, by a later update (another progress
			// note, or the complete answer).
			later := c.provisional == "true" && (p.UIProvisional == "false" || firstLine(p.UI) != firstLine(p.Early))
			if p.UI != p.Early && !later {
				t.Errorf("the UI's first headline differs from the one drawn before it:\nbefore the UI: %q\nthe UI's:      %q", p.Early, p.UI)
			} else if p.UI == p.Early && p.UINodes != p.EarlyNodes {
				before, ui := whereTheyDiffer(p.EarlyNodes, p.UINodes)
				t.Errorf("the UI's first headline reads the same as the one drawn before it, but its nodes differ:\nbefore the UI: …%s…\nthe UI's:      …%s…", before, ui)
			}
			if c.provisional == "false" && p.EarlyMedian != want.Difference.P50.String() {
				t.Errorf("the answer before the UI has the median difference %s, native %s", p.EarlyMedian, want.Difference.P50)
			}
			if median != want.Difference.P50.String() {
				t.Errorf("the complete answer has the median difference %s, native %s", median, want.Difference.P50)
			}
		})
	}
}

// firstLine is a headline's first line: for a provisional answer, its
// progress note ("… of 40 simulated markets …").
func firstLine(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	return line
}

// whereTheyDiffer is a and b around their first difference.
func whereTheyDiffer(a, b string) (string, string) {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	around := func(s string) string { return s[max(0, i-120):min(len(s), i+120)] }
	return around(a), around(b)
}
