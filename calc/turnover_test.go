package calc

import (
	"math"
	"testing"

	"smacalc/calc/scenario"
)

// TestTurnoverRate checks that the names drawn to leave add up to the
// yearly turnover (1000 names over 40 quarters at 20% a year), that the
// share "takeover" of them leave by a cash takeover, and that asking for
// takeovers replaces exactly the same names.
func TestTurnoverRate(t *testing.T) {
	plain := newPathSim(mustDecode(t, "stocks=1000&paths=1&turnover=0.2"), nil)
	p := newPathSim(mustDecode(t, "stocks=1000&paths=1&turnover=0.2&takeover=0.5"), nil)
	plain.turn.begin(12345)
	p.turn.begin(12345)
	n, cash := 0, 0
	for q := int32(1); q <= 40; q++ {
		leaves, plainLeaves := p.turn.leavers(3*q), plain.turn.leavers(3*q)
		for i := range 1000 {
			u, leaving := leaves.leaving(i)
			takenOver := leaving && leaves.takenOver(u)
			pu, was := plainLeaves.leaving(i)
			if plainCash := was && plainLeaves.takenOver(pu); was != leaving || plainCash {
				t.Fatalf("quarter %d name %d: leaves %v with takeovers, %v (cash %v) without", q, i, leaving, was, plainCash)
			}
			if takenOver && !leaving {
				t.Fatalf("quarter %d name %d: taken over without leaving", q, i)
			}
			if leaving {
				n++
			}
			if takenOver {
				cash++
			}
		}
	}
	// Expected 2000 (10 years × 20% × 1000); sd ≈ 42.
	if math.Abs(float64(n)-2000) > 200 {
		t.Errorf("%d names left in 10 years, want about 2000", n)
	}
	// Half of them by cash takeover; sd ≈ 22.
	if math.Abs(float64(cash)-float64(n)/2) > 110 {
		t.Errorf("%d of %d leaving names were taken over, want about half", cash, n)
	}
	if turnoverPerQuarter(0) != 0 {
		t.Error("no turnover replaces names")
	}
}

// TestTurnoverForcesGains: in a market that only rises, every replaced
// name is sold at a gain the SMA pays tax on and the fund does not; the
// market and the fund are unchanged.
func TestTurnoverForcesGains(t *testing.T) {
	const q = "vol=0&idio=0&div=0&ret=0.1&smafee=0&fundfee=0&tradecost=0&stocks=50&paths=1&horizon=5&end=hold"
	none := mustDecode(t, q+"&turnover=0")
	some := mustDecode(t, q+"&turnover=0.3")
	tx, _ := newTaxer(none)
	a := newPathSim(none, tx).run(0)
	b := newPathSim(some, tx).run(0)
	forced := 0.0
	for y, yr := range b.Years {
		if yr.ForcedGains < 0 {
			t.Errorf("year %d: forced loss %.2f in a rising market", y+1, yr.ForcedGains)
		}
		forced += yr.ForcedGains
		if a.Years[y].ForcedGains != 0 {
			t.Errorf("year %d: forced gains without turnover", y+1)
		}
	}
	if forced <= 0 {
		t.Fatal("no forced gains at 30% turnover")
	}
	if b.SMA.Taxes <= a.SMA.Taxes {
		t.Errorf("SMA taxes %.2f with turnover, %.2f without", b.SMA.Taxes, a.SMA.Taxes)
	}
	if a.Fund != b.Fund {
		t.Errorf("the fund changed with turnover")
	}
}

func TestTurnoverKey(t *testing.T) {
	if q := scenario.DefaultScenario().Encode(); containsKey(q, "turnover") {
		t.Errorf("the default writes turnover: %s", q)
	}
	s := mustDecode(t, "turnover=0")
	if s.Turnover != 0 || mustDecode(t, s.Encode()).Turnover != 0 {
		t.Errorf("turnover=0 round trip: %q", s.Encode())
	}
	_, err := scenario.Decode("turnover=0.9")
	if ve, ok := err.(*scenario.ValidationError); !ok || ve.Problems[0].Key != "turnover" {
		t.Errorf("turnover=0.9: %v", err)
	}
}
