package calc

import (
	"context"
	"testing"

	"smacalc/calc/scenario"
)

// BenchmarkSummarizeDefault is the cost of summarising the default
// scenario's 500 paths (what the page does on its main thread for each
// provisional result, and for the final one with Merge).
func BenchmarkSummarizeDefault(b *testing.B) {
	s := scenario.DefaultScenario()
	p, err := SimulatePaths(context.Background(), s, 0, s.Paths, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Summarize(s, p); err != nil {
			b.Fatal(err)
		}
	}
}
