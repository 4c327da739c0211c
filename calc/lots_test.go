package calc

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestBookKeepsHIFOOrder(t *testing.T) {
	var b book
	b.buy(10, 1.0, 0)
	b.buy(5, 1.5, 1)
	b.buy(7, 0.8, 2)
	b.buy(3, 1.5, 1) // same step and basis: merged
	if len(b) != 3 || b.hifo(0).basis != 1.5 || b.hifo(0).shares != 8 || b.hifo(2).basis != 0.8 {
		t.Fatalf("book = %+v", b)
	}
	var g gains
	sold, basis := b.sellHIFO(9, 1.2, 20, &g)
	if sold != 9 || math.Abs(basis-(8*1.5+1*1.0)) > 1e-12 {
		t.Fatalf("sold %v basis %v", sold, basis)
	}
	// Lot at 1.5 (step 1) sold at step 20: long-term; lot at 1.0 (step 0): long-term.
	if math.Abs(g.lt-(8*(1.2-1.5)+1*(1.2-1.0))) > 1e-12 || g.st != 0 {
		t.Fatalf("gains %+v", g)
	}
	if len(b) != 2 || b.hifo(0).shares != 9 {
		t.Fatalf("after sale %+v", b)
	}
}

func TestHarvestSellsLotsBelowThreshold(t *testing.T) {
	var b book
	b.buy(1, 2.0, 0)
	b.buy(1, 1.1, 5)
	b.buy(1, 0.5, 6)
	var g gains
	price := 1.0
	sold, _ := b.harvest(price/(1-0.05), price, 10, &g) // lots with basis > 1.0526
	if sold != 2 || len(b) != 1 || b.hifo(0).basis != 0.5 {
		t.Fatalf("sold %v, book %+v", sold, b)
	}
	if math.Abs(g.st-(-1.0-0.1)) > 1e-12 || g.lt != 0 {
		t.Fatalf("gains %+v", g)
	}
}

func TestLongTermNeedsMoreThanAYear(t *testing.T) {
	if longTerm(0, 12) || !longTerm(0, 13) || !longTerm(-13, 0) {
		t.Fatal("holding period rule")
	}
}

func TestWashSaleAdjustsBasisAndHoldingPeriod(t *testing.T) {
	sold := lot{shares: 100, basis: 50, step: 2}
	// Sold at 40 at step 10 (loss 10/share), 60 shares bought back at 42 in the window.
	adj, rest, dis := washSale(sold, 40, 10, lot{shares: 60, basis: 42, step: 10})
	if dis != 600 {
		t.Errorf("disallowed %v, want 600", dis)
	}
	if adj.shares != 60 || adj.basis != 52 || adj.step != 2 {
		t.Errorf("adjusted %+v, want 60 @52 held since step 2", adj)
	}
	if rest.shares != 0 {
		t.Errorf("rest %+v", rest)
	}
	// More shares bought than sold: only 100 replace.
	adj, rest, dis = washSale(sold, 40, 10, lot{shares: 150, basis: 42, step: 11})
	if dis != 1000 || adj.shares != 100 || adj.basis != 52 || adj.step != 3 || rest.shares != 50 || rest.basis != 42 || rest.step != 11 {
		t.Errorf("got %+v %+v %v", adj, rest, dis)
	}
	// A gain disallows nothing.
	adj, _, dis = washSale(sold, 55, 10, lot{shares: 10, basis: 55, step: 10})
	if dis != 0 || adj.basis != 55 {
		t.Errorf("gain: %+v %v", adj, dis)
	}
}

func TestIndexSectorsMatchWeights(t *testing.T) {
	ix := newIndex(500)
	w := make([]float64, len(sectors))
	total := 0.0
	for i, s := range ix.sector {
		w[s] += ix.weight[i]
		total += ix.weight[i]
	}
	if math.Abs(total-1) > 1e-9 {
		t.Fatalf("weights sum to %v", total)
	}
	for k, s := range sectors {
		if math.Abs(w[k]-s.Weight/0.992) > 0.01 {
			t.Errorf("%s: %.3f, want ≈ %.3f", s.Name, w[k], s.Weight)
		}
	}
	if ix.weight[0] < 0.05 || ix.weight[0] > 0.1 {
		t.Errorf("top weight %.3f", ix.weight[0])
	}
}

