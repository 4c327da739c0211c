package calc

// lot is one tax lot: shares bought together at one cost.
type lot struct {
	shares float64
	basis  float64 // cost basis per share
	step   int32   // month of acquisition (holding period start); < 0 before the start
}

// longTerm reports whether a lot acquired at step `from` and sold at step
// `to` is held more than one year (IRC §1222): 12 monthly steps is exactly
// one year, so it takes 13.
func longTerm(from, to int32) bool { return to-from > stepsPerYear }

// gains accumulates realized gains (losses negative) by character.
type gains struct{ st, lt float64 }

// add adds a gain realized on a lot bought at step from and sold at step
// to. It has no branch (whether a lot is long-term is unpredictable in a
// harvest): adding an exact zero to the other character changes nothing.
func (g *gains) add(from, to int32, amount float64) {
	lt := 0.0
	if longTerm(from, to) {
		lt = amount
	}
	g.lt += lt
	g.st += amount - lt
}

// book holds the lots of one security sorted by basis per share, LOWEST
// first, so HIFO sales take from the end and the lots a harvest sells are
// always a suffix (removed by truncation, no copy); a purchase at a new
// high — most of them — is an append. Lots with equal basis are in the
// reverse of their purchase order, so b.hifo(k) (the k-th lot highest
// basis first) and every sum over lots run in exactly the order of a
// highest-first list.
type book []lot

// hifo returns the k-th lot in HIFO order (0: the highest basis).
func (b book) hifo(k int) lot { return b[len(b)-1-k] }

// maxBasis is the highest basis per share (0 when empty).
func (b book) maxBasis() float64 {
	if len(b) == 0 {
		return 0
	}
	return b[len(b)-1].basis
}

// buy adds a lot, keeping the order; a lot bought in the same step at the
// same basis is merged into the existing one. The new lot goes before the
// lots of equal or higher basis; they are found from the top, because
// after a harvest the lots above the price are few (those within the
// threshold of it): a short scan beats a binary search's unpredictable
// branches. Books with more lots above the price (no harvest, or a
// threshold of 20%) fall back to the binary search.
func (b *book) buy(shares, basis float64, step int32) {
	s := *b
	n := len(s)
	if n == 0 || s[n-1].basis < basis { // a new highest basis: append
		*b = append(s, lot{shares: shares, basis: basis, step: step})
		return
	}
	i := n - 1
	for stop := max(n-8, 0); i > stop && s[i-1].basis >= basis; {
		i--
	}
	if i > 0 && s[i-1].basis >= basis {
		// First position whose basis is not below the new one (binary
		// search in s[:i]).
		lo, hi := 0, i-1
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if s[m].basis < basis {
				lo = m + 1
			} else {
				hi = m
			}
		}
		i = lo
	}
	if s[i].basis == basis && s[i].step == step {
		s[i].shares += shares
		return
	}
	s = append(s, lot{})
	copy(s[i+1:], s[i:])
	s[i] = lot{shares: shares, basis: basis, step: step}
	*b = s
}

// sellHIFO sells n shares (at most all of them) at price, highest basis
// first, and adds the realized gains to g. It returns the shares sold and
// the basis sold.
func (b *book) sellHIFO(n, price float64, step int32, g *gains) (sold, basis float64) {
	s := *b
	k := len(s)
	for k > 0 && n > 0 {
		l := &s[k-1]
		q := n
		whole := l.shares <= n*(1+1e-12)
		if whole {
			q = l.shares
		}
		g.add(l.step, step, q*(price-l.basis))
		sold += q
		basis += q * l.basis
		n -= q
		if !whole {
			l.shares -= q
			break
		}
		k--
	}
	*b = s[:k]
	return sold, basis
}

// harvest sells every lot whose basis per share exceeds limit (the price
// is below basis × (1 − threshold)), adds the realized losses to g and
// returns the shares and basis sold.
func (b *book) harvest(limit, price float64, step int32, g *gains) (sold, basis float64) {
	s := *b
	k := len(s)
	for k > 0 && s[k-1].basis > limit {
		l := s[k-1]
		g.add(l.step, step, l.shares*(price-l.basis))
		sold += l.shares
		basis += l.shares * l.basis
		k--
	}
	*b = s[:k]
	return sold, basis
}

// unrealized adds the gains of selling every lot at price at step to g;
// if donate, long-term lots at a gain are left out (given to charity).
func (b book) unrealized(price float64, step int32, donate bool, g *gains) {
	for k := len(b) - 1; k >= 0; k-- {
		l := &b[k]
		gain := l.shares * (price - l.basis)
		if donate && gain > 0 && longTerm(l.step, step) {
			continue
		}
		g.add(l.step, step, gain)
	}
}

// washSale applies IRC §1091 to a loss sale followed (within 30 days) by a
// purchase of substantially identical stock. sold is the lot sold at
// salePrice (below its basis) at saleStep; bought is the replacement lot.
// The disallowed loss is pro rata to the replaced shares (Treas. Reg.
// §1.1091-1(c)): it is added to the basis of the replacing shares and their
// holding period includes the sold lot's (§1223(3)). It returns the
// replacement split into the adjusted lot and the unadjusted remainder
// (zero shares when the replacement is not larger than the sale) and the
// disallowed loss. A sale at a gain disallows nothing.
//
// The simulated SMA never triggers this rule: it does not buy a stock in
// the step of a loss sale (see doc.go); the function is what a wash sale
// would cost.
func washSale(sold lot, salePrice float64, saleStep int32, bought lot) (adjusted, rest lot, disallowed float64) {
	loss := sold.basis - salePrice
	if loss <= 0 || sold.shares <= 0 || bought.shares <= 0 {
		return bought, lot{step: bought.step}, 0
	}
	n := min(sold.shares, bought.shares)
	disallowed = loss * n
	adjusted = lot{
		shares: n,
		basis:  bought.basis + loss,
		step:   bought.step - (saleStep - sold.step),
	}
	rest = lot{shares: bought.shares - n, basis: bought.basis, step: bought.step}
	return adjusted, rest, disallowed
}
