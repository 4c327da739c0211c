package answer

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/calc"
)

// tableNode is an element of the ledger's HTML, read back as XML (the
// table is written with every tag closed and every attribute quoted).
type tableNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr  `xml:",any,attr"`
	Text    string      `xml:",chardata"`
	Nodes   []tableNode `xml:",any"`
}

func (n tableNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// rows lists the text of every th and td below n, row by row.
func (n tableNode) rows() [][]string {
	var rows [][]string
	var walk func(tableNode)
	walk = func(n tableNode) {
		if n.XMLName.Local == "tr" {
			var row []string
			for _, c := range n.Nodes {
				row = append(row, c.XMLName.Local+"("+c.attr("scope")+"):"+c.Text)
			}
			rows = append(rows, row)
			return
		}
		for _, c := range n.Nodes {
			walk(c)
		}
	}
	walk(n)
	return rows
}

// The ledger's table is one HTML text (app.Raw) with the elements go-app
// built before: the scroll box with its label, the table with its id and
// caption, one header row and a row a year; the Added and Trading costs
// columns only when a row has them; text escaped.
func TestLedgerTable(t *testing.T) {
	rows := []calc.LedgerRow{
		{Year: 2026, Start: money("1000000"), Growth: money("70000.01"), Dividends: money("15000"), Taxes: money("-1234.5"), Fees: money("500"), End: money("1085733.5")},
		{Year: 2027, Start: money("1085733.5"), Contributions: money("10000"), Growth: money("-50000"), Dividends: money("16000"), Taxes: money("2000"), Fees: money("550"), TradingCosts: money("12.25"), End: money("1059171.25")},
	}
	for _, tc := range []struct {
		name            string
		rows            []calc.LedgerRow
		noContributions bool
		want            [][]string
	}{
		{"one year, nothing added or traded", rows[:1], true, [][]string{
			{"th(col):Year", "th(col):Start", "th(col):Market growth", "th(col):Dividends", "th(col):Taxes", "th(col):Fees", "th(col):End"},
			{"th(row):2026", "td():$1,000,000.00", "td():$70,000.01", "td():$15,000.00", "td():−$1,234.50", "td():$500.00", "td():$1,085,733.50"},
		}},
		{"two years, added and traded", rows, false, [][]string{
			{"th(col):Year", "th(col):Start", "th(col):Added", "th(col):Market growth", "th(col):Dividends", "th(col):Taxes", "th(col):Fees", "th(col):Trading costs", "th(col):End"},
			{"th(row):2026", "td():$1,000,000.00", "td():$0.00", "td():$70,000.01", "td():$15,000.00", "td():−$1,234.50", "td():$500.00", "td():$0.00", "td():$1,085,733.50"},
			{"th(row):2027", "td():$1,085,733.50", "td():$10,000.00", "td():−$50,000.00", "td():$16,000.00", "td():$2,000.00", "td():$550.00", "td():$12.25", "td():$1,059,171.25"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := app.HTMLString(app.Raw(ledgerTable("ledger-sma", "SMA <direct> & co", tc.rows, tc.noContributions)))
			var box tableNode
			if err := xml.Unmarshal([]byte(text), &box); err != nil {
				t.Fatalf("not one element: %v\n%s", err, text)
			}
			if box.XMLName.Local != "div" || box.attr("class") != "table-scroll" || box.attr("tabindex") != "0" ||
				box.attr("role") != "region" || box.attr("aria-label") != "SMA <direct> & co, year by year" {
				t.Errorf("scroll box: %s %v", box.XMLName.Local, box.Attrs)
			}
			if len(box.Nodes) != 1 || box.Nodes[0].XMLName.Local != "table" || box.Nodes[0].attr("id") != "ledger-sma" || box.Nodes[0].attr("class") != "money-table" {
				t.Fatalf("table: %+v", box.Nodes)
			}
			table := box.Nodes[0]
			if c := table.Nodes[0]; c.XMLName.Local != "caption" || c.Text != "SMA <direct> & co: year by year on the representative market" {
				t.Errorf("caption %s %q", c.XMLName.Local, c.Text)
			}
			if !strings.Contains(text, "&lt;direct&gt; &amp; co") {
				t.Errorf("the name is not escaped: %s", text)
			}
			got := table.rows()
			if len(got) != len(tc.want) {
				t.Fatalf("%d rows, want %d: %v", len(got), len(tc.want), got)
			}
			for i := range got {
				if strings.Join(got[i], "|") != strings.Join(tc.want[i], "|") {
					t.Errorf("row %d:\n got %v\nwant %v", i, got[i], tc.want[i])
				}
			}
		})
	}
}
