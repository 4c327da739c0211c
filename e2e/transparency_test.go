package e2e

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// transparencyQuery is small enough to simulate and inspect quickly, with
// outside short-term gains so that losses are harvested.
const transparencyQuery = "amount=1000000&horizon=4&stgains=50000&stocks=120&paths=60&seed=11"

// poll waits until a JavaScript expression is true.
func poll(expr string) chromedp.Action {
	return chromedp.Poll(expr, nil, chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(50*time.Millisecond))
}

// inspected waits until the transparency section shows year y with the
// lots of stock (−1: none).
func inspected(y, stock int) chromedp.Action {
	return poll(`(() => { const s = document.querySelector("#tp-status"); return !!s && s.dataset.loading === "false" && s.dataset.year === "` +
		strconv.Itoa(y) + `" && s.dataset.stock === "` + strconv.Itoa(stock) + `" && !!document.querySelector("#holdings-table"); })()`)
}

// chooseYear picks a year in the transparency section as a person would.
func chooseYear(y int) chromedp.Action {
	return chromedp.Tasks{
		chromedp.SetValue(`#tp-year`, strconv.Itoa(y), chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("#tp-year").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		inspected(y, -1),
	}
}

// showAll clicks a table's "Show all" button when it has one, and waits
// until every row is shown (the button is gone).
func showAll(id string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Evaluate(`(() => { const b = document.querySelector("#`+id+`-all"); if (b) b.click(); return true; })()`, nil),
		poll(`!document.querySelector("#` + id + `-all")`),
	}
}

