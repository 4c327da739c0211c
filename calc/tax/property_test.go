package tax

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// scenario is one random return: a table, a status, a state, the income
// and the carryforward in, all in whole cents.
type scenario struct {
	table  *Table
	status Status
	state  State
	in     IncomeF
	cf     CarryforwardF
}

// amount draws dollars and cents in [lo, hi], zero a quarter of the time
// (zero is where the rules have their edges).
func amount(r *rand.Rand, lo, hi float64) float64 {
	if r.IntN(4) == 0 {
		return 0
	}
	return math.Round(lo*100+r.Float64()*(hi-lo)*100) / 100
}

func randomState(r *rand.Rand) State {
	codes := StateCodes()
	if r.IntN(5) == 0 {
		return FlatState(float64(r.IntN(150_001)) / 1e6)
	}
	st, _ := StatePreset(codes[r.IntN(len(codes))])
	if st.Code == "NY" && r.IntN(2) == 0 {
		st, _ = st.WithLocal("nyc")
	}
	return st
}

func randomScenario(t testing.TB, r *rand.Rand) scenario {
	years := Years()
	// Scales from a modest to a very high income, so every bracket, band
	// and threshold is crossed.
	scale := []float64{30_000, 150_000, 600_000, 3_000_000}[r.IntN(4)]
	return scenario{
		table:  mustTable(t, years[r.IntN(len(years))]),
		status: Status(r.IntN(statusCount)),
		state:  randomState(r),
		in: IncomeF{
			Wages:              amount(r, 0, scale),
			QualifiedDividends: amount(r, 0, scale/10),
			ShortTermGain:      amount(r, -scale/2, scale/2),
			LongTermGain:       amount(r, -scale/2, scale),
		},
		cf: CarryforwardF{ShortTerm: amount(r, 0, scale/4), LongTerm: amount(r, 0, scale/4)},
	}
}

func (sc scenario) computeF() ReturnF {
	return ComputeF(sc.table, sc.status, sc.state, sc.in, sc.cf)
}

func (sc scenario) compute() Return {
	d := decimal.NewFromFloat
	return Compute(sc.table, sc.status, sc.state,
		Income{Wages: d(sc.in.Wages), QualifiedDividends: d(sc.in.QualifiedDividends), ShortTermGain: d(sc.in.ShortTermGain), LongTermGain: d(sc.in.LongTermGain)},
		Carryforward{ShortTerm: d(sc.cf.ShortTerm), LongTerm: d(sc.cf.LongTerm)})
}

const propertyRounds = 20_000

// Tax never decreases when ordinary income rises.
func TestTaxRisesWithOrdinaryIncome(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range propertyRounds {
		sc := randomScenario(t, r)
		before := sc.computeF()
		sc.in.Wages += amount(r, 1, 50_000) // whole dollars and cents
		after := sc.computeF()
		if after.Total < before.Total || after.IncomeTax < before.IncomeTax || after.NIIT < before.NIIT {
			t.Fatalf("%+v: more wages lowered the tax: %+v → %+v", sc, before, after)
		}
	}
}

// The preferential rates never make the tax higher than taxing the same
// taxable income all as ordinary income (worksheet line 25 ≤ line 24): the
// return with the dividends as wages and the long-term items as short-term
// has the same taxable income and no preferential part.
func TestPreferentialNeverAboveOrdinary(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range propertyRounds {
		sc := randomScenario(t, r)
		got := sc.computeF()
		ord := sc
		ord.in = IncomeF{Wages: sc.in.Wages + sc.in.QualifiedDividends, ShortTermGain: sc.in.ShortTermGain + sc.in.LongTermGain}
		ord.cf = CarryforwardF{ShortTerm: sc.cf.ShortTerm + sc.cf.LongTerm}
		all := ord.computeF()
		if got.TaxableIncome != all.TaxableIncome || got.IncomeTax > all.IncomeTax {
			t.Fatalf("%+v: preferential %+v above all-ordinary %+v", sc, got, all)
		}
	}
}

