package calc

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortKeysIsASort checks sortKeys against slices.Sort on keys made
// the way topUpOrder makes them (fractions of 2^40 above 20 bits of
// position), at the lengths of both of its methods.
func TestSortKeysIsASort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var spare []uint64
	for _, n := range []int{0, 1, 2, 13, 48, 49, 100, 500, 2000} {
		for rep := range 20 {
			keys := make([]uint64, n)
			for k := range keys {
				f := r.Float64()
				if rep%4 == 0 { // crowded: most fractions in one bucket
					f = 0.5 + f/1e4
				}
				keys[k] = uint64((1-f)*(1<<40))<<20 | uint64(k)
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			spare = sortKeys(keys, spare)
			if !slices.Equal(keys, want) {
				t.Fatalf("n=%d rep=%d: not sorted as slices.Sort sorts", n, rep)
			}
		}
	}
}