// sumData adds up a data attribute over the elements a selector matches,
// as exact decimals.
func sumData(ctx context.Context, sel, attr string) (decimal.Decimal, int, error) {
	var vals []string
	err := chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll(`+jsString(sel)+`)].map((e) => e.getAttribute(`+jsString(attr)+`))`, &vals))
	sum := decimal.Zero
	for _, v := range vals {
		d, derr := decimal.NewFromString(v)
		if derr != nil {
			return sum, 0, derr
		}
		sum = sum.Add(d)
	}
	return sum, len(vals), err
}

// TestTransparency opens the transparency section on a desktop, then on a
// phone, in one tab: the phone loads its page in the desktop's browser
// context (asPhone: its storage emptied), which spares it a second
// context's cold start of the WASM (issue 29); its page still starts on
// the phone.
func TestTransparency(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	t.Run("holdings-lots-harvests", func(t *testing.T) { transparencyHoldingsLotsHarvests(t, ctx, srv) })
	t.Run("exclusions-and-minimum", func(t *testing.T) { transparencyExclusionsAndMinimum(t, ctx, srv) })
}

// transparencyHoldingsLotsHarvests checks the holdings, a stock's lots
// and the harvest log against the engine's ledger of the same path.
func transparencyHoldingsLotsHarvests(t *testing.T, ctx context.Context, srv *server) {
	s, err := scenario.Decode(transparencyQuery)
	if err != nil {
		t.Fatal(err)
	}
	res, err := calc.Simulate(context.Background(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	ins, err := calc.Inspect(s, res.Ledger.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?"+transparencyQuery),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Click(`#tp-open`, chromedp.ByQuery), // the section loads on request
		inspected(s.Horizon, -1),
	); err != nil {
		t.Fatal(err)
	}
	// The holdings at the end of each of two years, with the cash waiting
	// for the next month's trading window, add up to the ledger's SMA
	// value (End + the year's tax, before it is paid).
	for _, y := range []int{s.Horizon, 2} {
		if y != s.Horizon {
			if err := chromedp.Run(ctx, chooseYear(y)); err != nil {
				t.Fatal(err)
			}
		}
		var shownRows int
		if err := chromedp.Run(ctx,
			chromedp.Evaluate(`document.querySelectorAll("#holdings-table tbody tr").length`, &shownRows),
			showAll("holdings"),
			poll(`document.querySelectorAll("#holdings-table tbody tr").length === `+strconv.Itoa(len(ins.Years[y].Holdings))),
		); err != nil {
			t.Fatalf("year %d: %v", y, err)
		}
		if n := len(ins.Years[y].Holdings); shownRows != min(n, 50) {
			t.Errorf("year %d: %d rows shown before \"show all\", want %d of %d", y, shownRows, min(n, 50), n)
		}
		sum, n, err := sumData(ctx, "#holdings-table tbody td[data-value], #holdings-cash[data-value]", "data-value")
		if err != nil {
			t.Fatal(err)
		}
		row := res.Ledger.SMA[y-1]
		want := row.End.Add(row.Taxes.Decimal)
		if diff := sum.Sub(want).Abs(); diff.GreaterThan(decimal.NewFromFloat(0.005*float64(n) + 0.01)) {
			t.Errorf("year %d: %d holdings add up to %s, ledger %s (off by %s)", y, n, sum, want, diff)
		} else {
			t.Logf("year %d: %d holdings add up to %s, ledger %s", y, n, sum, want)
		}
	}

	// The harvest log of year 1, one row per lot, lists the engine's sales
	// (grouped by stock and month by default).
	if err := chromedp.Run(ctx, chooseYear(1), chromedp.Click(`#harvests-each-lot`), showAll("harvests")); err != nil {
		t.Fatal(err)
	}
	y1 := ins.Years[1]
	if len(y1.Harvests) == 0 {
		t.Fatal("the scenario harvests nothing in year 1: pick another")
	}
	if err := chromedp.Run(ctx, poll(`document.querySelectorAll("#harvests-table tbody tr").length === `+strconv.Itoa(len(y1.Harvests)))); err != nil {
		t.Fatalf("harvest log rows: %v", err)
	}
	losses, _, err := sumData(ctx, "#harvests-table tbody tr", "data-loss")
	if err != nil {
		t.Fatal(err)
	}
	if want := y1.HarvestedST.Add(y1.HarvestedLT.Decimal); losses.Sub(want).Abs().GreaterThan(decimal.NewFromFloat(0.005*float64(len(y1.Harvests)) + 0.01)) {
		t.Errorf("harvest log losses %s, engine %s", losses, want)
	}
	var count string
	if err := chromedp.Run(ctx,
		chromedp.Text(`#harvests-count`, &count),
		typeInto(`#harvests-search`, "energy"),
		poll(`[...document.querySelectorAll("#harvests-table tbody tr td:nth-child(3)")].every((td) => td.textContent === "Energy")`),
	); err != nil {
		t.Fatalf("harvest search: %v", err)
	}
	t.Logf("harvest log: %s", count)

	// Choosing a stock shows its lots; their shares add up to the holding's.
	var stock int
	var holdingShares string
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`Number(document.querySelector("#holdings-table tbody tr:not([data-stock='-1']) .link-button").value)`, &stock),
	); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx,
		chromedp.AttributeValue(`#holdings-table tbody tr[data-stock="`+strconv.Itoa(stock)+`"]`, "data-shares", &holdingShares, nil),
		chromedp.Click(`#holdings-table tbody tr[data-stock="`+strconv.Itoa(stock)+`"] .link-button`, chromedp.ByQuery),
		inspected(1, stock),
		waitVisible(`#lots-table`),
		showAll("lots"),
	); err != nil {
		t.Fatalf("lots of stock %d: %v", stock, err)
	}
	var lotShares []float64
	if err := chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("#lots-table tbody tr")].map((r) => Number(r.dataset.shares))`, &lotShares)); err != nil {
		t.Fatal(err)
	}
	hs, _ := strconv.ParseFloat(holdingShares, 64)
	var sum float64
	for _, v := range lotShares {
		sum += v
	}
	if len(lotShares) == 0 || math.Abs(sum-hs) > 1e-9*math.Max(1, hs) {
		t.Errorf("stock %d: %d lots hold %v shares, the holding %v", stock, len(lotShares), sum, hs)
	}
	t.Logf("stock %d: %d lots, %v shares", stock, len(lotShares), hs)
	axeSerious(t, ctx)
	t.Logf("screenshots: %s %s %s", viewShot(t, ctx, "#transparency", "transparency-desktop.png"),
		viewShot(t, ctx, "#lots", "transparency-lots-desktop.png"), viewShot(t, ctx, "#harvests", "transparency-harvests-desktop.png"))
}

// transparencyExclusionsAndMinimum checks energy through the sector
// checkbox on a phone: tracking error beside the benefit with the
// comparison against every sector, no energy holding, the minimum notice
// for $50,000 and the table by number of stocks.
func transparencyExclusionsAndMinimum(t *testing.T, ctx context.Context, srv *server) {
	const q = "amount=50000&horizon=4&stgains=20000&stocks=100&paths=60&seed=5"
	var run int
	var notice string
	if err := chromedp.Run(ctx,
		asPhone(srv.URL),
		chromedp.Navigate(srv.URL+"/?"+q),
		waitVisible(appReady),
		waitSimulated(),
		waitVisible(`#minimum-notice`),
		chromedp.Text(`#minimum-notice`, &notice),
		runNumber(&run),
		chromedp.Evaluate(`document.querySelector("#advanced").open = true`, nil),
		chromedp.Click(`#in-exclude-energy`, chromedp.ByQuery),
		waitNewRun(&run),
		poll(`(() => { const n = document.querySelector("#tracking-note"); return !!n && n.dataset.compared === "true"; })()`),
	); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(notice, "$50,000") || !strings.Contains(notice, "below") {
		t.Errorf("minimum notice = %q", notice)
	}
	var note, te, location string
	if err := chromedp.Run(ctx,
		chromedp.Text(`#tracking-note`, &note),
		chromedp.AttributeValue(`#tracking-note`, "data-tracking-error", &te, nil),
		chromedp.Location(&location),
	); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(location, "exclude=energy") {
		t.Errorf("URL %s lacks the exclusion", location)
	}
	if v, _ := strconv.ParseFloat(te, 64); !(v > 0) {
		t.Errorf("tracking error %q, want > 0", te)
	}
	if !strings.Contains(note, "Excluding energy: tracking error") || !strings.Contains(note, "Against holding every sector: median tax alpha") {
		t.Errorf("tracking note = %q", note)
	}
	t.Logf("tracking note: %s", note)

	var sectors []string
	if err := chromedp.Run(ctx,
		chromedp.Click(`#tp-open`, chromedp.ByQuery),
		inspected(4, -1),
		showAll("holdings"),
		chromedp.Evaluate(`[...document.querySelectorAll("#holdings-table tbody tr td:nth-child(2)")].map((td) => td.textContent)`, &sectors),
	); err != nil {
		t.Fatal(err)
	}
	if len(sectors) == 0 {
		t.Error("no holdings shown")
	}
	for _, sc := range sectors {
		if sc == "Energy" {
			t.Errorf("an energy holding is shown with energy excluded")
			break
		}
	}

	// The table by number of stocks runs only once opened.
	var rows int
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelectorAll("#fit-table tbody tr").length`, &rows),
	); err != nil {
		t.Fatal(err)
	}
	if rows != 0 {
		t.Errorf("the stock-count table ran before it was opened (%d rows)", rows)
	}
	var alphas []float64
	if err := chromedp.Run(ctx,
		chromedp.Click(`#fit summary`, chromedp.ByQuery),
		poll(`document.querySelectorAll("#fit-table tbody tr").length === 3 && document.querySelectorAll("#fit-table tbody tr[data-done='true']").length === 3`),
		chromedp.Evaluate(`[...document.querySelectorAll("#fit-table td[data-bps]")].map((td) => Number(td.dataset.bps))`, &alphas),
	); err != nil {
		var html string
		_ = chromedp.Run(ctx, chromedp.OuterHTML(`#fit`, &html, chromedp.ByQuery))
		t.Fatalf("stock-count table: %v\n%s", err, html)
	}
	t.Logf("median tax alpha by 25, 50, 100 stocks: %v bp", alphas)
	axeSerious(t, ctx)
	t.Logf("screenshots: %s %s %s", viewShot(t, ctx, "#headline", "transparency-note-phone.png"),
		viewShot(t, ctx, "#fit", "transparency-fit-phone.png"), viewShot(t, ctx, "#transparency", "transparency-phone.png"))
}

