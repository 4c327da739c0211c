package transparency

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"smacalc/calc"
)

// tableSort is a sortable table's order: the column key and the direction.
// The zero value keeps the engine's order (largest holding first, HIFO
// lots, harvests by month).
type tableSort struct {
	Col  string
	Desc bool
}

// toggle is the order after a click on column col's header: the column
// ascending, then descending.
func (s tableSort) toggle(col string) tableSort {
	if s.Col == col {
		return tableSort{Col: col, Desc: !s.Desc}
	}
	return tableSort{Col: col}
}

// aria is the header's aria-sort value.
func (s tableSort) aria(col string) string {
	switch {
	case s.Col != col:
		return "none"
	case s.Desc:
		return "descending"
	}
	return "ascending"
}

// tableView is what a long table remembers for the person reading it: the
// sort order, the search text and how many rows it shows. The inspection
// tables (holdings, lots, harvests) embed it.
type tableView struct {
	order tableSort
	query string
	limit int    // rows asked for; at least pageSize are shown
	of    string // what the rows belong to: a year, a holding
}

// follow starts the view again at one page when its rows now belong to
// something else; keepOrder keeps the sort (the same table for another
// year).
func (v *tableView) follow(of string, keepOrder bool) {
	if v.of == of {
		return
	}
	v.of, v.limit = of, pageSize
	if !keepOrder {
		v.order = tableSort{}
	}
}

// shown is how many of n rows the table shows.
func (v *tableView) shown(n int) int { return min(max(v.limit, pageSize), n) }

func (v *tableView) sort(ctx app.Context, col string) { v.order = v.order.toggle(col) }

func (v *tableView) search(ctx app.Context, text string) { v.query, v.limit = text, pageSize }

func (v *tableView) more(ctx app.Context) { v.limit = max(v.limit, pageSize) + pageSize }

// pageSize is how many rows a table shows before "Show more".
const pageSize = 50

