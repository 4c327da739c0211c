package advisor

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/app/fields"
	"smacalc/calc"
	"smacalc/calc/scenario"
)

func cents2(s string) calc.Money { return calc.Money{Decimal: decimal.RequireFromString(s)} }

func TestLedgerCSV(t *testing.T) {
	row := calc.LedgerRow{Year: 1, Start: cents2("1000"), Contributions: cents2("0"), Growth: cents2("70.5"), Dividends: cents2("15.25"),
		Taxes: cents2("-3.1"), Fees: cents2("3.5"), TradingCosts: cents2("0.4"), End: cents2("1084.95")}
	fund := row
	fund.Taxes = cents2("4")
	sc, _ := scenario.Decode("fund=mf&horizon=1&amount=1000")
	s := fields.Of(sc)
	got := string(ledgerCSV(&calc.Ledger{SMA: []calc.LedgerRow{row}, Fund: []calc.LedgerRow{fund}}, s, "Lee, Jordan"))
	want := "client,\"Lee, Jordan\"\n" +
		"scenario,\"$1,000 for 1 year in the mutual fund, sell everything and pay the tax\"\n" +
		"link_query," + s.Query + "\n" +
		"strategy,year,start,added,market_growth,dividends,taxes,fees,trading_costs,end\n" +
		"SMA,1,1000.00,0.00,70.50,15.25,-3.10,3.50,0.40,1084.95\n" +
		"Mutual fund,1,1000.00,0.00,70.50,15.25,4.00,3.50,0.40,1084.95\n"
	if got != want {
		t.Errorf("csv:\n%s\nwant:\n%s", got, want)
	}
	if got := string(ledgerCSV(nil, fields.Scenario{}, "")); !strings.HasPrefix(got, "client,(not named)\n") || strings.Count(got, "\n") != 4 {
		t.Errorf("empty ledger csv: %q", got)
	}
	// With gifts of shares, each row adds the year's gift.
	row.Gift = &calc.LedgerGift{Lots: 3, Gifted: cents2("20000"), GainGiven: cents2("9227.5"), Deduction: cents2("17943")}
	fund.Gift = &calc.LedgerGift{Gifted: cents2("0"), GainGiven: cents2("0"), Deduction: cents2("17680")}
	etf := fields.Of(scenario.DefaultScenario())
	got = string(ledgerCSV(&calc.Ledger{SMA: []calc.LedgerRow{row}, Fund: []calc.LedgerRow{fund}}, etf, "Lee"))
	_, got, _ = strings.Cut(got, "link_query,"+etf.Query+"\n")
	want = "strategy,year,start,added,market_growth,dividends,taxes,fees,trading_costs,end,gift_lots,gifted,gain_given_away,gift_deduction\n" +
		"SMA,1,1000.00,0.00,70.50,15.25,-3.10,3.50,0.40,1084.95,3,20000.00,9227.50,17943.00\n" +
		"ETF,1,1000.00,0.00,70.50,15.25,4.00,3.50,0.40,1084.95,0,0.00,0.00,17680.00\n"
	if got != want {
		t.Errorf("csv with gifts:\n%s\nwant:\n%s", got, want)
	}
}

func TestResultJSON(t *testing.T) {
	q := scenario.DefaultScenario().Encode()
	b, err := resultJSON(&calc.Result{Scenario: q, Horizon: 10}, fields.Of(scenario.DefaultScenario()), "Lee")
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Format   string            `json:"format"`
		Client   string            `json:"client"`
		Query    string            `json:"query"`
		Scenario map[string]string `json:"scenario"`
		Result   calc.Result       `json:"result"`
	}
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Format != "smacalc-result" || back.Client != "Lee" || back.Query != q || back.Scenario["horizon"] == "" || back.Result.Horizon != 10 {
		t.Errorf("result json: %s", b)
	}
	if _, err := resultJSON(&calc.Result{Scenario: "evil=1"}, fields.Scenario{}, ""); err == nil {
		t.Error("a result without its scenario exported")
	}
}

func TestFileStem(t *testing.T) {
	sc, _ := scenario.Decode("amount=250000&horizon=20&end=stepup")
	for _, tc := range []struct{ client, want string }{
		{"Lee family — ETF", "smacalc-lee-family-etf-250000-20y-etf-stepup"},
		{"", "smacalc-250000-20y-etf-stepup"},
		{"Émile & Zoë", "smacalc-mile-zo-250000-20y-etf-stepup"},
	} {
		if got := fileStem(tc.client, fields.Of(sc)); got != tc.want {
			t.Errorf("fileStem(%q) = %q, want %q", tc.client, got, tc.want)
		}
	}
}
