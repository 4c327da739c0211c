package app

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/calc"
)

func tpMoney(s string) calc.Money { return calc.Money{Decimal: decimal.RequireFromString(s)} }

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
		{Name: "IT-001", Sector: "information-technology", Value: tpMoney("300"), UnrealizedGain: tpMoney("-5"), Weight: .5},
		{Name: "EN-002", Sector: "energy", Value: tpMoney("200"), UnrealizedGain: tpMoney("10"), Weight: .3},
		{Name: "Substitute: energy proxy", Sector: "energy", Substitute: true, Replaces: []string{"EN-009"}, Value: tpMoney("100"), Weight: .2},
		{Name: "COMM-003", Sector: "communication-services", Value: tpMoney("100"), UnrealizedGain: tpMoney("0")},
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
		{Month: 3, Name: "IT-001", Sector: "information-technology", Loss: tpMoney("50"), ShortTerm: true},
		{Month: 7, Name: "EN-002", Sector: "energy", Loss: tpMoney("120"), SubstituteName: "Substitute: energy proxy"},
		{Month: 9, Name: "IT-004", Sector: "information-technology", Loss: tpMoney("10"), ShortTerm: true},
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

func TestTrackingNoteText(t *testing.T) {
	r := &calc.Result{TrackingError: 0.0123, TaxAlphaBps: calc.TaxAlpha{Spread: calc.Spread{P50: 95}}, Difference: calc.Quantiles{P50: tpMoney("40000")}}
	base := &calc.Result{TaxAlphaBps: calc.TaxAlpha{Spread: calc.Spread{P50: 105.2}}, Difference: calc.Quantiles{P50: tpMoney("43210.60")}}
	got := trackingNoteText([]string{"energy", "real-estate"}, r, base)
	want := "Excluding energy and real estate: tracking error 1.2% a year against the index. Against holding every sector: median tax alpha −0.10%/yr, median after-tax difference −$3,211."
	if got != want {
		t.Errorf("note =\n%q, want\n%q", got, want)
	}
	same := &calc.Result{TaxAlphaBps: calc.TaxAlpha{Spread: calc.Spread{P50: 95.3}}, Difference: calc.Quantiles{P50: tpMoney("40000.20")}}
	if got := trackingNoteText([]string{"utilities"}, r, same); !strings.Contains(got, "median tax alpha unchanged, median after-tax difference unchanged") {
		t.Errorf("unchanged note = %q", got)
	}
	if got := trackingNoteText([]string{"utilities"}, r, nil); !strings.HasSuffix(got, "comparing with every sector held…") {
		t.Errorf("pending note = %q", got)
	}
	if alphaChange(12) != "+0.12%/yr" {
		t.Errorf("alphaChange(12) = %q", alphaChange(12))
	}
}

func TestWithoutExclusions(t *testing.T) {
	q, ex := withoutExclusions("amount=500000&exclude=energy,utilities&paths=50")
	if !slices.Equal(ex, []string{"energy", "utilities"}) || strings.Contains(q, "exclude") {
		t.Errorf("withoutExclusions = %q %v", q, ex)
	}
	if s, err := calc.Decode(q); err != nil || s.Amount != 500000 || s.Paths != 50 {
		t.Errorf("comparison query %q: %v", q, err)
	}
	if q, _ := withoutExclusions("amount=500000"); q != "" {
		t.Errorf("no exclusions: %q", q)
	}
}

func TestSweepQueries(t *testing.T) {
	runs := sweepQueries("stocks=150&paths=400&seed=3")
	var counts []int
	for _, r := range runs {
		counts = append(counts, r.Stocks)
		s, err := calc.Decode(r.Query)
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
	runs = sweepQueries("paths=60")
	if len(runs) != 5 || runs[4].Stocks != 500 {
		t.Errorf("default scenario runs = %+v", runs)
	}
	if s, _ := calc.Decode(runs[0].Query); s.Paths != 60 {
		t.Errorf("paths not capped at the scenario's: %d", s.Paths)
	}
}

func TestMinimumText(t *testing.T) {
	if minimumText(250000, defaultMinimum, false) != "" || minimumText(50000, 0, true) != "" {
		t.Error("notice shown at or above the minimum, or with none")
	}
	got := minimumText(50000, defaultMinimum, false)
	if !strings.HasPrefix(got, "Your amount, $50,000, is below a typical SMA minimum of $100,000.") {
		t.Errorf("notice = %q", got)
	}
	if got := minimumText(200000, 250000, true); !strings.Contains(got, "this firm's SMA minimum of $250,000") {
		t.Errorf("branded notice = %q", got)
	}
}

func TestTransparencyFormats(t *testing.T) {
	for in, want := range map[float64]string{1234.5: "1,234.5", 12: "12", 0.12345: "0.1235"} {
		if got := formatShares(in); got != want {
			t.Errorf("formatShares(%v) = %q, want %q", in, got, want)
		}
	}
	if got := joinNames([]string{"a", "b", "c"}); got != "a, b and c" {
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
