//go:build !wasm

package main

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sync"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// S&P Dow Jones Indices' realized dispersion of the S&P 500, the published
// figure calc's default `idio` is set from (docs/MARKET.md). Dispersion is
// the cap-weighted cross-sectional standard deviation of the constituents'
// returns around the index's return over one month (Edwards & Lazzara,
// "Dispersion: Measuring Market Opportunity", S&P Dow Jones Indices 2013;
// "a single-period metric—to compute it for a month, we need only that
// month's index and component returns", S&P DJI, "Some Implications of
// Sector Dispersion", 2015). S&P DJI's correlation and dispersion dashboard
// of January 2016: "Monthly dispersion for the S&P 500® averaged 5.5% over
// 2015; up from the 4.8% of 2014 but still below the long-term average of
// 6.3%."
const (
	spDispersionLongTerm = 0.063
	spDispersion2015     = 0.055
	spDispersion2014     = 0.048
)

// monthDispersion is S&P DJI's dispersion of one month: √Σ wᵢ(Rᵢ − R)²,
// R = Σ wᵢRᵢ the index's return, wᵢ the weights at the start of the month.
func monthDispersion(m calc.IndexMonth) float64 {
	r := 0.0
	for i, w := range m.Weight {
		r += w * m.Return[i]
	}
	v := 0.0
	for i, w := range m.Weight {
		d := m.Return[i] - r
		v += w * d * d
	}
	return math.Sqrt(v)
}

// dispersionPoint is the model's monthly dispersion at one `idio`: the
// mean over every month of every path (the dashboard's "averaged over"),
// and the means over the first year's months and the last year's.
type dispersionPoint struct {
	Idio                  float64
	Query                 string
	Mean, Year1, LastYear float64
	SE                    float64 // standard error of Mean over the paths (antithetic pairs as units)
}

// dispersionMapping is the model's monthly S&P dispersion as a function of
// `idio`, and the `idio` whose dispersion is S&P's long-term average.
type dispersionMapping struct {
	Horizon int
	Paths   int
	Points  []dispersionPoint
	// Idio is the `idio` at which the model's mean monthly dispersion is
	// spDispersionLongTerm, by linear interpolation between the two grid
	// points around it.
	Idio float64
	// Default is calc's default idio measured the same way.
	Default dispersionPoint
}

// dispersionIdios is the grid the mapping is measured on.
var dispersionIdios = []float64{0.15, 0.18, 0.2, 0.22, 0.25, 0.3}

// dispersionQuery is the market of calc's default scenario (500 names,
// S&P 500 weights and turnover, 10 years) at a given idio; harvest=none
// leaves the market as it is and skips the SMA's work.
func dispersionQuery(idio float64, paths int) string {
	return fmt.Sprintf("idio=%g&harvest=none&paths=%d&seed=1", idio, paths)
}

func (c config) dispersionMapping(ctx context.Context) (*dispersionMapping, error) {
	d := &dispersionMapping{Paths: c.paths(200)}
	d.Paths += d.Paths % 2
	for _, x := range dispersionIdios {
		pt, err := c.measureDispersion(ctx, dispersionQuery(x, d.Paths))
		if err != nil {
			return nil, err
		}
		pt.Idio = x
		d.Points = append(d.Points, pt)
	}
	d.Horizon = scenario.DefaultScenario().Horizon
	if d.Idio = idioFor(d, spDispersionLongTerm); math.IsNaN(d.Idio) {
		return nil, fmt.Errorf("S&P's %.1f%% is outside the model's dispersion over idio %v", 100*spDispersionLongTerm, dispersionIdios)
	}
	def := scenario.DefaultScenario().Idio
	pt, err := c.measureDispersion(ctx, fmt.Sprintf("harvest=none&paths=%d&seed=1", d.Paths))
	if err != nil {
		return nil, err
	}
	pt.Idio = def
	d.Default = pt
	return d, nil
}

// measureDispersion averages monthly dispersion over every month of every
// path of query q.
func (c config) measureDispersion(ctx context.Context, q string) (dispersionPoint, error) {
	s, err := scenario.Decode(q)
	if err != nil {
		return dispersionPoint{}, fmt.Errorf("scenario %q: %w", q, err)
	}
	type pathDispersion struct{ all, first, last float64 }
	per := make([]pathDispersion, s.Paths)
	errs := make([]error, s.Paths)
	months := s.Horizon * 12
	workers := max(1, c.Workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := w; p < s.Paths; p += workers {
				if ctx.Err() != nil {
					errs[p] = ctx.Err()
					return
				}
				var pd pathDispersion
				errs[p] = calc.IndexMonths(s, p, func(m calc.IndexMonth) {
					x := monthDispersion(m)
					pd.all += x
					if m.Step <= 12 {
						pd.first += x
					}
					if m.Step > months-12 {
						pd.last += x
					}
				})
				per[p] = pathDispersion{pd.all / float64(months), pd.first / 12, pd.last / 12}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return dispersionPoint{}, fmt.Errorf("scenario %q: %w", q, err)
		}
	}
	pt := dispersionPoint{Query: q}
	var pairs []float64
	for p, pd := range per {
		pt.Mean += pd.all
		pt.Year1 += pd.first
		pt.LastYear += pd.last
		if p%2 == 1 {
			pairs = append(pairs, (pd.all+per[p-1].all)/2)
		}
	}
	n := float64(len(per))
	pt.Mean /= n
	pt.Year1 /= n
	pt.LastYear /= n
	if len(pairs) > 1 {
		pt.SE = stddev(pairs) / math.Sqrt(float64(len(pairs)))
	}
	if c.Log != nil {
		c.Log("dispersion %.4f (year 1 %.4f, last %.4f)  %s", pt.Mean, pt.Year1, pt.LastYear, q)
	}
	return pt, nil
}

