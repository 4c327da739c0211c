package calc

import (
	"context"
	"runtime"
	"slices"
	"testing"

	"smacalc/calc/scenario"
)

// BenchmarkSimulateDefault runs paths of the default scenario and reports
// the cost per stock per monthly step (market, lots, harvest checks, taxes)
// and the allocations per path.
func BenchmarkSimulateDefault(b *testing.B) {
	benchmarkSimulate(b, scenario.DefaultScenario())
}

// BenchmarkSimulateTransition is BenchmarkSimulateDefault moving a
// concentrated position within a gain budget (issue 18's example): the
// holdings add one stock and a sale a year to each path.
func BenchmarkSimulateTransition(b *testing.B) {
	benchmarkSimulate(b, mustDecode(b, "single=0.6&singlebasis=0.1&gainbudget=50000"))
}

func benchmarkSimulate(b *testing.B, s scenario.Scenario) {
	const perOp = 10
	s.Paths = perOp
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0, cpuOK := processCPU()
	for b.Loop() {
		if _, err := SimulatePaths(context.Background(), s, 0, perOp, nil); err != nil {
			b.Fatal(err)
		}
	}
	cpu1, _ := processCPU()
	runtime.ReadMemStats(&after)
	steps := float64(b.N) * perOp * float64(s.Stocks) * float64(s.Horizon*stepsPerYear)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/steps, "ns/stock-step")
	if cpuOK {
		// CPU time (GC included) per stock-step: less noisy on a shared machine.
		b.ReportMetric(float64(cpu1-cpu0)/steps, "cpu-ns/stock-step")
	}
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*perOp), "allocs/path")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N*perOp), "B/path")
}

// BenchmarkSimulateLotEvents splits BenchmarkSimulateDefault's cost
// between the market and the lot bookkeeping (docs/ARCHITECTURE.md,
// "Speed: the engine"): the default without dividends (so the fee sells
// every name in proportion each quarter: before calc/cash.go this was the
// default without its quarterly reinvestment into every name), and
// without any lot event after the first purchase (no dividends,
// harvests, turnover or fee sales: the kernel, the path's sums and the
// year-end valuations of one lot a name).
// The last is the floor any change to the bookkeeping alone can reach.
func BenchmarkSimulateLotEvents(b *testing.B) {
	for _, v := range []struct{ name, query string }{
		{"no-dividends", "div=0"},
		{"no-lot-events", "div=0&harvest=none&turnover=0&smafee=0"},
	} {
		b.Run(v.name, func(b *testing.B) { benchmarkSimulate(b, mustDecode(b, v.query)) })
	}
}

// BenchmarkSimulateDefaultMemory runs the whole default scenario and
// reports the largest live heap seen at the progress reports (the budget in
// a browser worker is 64 MB).
func BenchmarkSimulateDefaultMemory(b *testing.B) {
	s := scenario.DefaultScenario()
	var peak uint64
	var m runtime.MemStats
	for b.Loop() {
		_, err := Simulate(context.Background(), s, func(Progress) {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkMarketStep measures the kernel alone (pathSim.marketStep:
// market.State.Step and the substitutes; draws, prices, index and
// portfolio sums, harvest candidates) per stock and step.
func BenchmarkMarketStep(b *testing.B) {
	s := scenario.DefaultScenario()
	p := testPathSim(b, s)
	p.run(0)
	price := slices.Clone(p.mkt.Price)
	k := 0
	cpu0, cpuOK := processCPU()
	for b.Loop() {
		if k++; k%120 == 0 {
			copy(p.mkt.Price, price)
		}
		p.marketStep(true)
	}
	cpu1, _ := processCPU()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*s.Stocks), "ns/stock-step")
	if cpuOK {
		b.ReportMetric(float64(cpu1-cpu0)/float64(b.N*s.Stocks), "cpu-ns/stock-step")
	}
}
