package calc

import (
	"math"

	"smacalc/calc/internal/lotbook"
	"smacalc/calc/internal/market"
	"smacalc/calc/internal/minmax"
)

// smaSide is the SMA strategy: its account (flows, gains, carryforward),
// its value and its lot book, with the rules of its trades.
type smaSide struct {
	account
	value float64 // stocks, substitutes, cash and any holdings being moved (transition.go)
	lots  holdings
	// cash is what waits for the month's trading window (investCash):
	// dividends net of the fee, contributions, tax refunds. It is part of
	// value and earns nothing while it waits.
	cash   float64
	invest cashInvestor // investCash's working memory
	// idle is the cash a trading window last found too little for any
	// whole share (−1: none): investCash waits until there is more.
	idle   float64
	tc     float64     // trading cost per dollar traded
	limitF float64     // 1 / (1 − threshold): a lot is harvested when price × limitF < its basis
	log    *harvestLog // non-nil: record the lots harvested (harvest_log.go)
	// size is, per stock, the engine shares in one share: its share price
	// at the path's start in dollars (market_shares.go). Every purchase
	// and sale of a stock is of whole shares (multiples of size), the way
	// a manager's orders are; the cash a whole number of shares cannot
	// use waits with the account's cash (cash.go).
	size  []float64
	whole wholeShares // the apportionment's working memory
}

// wholeShares turns the fractional shares a trade wants of each stock
// into whole shares: each rounded down, then one more share for the
// stocks with the largest fractions left while the budget allows
// (the largest-remainder method: Hamilton's apportionment, Balinski &
// Young, "Fair Representation", 1982).
type wholeShares struct {
	at    []int32   // the stocks traded
	n     []float64 // whole shares of each
	frac  []float64 // the fraction of a share the rounding down left
	order []uint64  // topUpOrder's sort keys
	spare []uint64  // sortKeys' scratch
	held  []float64 // a sale's: the whole shares held of each
}

func (w *wholeShares) reset() { w.at, w.n, w.frac, w.held = w.at[:0], w.n[:0], w.frac[:0], w.held[:0] }

// add asks for `want` shares of stock i (rounded down to whole shares).
func (w *wholeShares) add(i int, want float64) {
	n := math.Floor(want)
	w.at = append(w.at, int32(i))
	w.n = append(w.n, n)
	w.frac = append(w.frac, want-n)
}

// topUpOrder lists the stocks that may get one more share, the largest
// fraction left first (ties: the order added), as sort keys whose low 20
// bits are the position k in w (topUpAt). The order is a sort of integer
// keys, the fraction's complement in 2^-40 steps above the position: no
// comparison function to call (the initial purchase sorts all 500 names).
// The keys are distinct, so any sort gives the same order (sortKeys).
func (w *wholeShares) topUpOrder() []uint64 {
	order := w.order[:0]
	for k, f := range w.frac {
		if f > 0 {
			order = append(order, uint64((1-f)*(1<<40))<<20|uint64(k))
		}
	}
	w.order = order
	w.spare = sortKeys(order, w.spare)
	return order
}

// sortKeys sorts topUpOrder's keys (below 2^60, distinct) in place,
// using spare (returned, grown) as scratch. slices.Sort's
// pattern-defeating quicksort was 4% of SimulateDefault (perf), half of it
// the initial purchase's 500 names on every path. A month's window buys a
// few dozen names: an insertion sort. More keys are first distributed by
// their top 8 bits (a counting sort: the fractions are spread evenly, so a
// few keys a bucket), which leaves an insertion sort little to move.
func sortKeys(keys, spare []uint64) []uint64 {
	if n := len(keys); n > 48 {
		if cap(spare) < n {
			spare = make([]uint64, n)
		}
		spare = spare[:n]
		var at [257]int32
		for _, key := range keys {
			at[key>>52+1]++
		}
		for b := 1; b < len(at); b++ {
			at[b] += at[b-1]
		}
		for _, key := range keys {
			b := key >> 52
			spare[at[b]] = key
			at[b]++
		}
		copy(keys, spare)
	}
	for i := 1; i < len(keys); i++ {
		key := keys[i]
		j := i
		for ; j > 0 && keys[j-1] > key; j-- {
			keys[j] = keys[j-1]
		}
		keys[j] = key
	}
	return spare
}

// topUpAt is the position in w of a key of topUpOrder.
func topUpAt(key uint64) int { return int(key & (1<<20 - 1)) }

