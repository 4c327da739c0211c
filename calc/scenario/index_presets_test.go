package scenario

import (
	"math"
	"net/url"
	"testing"
)

func mustDecode(t testing.TB, q string) Scenario {
	t.Helper()
	s, err := Decode(q)
	if err != nil {
		t.Fatalf("Decode(%q): %v", q, err)
	}
	return s
}

func containsKey(q, k string) bool {
	v, err := url.ParseQuery(q)
	return err == nil && v.Has(k)
}

func TestIndexPresets(t *testing.T) {
	for _, c := range []struct {
		q        string
		stocks   int
		turnover float64
		canon    bool // Encode writes index
	}{
		{"", 500, 0.045, false},
		{"index=sp500", 500, 0.045, false},
		{"index=R1000", 1000, 0.045, true},
		{"index=r3000", 1000, 0.045, true},
		{"index=r3000&stocks=300&turnover=0.02", 300, 0.02, true},
		{"stocks=300&index=r1000", 300, 0.045, true},
	} {
		s := mustDecode(t, c.q)
		if s.Stocks != c.stocks || s.Turnover != c.turnover {
			t.Errorf("%q: stocks %d turnover %v, want %d %v", c.q, s.Stocks, s.Turnover, c.stocks, c.turnover)
		}
		if containsKey(s.Encode(), "index") != c.canon {
			t.Errorf("%q: canonical %s", c.q, s.Encode())
		}
		if back := mustDecode(t, s.Encode()); back.Encode() != s.Encode() || back.Stocks != s.Stocks || back.Turnover != s.Turnover || back.Index != s.Index {
			t.Errorf("%q: round trip %s → %s", c.q, s.Encode(), back.Encode())
		}
	}
	_, err := Decode("index=nasdaq")
	if ve, ok := err.(*ValidationError); !ok || len(ve.Problems) != 1 || ve.Problems[0].Key != "index" {
		t.Errorf("index=nasdaq: %v", err)
	}
}

// TestRepresentativeSample: a 3000-company index simulated with 1000
// stocks keeps the total weight, each stock stands for three companies
// (its size a third of its weight) and sizes fall with rank.
func TestRepresentativeSample(t *testing.T) {
	ix := mustDecode(t, "index=r3000").Constituents()
	if len(ix.Weight) != 1000 {
		t.Fatalf("%d stocks", len(ix.Weight))
	}
	total := 0.0
	for k, w := range ix.Weight {
		total += w
		if math.Abs(ix.Size[k]*3-w) > 1e-15 {
			t.Fatalf("stock %d: weight %v, size %v", k, w, ix.Size[k])
		}
		if k > 0 && !(ix.Size[k] < ix.Size[k-1]) {
			t.Fatalf("sizes not descending at %d", k)
		}
	}
	if math.Abs(total-1) > 1e-12 {
		t.Errorf("weights sum to %v", total)
	}
	// The largest of 3000 Zipf(0.8) companies weighs 1/H ≈ 4.9%, the
	// first stock stands for the three largest: (1 + 2^−0.8 + 3^−0.8)/H.
	h := 0.0
	for r := 1; r <= 3000; r++ {
		h += math.Pow(float64(r), -ZipfExponent)
	}
	if top := 1 / h; top < 0.048 || top > 0.050 {
		t.Errorf("largest company %v", top)
	}
	if want := (1 + math.Pow(2, -ZipfExponent) + math.Pow(3, -ZipfExponent)) / h; math.Abs(ix.Weight[0]-want) > 1e-12 {
		t.Errorf("first stock %v, want %v", ix.Weight[0], want)
	}
	// Without sampling, sizes are the weights.
	full := mustDecode(t, "index=r1000").Constituents()
	for k := range full.Weight {
		if full.Size[k] != full.Weight[k] {
			t.Fatalf("r1000 stock %d: size %v, weight %v", k, full.Size[k], full.Weight[k])
		}
	}
}
