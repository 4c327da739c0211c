package transparency

import (
	"slices"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
	"smacalc/calc/scenario"
)

func m(s string) calc.Money { return calc.Money{Decimal: decimal.RequireFromString(s)} }

func rowNames[T any](rows []T, name func(T) string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = name(r)
	}
	return out
}

func TestTableSortToggle(t *testing.T) {
	var s tableSort
	if s.aria("value") != "none" {
		t.Errorf("zero sort aria = %q", s.aria("value"))
	}
	s = s.toggle("value")
	if s.aria("value") != "ascending" || s.aria("name") != "none" {
		t.Errorf("after one click: %+v", s)
	}
	s = s.toggle("value")
	if s.aria("value") != "descending" {
		t.Errorf("after two clicks: %+v", s)
	}
	if s = s.toggle("name"); s != (tableSort{Col: "name"}) {
		t.Errorf("another column: %+v", s)
	}
}

func TestHoldingRows(t *testing.T) {
	hs := []calc.Holding{
		{Name: "IT-001", Sector: "information-technology", Value: m("300"), UnrealizedGain: m("-5"), Weight: .5},
		{Name: "EN-002", Sector: "energy", Value: m("200"), UnrealizedGain: m("10"), Weight: .3},
		{Name: "Substitute: energy proxy", Sector: "energy", Substitute: true, Replaces: []string{"EN-009"}, Value: m("100"), Weight: .2},
		{Name: "COMM-003", Sector: "communication-services", Value: m("100"), UnrealizedGain: m("0")},
	}
	get := func(h calc.Holding) string { return h.Name }
	if got := rowNames(holdingRows(hs, "", tableSort{}), get); !slices.Equal(got, []string{"IT-001", "EN-002", "Substitute: energy proxy", "COMM-003"}) {
		t.Errorf("engine order = %v", got)
	}
	if got := rowNames(holdingRows(hs, "ENERGY", tableSort{}), get); !slices.Equal(got, []string{"EN-002", "Substitute: energy proxy"}) {
		t.Errorf("search energy = %v", got)
	}
	if got := rowNames(holdingRows(hs, "communication services", tableSort{}), get); !slices.Equal(got, []string{"COMM-003"}) {
		t.Errorf("search by readable sector = %v", got)
	}
	if got := rowNames(holdingRows(hs, "en-009", tableSort{}), get); !slices.Equal(got, []string{"Substitute: energy proxy"}) {
		t.Errorf("search a replaced stock = %v", got)
	}
	if got := rowNames(holdingRows(hs, "", tableSort{Col: "value"}), get); !slices.Equal(got, []string{"Substitute: energy proxy", "COMM-003", "EN-002", "IT-001"}) {
		t.Errorf("value ascending (ties stable) = %v", got)
	}
	if got := rowNames(holdingRows(hs, "", tableSort{Col: "gain", Desc: true}), get); got[0] != "EN-002" || got[3] != "IT-001" {
		t.Errorf("gain descending = %v", got)
	}
	if got := rowNames(holdingRows(hs, "", tableSort{Col: "name"}), get); !slices.IsSorted(got) {
		t.Errorf("name ascending = %v", got)
	}
}

func TestLotAndHarvestRows(t *testing.T) {
	ls := []calc.Lot{{Bought: 5, Shares: 1, LongTerm: false}, {Bought: 0, Shares: 3, LongTerm: true}, {Bought: 9, Shares: 2}}
	got := lotRows(ls, tableSort{Col: "bought"})
	if got[0].Bought != 0 || got[2].Bought != 9 || ls[0].Bought != 5 {
		t.Errorf("lots by date = %+v (input changed: %v)", got, ls[0].Bought != 5)
	}
	if got := lotRows(ls, tableSort{Col: "term", Desc: true}); !got[0].LongTerm {
		t.Errorf("long-term first = %+v", got)
	}
	es := []calc.HarvestEvent{
		{Month: 3, Name: "IT-001", Sector: "information-technology", Loss: m("50"), ShortTerm: true},
		{Month: 7, Name: "EN-002", Sector: "energy", Loss: m("120"), SubstituteName: "Substitute: energy proxy"},
		{Month: 9, Name: "IT-004", Sector: "information-technology", Loss: m("10"), ShortTerm: true},
	}
	hn := func(e calc.HarvestEvent) string { return e.Name }
	if got := rowNames(harvestRows(es, "information", tableSort{Col: "loss", Desc: true}), hn); !slices.Equal(got, []string{"IT-001", "IT-004"}) {
		t.Errorf("IT by loss = %v", got)
	}
	if got := rowNames(harvestRows(es, "proxy", tableSort{}), hn); !slices.Equal(got, []string{"EN-002"}) {
		t.Errorf("search substitute = %v", got)
	}
	st, lt := sumLosses(es)
	if st.String() != "60" || lt.String() != "120" {
		t.Errorf("losses ST %s LT %s", st, lt)
	}
}

