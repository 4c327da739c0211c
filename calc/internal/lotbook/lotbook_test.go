package lotbook

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestBookKeepsHIFOOrder(t *testing.T) {
	var b Book
	b.Buy(10, 1.0, 0)
	b.Buy(5, 1.5, 1)
	b.Buy(7, 0.8, 2)
	b.Buy(3, 1.5, 1) // same step and basis: merged
	if len(b) != 3 || b.HIFO(0).Basis != 1.5 || b.HIFO(0).Shares != 8 || b.HIFO(2).Basis != 0.8 {
		t.Fatalf("Book = %+v", b)
	}
	var g Gains
	sold, basis := b.SellHIFO(9, 1.2, 20, &g)
	if sold != 9 || math.Abs(basis-(8*1.5+1*1.0)) > 1e-12 {
		t.Fatalf("sold %v basis %v", sold, basis)
	}
	// Lot at 1.5 (step 1) sold at step 20: long-term; Lot at 1.0 (step 0): long-term.
	if math.Abs(g.LT-(8*(1.2-1.5)+1*(1.2-1.0))) > 1e-12 || g.ST != 0 {
		t.Fatalf("gains %+v", g)
	}
	if len(b) != 2 || b.HIFO(0).Shares != 9 {
		t.Fatalf("after sale %+v", b)
	}
}

func TestHarvestSellsLotsBelowThreshold(t *testing.T) {
	var b Book
	b.Buy(1, 2.0, 0)
	b.Buy(1, 1.1, 5)
	b.Buy(1, 0.5, 6)
	price := 1.0
	c := b.CheckHarvest(price, 1/(1-0.05), 10, 0) // lots with basis > 1.0526
	b = b[:c.Keep]
	sold, g := c.Sold, c.Gains
	if sold != 2 || len(b) != 1 || b.HIFO(0).Basis != 0.5 {
		t.Fatalf("sold %v, Book %+v", sold, b)
	}
	if math.Abs(g.ST-(-1.0-0.1)) > 1e-12 || g.LT != 0 {
		t.Fatalf("gains %+v", g)
	}
}

func TestLongTermNeedsMoreThanAYear(t *testing.T) {
	if LongTerm(0, 12) || !LongTerm(0, 13) || !LongTerm(-13, 0) {
		t.Fatal("holding period rule")
	}
}

func TestWashSaleAdjustsBasisAndHoldingPeriod(t *testing.T) {
	sold := Lot{Shares: 100, Basis: 50, Step: 2}
	// Sold at 40 at step 10 (loss 10/share), 60 shares bought back at 42 in the window.
	adj, rest, dis := WashSale(sold, 40, 10, Lot{Shares: 60, Basis: 42, Step: 10})
	if dis != 600 {
		t.Errorf("disallowed %v, want 600", dis)
	}
	if adj.Shares != 60 || adj.Basis != 52 || adj.Step != 2 {
		t.Errorf("adjusted %+v, want 60 @52 held since step 2", adj)
	}
	if rest.Shares != 0 {
		t.Errorf("rest %+v", rest)
	}
	// More shares bought than sold: only 100 replace.
	adj, rest, dis = WashSale(sold, 40, 10, Lot{Shares: 150, Basis: 42, Step: 11})
	if dis != 1000 || adj.Shares != 100 || adj.Basis != 52 || adj.Step != 3 || rest.Shares != 50 || rest.Basis != 42 || rest.Step != 11 {
		t.Errorf("got %+v %+v %v", adj, rest, dis)
	}
	// A gain disallows nothing.
	adj, _, dis = WashSale(sold, 55, 10, Lot{Shares: 10, Basis: 55, Step: 10})
	if dis != 0 || adj.Basis != 55 {
		t.Errorf("gain: %+v %v", adj, dis)
	}
}

// refBook is the straightforward highest-first list the Book must behave
// exactly like (same lots, same gains to the bit).
type refBook []Lot

func (b *refBook) buy(shares, basis float64, step int32) {
	s := *b
	i := 0
	for i < len(s) && s[i].Basis >= basis {
		i++
	}
	if i > 0 && s[i-1].Basis == basis && s[i-1].Step == step {
		s[i-1].Shares += shares
		return
	}
	s = append(s, Lot{})
	copy(s[i+1:], s[i:])
	s[i] = Lot{Shares: shares, Basis: basis, Step: step}
	*b = s
}