// matches reports whether a search query (case-insensitive, any of its
// words) is found in one of the texts; an empty query matches everything.
func matches(query string, texts ...string) bool {
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		found := false
		for _, t := range texts {
			if strings.Contains(strings.ToLower(t), w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// sectorText is a sector's key and its readable name, for searching.
func sectorText(sector string) string { return sector + " " + strings.ReplaceAll(sector, "-", " ") }

func cmpMoney(a, b calc.Money) int { return a.Cmp(b.Decimal) }

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// sortBy sorts a copy of rows by the column's comparison, stable so that
// ties keep the engine's order; an unknown column keeps the order.
func sortBy[T any](rows []T, s tableSort, cols map[string]func(a, b T) int) []T {
	out := slices.Clone(rows)
	f, ok := cols[s.Col]
	if !ok {
		return out
	}
	slices.SortStableFunc(out, func(a, b T) int {
		if s.Desc {
			return f(b, a)
		}
		return f(a, b)
	})
	return out
}

var holdingCols = map[string]func(a, b calc.Holding) int{
	"name":   func(a, b calc.Holding) int { return strings.Compare(a.Name, b.Name) },
	"sector": func(a, b calc.Holding) int { return strings.Compare(a.Sector, b.Sector) },
	"shares": func(a, b calc.Holding) int { return cmp.Compare(a.Shares, b.Shares) },
	"price":  func(a, b calc.Holding) int { return cmp.Compare(a.Price, b.Price) },
	"value":  func(a, b calc.Holding) int { return cmpMoney(a.Value, b.Value) },
	"weight": func(a, b calc.Holding) int { return cmp.Compare(a.Weight, b.Weight) },
	"basis":  func(a, b calc.Holding) int { return cmpMoney(a.Basis, b.Basis) },
	"gain":   func(a, b calc.Holding) int { return cmpMoney(a.UnrealizedGain, b.UnrealizedGain) },
}

// holdingRows are the holdings matching the search, in the chosen order.
func holdingRows(hs []calc.Holding, query string, s tableSort) []calc.Holding {
	var out []calc.Holding
	for _, h := range hs {
		if matches(query, h.Name, sectorText(h.Sector), strings.Join(h.Replaces, " ")) {
			out = append(out, h)
		}
	}
	return sortBy(out, s, holdingCols)
}

var lotCols = map[string]func(a, b calc.Lot) int{
	"bought": func(a, b calc.Lot) int { return cmp.Compare(a.Bought, b.Bought) },
	"shares": func(a, b calc.Lot) int { return cmp.Compare(a.Shares, b.Shares) },
	"cost":   func(a, b calc.Lot) int { return cmp.Compare(a.CostPerShare, b.CostPerShare) },
	"basis":  func(a, b calc.Lot) int { return cmpMoney(a.Basis, b.Basis) },
	"value":  func(a, b calc.Lot) int { return cmpMoney(a.Value, b.Value) },
	"gain":   func(a, b calc.Lot) int { return cmpMoney(a.Gain, b.Gain) },
	"term":   func(a, b calc.Lot) int { return cmpBool(a.LongTerm, b.LongTerm) },
}

// lotRows are a holding's lots in the chosen order.
func lotRows(ls []calc.Lot, s tableSort) []calc.Lot { return sortBy(ls, s, lotCols) }

var harvestCols = map[string]func(a, b calc.HarvestEvent) int{
	"date":   func(a, b calc.HarvestEvent) int { return cmp.Compare(a.Month, b.Month) },
	"name":   func(a, b calc.HarvestEvent) int { return strings.Compare(a.Name, b.Name) },
	"sector": func(a, b calc.HarvestEvent) int { return strings.Compare(a.Sector, b.Sector) },
	"lot":    func(a, b calc.HarvestEvent) int { return cmp.Compare(a.LotBought, b.LotBought) },
	"shares": func(a, b calc.HarvestEvent) int { return cmp.Compare(a.Shares, b.Shares) },
	"loss":   func(a, b calc.HarvestEvent) int { return cmpMoney(a.Loss, b.Loss) },
	"term":   func(a, b calc.HarvestEvent) int { return cmpBool(!a.ShortTerm, !b.ShortTerm) },
	"back":   func(a, b calc.HarvestEvent) int { return cmp.Compare(a.BoughtBackMonth, b.BoughtBackMonth) },
}

// harvestRows are the year's loss sales matching the search, in the
// chosen order.
func harvestRows(es []calc.HarvestEvent, query string, s tableSort) []calc.HarvestEvent {
	var out []calc.HarvestEvent
	for _, e := range es {
		if matches(query, e.Name, sectorText(e.Sector), e.SubstituteName) {
			out = append(out, e)
		}
	}
	return sortBy(out, s, harvestCols)
}

// sumLosses adds up the short- and long-term losses of loss sales.
func sumLosses(es []calc.HarvestEvent) (st, lt decimal.Decimal) {
	for _, e := range es {
		if e.ShortTerm {
			st = st.Add(e.Loss.Decimal)
		} else {
			lt = lt.Add(e.Loss.Decimal)
		}
	}
	return st, lt
}

// textCols are the columns of text, aligned left like their cells.
var textCols = map[string]bool{"name": true, "sector": true, "term": true}

// sortHeader is a column header that sorts its table when clicked (a
// button, so the keyboard reaches it), with aria-sort.
func sortHeader(col, label string, s tableSort, onSort func(ctx app.Context, col string)) app.UI {
	mark := ""
	switch s.aria(col) {
	case "ascending":
		mark = " ▲"
	case "descending":
		mark = " ▼"
	}
	class := ""
	if textCols[col] {
		class = "text-col"
	}
	return app.Th().Scope("col").Class(class).Aria("sort", s.aria(col)).Body(
		app.Button().Type("button").Class("sort-button").DataSet("col", col).
			OnClick(func(ctx app.Context, e app.Event) { onSort(ctx, col) }).
			Body(app.Text(label), app.Span().Aria("hidden", "true").Text(mark)),
	)
}

// searchBox is a labelled search field; onInput receives the text.
func searchBox(id, label, value string, onInput func(ctx app.Context, text string)) app.UI {
	return app.Div().Class("table-search").Body(
		app.Label().For(id).Text(label),
		app.Input().Type("search").ID(id).Value(value).AutoComplete(false).
			OnInput(func(ctx app.Context, e app.Event) { onInput(ctx, ctx.JSSrc().Get("value").String()) }),
	)
}

// moreButtons show the next page of rows, or all of them. The handlers
// are the table's methods: go-app keeps an element's first handler, so
// they must read the table's state when clicked, not capture this render's.
func moreButtons(id string, shown, total int, onMore, onAll func(ctx app.Context)) app.UI {
	if shown >= total {
		return app.Text("")
	}
	return app.Div().Class("table-more").Body(
		app.Button().ID(id+"-more").Type("button").Class("secondary").Text("Show "+strconv.Itoa(min(pageSize, total-shown))+" more").
			OnClick(func(ctx app.Context, e app.Event) { onMore(ctx) }),
		app.Button().ID(id+"-all").Type("button").Class("secondary").Text("Show all "+strconv.Itoa(total)).
			OnClick(func(ctx app.Context, e app.Event) { onAll(ctx) }),
	)
}

// shownText says how many rows are shown of those matching the search
// (matched) and of all (all).
func shownText(shown, matched, all int, what string) string {
	n := strconv.Itoa
	switch {
	case matched == all && shown >= all:
		return n(all) + " " + what
	case matched == all:
		return "Showing " + n(shown) + " of " + n(all) + " " + what
	case shown >= matched:
		return n(matched) + " of " + n(all) + " " + what + " match the search"
	}
	return "Showing " + n(shown) + " of the " + n(matched) + " " + what + " that match the search (" + n(all) + " in all)"
}
