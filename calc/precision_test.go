package calc

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestMedianSEMatchesTheory checks medianSE against the asymptotic
// standard error of a normal sample's median, σ·√(π/2)/√n, and against the
// spread of medians over many independent samples.
func TestMedianSEMatchesTheory(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{100, 500, 2000} {
		const sigma = 40.0
		theory := sigma * math.Sqrt(math.Pi/2) / math.Sqrt(float64(n))
		var meds, ses []float64
		for range 400 {
			v := make([]float64, n)
			for i := range v {
				v[i] = 10 + sigma*rng.NormFloat64()
			}
			slices.Sort(v)
			meds = append(meds, v[n/2])
			ses = append(ses, medianSE(v))
		}
		var m, m2, se float64
		for i := range meds {
			m += meds[i]
			m2 += meds[i] * meds[i]
			se += ses[i]
		}
		m /= float64(len(meds))
		spread := math.Sqrt(m2/float64(len(meds)) - m*m)
		se /= float64(len(ses))
		t.Logf("n=%d: theory %.3f, spread of medians %.3f, mean medianSE %.3f", n, theory, spread, se)
		if math.Abs(se/theory-1) > 0.12 || math.Abs(se/spread-1) > 0.15 {
			t.Errorf("n=%d: medianSE %.3f, theory %.3f, observed %.3f", n, se, theory, spread)
		}
	}
	if medianSE([]float64{5}) != 0 || medianSE(nil) != 0 {
		t.Error("one path has no error estimate")
	}
	if got := medianSE([]float64{3, 3, 3, 3}); got != 0 {
		t.Errorf("identical paths: SE %v", got)
	}
}

// TestHeadlineSEInResults checks that the headline's standard error is in
// the JSON of final and partial results and shrinks with more paths.
func TestHeadlineSEInResults(t *testing.T) {
	// Without turnover: the market this test was written for (at 20 paths
	// the SE estimate is itself noisy; its paths are what matters here).
	s := mustDecode(t, "stocks=40&paths=80&horizon=4&turnover=0")
	ctx := context.Background()
	r, err := Simulate(ctx, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(r.TaxAlphaBps)
	if !strings.Contains(string(b), `"se":`) || !strings.Contains(string(b), `"p50":`) {
		t.Errorf("tax_alpha_bps JSON %s", b)
	}
	if !(r.TaxAlphaBps.SE > 0) || r.TaxAlphaBps.SE > r.TaxAlphaBps.P90-r.TaxAlphaBps.P10 {
		t.Errorf("SE %v outside (0, p90−p10]", r.TaxAlphaBps.SE)
	}
	b, _ = json.Marshal(r.SMA.AfterTaxReturn)
	if strings.Contains(string(b), "se") {
		t.Errorf("other spreads changed: %s", b)
	}
	part, err := SimulatePaths(ctx, s, 0, 20, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Summarize(s, part)
	if err != nil {
		t.Fatal(err)
	}
	if !(p.TaxAlphaBps.SE > r.TaxAlphaBps.SE) {
		t.Errorf("20 paths: SE %v, 80 paths: %v", p.TaxAlphaBps.SE, r.TaxAlphaBps.SE)
	}
}

// TestPairedSECalibrated checks the headline's standard error with
// antithetic pairs against the observed spread of the median over
// independent seeds.
func TestPairedSECalibrated(t *testing.T) {
	if testing.Short() {
		t.Skip("simulates 60 scenarios")
	}
	for _, q := range []string{"stocks=30&horizon=5&paths=120", "stocks=30&horizon=5&paths=120&end=hold"} {
		var meds, ses []float64
		for seed := range 30 {
			r := run(t, fmt.Sprintf("%s&seed=%d", q, seed+1))
			meds = append(meds, r.TaxAlphaBps.P50)
			ses = append(ses, r.TaxAlphaBps.SE)
		}
		var m, m2, se float64
		for i := range meds {
			m += meds[i]
			m2 += meds[i] * meds[i]
			se += ses[i]
		}
		n := float64(len(meds))
		m /= n
		spread := math.Sqrt((m2/n - m*m) * n / (n - 1))
		se /= n
		t.Logf("%s: spread of medians %.2f bp, mean SE %.2f bp", q, spread, se)
		// The spread itself is known to about ±13% from 30 seeds.
		if se < 0.65*spread || se > 1.5*spread {
			t.Errorf("%s: mean SE %.2f bp, observed spread %.2f bp", q, se, spread)
		}
	}
}
