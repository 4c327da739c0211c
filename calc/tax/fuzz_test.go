package tax

import (
	"math"
	"testing"
)

// fuzzScenario maps fuzzer bytes to a table, a status and a state.
func fuzzScenario(t *testing.T, year, status, state uint8) (*Table, Status, State) {
	years := Years()
	codes := StateCodes()
	var st State
	if i := int(state) % (len(codes) + 1); i < len(codes) {
		st, _ = StatePreset(codes[i])
	} else {
		st = FlatState(float64(state) / 1000)
	}
	return mustTable(t, years[int(year)%len(years)]), Status(status % uint8(statusCount)), st
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// checkReturnF checks what must hold of any return, whatever the input.
func checkReturnF(t *testing.T, r ReturnF) {
	t.Helper()
	if !finite(r.TaxableIncome, r.IncomeTax, r.AMT, r.NIIT, r.StateTax, r.LocalTax, r.Total, r.Carryforward.ShortTerm, r.Carryforward.LongTerm,
		r.MarginalOrdinaryRate, r.MarginalLTCGRate, r.AdjustedGrossIncome, r.CapitalGain, r.NetInvestmentIncome) {
		t.Fatalf("non-finite result %+v", r)
	}
	if r.TaxableIncome < 0 || r.IncomeTax < 0 || r.AMT < 0 || r.NIIT < 0 || r.StateTax < 0 || r.LocalTax < 0 || r.Carryforward.ShortTerm < 0 ||
		r.Carryforward.LongTerm < 0 || r.MarginalOrdinaryRate < 0 || r.MarginalLTCGRate < 0 ||
		r.MarginalOrdinaryRate > 0.408+1e-12 || r.MarginalLTCGRate > 0.408+1e-12 {
		t.Fatalf("out of range %+v", r)
	}
	sum := r.IncomeTax + r.AMT + r.NIIT + r.StateTax + r.LocalTax
	if r.Total != sum && math.Abs(r.Total-sum) > 1e-6*math.Max(1, r.Total) {
		t.Fatalf("total %v != %v + %v + %v + %v + %v", r.Total, r.IncomeTax, r.AMT, r.NIIT, r.StateTax, r.LocalTax)
	}
}

// differentialRange is where the fuzz tests compare the float path with
// the decimal path (the float path clamps beyond 10^13 dollars).
const differentialRange = 1e11

// FuzzCompute feeds arbitrary floats (NaN, infinities, huge, negative) to
// the float path, which must not panic and must return finite, sane
// results; within ±10^11 dollars the decimal path, given the same cents
// (RoundToCent), must agree to the cent.
func FuzzCompute(f *testing.F) {
	f.Add(uint8(2), uint8(0), uint8(0), 120000.0, 3000.0, 0.0, 15000.0, 0.0, 0.0)
	f.Add(uint8(2), uint8(1), uint8(8), 600000.0, 0.0, 40000.0, -60000.0, 0.0, 0.0)
	f.Add(uint8(2), uint8(2), uint8(3), 90000.0, 0.0, 0.0, -5000.0, 0.0, 0.0)
	f.Add(uint8(1), uint8(3), uint8(1), 50000.0, 0.0, 0.0, 30000.0, 0.0, 0.0)
	f.Add(uint8(0), uint8(0), uint8(2), 250000.0, 0.0, 0.0, 100000.0, 0.0, 0.0)
	f.Add(uint8(2), uint8(0), uint8(200), 80000.0, 0.0, 0.0, 10000.0, 4000.0, 0.0)
	f.Add(uint8(2), uint8(1), uint8(0), 40000.0, 2000.0, 0.0, 80000.0, 0.0, 0.0)
	f.Add(uint8(2), uint8(0), uint8(0), 1.005, 0.285, -0.125, 0.015, 0.005, 0.0)
	f.Add(uint8(2), uint8(0), uint8(0), math.NaN(), math.Inf(1), math.Inf(-1), -1e300, 1e300, math.NaN())
	f.Add(uint8(2), uint8(0), uint8(0), -5000.0, -1.0, 1e13, -1e13, -3.0, -4.0)
	f.Fuzz(func(t *testing.T, year, status, state uint8, wages, qd, stcg, ltcg, cfST, cfLT float64) {
		tb, s, st := fuzzScenario(t, year, status, state)
		in, cf := IncomeF{Wages: wages, QualifiedDividends: qd, ShortTermGain: stcg, LongTermGain: ltcg}, CarryforwardF{ShortTerm: cfST, LongTerm: cfLT}
		got := ComputeF(tb, s, st, in, cf)
		checkReturnF(t, got)
		for _, x := range []float64{wages, qd, stcg, ltcg, cfST, cfLT} {
			if !finite(x) || math.Abs(x) > differentialRange {
				return
			}
		}
		d := RoundToCent
		compareReturns(t, scenario{tb, s, st, in, cf}, got, Compute(tb, s, st,
			Income{Wages: d(wages), QualifiedDividends: d(qd), ShortTermGain: d(stcg), LongTermGain: d(ltcg)}, Carryforward{ShortTerm: d(cfST), LongTerm: d(cfLT)}))
	})
}

// FuzzPortfolioTax checks the incremental tax: no panic, finite, the float
// and decimal paths within a cent.
func FuzzPortfolioTax(f *testing.F) {
	f.Add(uint8(2), uint8(0), uint8(0), 400000.0, 50000.0, 0.0, 1500.0, -50000.0, 0.0, 0.0, 0.0)
	f.Add(uint8(2), uint8(1), uint8(0), 250000.0, 0.0, 0.0, 15000.0, -20000.0, 30000.0, 5000.0, 0.0)
	f.Add(uint8(0), uint8(2), uint8(3), 0.0, 0.0, 0.0, 0.0, 0.0, -1e6, 0.0, 2e6)
	f.Add(uint8(1), uint8(3), uint8(9), math.NaN(), math.Inf(1), 0.0, math.Inf(-1), 1e300, -1e300, math.NaN(), 1.0)
	f.Fuzz(func(t *testing.T, year, status, state uint8, wages, otherST, otherLT, qd, stcg, ltcg, cfST, cfLT float64) {
		tb, s, st := fuzzScenario(t, year, status, state)
		// Gifts (itemized.go) drawn from the same numbers: the investor
		// gives cash and itemizes, the portfolio gives shares in place of
		// part of the cash and carries a charitable carryover.
		give, gift, other := math.Abs(qd)*8, math.Abs(qd)*4, math.Abs(cfLT)
		inv := NewInvestor(tb, s, st, IncomeF{Wages: wages, ShortTermGain: otherST, LongTermGain: otherLT, CashGift: give, OtherItemized: other})
		portfolio := IncomeF{QualifiedDividends: qd, ShortTermGain: stcg, LongTermGain: ltcg, PropertyGift: gift, CashGift: -gift}
		cf := CarryforwardF{ShortTerm: cfST, LongTerm: cfLT, Gifts: [GiftCarryYears]float64{math.Abs(cfST), 0, math.Abs(ltcg) / 4}}
		tax, out := inv.PortfolioTaxF(portfolio, cf)
		if !finite(tax, out.ShortTerm, out.LongTerm) || out.ShortTerm < 0 || out.LongTerm < 0 {
			t.Fatalf("PortfolioTaxF = %v, %+v", tax, out)
		}
		for _, g := range out.Gifts {
			if !finite(g) || g < 0 {
				t.Fatalf("PortfolioTaxF gift carryover = %v", out.Gifts)
			}
		}
		for _, x := range []float64{wages, otherST, otherLT, qd, stcg, ltcg, cfST, cfLT} {
			if !finite(x) || math.Abs(x) > differentialRange {
				return
			}
		}
		d := RoundToCent
		dcf := Carryforward{ShortTerm: d(cfST), LongTerm: d(cfLT)}
		for k, g := range cf.Gifts {
			dcf.Gifts[k] = d(g)
		}
		dt := inv.PortfolioTax(Income{QualifiedDividends: d(qd), ShortTermGain: d(stcg), LongTermGain: d(ltcg), PropertyGift: d(gift), CashGift: d(-gift)}, dcf)
		for k, g := range out.Gifts {
			if math.Abs(g-dt.Carryforward.Gifts[k].InexactFloat64()) > 0.01+1e-9*g {
				t.Fatalf("gift carryover: float %v, decimal %v", out.Gifts, dt.Carryforward.Gifts)
			}
		}
		if math.Abs(tax-dt.Tax.InexactFloat64()) > 0.01+1e-9*math.Abs(tax) ||
			math.Abs(out.ShortTerm-dt.Carryforward.ShortTerm.InexactFloat64()) > 0.01+1e-9*out.ShortTerm ||
			math.Abs(out.LongTerm-dt.Carryforward.LongTerm.InexactFloat64()) > 0.01+1e-9*out.LongTerm {
			t.Fatalf("float %v %+v, decimal %v %v", tax, out, dt.Tax, dt.Carryforward)
		}
	})
}
