package calc

import (
	"math"

	"smacalc/calc/internal/lotbook"
	"smacalc/calc/internal/market"
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
	tc     float64      // trading cost per dollar traded
	limitF float64      // 1 / (1 − threshold): a lot is harvested when price × limitF < its basis
	log    *harvestLog  // non-nil: record the lots harvested (harvest_log.go)
}

// buy invests cash in the held stocks in proportion to their index
// weights (m.HeldN, at m's prices). A stock sold at a loss in this step is
// not bought (wash sale): its share goes to the sector substitute until
// the next step. This is the initial purchase (and the proceeds of
// holdings being moved, transition.go); later cash waits for investCash
// (cash.go). The common case — a lot at a new highest basis with room in
// its book — is an append written out here.
func (a *smaSide) buy(cash float64, t int32, m *market.State) {
	if cash <= 0 || m.HeldIdxVal <= 0 {
		return
	}
	cost := cash * a.tc
	a.year.trading += cost
	per := (cash - cost) / m.HeldIdxVal
	h := &a.lots
	n := len(m.HeldN)
	price, books, shares, maxB := m.Price[:n], h.books[:n], h.shares[:n], h.maxB[:n]
	lossStep, buyStep := h.lossStep[:n], h.buyStep[:n]
	for i, w := range m.HeldN {
		if w == 0 {
			continue
		}
		pr := price[i]
		amount := per * w * pr
		if lossStep[i] == t {
			h.addSubstitute(int32(i), amount, amount)
			continue
		}
		q := amount / pr
		if b := books[i]; len(b) < cap(b) && (len(b) == 0 || b[len(b)-1].Basis < pr) {
			books[i] = append(b, lotbook.Lot{Shares: q, Basis: pr, Step: t})
		} else {
			books[i].Buy(q, pr, t)
		}
		shares[i] += q
		buyStep[i] = t
		if pr > maxB[i] {
			maxB[i] = pr
		}
	}
	a.value += cash - cost
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
// selling every stock held in proportion, highest-basis lots first, and
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
	gross := need / (1 - a.tc)
	f := math.Min(gross/stockVal, 1)
	if f == 1 {
		rest = need - stockVal*(1-a.tc)
	}
	gross = f * stockVal
	for i, q := range h.shares {
		if q == 0 {
			continue
		}
		h.books[i].SellHIFO(q*f, price[i], t, &a.real)
		h.shares[i] = q * (1 - f)
		if len(h.books[i]) == 0 {
			h.shares[i] = 0
		}
		h.maxB[i] = h.books[i].MaxBasis()
	}
	cost := gross * a.tc
	a.year.trading += cost
	a.value -= gross
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
// earlier and buys the original stocks back at price.
func (a *smaSide) unwindSubstitutes(t int32, price []float64) {
	h := &a.lots
	if a.log != nil {
		a.log.boughtBack(h.subs, t)
	}
	for _, sub := range h.subs {
		h.subSlot[sub.stock] = -1
		a.real.ST += sub.value - sub.basis // held one month: short-term
		proceeds := sub.value * (1 - a.tc)
		buy := proceeds * (1 - a.tc)
		cost := sub.value - buy
		a.year.trading += cost
		a.value -= cost
		i := sub.stock
		pr := price[i]
		q := buy / pr
		h.books[i].Buy(q, pr, t)
		h.shares[i] += q
		h.buyStep[i] = t
		if pr > h.maxB[i] {
			h.maxB[i] = pr
		}
	}
	h.subs = h.subs[:0]
}

// harvest sells, in every candidate stock (market.State.Step) not bought
// in this step, the lots whose price is more than the threshold below
// their basis, and moves the proceeds to the stock's sector substitute.
func (a *smaSide) harvest(t int32, price []float64) {
	h := &a.lots
	lf := a.limitF
	for _, c := range h.cand {
		i := int(c)
		pr := price[i]
		if h.buyStep[i] == t {
			continue
		}
		var g lotbook.Gains
		before := h.books[i]
		sold, _ := h.books[i].Harvest(pr*lf, pr, t, &g)
		if sold == 0 {
			continue
		}
		invest, cost := a.lossSold(i, t, pr, sold, g, before)
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
	for i := range h.books {
		h.books[i].Unrealized(price[i], t, donate, &g)
	}
	for _, sub := range h.subs {
		g.ST += sub.value - sub.basis
	}
	return g
}

// replaceName sells every lot of stock i at step t and price pr, and buys
// the entering name in its slot with the proceeds.
func (a *smaSide) replaceName(i int, t int32, pr float64) {
	h := &a.lots
	q := h.shares[i]
	if q <= 0 {
		return
	}
	var g lotbook.Gains
	h.books[i].SellHIFO(q, pr, t, &g)
	h.books[i] = h.books[i][:0]
	a.real.ST += g.ST
	a.real.LT += g.LT
	a.year.forced += g.ST + g.LT
	value := q * pr
	buy := value * (1 - a.tc) * (1 - a.tc)
	cost := value - buy
	a.year.trading += cost
	a.value -= cost
	nq := buy / pr
	h.books[i].Buy(nq, pr, t)
	h.shares[i] = nq
	h.maxB[i] = pr
	h.buyStep[i] = t
}
