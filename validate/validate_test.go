//go:build !wasm

package main

import (
	"context"
	"io/fs"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// The tests pin the shapes the published research reports — ordering and
// sign, not the published numbers — on the report's own experiments with
// few paths. Paths are paired (same seed, same markets) across the variants
// of an experiment, so orderings hold with far fewer paths than levels.
var small = config{Scale: 0.06, Workers: 2}

// smallValidation is the report's experiments at the tests' scale, run once
// for the package: the tests below each check the shape of one of them,
// and TestReportMentionsEveryPaperAndChart the report written from all of
// them. Until round 6 that test ran every experiment again, at a third of
// the paths: 8.8 of the package's 17.9 CPU-s (issue 29).
var smallValidation = sync.OnceValues(func() (*validation, error) {
	return small.validate(context.Background())
})

// experiment is one experiment of the report at the tests' scale: taken
// from smallValidation, or, with -short (which skips the whole report),
// run alone.
func experiment[T any](t *testing.T, of func(*validation) T, alone func(config, context.Context) (T, error)) T {
	t.Helper()
	if testing.Short() {
		x, err := alone(small, context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	v, err := smallValidation()
	if err != nil {
		t.Fatal(err)
	}
	return of(v)
}

func TestFrontLoadingShape(t *testing.T) {
	f := experiment(t, func(v *validation) *frontLoading { return v.Front }, config.frontLoading)
	lt, st, ltContrib := f.Variants[0].Run, f.Variants[1].Run, f.Variants[2].Run
	// AQR: front-loaded, ≈155 → 51 → 8 bp, ≈ 0 after year 10 (with
	// index turnover the forced gains can outweigh the late harvests, so
	// year 10 may be a little below zero).
	b1, b2, b5, b10 := lt.benefit(1).Value, lt.benefit(2).Value, lt.benefit(5).Value, lt.benefit(10).Value
	if !(b1 > b2 && b2 > b5 && b1 > 5*math.Abs(b10) && b1 > 0) {
		t.Errorf("LT benefit not front-loaded: years 1, 2, 5, 10 = %.0f, %.0f, %.0f, %.0f bp", b1, b2, b5, b10)
	}
	// Short-term gains to offset are worth more than long-term ones.
	for _, y := range []int{1, 2, 5} {
		if s, l := st.benefit(y).Value, lt.benefit(y).Value; s <= l {
			t.Errorf("year %d: ST-gains benefit %.0f bp ≤ LT-gains benefit %.0f bp", y, s, l)
		}
	}
	// Contributions keep the benefit alive after year 10.
	if c, n := ltContrib.averageBenefit(11, f.Horizon).Value, lt.averageBenefit(11, f.Horizon).Value; c <= n {
		t.Errorf("years 11+: with contributions %.0f bp ≤ without %.0f bp", c, n)
	}
}

func TestHarvestFrequencyOrder(t *testing.T) {
	h := experiment(t, func(v *validation) *harvestFrequency { return v.Frequency }, config.harvestFrequency)
	annual, quarterly, monthly := h.Variants[0].Run, h.Variants[1].Run, h.Variants[2].Run
	a, q, m := annual.averageBenefit(1, 10), quarterly.averageBenefit(1, 10), monthly.averageBenefit(1, 10)
	// Vanguard: annual 38 < quarterly 107 < monthly 123 bp.
	if !(a.Value < q.Value && a.Value < m.Value) {
		t.Errorf("annual harvest (%.0f bp) not below quarterly (%.0f) and monthly (%.0f)", a.Value, q.Value, m.Value)
	}
	if q.Value > m.Value+q.CI95() {
		t.Errorf("quarterly harvest (%.0f bp) clearly above monthly (%.0f bp)", q.Value, m.Value)
	}
	// The ratio the report quotes is the two rows' ratio, and annual stays
	// below monthly for the investors with less to offset.
	if r := h.ratio().annualShare().Value; math.Abs(r-a.Value/m.Value) > 1e-12 {
		t.Errorf("annual ÷ monthly = %v, rows give %v", r, a.Value/m.Value)
	}
	if len(h.Gains) != len(frequencyGains) {
		t.Fatalf("%d gains pairs, want %d", len(h.Gains), len(frequencyGains))
	}
	for _, p := range h.Gains {
		if s := p.annualShare(); !(s.Value > 0 && s.Value < 1) {
			t.Errorf("%s: annual ÷ monthly = %.2f, want within (0, 1)", p.Name, s.Value)
		}
	}
}

// bootstrapPaired draws the same paths from both runs: a statistic of
// their difference on identical runs has no spread, and one of the first
// run alone matches bootstrap's.
func TestBootstrapPaired(t *testing.T) {
	r, err := small.simulate(context.Background(), "horizon=3&paths=40&seed=3")
	if err != nil {
		t.Fatal(err)
	}
	year1 := func(o []calc.PathOutcome) float64 { return benefitBps(o, 0) }
	single := bootstrap(r.Outcomes, year1)
	first := bootstrapPaired(r.Outcomes, r.Outcomes, func(a, _ []calc.PathOutcome) float64 { return year1(a) })
	if single != first {
		t.Errorf("paired bootstrap of one run %+v, bootstrap %+v", first, single)
	}
	if single.SE == 0 {
		t.Fatalf("bootstrap SE is 0: the check below would be empty")
	}
	diff := bootstrapPaired(r.Outcomes, r.Outcomes, func(a, b []calc.PathOutcome) float64 { return year1(a) - year1(b) })
	if diff.Value != 0 || diff.SE != 0 {
		t.Errorf("difference of identical runs: %+v, want 0 ± 0", diff)
	}
}

// The peak of cumulative net realized losses sums the yearly net realized
// gains calc reports, sign flipped.
func TestCumulativeNetLosses(t *testing.T) {
	r, err := small.simulate(context.Background(), query(unlimitedLT, "horizon=6&paths=40&seed=2"))
	if err != nil {
		t.Fatal(err)
	}
	cum := cumulativeNetLosses(r.Outcomes)
	total := 0.0
	for k, y := range r.Result.Years {
		total -= y.RealizedGains.InexactFloat64()
		if math.Abs(cum[k]-total/1e6) > 1e-6 {
			t.Errorf("year %d: cumulative net losses %.6f, Result gives %.6f", k+1, cum[k], total/1e6)
		}
	}
	if y := peakNetLossYear(r.Outcomes); cum[y-1] != slices.Max(cum) {
		t.Errorf("peak year %d: %.4f, max %.4f", y, cum[y-1], slices.Max(cum))
	}
}

func TestLongRunAlphaPositiveAndPlausible(t *testing.T) {
	l := experiment(t, func(v *validation) *longRunAlpha { return v.LongRun }, config.longRunAlpha)
	held, liquidated := l.Variants[0].Run.medianAlpha().Value, l.Variants[1].Run.medianAlpha().Value
	// Chaudhuri et al.: 0.57%–2.29%/yr by period; the model must be
	// positive and of that order, and liquidation must cost something.
	if !(held > 0 && held < 400) {
		t.Errorf("median tax alpha %.0f bp/yr outside (0, 400)", held)
	}
	if liquidated >= held {
		t.Errorf("liquidated alpha %.0f bp ≥ held %.0f bp", liquidated, held)
	}
	if hist := l.Variants[3].Run.medianAlpha().Value; hist <= 0 {
		t.Errorf("1926–2018-like market: median tax alpha %.0f bp/yr ≤ 0", hist)
	}
}

func TestFundDistributionsRaiseAlpha(t *testing.T) {
	f := experiment(t, func(v *validation) *fundTypes { return v.Funds }, config.fundTypes)
	prev := -1e9
	for _, v := range f.Variants {
		a := v.Run.meanAlpha().Value
		if a <= prev {
			t.Errorf("%s: mean tax alpha %.1f bp not above the previous fund's %.1f bp", v.Name, a, prev)
		}
		prev = a
	}
	if d := f.Variants[0].Run.Result.Decomposition.DistributionsAvoided; !d.IsZero() {
		t.Errorf("ETF without distributions: distributions avoided = %s, want 0", d)
	}
}

func TestSensitivitySigns(t *testing.T) {
	s := experiment(t, func(v *validation) *sensitivity { return v.Sensitivity }, config.sensitivity)
	for _, sw := range s.Sweeps {
		first, last := sw.Runs[0].meanAlpha().Value, sw.Runs[len(sw.Runs)-1].meanAlpha().Value
		switch sw.Key {
		case "smafee": // every extra bp of fee costs about a bp of alpha
			for i := 1; i < len(sw.Runs); i++ {
				if a, b := sw.Runs[i-1].medianAlpha().Value, sw.Runs[i].medianAlpha().Value; b >= a {
					t.Errorf("smafee %g → %g: median alpha %.0f → %.0f bp, want a fall", sw.Values[i-1], sw.Values[i], a, b)
				}
			}
		case "idio": // dispersion is what creates harvestable losses
			if last <= first {
				t.Errorf("idio %g → %g: mean alpha %.0f → %.0f bp, want a rise", sw.Values[0], sw.Values[len(sw.Values)-1], first, last)
			}
		}
	}
}

func TestMonteCarloErrorFalls(t *testing.T) {
	if testing.Short() {
		t.Skip("several thousand path-years")
	}
	m := experiment(t, func(v *validation) *monteCarloError { return v.MCError }, config.monteCarloError)
	for i := 1; i < len(m.Points); i++ {
		if m.Points[i].MedianSE >= m.Points[i-1].MedianSE {
			t.Errorf("SE at %d paths (%.1f) ≥ SE at %d paths (%.1f)", m.Points[i].Paths, m.Points[i].MedianSE, m.Points[i-1].Paths, m.Points[i-1].MedianSE)
		}
	}
	if m.Needed <= 0 {
		t.Errorf("paths needed = %d", m.Needed)
	}
}

func TestReportMentionsEveryPaperAndChart(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every experiment")
	}
	v, err := smallValidation()
	if err != nil {
		t.Fatal(err)
	}
	md := v.markdown()
	for _, want := range []string{"Chaudhuri", "AQR", "Vanguard", "Monte Carlo", "Recommended UI default", "%!"} {
		if has := strings.Contains(md, want); has == (want == "%!") {
			t.Errorf("report: contains %q = %v", want, has)
		}
	}
	names, _ := fs.Glob(notesFS, "notes/*.md")
	if len(names) == 0 {
		t.Error("no hand-written section embedded from validate/notes")
	}
	for _, name := range names {
		b, _ := notesFS.ReadFile(name)
		heading, _, _ := strings.Cut(string(b), "\n")
		if !strings.HasPrefix(heading, "## ") || !strings.Contains(md, heading+"\n") {
			t.Errorf("hand-written %s: heading %q not a section of the report", name, heading)
		}
	}
	for _, c := range v.charts() {
		if !strings.HasPrefix(c.SVG, "<svg") || !strings.Contains(md, "validation/"+c.Name) {
			t.Errorf("chart %s not an SVG or not linked from the report", c.Name)
		}
	}
}

// TestAQRGapAssumptions pins the direction of the assumptions the report
// blames for the gap to AQR: less dispersion and a higher return each lower
// the early benefit, and together more than either; turnover lowers the
// late years' benefit.
func TestAQRGapAssumptions(t *testing.T) {
	a := experiment(t, func(v *validation) *aqrAssumptions { return v.AQRGap }, config.aqrAssumptions)
	y1 := func(i int) float64 { return a.Variants[i].Run.benefit(1).Value }
	base, idio, ret, both := y1(0), y1(4), y1(5), y1(aqrBoth)
	if !(idio < base && ret < base && both < idio && both < ret && both > 0) {
		t.Errorf("year-1 benefit: base %.0f, idio 15%% %.0f, return 10%% %.0f, both %.0f bp", base, idio, ret, both)
	}
	late := func(i int) float64 { return a.Variants[i].Run.averageBenefit(10, 15).Value }
	if !(late(0) < late(2)) {
		t.Errorf("years 10–15: turnover 4.5%% %.0f bp, none %.0f bp", late(0), late(2))
	}
}

// Antithetic pairs estimate the same median as independent paths, with a
// smaller error, and calc's reported SE is of the observed spread's size.
func TestAntitheticUnbiased(t *testing.T) {
	if testing.Short() {
		t.Skip("simulates 6 scenarios × 16 seeds")
	}
	checks := experiment(t, func(v *validation) []antitheticCheck { return v.Antithetic }, config.antithetic)
	for _, a := range checks {
		ma, sa := meanSD(a.Anti)
		mp, sp := meanSD(a.Plain)
		mse, _ := meanSD(a.CalcSE)
		t.Logf("%s: pairs %.1f (SD %.2f, calc %.2f), independent %.1f (SD %.2f), z %+.2f, efficiency %.1f",
			a.Name, ma, sa, mse, mp, sp, a.Z(), a.Efficiency())
		if math.Abs(a.Z()) > 3.5 {
			t.Errorf("%s: antithetic mean median %.1f, independent %.1f: z = %.1f", a.Name, ma, mp, a.Z())
		}
		// Understating the error is held to a factor 2; overstating it (a
		// conservative SE) to 2.5: where the pairs remove most of the
		// variance (the default prospect since the progressive state tax
		// and the AMT: efficiency 4.7), the pairing factor's rank
		// correlation captures only part of the gain. The observed spread
		// is itself an SD of 16 medians (±18%).
		if mse < sa/2 || mse > 2.5*sa {
			t.Errorf("%s: calc's SE %.2f, observed spread %.2f", a.Name, mse, sa)
		}
	}
}

// The transition's rules (section 8): the budget holds on every path, the
// legacy weight falls, harvested losses pay for sales shown in the ledger,
// a zero budget keeps the position, no budget sells at once.
func TestTransitionLogic(t *testing.T) {
	tr := experiment(t, func(v *validation) *transitionLogic { return v.Transition }, config.transition)
	for _, p := range tr.problems() {
		t.Error(p)
	}
	v := validation{Transition: tr}
	var w report
	v.transitionSection(&w)
	if out := w.String(); !strings.Contains(out, "## 8. Moving a concentrated position") || strings.Contains(out, "Broken") {
		t.Errorf("section:\n%s", out)
	}
	if path := os.Getenv("SMACALC_TRANSITION_SECTION"); path != "" {
		// The section at the report's scale, to splice into
		// docs/VALIDATION.md without regenerating every section.
		full, err := config{Scale: 1, Workers: 2}.transition(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var w report
		(&validation{Transition: full}).transitionSection(&w)
		if err := os.WriteFile(path, []byte(w.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSpreadOf: mean, median (odd and even counts), lowest and highest,
// each value weighing the same.
func TestSpreadOf(t *testing.T) {
	for _, tc := range []struct {
		vals []float64
		want spread
	}{
		{[]float64{3, 1, 2}, spread{Mean: 2, Median: 2, Low: 1, High: 3}},
		{[]float64{4, 1, 10, 5}, spread{Mean: 5, Median: 4.5, Low: 1, High: 10}},
		{[]float64{7}, spread{Mean: 7, Median: 7, Low: 7, High: 7}},
	} {
		if got := spreadOf(tc.vals); got != tc.want {
			t.Errorf("spreadOf(%v) = %+v, want %+v", tc.vals, got, tc.want)
		}
	}
}

// TestDefaultIdioFromDispersion: calc's default idio is S&P DJI's long-term
// average monthly dispersion of the S&P 500 mapped through the model's own
// market (docs/MARKET.md): the mapped idio rounds to the default, the
// default's dispersion is the published 6.3% within the rounding, and the
// dispersion rises with idio.
func TestDefaultIdioFromDispersion(t *testing.T) {
	d := experiment(t, func(v *validation) *dispersionMapping { return v.Dispersion }, config.dispersionMapping)
	def := scenario.DefaultScenario().Idio
	if math.Abs(d.Idio-def) > 0.005 {
		t.Errorf("S&P's %.1f%% maps to idio %.4f; the default is %g", 100*spDispersionLongTerm, d.Idio, def)
	}
	// A step of 0.01 in idio moves monthly dispersion by about 0.29
	// points: rounding to two decimals leaves at most 0.15.
	if got := d.Default.Mean; math.Abs(got-spDispersionLongTerm) > 0.0015 {
		t.Errorf("default idio %g: monthly dispersion %.4f, S&P %.4f", def, got, spDispersionLongTerm)
	}
	for k := 1; k < len(d.Points); k++ {
		if d.Points[k].Mean <= d.Points[k-1].Mean {
			t.Errorf("dispersion %.4f at idio %g, %.4f at %g", d.Points[k].Mean, d.Points[k].Idio, d.Points[k-1].Mean, d.Points[k-1].Idio)
		}
	}
}

// TestMonthDispersion: S&P's formula on a hand-computed month. Weights
// 0.5, 0.3, 0.2 and returns 10%, −10%, 0%: the index returns 2%, the
// deviations are 8%, −12%, −2%, and √(0.5·0.0064 + 0.3·0.0144 + 0.2·0.0004)
// = √0.0076.
func TestMonthDispersion(t *testing.T) {
	m := calc.IndexMonth{Weight: []float64{0.5, 0.3, 0.2}, Return: []float64{0.1, -0.1, 0}}
	if got, want := monthDispersion(m), math.Sqrt(0.0076); math.Abs(got-want) > 1e-15 {
		t.Errorf("dispersion %.17f, want %.17f", got, want)
	}
}

// The gifts' rules hold on the report's own runs (section 12).
func TestGiftsRules(t *testing.T) {
	g := experiment(t, func(v *validation) *giftsCheck { return v.Gifts }, config.gifts)
	for _, p := range g.problems() {
		t.Error(p)
	}
}
