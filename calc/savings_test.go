package calc

import (
	"math"
	"net/url"
	"testing"

	"smacalc/calc/scenario"
)

// TestSavingsWithdraw checks the papers' accounting: the SMA pays out
// exactly the tax it saved each year (fund tax − SMA tax, when positive),
// recorded as a withdrawal, and the fund's flows do not change.
func TestSavingsWithdraw(t *testing.T) {
	const q = "stocks=60&paths=1&horizon=6&stgains=300000&smafee=0&fundfee=0"
	keep := mustDecode(t, q)
	out := mustDecode(t, q+"&savings=withdraw")
	tx, _ := newTaxer(keep)
	a := newPathSim(keep, tx).run(0)
	b := newPathSim(out, tx).run(0)
	paid := 0.0
	for y := 0; y+1 < out.Horizon; y++ {
		paid += max(b.Years[y].FundTax-b.Years[y].SMATax, 0)
	}
	if paid <= 0 {
		t.Fatalf("no tax saved to pay out: %+v", b.Years)
	}
	if d := a.SMA.Contrib - b.SMA.Contrib; math.Abs(d-paid) > 1e-6*paid {
		t.Errorf("SMA contributions fell by %.2f, tax saved before the last year %.2f", d, paid)
	}
	if a.Fund.AfterTax != b.Fund.AfterTax || a.Fund.Contrib != b.Fund.Contrib {
		t.Errorf("the fund changed: %+v vs %+v", a.Fund, b.Fund)
	}
	if a.Years[0] != b.Years[0] {
		t.Errorf("year 1 changed (nothing is paid out before year 2): %+v vs %+v", a.Years[0], b.Years[0])
	}
}

func TestSavingsKey(t *testing.T) {
	s := mustDecode(t, "savings=Withdraw")
	if s.Savings != "withdraw" {
		t.Fatalf("Savings = %q", s.Savings)
	}
	if got := mustDecode(t, s.Encode()); got.Savings != "withdraw" {
		t.Errorf("round trip lost savings: %q", s.Encode())
	}
	if q := scenario.DefaultScenario().Encode(); containsKey(q, "savings") {
		t.Errorf("the default writes savings: %s", q)
	}
	_, err := scenario.Decode("savings=spend")
	if ve, ok := err.(*scenario.ValidationError); !ok || len(ve.Problems) != 1 || ve.Problems[0].Key != "savings" {
		t.Errorf("savings=spend: %v", err)
	}
}

func containsKey(q, k string) bool {
	v, err := url.ParseQuery(q)
	return err == nil && v.Has(k)
}
