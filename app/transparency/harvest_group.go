package transparency

import (
	"strconv"

	"github.com/shopspring/decimal"

	"smacalc/app/widget"
	"smacalc/calc"
)

// smallSale is the proceeds below which a grouped harvest log folds a
// stock's sales of a month into one row per month and character. The
// engine makes no harvest under calc.MinTrade, but a harvest sells every
// lot past the threshold, one row each; grouped, the log reads closer to
// a real account's statement. The losses add up the same.
var smallSale = decimal.NewFromInt(250)

// groupHarvests turns a year's loss sales, one per lot, into one row per
// stock, month and character (short- or long-term), and folds the rows
// whose proceeds are under smallSale into one row per month and
// character. Shares, proceeds, basis and loss are sums; the price is the
// average (proceeds ÷ shares).
func groupHarvests(es []calc.HarvestEvent) []calc.HarvestEvent {
	type key struct {
		month, stock int
		short        bool
	}
	var rows []calc.HarvestEvent
	lots := map[key]int{}
	at := map[key]int{}
	for _, e := range es {
		k := key{e.Month, e.Stock, e.ShortTerm}
		i, ok := at[k]
		if !ok {
			at[k] = len(rows)
			rows = append(rows, e)
			lots[k] = 1
			continue
		}
		addSale(&rows[i], e)
		lots[k]++
	}
	for k, i := range at {
		if n := lots[k]; n > 1 {
			rows[i].LotBoughtDate = strconv.Itoa(n) + " lots"
		}
	}
	var out []calc.HarvestEvent
	small := map[key]int{}
	count := map[key]int{}
	for _, r := range rows {
		if r.Proceeds.GreaterThanOrEqual(smallSale) {
			out = append(out, r)
			continue
		}
		k := key{r.Month, -1, r.ShortTerm}
		count[k]++
		if i, ok := small[k]; ok {
			addSale(&out[i], r)
			continue
		}
		small[k] = len(out)
		r.Stock, r.Sector, r.SubstituteName = -1, "", "Sector proxies"
		out = append(out, r)
	}
	for k, i := range small {
		out[i].Name = strconv.Itoa(count[k]) + " small sales (each under " + widget.Dollars(smallSale) + ")"
		out[i].LotBoughtDate = "—"
		if count[k] == 1 {
			out[i].Name = "1 small sale (under " + widget.Dollars(smallSale) + ")"
		}
	}
	return out
}

// addSale adds the sale e to the row r.
func addSale(r *calc.HarvestEvent, e calc.HarvestEvent) {
	r.Shares += e.Shares
	r.Proceeds = calc.Money{Decimal: r.Proceeds.Add(e.Proceeds.Decimal)}
	r.Basis = calc.Money{Decimal: r.Basis.Add(e.Basis.Decimal)}
	r.Loss = calc.Money{Decimal: r.Loss.Add(e.Loss.Decimal)}
	if r.Shares > 0 {
		r.Price = r.Proceeds.InexactFloat64() / r.Shares
	}
}
