package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// TestBrowserMatchesNative opens share links for scenarios that exercise
// different parts of the engine and checks that the browser (WASM, paths
// split over Web Workers) shows exactly what `smacalc simulate` computes
// natively: the median difference to the cent and both strategies' final
// ledger balances.
func TestBrowserMatchesNative(t *testing.T) {
	t.Parallel()
	// Two groups, each a subtest in a tab and server of its own, run side
	// by side. In a tab, the first scenario's share link is loaded; the
	// others are opened in the page already loaded (openInApp), as a link
	// clicked in the app is: the calculator reads each scenario from the
	// link in the address bar as a first load does (store.Nav), and what is
	// compared is the workers' answer to it, not the page load, which cost
	// a navigation each (four tabs with thirteen loads; issue 29).
	groups := map[string][]string{"ends-funds-and-states": {
		"exclude=energy,utilities&harvest=quarterly&stocks=120&paths=60&horizon=6&seed=3",
		"basis=0.4&end=stepup&status=hoh&state=TX&stocks=80&paths=50&horizon=7&seed=11",
		"contrib=-50000&end=hold&status=mfs&state=MA&stocks=60&paths=40&horizon=5&seed=5",
		"end=donate&fund=mf&dist=0.05&staterate=0.05&contrib=25000&stocks=100&paths=70&horizon=9&seed=2",
		"status=single&wages=300000&stgains=30000&state=NY&local=nyc&stocks=60&paths=40&horizon=4&seed=9",
		"year=2025&status=mfj&wages=900000&ltgains=600000&state=IL&stocks=60&paths=40&horizon=4&seed=4",
	}, "market-gifts-and-exits": {
		// Issue 17's market: weekly checks, turnover, the papers' accounting,
		// a Russell sample, a replay of history, cash takeovers.
		"harvest=weekly&turnover=0.08&savings=withdraw&stocks=60&paths=40&horizon=4&seed=6",
		"turnover=0.1&takeover=0.6&premium=0.35&stocks=60&paths=40&horizon=4&seed=7",
		"index=r3000&stocks=90&history=2007&paths=30&horizon=4&seed=8",
		// Issue 28's gifts of appreciated lots, itemizing, with 2026's
		// floor and the carryover (a gift beyond 30% of a small income).
		"give=20000&itemized=40000&stocks=60&paths=40&horizon=5&seed=12",
		"give=60000&wages=100000&status=single&state=CO&stocks=60&paths=30&horizon=4&seed=13",
		// Issue 28's exit plans: a §351 exchange that applies, and one a
		// concentrated position refuses, with a weekly in-kind pass.
		"exit=3&exitplan=etf351&exitfee=0.001&stocks=80&paths=40&horizon=6&seed=12",
		"single=0.5&singlebasis=0.3&gainbudget=20000&exit=2&exitplan=sell&harvest=weekly&end=donate&stocks=60&paths=30&horizon=4&seed=13",
	}}
	for name, scenarios := range groups {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			matchNative(t, startServer(t, siteV1), scenarios)
		})
	}
}

// matchNative opens each scenario's share link on srv in one tab (the
// first loaded, the others in the page: openInApp), compares the page's
// figures with calc.Simulate's, and returns the tab.
func matchNative(t *testing.T, srv *server, scenarios []string) context.Context {
	ctx := browser(t, 1280, 800)
	for i, query := range scenarios {
		s, err := scenario.Decode(query)
		if err != nil {
			t.Fatal(err)
		}
		want, err := calc.Simulate(context.Background(), s, nil)
		if err != nil {
			t.Fatal(err)
		}
		var median, smaEnd, fundEnd string
		open := openInApp("/?" + query)
		if i == 0 {
			open = chromedp.Tasks{chromedp.Navigate(srv.URL + "/?" + query), waitVisible(appReady), waitSimulated()}
		}
		err = chromedp.Run(ctx,
			open,
			waitVisible(`#ledger-sma`),
			chromedp.AttributeValue(`#hl-median`, "data-value", &median, nil),
			chromedp.Text(`#ledger-sma tbody tr:last-child td:last-child`, &smaEnd),
			chromedp.Text(`#ledger-fund tbody tr:last-child td:last-child`, &fundEnd),
		)
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		if median != want.Difference.P50.String() {
			t.Errorf("%s: median difference in the browser %s, native %s", query, median, want.Difference.P50)
		}
		last := len(want.Ledger.SMA) - 1
		if got, wantEnd := cents(smaEnd), want.Ledger.SMA[last].End.String(); got != wantEnd {
			t.Errorf("%s: SMA ends at %s in the browser, %s natively", query, got, wantEnd)
		}
		if got, wantEnd := cents(fundEnd), want.Ledger.Fund[last].End.String(); got != wantEnd {
			t.Errorf("%s: fund ends at %s in the browser, %s natively", query, got, wantEnd)
		}
		if want.ExitPlans != nil {
			var plans map[string]string
			err := chromedp.Run(ctx,
				waitVisible(`#exit-plans`),
				chromedp.Evaluate(`Object.fromEntries([...document.querySelectorAll("#exit-plans td[data-value]")].map((td) => [td.id, td.dataset.value]))`, &plans),
			)
			if err != nil {
				t.Fatalf("%s: %v", query, err)
			}
			for _, p := range want.ExitPlans.Plans {
				if p.Modelled && plans["exit-wealth-"+p.Plan] != p.AfterTaxWealth.P50.String() {
					t.Errorf("%s: exit plan %s: %q in the browser, %s natively", query, p.Plan, plans["exit-wealth-"+p.Plan], p.AfterTaxWealth.P50)
				}
			}
		}
	}
	return ctx
}

// cents turns a displayed amount ("$1,234.50", "−$5.00") into calc.Money's
// string form ("1234.50", "-5.00").
func cents(shown string) string {
	s := strings.NewReplacer("$", "", ",", "", "\u2212", "-", " ", "").Replace(strings.TrimSpace(shown))
	return s
}
