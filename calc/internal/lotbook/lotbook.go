// Package lotbook keeps tax lots: a security's lots ordered for
// highest-in-first-out sales (HIFO), the gains a sale realizes by
// character (IRC §1222) and the §1091 wash-sale adjustment. It knows
// nothing of markets or strategies: the engine (package calc) keeps one
// Book per stock of the SMA, one for the fund and one for the "keep it"
// strategy, and passes the price and the step of every trade.
package lotbook

import (
	"math"

	"smacalc/calc/internal/minmax"
)

// StepsPerYear is the number of simulation steps (months) in a year: a
// lot's holding period is counted in them.
const StepsPerYear = 12

// Lot is one tax lot: shares bought together at one cost.
type Lot struct {
	Shares float64
	Basis  float64 // cost basis per share
	Step   int32   // month of acquisition (holding period start); < 0 before the start
}

// LongTerm reports whether a lot acquired at step `from` and sold at step
// `to` is held more than one year (IRC §1222): 12 monthly steps is exactly
// one year, so it takes 13.
func LongTerm(from, to int32) bool { return to-from > StepsPerYear }

// Gains accumulates realized gains (losses negative) by character.
type Gains struct{ ST, LT float64 }

// Add adds a gain realized on a lot bought at step from and sold at step
// to. It has no branch (whether a lot is long-term is unpredictable in a
// harvest): adding an exact zero to the other character changes nothing.
func (g *Gains) Add(from, to int32, amount float64) {
	lt := longTermPart(from, to, amount)
	g.LT += lt
	g.ST += amount - lt
}

// longTermPart is amount when a lot bought at step from and sold at step
// to is long-term (LongTerm), else +0, selected by a mask: the compiler
// made the comparison of LongTerm a branch, mispredicted on about every
// other lot of a year end's revaluation (perf, docs/ARCHITECTURE.md
// "Speed: the engine"). The bits of the zero are those of the literal 0.0,
// so sums are as before.
func longTermPart(from, to int32, amount float64) float64 {
	// All ones when to − from > StepsPerYear (the sign of the int64
	// difference below, which cannot overflow).
	m := uint64((int64(StepsPerYear) - (int64(to) - int64(from))) >> 63)
	return math.Float64frombits(math.Float64bits(amount) & m)
}

// Book holds the lots of one security sorted by basis per share, LOWEST
// first, so HIFO sales take from the end and the lots a harvest sells are
// always a suffix (removed by truncation, no copy); a purchase at a new
// high — most of them — is an append. Lots with equal basis are in the
// reverse of their purchase order, so b.HIFO(k) (the k-th lot highest
// basis first) and every sum over lots run in exactly the order of a
// highest-first list.
type Book []Lot

// HIFO returns the k-th lot in HIFO order (0: the highest basis).
func (b Book) HIFO(k int) Lot { return b[len(b)-1-k] }

// MaxBasis is the highest basis per share (0 when empty).
func (b Book) MaxBasis() float64 {
	if len(b) == 0 {
		return 0
	}
	return b[len(b)-1].Basis
}

// Buy adds a lot, keeping the order; a lot bought in the same step at the
// same basis is merged into the existing one. The new Lot goes before the
// lots of equal or higher basis; they are found from the top, because
// after a harvest the lots above the price are few (those within the
// threshold of it): a short scan beats a binary search's unpredictable
// branches. Books with more lots above the price (no harvest, or a
// threshold of 20%) fall back to the binary search.
func (b *Book) Buy(shares, basis float64, step int32) {
	s := *b
	n := len(s)
	if n == 0 || s[n-1].Basis < basis { // a new highest Basis: append
		*b = append(s, Lot{Shares: shares, Basis: basis, Step: step})
		return
	}
	i := n - 1
	for stop := max(n-8, 0); i > stop && s[i-1].Basis >= basis; {
		i--
	}
	if i > 0 && s[i-1].Basis >= basis {
		// First position whose basis is not below the new one (binary
		// search in s[:i]).
		lo, hi := 0, i-1
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if s[m].Basis < basis {
				lo = m + 1
			} else {
				hi = m
			}
		}
		i = lo
	}
	if s[i].Basis == basis && s[i].Step == step {
		s[i].Shares += shares
		return
	}
	s = append(s, Lot{})
	copy(s[i+1:], s[i:])
	s[i] = Lot{Shares: shares, Basis: basis, Step: step}
	*b = s
}

