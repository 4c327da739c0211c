package calc

import (
	"math"
	"testing"
)

func TestBookKeepsHIFOOrder(t *testing.T) {
	var b book
	b.buy(10, 1.0, 0)
	b.buy(5, 1.5, 1)
	b.buy(7, 0.8, 2)
	b.buy(3, 1.5, 1) // same step and basis: merged
	if len(b) != 3 || b[0].basis != 1.5 || b[0].shares != 8 || b[2].basis != 0.8 {
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
	if len(b) != 2 || b[0].shares != 9 {
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
	if sold != 2 || len(b) != 1 || b[0].basis != 0.5 {
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
