package calc

import "smacalc/calc/internal/lotbook"

// harvestLog records every lot the SMA harvests on a path and when its
// stock is bought back: the harvests of an Inspection (inspect.go). The
// SMA writes to it (smaSide.log) when it is there.
type harvestLog struct {
	events  []harvestLot // every lot harvested on the path, in order
	pending []int32      // per stock: first event awaiting its buy-back, or −1
}

// harvestLot is a lot sold at a loss, as recorded (a HarvestEvent in the
// result).
type harvestLot struct {
	stock, step, lotStep, back int32
	shares, price, basis       float64
}

// begin forgets the last path's harvests.
func (hl *harvestLog) begin() {
	for i := range hl.pending {
		hl.pending[i] = -1
	}
	hl.events = hl.events[:0]
}

// harvested records the lots of stock i sold at a loss at step t.
func (hl *harvestLog) harvested(i int, t int32, price float64, sold []lotbook.Lot) {
	hl.pending[i] = int32(len(hl.events))
	for k := len(sold) - 1; k >= 0; k-- { // highest basis first, the order of the sale
		l := sold[k]
		hl.events = append(hl.events, harvestLot{stock: int32(i), step: t, lotStep: l.Step,
			shares: l.Shares, price: price, basis: l.Basis})
	}
}

// boughtBack records that the substitutes are sold at step t and their
// stocks bought back.
func (hl *harvestLog) boughtBack(subs []substitute, t int32) {
	for _, sub := range subs {
		i := sub.stock
		k := hl.pending[i]
		if k < 0 {
			continue
		}
		hl.pending[i] = -1
		for ; int(k) < len(hl.events) && hl.events[k].stock == i && hl.events[k].step == t-1; k++ {
			hl.events[k].back = t
		}
	}
}