// SellHIFO sells n shares (at most all of them) at price, highest basis
// first, and adds the realized gains to g. It returns the shares sold and
// the basis sold.
func (b *Book) SellHIFO(n, price float64, step int32, g *Gains) (sold, basis float64) {
	s := *b
	k := len(s)
	for k > 0 && n > 0 {
		l := &s[k-1]
		q := n
		whole := l.Shares <= n*(1+1e-12)
		if whole {
			q = l.Shares
		}
		g.Add(l.Step, step, q*(price-l.Basis))
		sold += q
		basis += q * l.Basis
		n -= q
		if !whole {
			l.Shares -= q
			break
		}
		k--
	}
	*b = s[:k]
	return sold, basis
}

// Check is the harvest check of one book at a price (CheckHarvests): the
// sale of every lot whose basis per share exceeds price × lf (the price
// is below basis × (1 − threshold)), and whether it is made.
type Check struct {
	Keep  int     // the lots not sold: the book's first Keep (the sale is the rest, a suffix)
	Sold  float64 // shares sold
	Basis float64 // their cost
	Gains Gains   // realized (losses negative)
	// Made: the sale's proceeds and its loss are both at least the
	// check's least. A sale not made leaves the book as it is, and
	// Price is then the highest price at which a harvest would realize
	// a loss of least (CheckHarvests).
	Made  bool
	Price float64
}

// CheckHarvests writes in checks[k] the harvest check (Check) of the
// candidate book books[c] at price[c], c = cand[k], at step, with the
// lots' factor lf and the smallest sale and loss `least`; checks is at
// least as long as cand. It changes no book: the caller cuts a book whose
// sale is made to its first Keep lots.
//
// A sale not made gives the highest price p at which a harvest at p
// would realize a loss of at least `least` (0 when no price would): the
// lots whose basis exceeds p·lf lose Σ shares × (basis − p), which grows
// as p falls, so below it every harvest is at least that loss and above
// it none is. With the lots ordered, the top m lots are those sold for p
// in [b_(m+1)/lf, b_m/lf), where the loss is W_m − p·S_m (S_m their
// shares, W_m their cost): the first m from the top whose bound
// (W_m − least)/S_m falls in its interval gives the price. Each lot's
// b/lf is divided once (the bound of one interval is the top of the
// next): the divisions were most of a check's time when the sale is too
// small (perf).
//
// It is one function for a step's candidates, with no call, rather than
// a call per book (Harvest, then HarvestPrice when the sale was too
// small): in WebAssembly every call spills the caller's live values to
// Go's stack in linear memory and reloads them, and a book cut by
// Harvest and put back wrote its slice twice (docs/ARCHITECTURE.md,
// "Round 10: the engine's calls under V8"). Each check's fields are
// written in place: a Check built and then copied was a memory.copy,
// which V8 runs as a call into its runtime.
func CheckHarvests(books []Book, cand []int32, price []float64, lf float64, step int32, least float64, checks []Check) {
	checks = checks[:len(cand)]
	for k, c := range cand {
		b, pr := books[c], price[c]
		limit := pr * lf
		n := len(b)
		var st, lt, sold, basis float64
		for n > 0 && b[n-1].Basis > limit {
			l := &b[n-1]
			amount := l.Shares * (pr - l.Basis)
			ltPart := longTermPart(l.Step, step, amount)
			lt += ltPart
			st += amount - ltPart
			sold += l.Shares
			basis += l.Shares * l.Basis
			n--
		}
		ch := &checks[k]
		ch.Keep, ch.Sold, ch.Basis = n, sold, basis
		ch.Gains.ST, ch.Gains.LT = st, lt
		ch.Made = sold*pr >= least && -(st+lt) >= least
		ch.Price = 0
		if ch.Made || len(b) == 0 {
			continue
		}
		var sh, cost float64
		top := b[len(b)-1].Basis / lf
		for j := len(b) - 1; j >= 0; j-- {
			l := &b[j]
			sh += l.Shares
			cost += float64(l.Shares * l.Basis) // float64(…): no FMA, as everywhere in the engine
			p := minmax.Min((cost-least)/sh, top)
			if j == 0 {
				ch.Price = minmax.Max(p, 0)
				break
			}
			if top = b[j-1].Basis / lf; p >= top {
				ch.Price = minmax.Max(p, 0)
				break
			}
		}
	}
}