// viewShot scrolls an element to the top of the window and saves what the
// window shows (a full-page screenshot of these pages is too tall to look at).
func viewShot(t *testing.T, ctx context.Context, sel, name string) string {
	t.Helper()
	var png []byte
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelector(`+jsString(sel)+`).scrollIntoView({block: "start"})`, nil),
		waitStable(`[window.scrollY, document.querySelector(`+jsString(sel)+`).getBoundingClientRect().height]`),
		pagePNG(false, &png),
	); err != nil {
		t.Fatalf("screenshot of %s: %v", sel, err)
	}
	path := filepath.Join(artifacts, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// axeSerious runs axe-core on the page as it is (with the transparency
// tables shown, which the accessibility test may not wait for) and fails
// on serious or critical violations. Skipped without SMACALC_AXE.
func axeSerious(t *testing.T, ctx context.Context) {
	t.Helper()
	path := os.Getenv("SMACALC_AXE")
	if path == "" {
		t.Log("SMACALC_AXE not set: axe skipped")
		return
	}
	axe, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw string
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(string(axe), nil),
		chromedp.Evaluate(`axe.run(document, {
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
		if v.Impact == "serious" || v.Impact == "critical" {
			var where []string
			for _, n := range v.Nodes {
				where = append(where, n.HTML)
			}
			t.Errorf("axe %s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(where, "\n  "))
		} else {
			t.Logf("axe, minor: %s (%s)", v.ID, v.Impact)
		}
	}
}
