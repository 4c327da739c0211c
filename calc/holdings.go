package calc

import "smacalc/calc/internal/lotbook"

// lotsPerBook is the initial capacity of a stock's book (a default path
// ends with about 10 lots a stock, at most about 30). 24 measured best:
// 16 let many books move out of the slab on each worker's first paths
// (allocation, GC and scattered lots: +3.5% CPU per stock-step), 32 makes
// the slab too large for the caches (+7%).
const lotsPerBook = 24

// substitute is the sector proxy holding the proceeds of a loss sale of a
// stock until it may be bought back (one step later).
type substitute struct {
	stock        int32
	value, basis float64
}

// holdings is the SMA's lot book: the tax lots of every stock of the
// index and the sector substitutes holding the proceeds of the step's
// loss sales. Prices come from the market (market.State.Price) with each
// trade.
type holdings struct {
	books             []lotbook.Book
	shares, maxB      []float64 // per stock: shares held, highest lot basis (or lower: smaSide.harvest)
	lossStep, buyStep []int32   // per stock: the last step of a loss sale, of a purchase
	subSlot           []int32   // index in subs of a stock's substitute, or −1
	subs              []substitute
	cand              []int32         // harvest candidates of this step (see market.State.Step)
	checks            []lotbook.Check // their harvest checks (smaSide.harvest)
}

func newHoldings(n int) holdings {
	h := holdings{
		books:  make([]lotbook.Book, n),
		shares: make([]float64, n), maxB: make([]float64, n),
		lossStep: make([]int32, n), buyStep: make([]int32, n), subSlot: make([]int32, n),
		cand: make([]int32, n), checks: make([]lotbook.Check, n),
	}
	// The books start in one slab (locality, and no growing of 500 small
	// slices on each worker's first paths); a book outgrowing its share
	// moves to its own array.
	slab := make([]lotbook.Lot, n*lotsPerBook)
	for i := range h.books {
		h.books[i] = slab[i*lotsPerBook : i*lotsPerBook : (i+1)*lotsPerBook]
	}
	return h
}

// appendLot books q engine shares of stock i bought at step t and price
// pr in the common case, a lot at a new highest basis with room in its
// book, and reports whether it could (else buyLot does). Only the book's
// length is written back (the compiler drops the write of an unchanged
// slice's pointer, and with it the write barrier's check), and it is
// small enough to inline: in WebAssembly a call spills the caller's live
// values to Go's stack and reloads them (docs/ARCHITECTURE.md, "Round 10:
// the engine's calls under V8").
func (h *holdings) appendLot(i int, q, pr float64, t int32) bool {
	book := &h.books[i]
	n := len(*book)
	if n == cap(*book) || n > 0 && (*book)[n-1].Basis >= pr {
		return false
	}
	*book = (*book)[:n+1]
	(*book)[n] = lotbook.Lot{Shares: q, Basis: pr, Step: t}
	h.shares[i] += q
	h.maxB[i] = pr // the top lot (a harvest check may have lowered maxB)
	h.buyStep[i] = t
	return true
}

// buyLot books q engine shares of stock i bought at step t and price pr
// in any case (lotbook.Book.Buy: appendLot's common case is an append).
func (h *holdings) buyLot(i int, q, pr float64, t int32) {
	h.books[i].Buy(q, pr, t)
	h.shares[i] += q
	h.buyStep[i] = t
	h.maxB[i] = h.books[i].MaxBasis() // the top lot (a harvest check may have lowered maxB)
}

// empty sells nothing and forgets everything: the start of a path.
func (h *holdings) empty() {
	for i := range h.books {
		h.books[i] = h.books[i][:0]
		h.shares[i], h.maxB[i] = 0, 0
		h.lossStep[i], h.buyStep[i], h.subSlot[i] = -1000, -1000, -1
	}
	h.subs = h.subs[:0]
}

// stockValue is the value of the stocks held (without substitutes).
func (h *holdings) stockValue(price []float64) float64 {
	v := 0.0
	for i, q := range h.shares {
		v += q * price[i]
	}
	return v
}

// addSubstitute adds a position of the given value and cost basis to
// stock's substitute.
func (h *holdings) addSubstitute(stock int32, value, basis float64) {
	if k := h.subSlot[stock]; k >= 0 {
		h.subs[k].value += value
		h.subs[k].basis += basis
		return
	}
	h.subSlot[stock] = int32(len(h.subs))
	h.subs = append(h.subs, substitute{stock: stock, value: value, basis: basis})
}

// growSubstitutes moves every substitute with its sector's growth g
// (sector: each stock's), adding the growth to growth and the new values
// to val.
func (h *holdings) growSubstitutes(growth, val float64, g []float64, sector []uint8) (float64, float64) {
	for k := range h.subs {
		sub := &h.subs[k]
		d := sub.value * (g[sector[sub.stock]] - 1)
		growth += d
		sub.value += d
		val += sub.value
	}
	return growth, val
}