// CheckHarvest is the harvest check of b alone at price (CheckHarvests).
func (b Book) CheckHarvest(price, lf float64, step int32, least float64) Check {
	var c [1]Check
	CheckHarvests([]Book{b}, []int32{0}, []float64{price}, lf, step, least, c[:])
	return c[0]
}

// Unrealized adds the gains of selling every lot at price at step to g;
// if donate, long-term lots at a gain are left out (given to charity).
//
// The sums are kept in registers (through g, each lot's add waited for
// the last one's store) and, without donate, there is no branch: a year
// end revalues every lot of every stock, and whether a lot is long-term is
// unpredictable. The additions are Add's, in the same order.
func (b Book) Unrealized(price float64, step int32, donate bool, g *Gains) {
	if !donate {
		// One loop for one book and for a year end's 500 (two lots an
		// iteration: UnrealizedBooks); a slice of one stays on the stack.
		UnrealizedBooks([]Book{b}, []float64{price}, step, false, g)
		return
	}
	st, lt := g.ST, g.LT
	for k := len(b) - 1; k >= 0; k-- {
		l := &b[k]
		gain := l.Shares * (price - l.Basis)
		if gain > 0 && LongTerm(l.Step, step) {
			continue
		}
		ltPart := longTermPart(l.Step, step, gain)
		lt += ltPart
		st += gain - ltPart
	}
	g.ST, g.LT = st, lt
}

// UnrealizedBooks adds to g the gains of selling every lot of every
// book at its price (books[i] at price[i]) at step, with the additions
// of Unrealized on each book in turn, in the same order: the same bits
// (donate: Unrealized's, book by book).
// It is one function rather than a call of Unrealized per book because
// in WebAssembly a call spills every live value of the caller to Go's
// stack in linear memory and reloads them after it (a default year end
// revalues 500 books of about ten lots: the calls were about a third of
// its instructions under V8, docs/ARCHITECTURE.md "Round 9").
func UnrealizedBooks(books []Book, price []float64, step int32, donate bool, g *Gains) {
	price = price[:len(books)]
	if donate {
		for i, b := range books {
			b.Unrealized(price[i], step, true, g)
		}
		return
	}
	st, lt := g.ST, g.LT
	for i, b := range books {
		p := price[i]
		k := len(b) - 1
		for ; k >= 1; k -= 2 {
			l, l1 := &b[k], &b[k-1]
			gain := l.Shares * (p - l.Basis)
			ltPart := longTermPart(l.Step, step, gain)
			lt += ltPart
			st += gain - ltPart
			gain1 := l1.Shares * (p - l1.Basis)
			ltPart1 := longTermPart(l1.Step, step, gain1)
			lt += ltPart1
			st += gain1 - ltPart1
		}
		if k == 0 {
			l := &b[0]
			gain := l.Shares * (p - l.Basis)
			ltPart := longTermPart(l.Step, step, gain)
			lt += ltPart
			st += gain - ltPart
		}
	}
	g.ST, g.LT = st, lt
}

// WashSale applies IRC §1091 to a loss sale followed (within 30 days) by a
// purchase of substantially identical stock. sold is the Lot sold at
// salePrice (below its basis) at saleStep; bought is the replacement lot.
// The disallowed loss is pro rata to the replaced shares (Treas. Reg.
// §1.1091-1(c)): it is added to the basis of the replacing shares and their
// holding period includes the sold lot's (§1223(3)). It returns the
// replacement split into the adjusted lot and the unadjusted remainder
// (zero shares when the replacement is not larger than the sale) and the
// disallowed loss. A sale at a gain disallows nothing.
//
// The simulated SMA never triggers this rule: it does not buy a stock in
// the step of a loss sale (see package calc's doc.go); the function is what a wash sale
// would cost.
func WashSale(sold Lot, salePrice float64, saleStep int32, bought Lot) (adjusted, rest Lot, disallowed float64) {
	loss := sold.Basis - salePrice
	if loss <= 0 || sold.Shares <= 0 || bought.Shares <= 0 {
		return bought, Lot{Step: bought.Step}, 0
	}
	n := min(sold.Shares, bought.Shares)
	disallowed = loss * n
	adjusted = Lot{
		Shares: n,
		Basis:  bought.Basis + loss,
		Step:   bought.Step - (saleStep - sold.Step),
	}
	rest = Lot{Shares: bought.Shares - n, Basis: bought.Basis, Step: bought.Step}
	return adjusted, rest, disallowed
}