func TestSweepQueries(t *testing.T) {
	runs := sweepQueries(mustScenario(t, "stocks=150&paths=400&seed=3"))
	var counts []int
	for _, r := range runs {
		counts = append(counts, r.Stocks)
		s, err := scenario.Decode(r.Query)
		if err != nil {
			t.Fatal(err)
		}
		if s.Stocks != r.Stocks || s.Paths != sweepPaths || s.Seed != 3 {
			t.Errorf("run %+v decodes to stocks %d paths %d seed %d", r, s.Stocks, s.Paths, s.Seed)
		}
	}
	if !slices.Equal(counts, []int{25, 50, 100, 150}) {
		t.Errorf("counts = %v", counts)
	}
	runs = sweepQueries(mustScenario(t, "paths=60"))
	if len(runs) != 5 || runs[4].Stocks != 500 {
		t.Errorf("default scenario runs = %+v", runs)
	}
	if s, _ := scenario.Decode(runs[0].Query); s.Paths != 60 {
		t.Errorf("paths not capped at the scenario's: %d", s.Paths)
	}
}

func TestTransparencyFormats(t *testing.T) {
	for in, want := range map[float64]string{1234.5: "1,234.5", 12: "12", 0.12345: "0.1235"} {
		if got := formatShares(in); got != want {
			t.Errorf("formatShares(%v) = %q, want %q", in, got, want)
		}
	}
	if got := widget.JoinNames([]string{"a", "b", "c"}); got != "a, b and c" {
		t.Errorf("joinNames = %q", got)
	}
	if got := matches("it tech", "IT-001", "information-technology"); !got {
		t.Error("every word should match some text")
	}
	if matches("energy xyz", "EN-001", "energy") {
		t.Error("a word matching nothing should fail")
	}
}

func TestShownText(t *testing.T) {
	for _, c := range []struct {
		shown, matched, all int
		want                string
	}{
		{40, 40, 40, "40 holdings"},
		{50, 120, 120, "Showing 50 of 120 holdings"},
		{24, 24, 403, "24 of 403 holdings match the search"},
		{50, 60, 403, "Showing 50 of the 60 holdings that match the search (403 in all)"},
	} {
		if got := shownText(c.shown, c.matched, c.all, "holdings"); got != c.want {
			t.Errorf("shownText(%d, %d, %d) = %q, want %q", c.shown, c.matched, c.all, got, c.want)
		}
	}
}

// Grouping the harvest log keeps the losses and the sales: one row per
// stock, month and character, small sales folded per month and character.
func TestGroupHarvests(t *testing.T) {
	sale := func(month, stock int, short bool, proceeds, loss string) calc.HarvestEvent {
		return calc.HarvestEvent{Month: month, Stock: stock, Name: "S-" + strconv.Itoa(stock), Sector: "energy", ShortTerm: short,
			Shares: 1, Proceeds: m(proceeds), Loss: m(loss), Basis: calc.Money{Decimal: m(proceeds).Add(m(loss).Decimal)}, LotBoughtDate: "2026-01"}
	}
	es := []calc.HarvestEvent{
		sale(3, 1, true, "400", "40"), sale(3, 1, true, "300", "30"), // one stock, one month: one row, 2 lots
		sale(3, 1, false, "500", "10"),                           // long-term: a row of its own
		sale(3, 2, true, "20", "2"), sale(3, 3, true, "30", "3"), // small: folded together
		sale(4, 1, true, "900", "90"), // another month
		sale(4, 4, true, "100", "1"),  // small, alone in its month
	}
	rows := groupHarvests(es)
	if len(rows) != 5 {
		t.Fatalf("%d rows, want 5: %+v", len(rows), rows)
	}
	total := func(rs []calc.HarvestEvent) string {
		st, lt := sumLosses(rs)
		return st.String() + "/" + lt.String()
	}
	if total(rows) != total(es) {
		t.Errorf("losses %s grouped, %s sold", total(rows), total(es))
	}
	if rows[0].LotBoughtDate != "2 lots" || !rows[0].Proceeds.Equal(m("700").Decimal) || rows[0].Price != 350 {
		t.Errorf("first row %+v", rows[0])
	}
	var names []string
	for _, r := range rows {
		names = append(names, r.Name)
	}
	if !slices.Contains(names, "2 small sales (each under $250)") || !slices.Contains(names, "1 small sale (under $250)") {
		t.Errorf("rows %q", names)
	}
}

// mustScenario decodes a test's scenario query.
func mustScenario(t *testing.T, query string) fields.Scenario {
	t.Helper()
	s, err := scenario.Decode(query)
	if err != nil {
		t.Fatal(err)
	}
	return fields.Of(s)
}