func (b *refBook) sell(n, price float64, step int32, g *Gains, harvest bool, limit float64) (sold, basis float64) {
	s := *b
	k := 0
	for k < len(s) && (harvest && s[k].Basis > limit || !harvest && n > 0) {
		l := &s[k]
		q := l.Shares
		whole := harvest || l.Shares <= n*(1+1e-12)
		if !whole {
			q = n
		}
		g.Add(l.Step, step, q*(price-l.Basis))
		sold += q
		basis += q * l.Basis
		n -= q
		if !whole {
			l.Shares -= q
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
		var b Book
		var ref refBook
		for step := range int32(60) {
			price := float64(1+r.IntN(8)) / 4 // repeated prices: ties and merges
			switch op := r.IntN(4); {
			case op <= 1:
				q := r.Float64()
				b.Buy(q, price, step)
				ref.buy(q, price, step)
				if r.IntN(3) == 0 { // a second purchase in the step
					b.Buy(q, price, step)
					ref.buy(q, price, step)
				}
			case op == 2:
				var g1, g2 Gains
				n := r.Float64()
				s1, c1 := b.SellHIFO(n, price, step, &g1)
				s2, c2 := ref.sell(n, price, step, &g2, false, 0)
				if s1 != s2 || c1 != c2 || g1 != g2 {
					t.Fatalf("trial %d step %d: sell %v %v %v, want %v %v %v", trial, step, s1, c1, g1, s2, c2, g2)
				}
			default:
				var g2 Gains
				c := b.CheckHarvest(price, 1.05, step, 0)
				b = b[:c.Keep]
				s1, c1, g1 := c.Sold, c.Basis, c.Gains
				s2, c2 := ref.sell(0, price, step, &g2, true, price*1.05)
				if s1 != s2 || c1 != c2 || g1 != g2 {
					t.Fatalf("trial %d step %d: harvest %v %v %v, want %v %v %v", trial, step, s1, c1, g1, s2, c2, g2)
				}
			}
			if len(b) != len(ref) {
				t.Fatalf("trial %d step %d: %d lots, want %d", trial, step, len(b), len(ref))
			}
			for k := range ref {
				if b.HIFO(k) != ref[k] {
					t.Fatalf("trial %d step %d: Lot %d %+v, want %+v", trial, step, k, b.HIFO(k), ref[k])
				}
			}
			var g1, g2 Gains
			b.Unrealized(price, step, step%2 == 0, &g1)
			for _, l := range ref {
				gain := l.Shares * (price - l.Basis)
				if step%2 == 0 && gain > 0 && LongTerm(l.Step, step) {
					continue
				}
				g2.Add(l.Step, step, gain)
			}
			if g1 != g2 {
				t.Fatalf("unrealized %v, want %v", g1, g2)
			}
		}
	}
}

// A check's Price is where a harvest's loss crosses the minimum: a
// harvest a little below it realizes at least the loss, one a little
// above less.
func TestCheckPrice(t *testing.T) {
	const lf = 1 / (1 - 0.1)
	for _, c := range []struct {
		name string
		book Book
		loss float64
	}{
		{"one lot", Book{{Shares: 10, Basis: 100}}, 50},
		{"the top lot alone", Book{{Shares: 5, Basis: 50}, {Shares: 10, Basis: 100}}, 50},
		{"needs the lower lot", Book{{Shares: 100, Basis: 88}, {Shares: 1, Basis: 100}}, 300},
		{"every lot", Book{{Shares: 1, Basis: 80}, {Shares: 1, Basis: 90}, {Shares: 1, Basis: 100}}, 60},
	} {
		p := c.book.CheckHarvest(c.book.MaxBasis(), lf, 0, c.loss).Price // nothing sold there
		if p <= 0 {
			t.Fatalf("%s: price %v", c.name, p)
		}
		lossAt := func(pr float64) float64 {
			g := c.book.CheckHarvest(pr, lf, 0, 0).Gains
			return -(g.ST + g.LT)
		}
		if l := lossAt(p * (1 - 1e-9)); l < c.loss*(1-1e-9) {
			t.Errorf("%s: below %v the loss is %v, under %v", c.name, p, l, c.loss)
		}
		if l := lossAt(p * (1 + 1e-6)); l >= c.loss {
			t.Errorf("%s: above %v the loss is %v, not under %v", c.name, p, l, c.loss)
		}
		// A check is made below the price and not above it, where it gives the price.
		if ch := c.book.CheckHarvest(p*(1-1e-6), lf, 0, c.loss); !ch.Made {
			t.Errorf("%s: below %v the sale is not made: %+v", c.name, p, ch)
		}
		if ch := c.book.CheckHarvest(p*(1+1e-6), lf, 0, c.loss); ch.Made || ch.Price != p {
			t.Errorf("%s: above %v the check is %+v", c.name, p, ch)
		}
	}
	if p := (Book{{Shares: 1, Basis: 10}}).CheckHarvest(10, lf, 0, 100).Price; p != 0 {
		t.Errorf("a loss beyond the whole cost: price %v, want 0", p)
	}
}

// UnrealizedBooks gives, to the bit, what Unrealized gives book by book,
// on books of even and odd lengths (none, one, several lots), and with
// donate.
func TestUnrealizedBooks(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		books := make([]Book, 1+r.IntN(12))
		price := make([]float64, len(books))
		for i := range books {
			for range r.IntN(7) {
				books[i].Buy(r.Float64()*10, 0.5+r.Float64(), int32(r.IntN(40)))
			}
			price[i] = 0.5 + r.Float64()
		}
		step := int32(20 + r.IntN(30))
		donate := trial%4 == 0
		want := Gains{ST: r.Float64(), LT: r.Float64()}
		got := want
		for i, b := range books {
			b.Unrealized(price[i], step, donate, &want)
		}
		UnrealizedBooks(books, price, step, donate, &got)
		if got != want {
			t.Fatalf("trial %d (donate %v): %+v, want %+v", trial, donate, got, want)
		}
	}
}