// The reported marginal rates are statutory federal rates, at most 37% +
// 3.8%. The true cost of $100 more income (the finite difference of the
// whole return, state included) can be higher, but never above 43.8% plus
// the state's top rate: ordinary income in the 35% bracket also pushes
// stacked dividends and gains from the 15% into the 20% band (+5%), with
// NIIT on top; in the 37% bracket nothing is left below the 20% band. (A
// long-term gain that offsets a long-term loss netted against short-term
// gain acts as ordinary income.) The reported rate, by rule, leaves the push
// out; the incremental tax, being a difference of whole returns, has it.
func TestMarginalRateBounds(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const statutoryTop = 0.37 + 0.038
	const trueTop = 0.35 + (0.20 - 0.15) + 0.038
	agree, total := 0, 0
	for range propertyRounds {
		sc := randomScenario(t, r)
		got := sc.computeF()
		for _, rate := range []float64{got.MarginalOrdinaryRate, got.MarginalLTCGRate} {
			if rate < 0 || rate > statutoryTop+1e-12 {
				t.Fatalf("%+v: marginal rate %v", sc, rate)
			}
		}
		// The regular tax and NIIT (the marginal rates' scope); with the
		// AMT the exemption's phase-out (or the separate-return add-back)
		// adds up to 28% × the phase-out rate (50% from 2026) on top of
		// 28%, and Part III's bands, placed by the regular tax's ordinary
		// income, can push a dollar of gain from 0% to 20%.
		amtTop := 0.28*(1+sc.table.AMTPhaseOutRate.Float()) + 0.20 + 0.038
		for _, more := range []IncomeF{{Wages: 100}, {LongTermGain: 100}, {ShortTermGain: 100}, {QualifiedDividends: 100}} {
			bigger := sc
			bigger.in = IncomeF{Wages: sc.in.Wages + more.Wages, QualifiedDividends: sc.in.QualifiedDividends + more.QualifiedDividends, ShortTermGain: sc.in.ShortTermGain + more.ShortTermGain, LongTermGain: sc.in.LongTermGain + more.LongTermGain}
			b := bigger.computeF()
			if d := (b.IncomeTax + b.NIIT) - (got.IncomeTax + got.NIIT); d < -0.02 || d > trueTop*100+0.03 {
				t.Fatalf("%+v: %+v more costs %v of regular tax and NIIT", sc, more, d)
			}
			if d := (b.IncomeTax + b.AMT + b.NIIT) - (got.IncomeTax + got.AMT + got.NIIT); d < -0.02 || d > max(trueTop, amtTop)*100+0.03 {
				t.Fatalf("%+v: %+v more costs %v of federal tax with the AMT", sc, more, d)
			}
		}
		// Away from a kink, the rule is the finite difference of the
		// federal tax on one more dollar.
		one := sc
		one.in.LongTermGain++
		next := one.computeF()
		diff := (next.IncomeTax + next.NIIT) - (got.IncomeTax + got.NIIT)
		total++
		if math.Abs(diff-got.MarginalLTCGRate) <= 0.011 {
			agree++
		}
	}
	if float64(agree) < 0.98*float64(total) {
		t.Errorf("marginal LTCG rate matches the $1 finite difference in %d of %d cases", agree, total)
	}
}

// Capital losses are conserved across years: every dollar of loss realized
// or carried in is used against gains, deducted from other income, or
// carried out; the carryforward is never negative.
func TestCarryforwardConserved(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 2_000 {
		sc := randomScenario(t, r)
		sc.cf = CarryforwardF{}
		var realized, usedAgainstGains, deducted int64 // cents
		cf := CarryforwardF{}
		for year := 0; year < 10; year++ {
			scale := []float64{5_000, 50_000, 500_000}[r.IntN(3)]
			st, lt := amount(r, -scale, scale/2), amount(r, -scale, scale/2)
			in := IncomeF{Wages: sc.in.Wages, QualifiedDividends: sc.in.QualifiedDividends, ShortTermGain: st, LongTermGain: lt}
			ret := ComputeF(sc.table, sc.status, sc.state, in, cf)
			if ret.Carryforward.ShortTerm < 0 || ret.Carryforward.LongTerm < 0 {
				t.Fatalf("negative carryforward %+v", ret.Carryforward)
			}
			losses := centsOf(max(0, -st)) + centsOf(max(0, -lt))
			gains := centsOf(max(0, st)) + centsOf(max(0, lt))
			available := losses + centsOf(cf.ShortTerm) + centsOf(cf.LongTerm)
			out := centsOf(ret.Carryforward.ShortTerm) + centsOf(ret.Carryforward.LongTerm)
			if available != min(gains, available)+centsOf(ret.LossAgainstOrdinary)+out {
				t.Fatalf("year %d: %+v with %+v: loss %d available, %d carried, %v deducted, gains %d",
					year, in, cf, available, out, ret.LossAgainstOrdinary, gains)
			}
			realized += losses
			usedAgainstGains += min(gains, available)
			deducted += centsOf(ret.LossAgainstOrdinary)
			cf = ret.Carryforward
		}
		if carried := centsOf(cf.ShortTerm) + centsOf(cf.LongTerm); realized != usedAgainstGains+deducted+carried {
			t.Fatalf("realized %d != used %d + deducted %d + carried %d", realized, usedAgainstGains, deducted, carried)
		}
	}
}