// buyWhole buys the whole shares w holds (stock prices price) at step t
// with at most `cash` (trading costs included), first rounded down, then
// topped up while the cash lasts; a purchase that comes to less than
// `least` dollars (trading cost included) is not made. It returns the
// value bought and the cash left.
func (a *smaSide) buyWhole(t int32, price []float64, cash, least float64) (bought, left float64) {
	w := &a.whole
	keep := 1 - a.tc // a purchase of value V costs V / keep
	left = cash
	for k, j := range w.at {
		left -= float64(w.n[k]*price[j]*a.size[j]) / keep
	}
	for _, key := range w.topUpOrder() { // a share more while the cash lasts
		k := topUpAt(key)
		j := w.at[k]
		if c := float64(price[j]*a.size[j]) / keep; c <= left {
			left -= c
			w.n[k]++
		}
	}
	for k, j := range w.at {
		if w.n[k] <= 0 {
			continue
		}
		i := int(j)
		if c := float64(w.n[k]*price[i]*a.size[i]) / keep; c < least {
			left += c
			continue
		}
		q := w.n[k] * a.size[i]
		if !a.lots.appendLot(i, q, price[i], t) {
			a.lots.buyLot(i, q, price[i], t)
		}
		bought += float64(q * price[i])
	}
	return bought, minmax.Max(left, 0)
}

// buy invests cash in the held stocks in proportion to their index
// weights (m.HeldN, at m's prices), in whole shares: the cash they cannot
// use waits for the next trading window (investCash). A stock sold at a
// loss in this step is not bought (wash sale): its share goes to the
// sector substitute until the next step. This is the initial purchase
// (and the proceeds of holdings being moved, transition.go); later cash
// waits for investCash (cash.go).
func (a *smaSide) buy(cash float64, t int32, m *market.State) {
	if cash <= 0 || m.HeldIdxVal <= 0 {
		return
	}
	h := &a.lots
	per := (cash - cash*a.tc) / m.HeldIdxVal
	w := &a.whole
	w.reset()
	subs := 0.0 // value put in substitutes
	for i, wt := range m.HeldN {
		if wt == 0 {
			continue
		}
		pr := m.Price[i]
		amount := per * wt * pr
		if h.lossStep[i] == t {
			h.addSubstitute(int32(i), amount, amount)
			subs += amount
			continue
		}
		w.add(i, amount/(pr*a.size[i]))
	}
	bought, left := a.buyWhole(t, m.Price, cash-subs/(1-a.tc), 0)
	cost := cash - left - bought - subs
	a.year.trading += cost
	a.value += cash - cost
	a.cash += left
}

// sell raises `need` dollars of cash (after trading costs): from the
// stocks, and from the sector substitutes for what the stocks cannot
// raise, so that a withdrawal or tax is never booked larger than what the
// account paid (it was, on paths running out while substitutes held the
// proceeds of recent loss sales).
func (a *smaSide) sell(need float64, t int32, price []float64) {
	a.sellSubstitutes(a.sellStocks(need, t, price))
}

// sellStocks raises `need` dollars of cash (after trading costs) by
// selling every stock held in proportion, highest-basis lots first, in
// whole shares: each name's share of the sale is rounded to the nearest
// whole share and the rounding's dollars carried to the next name (so a
// name of a few shares sells one every few sales instead of none, and
// the sale comes to within half a share of the proportional one), then,
// if it falls short, one more share of the names in index order until the
// proceeds cover need; what they raise beyond need waits as cash. It
// returns the part of need the stocks could not raise.
func (a *smaSide) sellStocks(need float64, t int32, price []float64) (rest float64) {
	h := &a.lots
	stockVal := h.stockValue(price)
	if need <= 0 {
		return 0
	}
	if stockVal <= 0 {
		return need
	}
	keep := 1 - a.tc
	f := math.Min(need/keep/stockVal, 1)
	w := &a.whole
	w.reset()
	carry := 0.0 // dollars of stock the names so far sold beyond (−) or short of (+) their share
	for i, q := range h.shares {
		if q == 0 {
			continue
		}
		held := math.Round(q / a.size[i]) // whole shares (the book's sums carry rounding)
		n := held
		if f < 1 {
			sp := price[i] * a.size[i]
			want := float64(held*f*sp) + carry
			n = minmax.Min(minmax.Max(math.Round(want/sp), 0), held)
			carry = want - n*sp
		}
		w.at = append(w.at, int32(i))
		w.n = append(w.n, n)
		w.held = append(w.held, held)
	}
	for k, j := range w.at { // short: a share more of each name in turn
		if carry <= 0 {
			break
		}
		if w.n[k] < w.held[k] {
			w.n[k]++
			carry -= float64(price[j] * a.size[j])
		}
	}
	gross := 0.0
	for k, j := range w.at {
		i := int(j)
		q := w.n[k] * a.size[i]
		if q <= 0 {
			continue
		}
		if w.n[k] >= w.held[k] { // all of it
			q = h.shares[i]
		}
		h.books[i].SellHIFO(q, price[i], t, &a.real)
		h.shares[i] -= q
		if len(h.books[i]) == 0 {
			h.shares[i] = 0
		}
		h.maxB[i] = h.books[i].MaxBasis()
		gross += float64(q * price[i])
	}
	net := gross * keep
	excess := 0.0
	if net >= need {
		excess = net - need
	} else {
		rest = need - net
	}
	a.year.trading += gross * a.tc
	a.value -= gross - excess
	a.cash += excess
	return rest
}

