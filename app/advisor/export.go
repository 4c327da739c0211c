package advisor

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"net/url"
	"strconv"

	"smacalc/app/fields"
	"smacalc/calc"
)

// ledgerCSV is the year table as CSV: first the client and the scenario
// (issue 24, item 4: a file must say whose and which it is), then one row
// per strategy and year, amounts as plain decimals to the cent (no "$" or
// thousands separators), so a spreadsheet reads them as numbers. s is the
// ledger's scenario. A scenario that gives shares to charity (key "give")
// adds each year's gift: lots, value, gain given away and deduction.
func ledgerCSV(l *calc.Ledger, s fields.Scenario, client string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if client == "" {
		client = "(not named)"
	}
	_ = w.Write([]string{"client", client})
	_ = w.Write([]string{"scenario", scenarioName(s)})
	_ = w.Write([]string{"link_query", s.Query})
	fund := s.Fund
	gifts := l != nil && len(l.SMA) > 0 && l.SMA[0].Gift != nil
	head := []string{"strategy", "year", "start", "added", "market_growth", "dividends", "taxes", "fees", "trading_costs", "end"}
	if gifts {
		head = append(head, "gift_lots", "gifted", "gain_given_away", "gift_deduction")
	}
	_ = w.Write(head)
	write := func(name string, rows []calc.LedgerRow) {
		for _, r := range rows {
			rec := []string{name, strconv.Itoa(r.Year),
				cents(r.Start), cents(r.Contributions), cents(r.Growth), cents(r.Dividends),
				cents(r.Taxes), cents(r.Fees), cents(r.TradingCosts), cents(r.End)}
			if gifts && r.Gift != nil {
				rec = append(rec, strconv.Itoa(r.Gift.Lots), cents(r.Gift.Gifted), cents(r.Gift.GainGiven), cents(r.Gift.Deduction))
			}
			_ = w.Write(rec)
		}
	}
	if l != nil {
		write("SMA", l.SMA)
		write(fields.FundLabel(fund), l.Fund)
	}
	w.Flush()
	return b.Bytes()
}

func cents(m calc.Money) string { return m.StringFixed(2) }

// scenarioReport is the JSON export: the scenario (its canonical query and
// its decoded values) with its result.
type scenarioReport struct {
	Format string `json:"format"`
	Client string `json:"client,omitempty"` // the client's name (State.Client)
	Name   string `json:"name"`             // the scenario in a few words

	Query    string            `json:"query"`
	Scenario map[string]string `json:"scenario"` // every key's canonical value
	Result   *calc.Result      `json:"result"`
}

// resultJSON is the scenario and its result as indented JSON; s is the
// result's scenario.
func resultJSON(r *calc.Result, s fields.Scenario, client string) ([]byte, error) {
	if s.Query == "" {
		return nil, errors.New("no scenario: nothing to export")
	}
	q, err := url.ParseQuery(s.Query)
	if err != nil {
		return nil, err
	}
	keys := make(map[string]string, len(q))
	for k := range q {
		keys[k] = q.Get(k)
	}
	b, err := json.MarshalIndent(scenarioReport{Format: "smacalc-result", Client: client, Name: scenarioName(s), Query: r.Scenario, Scenario: keys, Result: r}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