func (v *validation) dispersionSection(w *report) {
	d := v.Dispersion
	w.p("## 11. Dispersion: the source of the default `idio` (S&P Dow Jones Indices)")
	w.p("")
	w.p("Published: S&P Dow Jones Indices measures the realized dispersion of the S&P 500, the cap-weighted")
	w.p("cross-sectional standard deviation of the constituents' returns around the index's return over a month (Edwards")
	w.p("& Lazzara, \"Dispersion: Measuring Market Opportunity\", S&P DJI 2013, whose text was not reached here; \"a")
	w.p("single-period metric—to compute it for a month, we need only that month's index and component returns\", S&P DJI,")
	w.p("\"Some Implications of Sector Dispersion\", 2015). Its correlation and dispersion dashboard of January 2016:")
	w.p("\"Monthly dispersion for the S&P 500® averaged %.1f%% over 2015; up from the %.1f%% of 2014 but still below the",
		100*spDispersion2015, 100*spDispersion2014)
	w.p("long-term average of %.1f%%\" (the period of that average is not stated there).", 100*spDispersionLongTerm)
	w.p("")
	w.p("Measured: the same statistic on the model's own market (`calc.IndexMonths`: each month's weights at its start and")
	w.p("returns; √Σ wᵢ(Rᵢ − R)²), averaged over the %d months of %d paths of calc's default market (500 names, S&P 500",
		12*d.Horizon, d.Paths)
	w.p("weights and turnover, %d years) at each `idio`, and over the first and the last year's months:", d.Horizon)
	w.p("")
	w.p("| idio | monthly dispersion, mean | year 1 | year %d | annualized (× √12) | query |", d.Horizon)
	w.p("|---|---|---|---|---|---|")
	for _, pt := range append(slices.Clone(d.Points), d.Default) {
		name := fmt.Sprintf("%g", pt.Idio)
		if pt.Query == d.Default.Query {
			name += " (default)"
		}
		w.p("| %s | %.2f ± %.2f%% | %.2f%% | %.2f%% | %.1f%% | `%s` |", name, 100*pt.Mean, 196*pt.SE, 100*pt.Year1, 100*pt.LastYear,
			100*pt.Mean*math.Sqrt(12), pt.Query)
	}
	w.p("")
	lo, hi := idioFor(d, spDispersion2014), idioFor(d, spDispersion2015)
	w.p("The model's monthly dispersion is proportional to `idio` (about %.3f × idio: the stocks' own and sector", d.Default.Mean/d.Default.Idio)
	w.p("shocks are all there is around the index, every beta being 1). S&P's long-term average, %.1f%%, is reproduced at",
		100*spDispersionLongTerm)
	w.p("idio = %.3f (linear interpolation between the grid points around it); calc's default is that, to two decimals:", d.Idio)
	w.p("**%g**, whose dispersion is %.2f%% a month. The low years S&P reports correspond to %.3f (2014, %.1f%%) and %.3f",
		d.Default.Idio, 100*d.Default.Mean, lo, 100*spDispersion2014, hi)
	w.p("(2015, %.1f%%). What the figure also contains, so that the default is an upper bound for the names' own", 100*spDispersion2015)
	w.p("volatility: betas ≠ 1 (the market's moves spread the stocks apart; in the model all of that is `idio`), sector")
	w.p("moves (the model has them, a quarter of `idio`'s variance) and earnings jumps and other fat-tailed news (normal")
	w.p("shocks here). docs/MARKET.md has the mapping and its limits; sections 1, 9 and 10 and the AQR comparison run")
	w.p("on this default.")
	w.p("")
}

// idioFor is the idio at which the model's mean monthly dispersion is
// target, by linear interpolation on the mapping's grid (NaN outside it).
func idioFor(d *dispersionMapping, target float64) float64 {
	for k := 1; k < len(d.Points); k++ {
		a, b := d.Points[k-1], d.Points[k]
		if a.Mean <= target && target <= b.Mean {
			return a.Idio + (target-a.Mean)*(b.Idio-a.Idio)/(b.Mean-a.Mean)
		}
	}
	return math.NaN()
}