// sellSubstitutes raises `need` dollars of cash (after trading costs), or
// as much as they hold, by selling every substitute in proportion.
func (a *smaSide) sellSubstitutes(need float64) {
	h := &a.lots
	total := 0.0
	for _, sub := range h.subs {
		total += sub.value
	}
	if need <= 0 || total <= 0 {
		return
	}
	g := math.Min(need/(1-a.tc)/total, 1)
	for k := range h.subs {
		sub := &h.subs[k]
		sold := g * sub.value
		a.real.ST += g * (sub.value - sub.basis) // held under a month: short-term
		a.year.trading += sold * a.tc
		a.value -= sold
		sub.value -= sold
		sub.basis -= g * sub.basis
	}
	if g == 1 {
		for _, sub := range h.subs {
			h.subSlot[sub.stock] = -1
		}
		h.subs = h.subs[:0]
	}
}

// sellable is the cash selling everything would raise, after trading
// costs (none on the cash).
func (a *smaSide) sellable() float64 {
	return math.Max(a.value-a.cash, 0)*(1-a.tc) + a.cash
}

// deposit adds cash to the SMA, invested at the next trading window.
func (a *smaSide) deposit(cash float64) {
	a.cash += cash
	a.value += cash
}

// useCash pays as much of `need` as the waiting cash covers and returns
// the rest.
func (a *smaSide) useCash(need float64) float64 {
	c := math.Min(need, a.cash)
	if c <= 0 {
		return need
	}
	a.cash -= c
	a.value -= c
	return need - c
}

// unwindSubstitutes sells the substitutes bought one step (30.44 days)
// earlier and buys the original stocks back at price, in whole shares
// (the rest of the proceeds waits as cash).
func (a *smaSide) unwindSubstitutes(t int32, price []float64) {
	h := &a.lots
	if a.log != nil {
		a.log.boughtBack(h.subs, t)
	}
	for _, sub := range h.subs {
		h.subSlot[sub.stock] = -1
		a.real.ST += sub.value - sub.basis // held one month: short-term
	}
	a.buyBack(h.subs, t, price)
	h.subs = h.subs[:0]
}

// harvest sells, in every candidate stock (market.State.Step) not bought
// in this step, the lots whose price is more than the threshold below
// their basis, when the sale is worth a trade: its proceeds and its loss
// are both at least minTrade (a manager does not place a sale of a few
// dollars, nor one that saves cents of tax: before this rule a default
// path made about 1,900 loss sales under $10 in its tenth year, issue
// 24); it moves the proceeds to the stock's sector substitute. The
// checks of every candidate come first, in one call (lotbook.CheckHarvests):
// a stock's check depends on its own book alone.
func (a *smaSide) harvest(t int32, price []float64) {
	h := &a.lots
	lf := a.limitF
	lotbook.CheckHarvests(h.books, h.cand, price, lf, t, minTrade, h.checks)
	for k, j := range h.cand {
		c := &h.checks[k]
		i := int(j)
		if h.buyStep[i] == t {
			continue
		}
		if !c.Made {
			// Not a candidate again until the price is low enough for a
			// loss of minTrade (or the book changes: a purchase and the sales
			// reset maxB): the kernel lists a stock when price × lf is
			// below maxB, which is then lf × that price (a hair above, so
			// the list is never short of a stock worth harvesting).
			h.maxB[i] = minmax.Min(h.maxB[i], c.Price*lf*(1+1e-9))
			continue
		}
		before := h.books[i]
		h.books[i] = h.books[i][:c.Keep] // only the length written: no write barrier
		invest, cost := a.lossSold(i, t, price[i], c.Sold, c.Gains, before)
		a.value -= cost
		h.addSubstitute(int32(i), invest, invest)
	}
}

