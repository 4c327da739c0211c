package calc

import (
	"math"
	"testing"

	"smacalc/calc/internal/market"
)

// TestStockVolsByWeight checks the size–volatility relation: the
// cap-weighted average of each name's non-market volatility is idio, it
// falls with weight as w^−β, and every name's drift keeps its expected
// growth at the market's.
func TestStockVolsByWeight(t *testing.T) {
	for _, q := range []string{"stocks=500", "stocks=40&idio=0.6", "stocks=1000&idio=0.1"} {
		s := mustDecode(t, q)
		ix := newIndex(s.Stocks)
		v := stockVols(s, ix)
		sv := s.Idio * math.Sqrt(sectorVarianceShare)
		ev := s.Idio * math.Sqrt(1-sectorVarianceShare)
		avg := 0.0
		for i, w := range ix.weight {
			e := v[i].Rel * ev
			avg += w * math.Sqrt(sv*sv+e*e)
			if i > 0 {
				want := math.Pow(ix.weight[i]/ix.weight[0], -sizeVolExponent)
				if got := v[i].Rel / v[0].Rel; math.Abs(got-want) > 1e-12*want {
					t.Fatalf("%s: name %d: relative volatility %v, want %v", q, i, got, want)
				}
			}
			// exp(drift + ½σe²dt) is the same for every name.
			if d := v[i].Drift/market.ExpUnitsPerLog + 0.5*e*e*dt - 0.5*ev*ev*dt; math.Abs(d) > 1e-15 {
				t.Fatalf("%s: name %d: drift off by %v", q, i, d)
			}
		}
		if math.Abs(avg-s.Idio) > 1e-12 {
			t.Errorf("%s: cap-weighted idio %v, want %v", q, avg, s.Idio)
		}
		if !(v[0].Rel < 1 && v[len(v)-1].Rel > 1) {
			t.Errorf("%s: largest name %v, smallest %v of the reference", q, v[0].Rel, v[len(v)-1].Rel)
		}
	}
	for _, q := range []string{"stocks=1", "idio=0"} {
		for _, x := range stockVols(mustDecode(t, q), newIndex(mustDecode(t, q).Stocks)) {
			if x != (market.StockVol{Rel: 1}) {
				t.Errorf("%s: %+v, want the uniform volatility", q, x)
			}
		}
	}
}
