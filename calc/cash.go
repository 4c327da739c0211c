package calc

import (
	"math"

	"smacalc/calc/internal/market"
)

// Cash in the SMA is invested the way managers describe it
// (docs/MARKET.md, "Cash: dividends and deposits"): dividends are treated
// like new deposits, held as cash until the next trading window and then
// invested toward the target weights, the most underweight names first,
// once there is enough cash for a trade. Here the trading window is each
// month's end, after the buy-backs, the harvest checks and the index's
// replacements; the cash waits there and earns nothing (a month's drag on
// a quarter's dividends, about 0.3% × 1/12 of the value a quarter). The
// fund reinvests its dividends at once, as before.
//
// minTrade is the smallest purchase, in dollars: a modelling choice
// within the thresholds published for cash waiting to be invested ($10 at
// M1 Finance, $250 or 5% of the account at ModernAdvisor), not a figure
// any direct-indexing manager states. Cash below it waits for the next
// window. $100 keeps a default account's quarterly dividend ($1M × (1.5% −
// 0.35%) / 4 ≈ $2,900) to about 30 purchases instead of 500 of about $6
// each (a 0.03-share lot of a $200 stock). It is also the smallest
// harvest sale, and the smallest loss a harvest realizes
// (smaSide.harvest, sma.go).
const minTrade = 100.0

// MinTrade is minTrade, for the pages that explain the trades.
const MinTrade = minTrade

// cashWaits is the part of the SMA's value that cash may reach and still
// wait for the next quarter's window, the month after the dividends
// (pathSim.investCash): the rounding of whole-share purchases and sales
// leaves a few dollars each, a few hundred a month, which a manager
// invests with the dividends rather than in a trade of its own every
// month; a deposit or a tax refund (more than 0.1% of the account) is
// invested at the next month end. A modelling choice, like minTrade: the
// cash waits at most three months, and 0.1% of the account earning
// nothing for three months costs about 0.2 bps a year at a 7% return.
const cashWaits = 0.001

// cashInvestor is investCash's working memory: the deficits of the names
// that may be bought.
type cashInvestor struct {
	deficit []float64 // per stock: its target value less what it holds
	cand    []float64 // the candidates' deficits, reordered by the search
	at      []int32   // the candidates, in index order
}

