package calc

import (
	"math"
	"testing"
)

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
