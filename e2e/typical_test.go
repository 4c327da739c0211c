package e2e

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// heirsQuery leaves $250,000 to heirs after 20 years (issue 24's example,
// smaller so a browser simulates it quickly); with $10,000 of outside
// short-term gains a year the harvested losses stop paying for the SMA
// before the horizon in its typical market.
const heirsQuery = "amount=250000&horizon=20&end=stepup&stocks=100&paths=120&seed=3&stgains=10000"

// TestTypicalMarketOnPage checks issues 24 (items 1–2) and 27 (item 2) on
// the page, on a desktop and a phone, against calc.Simulate of the same
// query: the wealth shown is the typical market's, which the page names,
// and the year table ends at it; with the heirs' step-up the headline
// shows the tax it clears and the wealth if sold (keep and heirs differ by
// exactly it), and the difference chart draws the step-up as a marked
// last step, not a cliff; the year the losses run out is one sentence
// under the headline and a dashed marker on the chart; axe finds nothing
// serious.
func TestTypicalMarketOnPage(t *testing.T) {
	t.Parallel()
	s, err := scenario.Decode(heirsQuery)
	if err != nil {
		t.Fatal(err)
	}
	want, err := calc.Simulate(context.Background(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := want.MedianMarket
	if want.LossesRunOutYear == nil || *want.LossesRunOutYear == 0 {
		t.Fatalf("the scenario's losses run out in year %v: pick one where they run out before the horizon", want.LossesRunOutYear)
	}
	// One tab for both layouts, one after the other: the phone loads the
	// page again in the desktop's browser context (asPhone: its storage
	// emptied, so it computes its own result), which spares it a second
	// context's cold start of the WASM (issue 29).
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	for _, layout := range []struct {
		name  string
		setUp chromedp.Action
	}{{"desktop", chromedp.Tasks{}}, {"phone", asPhone(srv.URL)}} {
		t.Run(layout.name, func(t *testing.T) {
			var sma, fund, detail, runOut, lastSMA, lastFund, taxSMA, taxFund, soldSMA, chartDesc string
			var steps, markers, overflow int
			err := chromedp.Run(ctx,
				layout.setUp,
				chromedp.Navigate(srv.URL+"/?"+heirsQuery),
				waitVisible(appReady),
				waitSimulated(),
				waitVisible(`#ledger-sma`),
				chromedp.Text(`#hl-sma`, &sma),
				chromedp.Text(`#hl-fund`, &fund),
				chromedp.Text(`#headline-detail`, &detail),
				chromedp.Text(`#headline-runout`, &runOut),
				chromedp.Evaluate(`document.querySelector("#ledger-sma tbody tr:last-child td:last-child").textContent`, &lastSMA),
				chromedp.Evaluate(`document.querySelector("#ledger-fund tbody tr:last-child td:last-child").textContent`, &lastFund),
				chromedp.AttributeValue(`#if-sold-sma-tax`, "data-value", &taxSMA, nil),
				chromedp.AttributeValue(`#if-sold-fund-tax`, "data-value", &taxFund, nil),
				chromedp.AttributeValue(`#if-sold-sma-sold`, "data-value", &soldSMA, nil),
				chromedp.Evaluate(`document.querySelectorAll("#fig-difference svg .chart-step").length`, &steps),
				chromedp.Evaluate(`document.querySelectorAll("#fig-difference svg .chart-marker").length`, &markers),
				chromedp.Evaluate(`document.querySelector("#fig-difference svg desc").textContent`, &chartDesc),
				chromedp.Evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &overflow),
			)
			if err != nil {
				t.Fatal(err)
			}
			if sma != dollars(m.SMA.Decimal) || fund != dollars(m.Fund.Decimal) {
				t.Errorf("wealth shown %s and %s, the engine's typical market %s and %s", sma, fund, m.SMA, m.Fund)
			}
			if m.SMAPercentile < 40 || m.SMAPercentile > 60 || m.FundPercentile < 40 || m.FundPercentile > 60 {
				t.Errorf("the typical market's wealth is at the %vth and %vth percentiles", m.SMAPercentile, m.FundPercentile)
			}
			if which := "market " + strconv.Itoa(m.Path+1) + " of " + strconv.Itoa(want.Paths); !strings.Contains(detail, which) || !strings.Contains(detail, "typical market") {
				t.Errorf("the detail %q does not say which market (%s)", detail, which)
			}
			if cents(lastSMA) != m.SMA.String() || cents(lastFund) != m.Fund.String() {
				t.Errorf("the year table ends at %s and %s, the headline shows %s and %s", lastSMA, lastFund, m.SMA, m.Fund)
			}
			// Keep and heirs differ by exactly the step-up: the tax a sale
			// would owe, wealth minus wealth if sold.
			if taxSMA != m.SMATaxIfSold.String() || taxFund != m.FundTaxIfSold.String() || soldSMA != m.SMAIfSold.String() {
				t.Errorf("tax if sold %s and %s, SMA if sold %s; engine %s, %s, %s", taxSMA, taxFund, soldSMA, m.SMATaxIfSold, m.FundTaxIfSold, m.SMAIfSold)
			}
			if !m.SMATaxIfSold.IsPositive() {
				t.Errorf("no tax for the step-up to clear (%s)", m.SMATaxIfSold)
			}
			y := strconv.Itoa(*want.LossesRunOutYear)
			if !strings.Contains(runOut, "until about year "+y) || !strings.Contains(runOut, "a year more") {
				t.Errorf("run-out sentence %q, want year %s", runOut, y)
			}
			if steps != 1 || markers != 1 || !strings.Contains(chartDesc, "Heirs' step-up") || !strings.Contains(chartDesc, "Losses run out, year "+y) {
				t.Errorf("difference chart: %d steps, %d markers, description %q", steps, markers, chartDesc)
			}
			if overflow > 0 {
				t.Errorf("the page is %d px wider than the screen", overflow)
			}
			screenshot(t, ctx, "typical-heirs-"+layout.name+".png")
			// The printed report carries the run-out sentence (one line
			// under the headline) and the tax-if-sold table.
			var printed []bool
			if err := chromedp.Run(ctx,
				emulation.SetEmulatedMedia().WithMedia("print"),
				chromedp.Evaluate(`["#headline-runout", "#if-sold"].map((s) => document.querySelector(s).checkVisibility())`, &printed),
				emulation.SetEmulatedMedia().WithMedia(""),
			); err != nil {
				t.Fatal(err)
			}
			if len(printed) != 2 || !printed[0] || !printed[1] {
				t.Errorf("printed: run-out sentence and tax-if-sold table visible %v", printed)
			}
			if os.Getenv("SMACALC_AXE") == "" {
				t.Fatal("SMACALC_AXE is not set: run `make e2e`, which installs axe-core")
			}
			axeSerious(t, ctx)
		})
	}
}

// keepShowsTaxIfSold checks that keep (end=hold) shows, next to the
// wealth, the tax a sale would owe and the wealth after it, and that a
// sale at the end (liquidate) shows neither that table nor a step on the
// chart, and no run-out sentence when the losses do not run out.
//
// Both scenarios' links are opened in the desktop's page TestStateChoices
// leaves (openInApp), what is checked being what each result shows, not
// the load. Until issue 29 it was TestKeepShowsTaxIfSold, which loaded the
// first in a browser context of its own. (TestStateChoices, not the
// heavier TestTypicalMarketOnPage this belongs with: a busy machine took
// that one close to the 6-minute testTimeout.)
func keepShowsTaxIfSold(t *testing.T, ctx context.Context) {
	for _, tc := range []struct {
		query   string
		ifSold  bool
		wantCol string
	}{
		{"horizon=6&end=hold&stocks=60&paths=60", true, "Kept, not sold"},
		{"horizon=6&stocks=60&paths=60", false, ""},
	} {
		s, err := scenario.Decode(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		want, err := calc.Simulate(context.Background(), s, nil)
		if err != nil {
			t.Fatal(err)
		}
		var tables, steps, runOuts int
		var head string
		err = chromedp.Run(ctx,
			// The page's own scenario first, so the link's run is the next.
			waitSimulated(),
			openInApp("/?"+tc.query),
			chromedp.Evaluate(`document.querySelectorAll("#if-sold").length`, &tables),
			chromedp.Evaluate(`document.querySelectorAll("#fig-difference svg .chart-step").length`, &steps),
			chromedp.Evaluate(`document.querySelectorAll("#headline-runout").length`, &runOuts),
			chromedp.Evaluate(`(document.querySelector("#if-sold thead") || {}).textContent || ""`, &head),
		)
		if err != nil {
			t.Fatal(err)
		}
		if (tables == 1) != tc.ifSold || (steps == 1) != tc.ifSold || !strings.Contains(head, tc.wantCol) {
			t.Errorf("%s: %d tax-if-sold tables (head %q), %d steps on the chart", tc.query, tables, head, steps)
		}
		if hasRunOut := want.LossesRunOutYear != nil; (runOuts == 1) != hasRunOut {
			t.Errorf("%s: %d run-out sentences, the engine's year %v", tc.query, runOuts, want.LossesRunOutYear)
		}
	}
}
