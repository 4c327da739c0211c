package tax

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// benchPortfolios are varied portfolio years (gains and losses of both
// characters, with and without carryforward), so the benchmark exercises
// every branch instead of one well-predicted path.
func benchPortfolios(b *testing.B) (*Investor, []IncomeF, []CarryforwardF) {
	r := rand.New(rand.NewPCG(1, 1))
	ca, _ := StatePreset("CA")
	inv := NewInvestor(mustTable(b, 2026), MarriedJoint, ca, IncomeF{Wages: 400_000, ShortTermGain: 50_000})
	ps := make([]IncomeF, 1024)
	cfs := make([]CarryforwardF, len(ps))
	for i := range ps {
		ps[i] = IncomeF{
			QualifiedDividends: amount(r, 0, 20_000),
			ShortTermGain:      amount(r, -100_000, 50_000),
			LongTermGain:       amount(r, -50_000, 150_000),
		}
		cfs[i] = CarryforwardF{ShortTerm: amount(r, 0, 30_000), LongTerm: amount(r, 0, 30_000)}
	}
	return inv, ps, cfs
}

// BenchmarkPortfolioTaxF is the Monte Carlo kernel's call: ns per
// incremental-tax computation on float64.
func BenchmarkPortfolioTaxF(b *testing.B) {
	inv, ps, cfs := benchPortfolios(b)
	var sink float64
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		tax, cf := inv.PortfolioTaxF(ps[i&1023], cfs[i&1023])
		sink += tax + cf.ShortTerm
	}
	_ = sink
}

// BenchmarkPortfolioTax is the decimal twin (the ledger's call), with both
// returns and their worksheets.
func BenchmarkPortfolioTax(b *testing.B) {
	inv, ps, cfs := benchPortfolios(b)
	d := decimal.NewFromFloat
	dps := make([]Income, len(ps))
	dcfs := make([]Carryforward, len(ps))
	for i, p := range ps {
		dps[i] = Income{Wages: d(0), QualifiedDividends: d(p.QualifiedDividends), ShortTermGain: d(p.ShortTermGain), LongTermGain: d(p.LongTermGain)}
		dcfs[i] = Carryforward{ShortTerm: d(cfs[i].ShortTerm), LongTerm: d(cfs[i].LongTerm)}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = inv.PortfolioTax(dps[i&1023], dcfs[i&1023])
	}
}

// BenchmarkComputeF is one whole return on the float path, marginal rates
// included (the table is converted on each call).
func BenchmarkComputeF(b *testing.B) {
	tb := mustTable(b, 2026)
	ca, _ := StatePreset("CA")
	b.ReportAllocs()
	for b.Loop() {
		_ = ComputeF(tb, Single, ca, IncomeF{Wages: 120_000, QualifiedDividends: 3_000, LongTermGain: 15_000}, CarryforwardF{})
	}
}

// BenchmarkCompute is one whole return on the decimal path.
func BenchmarkCompute(b *testing.B) {
	tb := mustTable(b, 2026)
	ca, _ := StatePreset("CA")
	in := Income{Wages: dec("120000"), QualifiedDividends: dec("3000"), ShortTermGain: decimal.Zero, LongTermGain: dec("15000")}
	b.ReportAllocs()
	for b.Loop() {
		_ = Compute(tb, Single, ca, in, Carryforward{})
	}
}