func TestMoneyWeightedReturn(t *testing.T) {
	r := moneyWeightedReturn(100, []float64{0, 0}, 121)
	if math.Abs(r-0.1) > 1e-9 {
		t.Fatalf("r = %v", r)
	}
	// 100 now, 100 in a year, 231 after two years at 10%.
	r = moneyWeightedReturn(100, []float64{0, 100}, 231)
	if math.Abs(r-0.1) > 1e-9 {
		t.Fatalf("r = %v", r)
	}
}

// refBook is the straightforward highest-first list the book must behave
// exactly like (same lots, same gains to the bit).
type refBook []lot

func (b *refBook) buy(shares, basis float64, step int32) {
	s := *b
	i := 0
	for i < len(s) && s[i].basis >= basis {
		i++
	}
	if i > 0 && s[i-1].basis == basis && s[i-1].step == step {
		s[i-1].shares += shares
		return
	}
	s = append(s, lot{})
	copy(s[i+1:], s[i:])
	s[i] = lot{shares: shares, basis: basis, step: step}
	*b = s
}

func (b *refBook) sell(n, price float64, step int32, g *gains, harvest bool, limit float64) (sold, basis float64) {
	s := *b
	k := 0
	for k < len(s) && (harvest && s[k].basis > limit || !harvest && n > 0) {
		l := &s[k]
		q := l.shares
		whole := harvest || l.shares <= n*(1+1e-12)
		if !whole {
			q = n
		}
		g.add(l.step, step, q*(price-l.basis))
		sold += q
		basis += q * l.basis
		n -= q
		if !whole {
			l.shares -= q
			break
		}
		k++
	}
	*b = s[:copy(s, s[k:])]
	return sold, basis
}

func TestBookMatchesHighestFirstList(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for trial := range 200 {
		var b book
		var ref refBook
		for step := range int32(60) {
			price := float64(1+r.IntN(8)) / 4 // repeated prices: ties and merges
			switch op := r.IntN(4); {
			case op <= 1:
				q := r.Float64()
				b.buy(q, price, step)
				ref.buy(q, price, step)
				if r.IntN(3) == 0 { // a second purchase in the step
					b.buy(q, price, step)
					ref.buy(q, price, step)
				}
			case op == 2:
				var g1, g2 gains
				n := r.Float64()
				s1, c1 := b.sellHIFO(n, price, step, &g1)
				s2, c2 := ref.sell(n, price, step, &g2, false, 0)
				if s1 != s2 || c1 != c2 || g1 != g2 {
					t.Fatalf("trial %d step %d: sell %v %v %v, want %v %v %v", trial, step, s1, c1, g1, s2, c2, g2)
				}
			default:
				var g1, g2 gains
				s1, c1 := b.harvest(price*1.05, price, step, &g1)
				s2, c2 := ref.sell(0, price, step, &g2, true, price*1.05)
				if s1 != s2 || c1 != c2 || g1 != g2 {
					t.Fatalf("trial %d step %d: harvest %v %v %v, want %v %v %v", trial, step, s1, c1, g1, s2, c2, g2)
				}
			}
			if len(b) != len(ref) {
				t.Fatalf("trial %d step %d: %d lots, want %d", trial, step, len(b), len(ref))
			}
			for k := range ref {
				if b.hifo(k) != ref[k] {
					t.Fatalf("trial %d step %d: lot %d %+v, want %+v", trial, step, k, b.hifo(k), ref[k])
				}
			}
			var g1, g2 gains
			b.unrealized(price, step, step%2 == 0, &g1)
			for _, l := range ref {
				gain := l.shares * (price - l.basis)
				if step%2 == 0 && gain > 0 && longTerm(l.step, step) {
					continue
				}
				g2.add(l.step, step, gain)
			}
			if g1 != g2 {
				t.Fatalf("unrealized %v, want %v", g1, g2)
			}
		}
	}
}
