package calc

import (
	"context"
	"testing"

	"smacalc/calc/scenario"
)

// BenchmarkMergeDefault is the cost of the final result of the default
// scenario's run on the page: Merge, and its parts as the browser splits
// them (typical_ledger.go): TypicalPath and MergeWithoutLedger on the
// page, LedgerOf in a worker that has just simulated the scenario (its
// path simulators kept: idlePathSims) or with new ones (ledger-new: the
// page's Merge did that).
func BenchmarkMergeDefault(b *testing.B) {
	s := scenario.DefaultScenario()
	p, err := SimulatePaths(context.Background(), s, 0, s.Paths, nil)
	if err != nil {
		b.Fatal(err)
	}
	r, err := Merge(s, p)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("merge", func(b *testing.B) {
		for b.Loop() {
			if _, err := Merge(s, p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("typical-path", func(b *testing.B) {
		for b.Loop() {
			if _, err := TypicalPath(s, p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("without-ledger", func(b *testing.B) {
		for b.Loop() {
			if _, err := MergeWithoutLedger(s, p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ledger", func(b *testing.B) {
		for b.Loop() {
			if _, err := LedgerOf(s, r.MedianMarket.Path); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ledger-new", func(b *testing.B) {
		for b.Loop() {
			idlePathSims.put(&pathSim{}) // another scenario's: the pool is emptied
			if _, err := LedgerOf(s, r.MedianMarket.Path); err != nil {
				b.Fatal(err)
			}
		}
	})
}