// The float path and the decimal path agree to the cent on every line.
func TestFloatMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 5_000 {
		sc := randomScenario(t, r)
		compareReturns(t, sc, sc.computeF(), sc.compute())
	}
}

func compareReturns(t *testing.T, sc scenario, f ReturnF, d Return) {
	t.Helper()
	near := func(a float64, b decimal.Decimal) bool { return math.Abs(a-b.InexactFloat64()) <= 0.01+1e-9 }
	if !near(f.TaxableIncome, d.TaxableIncome) || !near(f.IncomeTax, d.IncomeTax) || !near(f.NIIT, d.NIIT) ||
		!near(f.AMT, d.AMT) || !near(f.LocalTax, d.LocalTax) || !near(f.StateTax, d.StateTax) || !near(f.Total, d.Total) ||
		!near(f.Carryforward.ShortTerm, d.Carryforward.ShortTerm) || !near(f.Carryforward.LongTerm, d.Carryforward.LongTerm) ||
		!near(f.AdjustedGrossIncome, d.AdjustedGrossIncome) || !near(f.LossAgainstOrdinary, d.LossAgainstOrdinary) ||
		f.MarginalOrdinaryRate != d.MarginalOrdinaryRate || f.MarginalLTCGRate != d.MarginalLTCGRate {
		t.Fatalf("%+v %v %v:\nfloat   %+v\ndecimal taxable %v tax %v niit %v state %v total %v cf %v rates %v %v",
			sc.in, sc.cf, sc.state, f, d.TaxableIncome, d.IncomeTax, d.NIIT, d.StateTax, d.Total, d.Carryforward,
			d.MarginalOrdinaryRate, d.MarginalLTCGRate)
	}
}

func TestPortfolioTaxMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 2_000 {
		sc := randomScenario(t, r)
		inv := NewInvestor(sc.table, sc.status, sc.state, sc.in)
		p := randomScenario(t, r)
		p.in.Wages = 0
		tax, cf := inv.PortfolioTaxF(p.in, p.cf)
		d := decimal.NewFromFloat
		dt := inv.PortfolioTax(Income{Wages: d(0), QualifiedDividends: d(p.in.QualifiedDividends), ShortTermGain: d(p.in.ShortTermGain), LongTermGain: d(p.in.LongTermGain)},
			Carryforward{ShortTerm: d(p.cf.ShortTerm), LongTerm: d(p.cf.LongTerm)})
		if math.Abs(tax-dt.Tax.InexactFloat64()) > 0.01+1e-9 || cf != dt.Carryforward.float() {
			t.Fatalf("other %+v portfolio %+v cf %+v: float %v %v, decimal %v %v", sc.in, p.in, p.cf, tax, cf, dt.Tax, dt.Carryforward)
		}
		// The incremental tax is the difference of the two whole returns.
		with := ComputeF(sc.table, sc.status, sc.state, IncomeF{
			Wages: sc.in.Wages, QualifiedDividends: sc.in.QualifiedDividends + p.in.QualifiedDividends,
			ShortTermGain: sc.in.ShortTermGain + p.in.ShortTermGain, LongTermGain: sc.in.LongTermGain + p.in.LongTermGain,
		}, p.cf)
		without := ComputeF(sc.table, sc.status, sc.state, sc.in, CarryforwardF{})
		if math.Abs(tax-(with.Total-without.Total)) > 1e-6 {
			t.Fatalf("PortfolioTaxF %v != with %v − without %v", tax, with.Total, without.Total)
		}
	}
}
