package market

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMirrorGivesTheSecondPathsOwnSteps runs the second path of an
// antithetic pair twice: alone, drawing its own shocks, and mirroring the
// first path stepped just before it (State.Mirror). Every price, sum,
// candidate and the random source must agree to the bit, step by step,
// and the mirror must have been used (drawn false) while in step; a
// partner out of step (stepped twice) must make it draw its own, and
// still agree.
func TestMirrorGivesTheSecondPathsOwnSteps(t *testing.T) {
	for _, c := range []struct {
		n         int
		vol, idio float64
		excluded  bool
		seed      uint64
	}{
		{200, 0.16, 0.25, false, 1},
		{200, 0.3, 0.6, true, 5},
		{50, 0.16, 1.5, false, 7},
	} {
		first, alone, mirrored := testState(c.n, c.vol, c.idio, c.excluded), testState(c.n, c.vol, c.idio, c.excluded), testState(c.n, c.vol, c.idio, c.excluded)
		r := rand.New(rand.NewPCG(c.seed, 3))
		shares, maxB := make([]float64, c.n), make([]float64, c.n)
		for i := range shares {
			shares[i], maxB[i] = r.Float64(), 0.8+0.4*r.Float64()
		}
		candF, candA, candM := make([]int32, c.n), make([]int32, c.n), make([]int32, c.n)
		a, b, _ := PathSeed(c.seed, 0)
		first.Begin(a, b, 1)
		alone.Begin(a, b, -1)
		mirrored.Begin(a, b, -1)
		mirrored.Mirror(&first)
		for step := range 60 {
			lf := 1 / (1 - 0.05)
			first.Step(shares, maxB, candF, lf)
			outOfStep := step%10 == 9
			if outOfStep { // the partner a step ahead: its shocks are not this step's
				first.Step(shares, maxB, candF, lf)
			}
			nA, oldA, valA := alone.Step(shares, maxB, candA, lf)
			nM, oldM, valM := mirrored.Step(shares, maxB, candM, lf)
			if mirrored.drawn == !outOfStep {
				t.Fatalf("%+v step %d: drew its own shocks %v, want %v", c, step, mirrored.drawn, outOfStep)
			}
			same := func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) }
			if nA != nM || !same(oldA, oldM) || !same(valA, valM) || !same(alone.IdxVal, mirrored.IdxVal) ||
				!same(alone.HeldIdxVal, mirrored.HeldIdxVal) || !slices.Equal(candA[:nA], candM[:nM]) ||
				!alone.Rng.sameState(&mirrored.Rng) || alone.Rng.sign != mirrored.Rng.sign {
				t.Fatalf("%+v step %d: mirrored step differs from the path's own", c, step)
			}
			for i := range alone.Price {
				if !same(alone.Price[i], mirrored.Price[i]) {
					t.Fatalf("%+v step %d stock %d: price %v mirrored, %v alone", c, step, i, mirrored.Price[i], alone.Price[i])
				}
			}
			if outOfStep { // back in step: the partner restarts with this path
				first.Begin(a, b, 1)
				alone.Begin(a, b, -1)
				mirrored.Begin(a, b, -1)
			}
		}
	}
}