// lossSold books the harvest of `sold` shares of stock i at step t and
// price pr (realized gains g; before is the book before the sale, whose
// tail was sold) and returns the cash that buys the substitute and the
// trading cost of the sale and the purchase.
func (a *smaSide) lossSold(i int, t int32, pr, sold float64, g lotbook.Gains, before lotbook.Book) (invest, cost float64) {
	h := &a.lots
	if a.log != nil { // the lots sold are the tail cut off the book
		a.log.harvested(i, t, pr, before[len(h.books[i]):])
	}
	a.real.ST += g.ST
	a.real.LT += g.LT
	a.year.harvST -= g.ST
	a.year.harvLT -= g.LT
	h.shares[i] -= sold
	if len(h.books[i]) == 0 {
		h.shares[i] = 0
	}
	h.maxB[i] = h.books[i].MaxBasis()
	h.lossStep[i] = t
	proceeds := sold * pr * (1 - a.tc)
	invest = proceeds * (1 - a.tc)
	cost = sold*pr - invest
	a.year.trading += cost
	return invest, cost
}

// unrealized returns the gains of selling the stocks and substitutes at
// step t (donate: keeping the long-term lots at a gain).
func (a *smaSide) unrealized(t int32, donate bool, price []float64) lotbook.Gains {
	var g lotbook.Gains
	h := &a.lots
	lotbook.UnrealizedBooks(h.books, price, t, donate, &g)
	for _, sub := range h.subs {
		g.ST += sub.value - sub.basis
	}
	return g
}

// replaceName sells every lot of stock i at step t and its price, and
// buys the entering name in its slot with the proceeds, in whole shares
// at the slot's share price (the rest waits as cash).
func (a *smaSide) replaceName(i int, t int32, price []float64) {
	h := &a.lots
	q := h.shares[i]
	if q <= 0 {
		return
	}
	pr := price[i]
	var g lotbook.Gains
	h.books[i].SellHIFO(q, pr, t, &g)
	h.books[i] = h.books[i][:0]
	a.real.ST += g.ST
	a.real.LT += g.LT
	a.year.forced += g.ST + g.LT
	h.shares[i], h.maxB[i] = 0, 0
	a.buyBack([]substitute{{stock: int32(i), value: q * pr}}, t, price)
	h.buyStep[i] = t
}

// buyBack buys each stock of sold at step t and price with the proceeds
// of selling `value` of it (after the trading cost), in whole shares: the
// nearest whole number, the waiting cash paying for the part of a share
// beyond the proceeds when it can, and books the trading cost; the cash
// left waits (when negative, it was taken from the waiting cash).
// Rounding to the nearest share leaves the waiting cash about where it
// was on average; rounding down would add half a share's price for every
// buy-back. It takes every sale of a step in one call (unwindSubstitutes):
// in WebAssembly a call a stock spilled the caller's live values to Go's
// stack and reloaded them (docs/ARCHITECTURE.md, "Round 10: the engine's
// calls under V8").
func (a *smaSide) buyBack(sold []substitute, t int32, price []float64) {
	keep := 1 - a.tc
	for _, s := range sold {
		i := int(s.stock)
		pr := price[i]
		proceeds := s.value * keep
		sp := float64(pr * a.size[i])
		n := math.Round(proceeds * keep / sp)
		if float64(n*sp)/keep > proceeds+a.cash {
			n = math.Floor(proceeds * keep / sp)
		}
		bought, left := 0.0, proceeds
		if n > 0 {
			q := n * a.size[i]
			bought = q * pr
			if !a.lots.appendLot(i, q, pr, t) {
				a.lots.buyLot(i, q, pr, t)
			}
			left = minmax.Max(proceeds-bought/keep, -a.cash)
		}
		cost := s.value - bought - left
		a.year.trading += cost
		a.value -= cost
		a.cash += left
	}
}