// investCash invests the waiting cash at step t when it is at least
// minTrade, in the names furthest below their target values (their index
// weight of `index`, the SMA's stocks, substitutes and cash): it buys b_i = d_i − L
// of each name whose deficit d_i is at least L + minTrade, with the level
// L that spends the cash exactly. That is the purchase, in trades of at
// least minTrade, that leaves the smallest sum of squared deviations from
// the target weights (the "minimize overall deviation" of a rebalancer:
// water-filling, Duchi et al. 2008 §3). A name sold at a loss in this
// step is not bought (IRC §1091: its proceeds are in its substitute until
// the next step); substitutes count toward their stock's holding. The
// purchases are of whole shares (smaSide.buyWhole: each b_i rounded down,
// then a share more for the largest fractions while the cash lasts, and
// a purchase that rounding took under minTrade dropped); the cash left
// waits for the next window. Cash that bought nothing (no name short by
// minTrade, or no whole share within reach) waits until more arrives: a
// manager does not look at the same cash every month, and without the
// rule a default path ran this search in most of its 240 months.
func (a *smaSide) investCash(t int32, m *market.State, index float64) {
	c := a.cash
	if c < minTrade || c <= a.idle || m.HeldIdxVal <= 0 {
		return
	}
	h := &a.lots
	n := len(m.HeldN)
	ci := &a.invest
	if len(ci.deficit) < n {
		ci.deficit = make([]float64, n)
		ci.cand = make([]float64, 0, n)
		ci.at = make([]int32, 0, n)
	}
	price, shares, lossStep := m.Price[:n], h.shares[:n], h.lossStep[:n]
	d := ci.deficit[:n]
	per := index / m.HeldIdxVal
	// The search needs only the deficits of at least minTrade when the set
	// it finds leaves one of them out (the sets that qualify are the
	// largest deficits, so one left out leaves out every smaller one too):
	// usually a few dozen of the 500. When it takes them all (cash beyond
	// what they lack), it searches every name.
	//
	// The candidates are listed without a branch (each name is written at
	// the end of the list, which grows by one when it qualifies): whether a
	// name is short by minTrade is unpredictable, and the mispredicted
	// branch was most of this loop's time (perf, docs/ARCHITECTURE.md
	// "Speed: the engine").
	//
	// A name with a substitute is not a candidate: a substitute holds the
	// proceeds of a loss sale of this step (harvest, weekly checks; buy and
	// give add to one only for such a name), and the names sold at a loss
	// in this step are not bought. So the scan leaves substitutes out and
	// the few names that have one get their deficit after it: the lookup
	// of a name's substitute in the scan (a load and a branch a name, and
	// registers the loop then spilled) was a fifth of its time (perf).
	//
	// Two names an iteration: in WebAssembly each iteration of a Go loop
	// jumps through the function's dispatch loop, saving and reloading the
	// loop's values (market.State.move; docs/ARCHITECTURE.md "Round 9").
	cand, at, heldN := ci.cand[:n], ci.at[:n], m.HeldN[:n]
	nc := 0
	i := 0
	for ; i+1 < n; i += 2 {
		// float64(…) rounds each product, so that no platform fuses it
		// into an FMA (native and WebAssembly agree to the bit).
		w, p := heldN[i], price[i]
		di := float64(per*w*p) - float64(shares[i]*p)
		d[i] = di
		cand[nc] = di
		at[nc] = int32(i)
		nc += b2i(di >= minTrade) & b2i(w != 0) & b2i(lossStep[i] != t)
		w, p = heldN[i+1], price[i+1]
		di = float64(per*w*p) - float64(shares[i+1]*p)
		d[i+1] = di
		cand[nc] = di
		at[nc] = int32(i + 1)
		nc += b2i(di >= minTrade) & b2i(w != 0) & b2i(lossStep[i+1] != t)
	}
	for ; i < n; i++ {
		w, p := heldN[i], price[i]
		di := float64(per*w*p) - float64(shares[i]*p)
		d[i] = di
		cand[nc] = di
		at[nc] = int32(i)
		nc += b2i(di >= minTrade) & b2i(w != 0) & b2i(lossStep[i] != t)
	}
	for _, sub := range h.subs {
		i := sub.stock
		d[i] = float64(per*m.HeldN[i]*price[i]) - (float64(shares[i]*price[i]) + sub.value)
	}
	cand, at = cand[:nc], at[:nc]
	thr, k, sum := waterLevel(cand, c, minTrade)
	if k == len(cand) {
		cand, at = cand[:0], at[:0]
		for i, w := range m.HeldN {
			if w != 0 && lossStep[i] != t {
				cand = append(cand, d[i])
				at = append(at, int32(i))
			}
		}
		thr, k, sum = waterLevel(cand, c, minTrade)
	}
	ci.cand, ci.at = cand, at
	if k == 0 {
		a.idle = c
		return
	}
	level := (sum - c) / float64(k)
	w := &a.whole
	w.reset()
	for _, j := range at { // the candidates, in index order
		i := int(j)
		if d[i] < thr {
			continue
		}
		w.add(i, float64((d[i]-level)*(1-a.tc))/float64(price[i]*a.size[i]))
	}
	bought, left := a.buyWhole(t, price, c, minTrade)
	a.idle = -1
	if bought == 0 { // no whole share within reach: wait for more cash
		a.idle = c
	}
	cost := c - left - bought
	a.year.trading += cost
	a.value -= cost
	a.cash = left
}

// b2i is 1 for true and 0 for false, without a branch (the compiler
// turns it into a SETcc).
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// waterLevel finds the largest set of the deficits d (reordered in
// place) such that spending cash c as b = d − L on each, with L the level
// that spends it exactly, buys at least `least` of each: the k largest
// deficits, where k is the largest with c ≥ Σ_{j≤k} (d_(j) − d_(k)) +
// k·least (the right side grows with k, so the sets that qualify are the
// first K). It returns the smallest deficit in the set (thr), its size
// and its sum. The search partitions around a pivot like quickselect
// (Duchi et al. 2008, "Efficient projections onto the l1-ball", fig. 2),
// in expected linear time; the pivot is the middle element, so the result
// depends on nothing but d.
func waterLevel(d []float64, c, least float64) (thr float64, k int, sum float64) {
	thr = math.Inf(1)
	lo, hi := 0, len(d)
	for lo < hi {
		p := d[lo+(hi-lo)/2]
		// Three-way partition of d[lo:hi]: > p, == p, < p.
		gt, lt := lo, hi
		s := 0.0
		for i := lo; i < lt; {
			switch v := d[i]; {
			case v > p:
				d[i], d[gt] = d[gt], v
				gt++
				i++
				s += v
			case v < p:
				lt--
				d[i], d[lt] = d[lt], v
			default:
				i++
				s += v
			}
		}
		kk, ss := k+(lt-lo), sum+s
		if c+float64(float64(kk)*(p-least)) >= ss { // every deficit ≥ p qualifies
			thr, k, sum = p, kk, ss
			lo = lt
		} else { // the set's smallest is above p
			hi = gt
		}
	}
	return thr, k, sum
}
