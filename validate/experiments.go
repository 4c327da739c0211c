//go:build !wasm

package main

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// Investors and costs shared by the experiments. Every scenario is a
// query for scenario.Decode: keys not given keep calc's defaults (see
// scenario.DefaultScenario and MODEL.md).
const (
	// topRateInvestor is taxed at the top federal rates (37% ordinary,
	// 20% long-term, 3.8% NIIT: 40.8% / 23.8%) with no state tax, the
	// setting closest to the papers' flat rates.
	topRateInvestor = "status=mfj&wages=1000000&state=none"
	// gross removes the SMA fee, the fund's expense ratio and trading
	// costs: the papers report tax alpha before fees and costs.
	gross = "smafee=0&fundfee=0&tradecost=0"
	// unlimitedST and unlimitedLT give the investor far more outside gains
	// than any harvest, so every harvested loss is used at once at the
	// short-term (resp. long-term) rate — the papers' assumption.
	// calc's default investor has $50,000 of short-term gains a year, so
	// the long-term case sets stgains=0 explicitly.
	unlimitedST = "stgains=10000000&ltgains=0"
	unlimitedLT = "stgains=0&ltgains=10000000"
	// papersAccounting pays the tax saved out of the SMA instead of
	// reinvesting it (calc's savings=withdraw), as AQR and Vanguard
	// measure the benefit.
	papersAccounting = "savings=withdraw"
)

// variant is one scenario of an experiment.
type variant struct {
	Name  string
	Query string
	Run   *run
}

func (c config) runAll(ctx context.Context, vs []variant) error {
	for i := range vs {
		r, err := c.simulate(ctx, vs[i].Query)
		if err != nil {
			return err
		}
		vs[i].Run = r
	}
	return nil
}

// frontLoading is the AQR experiment (Sosner, Gromis & Krasner 2022, "The
// Tax Benefits of Direct Indexing: Not a One-Size-Fits-All Formula", J.
// Beta Investment Strategies 13(2) 28–51):
// the yearly tax benefit of a new direct-indexing account, for an investor
// whose other gains are long-term or short-term, with and without steady
// contributions.
type frontLoading struct {
	Horizon  int
	Variants []variant // LT, ST, LT+contrib, ST+contrib
}

// AQR's figures (bp of portfolio value per year), as MODEL.md quotes them.
var (
	aqrLT        = map[int]float64{1: 155, 2: 51, 5: 8}
	aqrST        = map[int]float64{1: 339, 2: 114}
	aqrContribLT = 27.0 // bp/yr after year 10 with steady contributions
)

func (c config) frontLoading(ctx context.Context) (*frontLoading, error) {
	f := &frontLoading{Horizon: 15}
	n := c.paths(1000)
	base := query(topRateInvestor, gross, "horizon=15&end=hold", papersAccounting, fmt.Sprintf("paths=%d&seed=1", n))
	f.Variants = []variant{
		{Name: "Long-term outside gains, no flows", Query: query(unlimitedLT, base)},
		{Name: "Short-term outside gains, no flows", Query: query(unlimitedST, base)},
		{Name: "Long-term outside gains, contributions 10%/yr", Query: query(unlimitedLT, "contrib=100000", base)},
		{Name: "Short-term outside gains, contributions 10%/yr", Query: query(unlimitedST, "contrib=100000", base)},
	}
	return f, c.runAll(ctx, f.Variants)
}

// aqrAssumptions re-runs the long-term case of the AQR experiment with the
// assumptions the report suspects of the gap to AQR changed one at a time:
// the model before issue 17's market (no turnover, tax saved reinvested),
// each of those alone, a lower dispersion (a cap-weighted idiosyncratic
// volatility of 15% rather than calc's default), a 10% return (about a
// long US history's; AQR's sample period is not in the text we could
// reach), and both.
type aqrAssumptions struct {
	Variants []variant // as in section 1, old model, no turnover, reinvested, idio, ret, both
}

// aqrBoth is the index in aqrAssumptions.Variants of "idio 15% and return
// 10%".
const aqrBoth = 6

func (c config) aqrAssumptions(ctx context.Context) (*aqrAssumptions, error) {
	base := query(unlimitedLT, topRateInvestor, gross, "horizon=15&end=hold", fmt.Sprintf("paths=%d&seed=1", c.paths(1000)))
	papers := query(base, papersAccounting)
	a := &aqrAssumptions{Variants: []variant{
		{Name: fmt.Sprintf("As in section 1 (turnover 4.5%%, tax saved paid out, idio %g%%, return 7%%)", 100*scenario.DefaultScenario().Idio), Query: papers},
		{Name: "Before issue 17: no turnover, tax saved reinvested", Query: query("turnover=0", base)},
		{Name: "No turnover", Query: query("turnover=0", papers)},
		{Name: "Tax saved reinvested", Query: base},
		{Name: "Idiosyncratic volatility 15%", Query: query("idio=0.15", papers)},
		{Name: "Expected return 10%", Query: query("ret=0.10", papers)},
		{Name: "Both", Query: query("idio=0.15&ret=0.10", papers)},
	}}
	return a, c.runAll(ctx, a.Variants)
}

// turnoverEffect is the long-term case of the AQR experiment at several
// index turnovers, on the Russell presets and with cash takeovers: how
// forced gains shape the benefit over time.
type turnoverEffect struct {
	Horizon  int
	Variants []variant
}

var turnovers = []string{"0", "0.02", "0.045", "0.08"}

func (c config) turnoverEffect(ctx context.Context) (*turnoverEffect, error) {
	base := query(unlimitedLT, topRateInvestor, gross, "horizon=15&end=hold", papersAccounting, fmt.Sprintf("paths=%d&seed=1", c.paths(1000)))
	t := &turnoverEffect{Horizon: 15}
	for _, x := range turnovers {
		t.Variants = append(t.Variants, variant{Name: "S&P 500, turnover " + x, Query: query("turnover="+x, base)})
	}
	t.Variants = append(t.Variants,
		variant{Name: "Russell 1000 (1000 stocks)", Query: query("index=r1000", base)},
		variant{Name: "Russell 3000 (1000 stocks, each standing for 3)", Query: query("index=r3000", base)},
		variant{Name: "S&P 500, turnover 0.045, half of the leavers bought for cash at 30% above their price", Query: query("takeover=0.5", base)},
		variant{Name: "S&P 500, turnover 0.045, every leaver bought for cash at 30% above its price", Query: query("takeover=1", base)},
	)
	return t, c.runAll(ctx, t.Variants)
}

// historyReplays runs the AQR long-term case on replays of history (the
// S&P Composite's monthly returns from the start year, Shiller's data),
// with the stocks' dispersion simulated around it.
type historyReplays struct {
	Variants []variant
}

var replayYears = []int{1973, 1990, 2000, 2008}

func (c config) historyReplays(ctx context.Context) (*historyReplays, error) {
	base := query(unlimitedLT, topRateInvestor, gross, "horizon=15&end=hold", papersAccounting, fmt.Sprintf("paths=%d&seed=1", c.paths(400)))
	h := &historyReplays{}
	for _, y := range replayYears {
		h.Variants = append(h.Variants, variant{Name: fmt.Sprintf("%d–%d", y, y+14), Query: query(fmt.Sprintf("history=%d", y), base)})
	}
	return h, c.runAll(ctx, h.Variants)
}

// harvestFrequency is the Vanguard experiment: the 10-year average benefit
// of harvesting annually, quarterly, monthly and weekly (Vanguard publishes
// daily, not weekly; calc has no daily checks), for the investor of the
// papers' assumption (every loss used at once), and the annual and monthly
// runs again for investors with less to offset.
type harvestFrequency struct {
	Variants []variant // annual, quarterly, monthly, weekly
	// Gains are the annual and monthly runs for the investors of
	// frequencyGains, in that order: whether the outside gains move the
	// annual ÷ monthly ratio in the model.
	Gains []ratioPair
}

// ratioPair is an annual and a monthly harvest run of one investor on the
// same seed (paired paths).
type ratioPair struct {
	Name            string
	Annual, Monthly *run
}

// annualShare is the annual run's 10-year average benefit over the monthly
// run's. The runs share their markets path by path, so the pairs are
// resampled together.
func (p ratioPair) annualShare() estimate {
	return bootstrapPaired(p.Annual.Outcomes, p.Monthly.Outcomes, func(a, m []calc.PathOutcome) float64 {
		return averageBenefitBps(a, 1, 10) / averageBenefitBps(m, 1, 10)
	})
}

// vanguardInvestor is one investor of Vanguard's harvest-frequency figures:
// Vanguard, "Portfolio construction for direct indexing" (4 May 2022), the
// "average 10-year tax-loss harvesting (TLH) alpha for each mode and
// investor type". The study behind it is, by its matching abstract (fund vs
// individual securities, annual to daily harvests), Khang, Cummings &
// Paradise (2022), "Optimal Tax-Loss-Harvesting Implementation", The
// Journal of Beta Investment Strategies 13(2) 75–89. Vanguard describes the
// investors only by these labels and figures.
type vanguardInvestor struct {
	Name    string // Vanguard's label
	Profile string // Vanguard's description
	// IndexFundBps is the TLH alpha of harvesting a market index fund
	// instead of individual stocks.
	IndexFundBps float64
	// Bps are the direct-indexing figures by harvest frequency (bp/yr).
	Bps map[string]float64
}

// annualShare is the published annual ÷ monthly ratio.
func (v vanguardInvestor) annualShare() float64 { return v.Bps["annual"] / v.Bps["monthly"] }

// published is the figure the model's frequency f is compared with: daily
// beside weekly (the finest check each has).
func (v vanguardInvestor) published(f string) float64 {
	if x, ok := v.Bps[f]; ok {
		return x
	}
	return v.Bps["daily"]
}

// B comes first: its "regular stream of significant capital gains to
// offset" (the paper's abstract: for such investors daily harvesting
// "offers the maximal TLH effectiveness") is the like-for-like investor
// for the model's setup, every loss used at once; A's lower annual ÷
// monthly ratio reflects limited gains to offset (issue 26).
var vanguardInvestors = []vanguardInvestor{
	{Name: "B", Profile: "ultra-high-net-worth", IndexFundBps: 84,
		Bps: map[string]float64{"annual": 164, "quarterly": 264, "monthly": 284, "daily": 310}},
	{Name: "A", Profile: "high-net-worth", IndexFundBps: 4,
		Bps: map[string]float64{"annual": 38, "quarterly": 107, "monthly": 123, "daily": 136}},
}

var frequencies = []string{"annual", "quarterly", "monthly", "weekly"}

// frequencyGains are investors with less to offset than the experiment's
// $10M of short-term gains: calc's default prospect's $50,000 of
// short-term gains a year, and as much in long-term gains. Harvested losses
// beyond them offset $3,000 of ordinary income and are carried forward
// (IRC §1211(b), §1212(b)).
var frequencyGains = []struct{ Name, Query string }{
	{"$50,000 of short-term gains a year", "stgains=50000&ltgains=0"},
	{"$50,000 of long-term gains a year", "stgains=0&ltgains=50000"},
}

func (c config) harvestFrequency(ctx context.Context) (*harvestFrequency, error) {
	h := &harvestFrequency{}
	n := c.paths(1000)
	setup := func(gains, f string) string {
		return query(topRateInvestor, gains, gross, "harvest="+f, "horizon=10&end=hold", papersAccounting, fmt.Sprintf("paths=%d&seed=1", n))
	}
	for _, f := range frequencies {
		h.Variants = append(h.Variants, variant{Name: f, Query: setup(unlimitedST, f)})
	}
	if err := c.runAll(ctx, h.Variants); err != nil {
		return nil, err
	}
	for _, g := range frequencyGains {
		pair := []variant{{Query: setup(g.Query, "annual")}, {Query: setup(g.Query, "monthly")}}
		if err := c.runAll(ctx, pair); err != nil {
			return nil, err
		}
		h.Gains = append(h.Gains, ratioPair{Name: g.Name, Annual: pair[0].Run, Monthly: pair[1].Run})
	}
	return h, nil
}

// ratio is the experiment's own annual ÷ monthly pair ($10M of short-term
// gains).
func (h *harvestFrequency) ratio() ratioPair {
	return ratioPair{Name: "$10M of short-term gains a year", Annual: h.Variants[0].Run, Monthly: h.Variants[2].Run}
}

// longRunAlpha is the Chaudhuri experiment (Chaudhuri, Burnham & Lo 2020,
// "An Empirical Evaluation of Tax-Loss-Harvesting Alpha", FAJ 76(3)): the
// 500 largest US stocks harvested monthly, every losing lot sold, losses
// used at once against short-term gains or ordinary income, before
// transaction costs, over 23-year periods (their four sub-periods of
// 1926–2018).
type longRunAlpha struct {
	Horizon  int
	Variants []variant
}

// Chaudhuri et al.'s figures, %/yr.
const (
	chaudhuriNoWash   = 1.08
	chaudhuriWithWash = 0.82
	chaudhuriLow      = 0.57
	chaudhuriHigh     = 2.29
)

func (c config) longRunAlpha(ctx context.Context) (*longRunAlpha, error) {
	l := &longRunAlpha{Horizon: 23}
	n := c.paths(1000)
	base := query(topRateInvestor, unlimitedST, gross, "stocks=500&harvest=monthly&horizon=23", fmt.Sprintf("paths=%d&seed=1", n))
	// A market closer to 1926–2018 (Ibbotson: ~10% arithmetic mean, ~19%
	// volatility, ~4% dividend yield) than calc's forward-looking default.
	history := "ret=0.1&vol=0.19&div=0.04"
	l.Variants = []variant{
		{Name: "calc market, threshold 0 (every losing lot), held", Query: query(base, "threshold=0&end=hold")},
		{Name: "calc market, threshold 0, liquidated at the end", Query: query(base, "threshold=0&end=liquidate")},
		{Name: "calc market, 5% threshold, held", Query: query(base, "threshold=0.05&end=hold")},
		{Name: "1926–2018-like market, threshold 0, held", Query: query(base, history, "threshold=0&end=hold")},
		{Name: "1926–2018-like market, idio 35%, threshold 0, held", Query: query(base, history, "idio=0.35&threshold=0&end=hold")},
	}
	return l, c.runAll(ctx, l.Variants)
}

// fundTypes compares the default prospect's SMA with an ETF, an index
// mutual fund and an active mutual fund at historical capital-gain
// distribution rates (ETFs: well under 0.1% of NAV a year; US large-cap
// active funds: about 9% of NAV in 2021, a few % in typical years). Net of
// every fee, liquidated at the end: the calculator's own headline.
type fundTypes struct {
	Variants []variant
}

func (c config) fundTypes(ctx context.Context) (*fundTypes, error) {
	f := &fundTypes{}
	n := c.paths(1000)
	base := fmt.Sprintf("paths=%d&seed=1", n)
	f.Variants = []variant{
		{Name: "ETF, no distributions", Query: query("fund=etf&fundfee=0.0003&dist=0", base)},
		{Name: "ETF, 0.1% of NAV a year", Query: query("fund=etf&fundfee=0.0003&dist=0.001", base)},
		{Name: "Index mutual fund, 0.5%", Query: query("fund=mf&fundfee=0.0005&dist=0.005", base)},
		{Name: "Active mutual fund, 4%", Query: query("fund=mf&fundfee=0.0065&dist=0.04", base)},
		{Name: "Active mutual fund, 9% (2021)", Query: query("fund=mf&fundfee=0.0065&dist=0.09", base)},
	}
	return f, c.runAll(ctx, f.Variants)
}

// sweep is one input varied around the default scenario.
type sweep struct {
	Key    string // scenario key
	Label  string // axis label
	Values []float64
	Runs   []*run
}

// sensitivity varies one input at a time around calc's default scenario
// (the calculator's headline: median tax alpha, net of fees, liquidated).
type sensitivity struct {
	Paths  int
	Sweeps []*sweep
}

func (c config) sensitivity(ctx context.Context) (*sensitivity, error) {
	s := &sensitivity{Paths: c.paths(400)}
	s.Sweeps = []*sweep{
		{Key: "idio", Label: "Idiosyncratic volatility", Values: []float64{0.15, 0.2, 0.22, 0.25, 0.3, 0.4}},
		{Key: "stocks", Label: "Number of stocks", Values: []float64{25, 50, 100, 200, 500}},
		{Key: "threshold", Label: "Harvest threshold", Values: []float64{0, 0.02, 0.05, 0.1, 0.2}},
		{Key: "smafee", Label: "SMA fee", Values: []float64{0, 0.002, 0.0035, 0.005, 0.0075}},
		{Key: "horizon", Label: "Horizon (years)", Values: []float64{5, 10, 15, 20, 30}},
	}
	for _, sw := range s.Sweeps {
		for _, v := range sw.Values {
			r, err := c.simulate(ctx, query(fmt.Sprintf("%s=%g", sw.Key, v), fmt.Sprintf("paths=%d&seed=1", s.Paths)))
			if err != nil {
				return nil, err
			}
			sw.Runs = append(sw.Runs, r)
		}
	}
	return s, nil
}

// pathError is the Monte Carlo standard error of the headline (median tax
// alpha) for a given path count.
type pathError struct {
	Paths        int
	MedianSE     float64 // bps/yr, calc's antithetic pairs
	PlainSE      float64 // bps/yr, the same number of independent paths
	MeanSE       float64 // bps/yr, antithetic pairs
	FirstNMedian float64 // median of the first Paths paths of the big run
}

// monteCarloError measures the headline's standard error against the
// number of paths: one large run of the default scenario, then for each n
// the spread of the median over resamples of n paths (n/2 antithetic
// pairs; and n independent paths, from the pairs' first paths).
type monteCarloError struct {
	Run       *run
	Points    []pathError
	TargetBps float64 // the UI's tolerance
	Needed    int     // smallest path count whose median SE is under TargetBps
	// Others are harder scenarios (more dispersion of the alpha): the
	// path count the UI needs is the largest Needed.
	Others []needed
}

// needed is the path count that keeps one scenario's median SE under the
// target.
type needed struct {
	Name   string
	Run    *run
	SE     estimate // median tax alpha and its SE at Run's path count
	Needed int
}

// pathsNeeded solves SE·√(n/paths) = target for n.
func pathsNeeded(se estimate, paths int, target float64) int {
	return int(math.Ceil(float64(paths) * math.Pow(se.SE/target, 2)))
}

var pathCounts = []int{50, 100, 200, 300, 500, 1000, 2000, 4000}

func (c config) monteCarloError(ctx context.Context) (*monteCarloError, error) {
	n := c.paths(4000)
	r, err := c.simulate(ctx, query(fmt.Sprintf("paths=%d&seed=1", n)))
	if err != nil {
		return nil, err
	}
	m := &monteCarloError{Run: r, TargetBps: 5}
	a := alphas(r.Outcomes)
	plain := alphas(evenPaths(r.Outcomes))
	pairMeans := make([]float64, len(a)/2)
	for i := range pairMeans {
		pairMeans[i] = (a[2*i] + a[2*i+1]) / 2
	}
	rng := rand.New(rand.NewPCG(5, 5))
	for _, k := range pathCounts {
		if k > n {
			break
		}
		const draws = 400
		meds := make([]float64, draws)
		plainMeds := make([]float64, draws)
		sample := make([]float64, k)
		for d := range meds {
			for i := 0; i+1 < k; i += 2 { // k/2 antithetic pairs
				p := 2 * rng.IntN(len(a)/2)
				sample[i], sample[i+1] = a[p], a[p+1]
			}
			meds[d] = quantile(sample, 0.5)
			for i := range sample {
				sample[i] = plain[rng.IntN(len(plain))]
			}
			plainMeds[d] = quantile(sample, 0.5)
		}
		m.Points = append(m.Points, pathError{
			Paths:        k,
			MedianSE:     stddev(meds),
			PlainSE:      stddev(plainMeds),
			MeanSE:       stddev(pairMeans) / math.Sqrt(float64(k/2)),
			FirstNMedian: quantile(a[:k], 0.5),
		})
	}
	// The median's SE falls as 1/√n: fit SE(n) = c/√n on the points and
	// solve for the target.
	var cs float64
	for _, p := range m.Points {
		cs += p.MedianSE * math.Sqrt(float64(p.Paths))
	}
	cs /= float64(len(m.Points))
	m.Needed = int(math.Ceil(math.Pow(cs/m.TargetBps, 2)))
	k := c.paths(1000)
	for _, o := range []struct{ name, q string }{
		{"Default prospect, 5-year horizon", "horizon=5"},
		{"Default prospect, idio 40%", "idio=0.4"},
		{"Default prospect, held (no liquidation)", "end=hold"},
		{"Top-rate investor with short-term gains, gross, held", query(topRateInvestor, unlimitedST, gross, "end=hold")},
	} {
		r, err := c.simulate(ctx, query(o.q, fmt.Sprintf("paths=%d&seed=1", k)))
		if err != nil {
			return nil, err
		}
		se := r.medianAlpha()
		m.Others = append(m.Others, needed{Name: o.name, Run: r, SE: se, Needed: pathsNeeded(se, k, m.TargetBps)})
	}
	return m, nil
}

func stddev(v []float64) float64 {
	var s, s2 float64
	for _, x := range v {
		s += x
		s2 += x * x
	}
	n := float64(len(v))
	m := s / n
	return math.Sqrt(max(0, (s2/n-m*m)*n/max(1, n-1)))
}

// antitheticCheck compares, on one scenario, the median tax alpha of calc's
// antithetic pairs with that of plain independent paths over independent
// replications (seeds): an unbiased estimator gives the same mean median
// within Monte Carlo error. Replications, rather than one run each with a
// bootstrap or order-statistic standard error, because those estimate a
// median's error only to about ±25% at a few hundred paths (their relative
// error falls as n^−1/4; Hall & Martin 1988), too loose for a test of bias.
type antitheticCheck struct {
	Name      string
	First     *run      // the first antithetic replication (cited)
	Paths     int       // paths per replication
	Anti      []float64 // median tax alpha of each replication, antithetic pairs
	Plain     []float64 // the same from as many independent paths
	CalcSE    []float64 // calc's tax_alpha_bps.se of each antithetic replication
	FirstSeed int
}

// antitheticReplications is the number of seeds per scenario.
const antitheticReplications = 16

func meanSD(v []float64) (mean, sd float64) {
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	return mean, stddev(v)
}

// Z is the difference of the mean medians over its standard error.
func (a antitheticCheck) Z() float64 {
	ma, sa := meanSD(a.Anti)
	mp, sp := meanSD(a.Plain)
	r := float64(len(a.Anti))
	return (ma - mp) / math.Sqrt((sa*sa+sp*sp)/r)
}

// Efficiency is the variance of the median from independent paths over
// that from as many paths in antithetic pairs: how many times fewer paths
// the pairs need for the same standard error.
func (a antitheticCheck) Efficiency() float64 {
	_, sa := meanSD(a.Anti)
	_, sp := meanSD(a.Plain)
	return sp * sp / (sa * sa)
}

var antitheticScenarios = []struct{ name, q string }{
	{"Default prospect", ""},
	{"Default prospect, 5-year horizon", "horizon=5"},
	{"Default prospect, idio 40%", "idio=0.4"},
	{"Default prospect, held (no liquidation)", "end=hold"},
	{"Top-rate investor with short-term gains, gross, held", query(topRateInvestor, unlimitedST, gross, "end=hold")},
	{"Withdrawals 6%/yr, quarterly harvest", "contrib=-60000&harvest=quarterly"},
}

func (c config) antithetic(ctx context.Context) ([]antitheticCheck, error) {
	n := c.paths(200)
	n += n % 2
	var out []antitheticCheck
	for _, sc := range antitheticScenarios {
		ch := antitheticCheck{Name: sc.name, Paths: n, FirstSeed: 101}
		for k := range antitheticReplications {
			seed := ch.FirstSeed + k
			a, err := c.simulate(ctx, query(sc.q, fmt.Sprintf("paths=%d&seed=%d", n, seed)))
			if err != nil {
				return nil, err
			}
			if k == 0 {
				ch.First = a
			}
			ch.Anti = append(ch.Anti, medianAlpha(a.Outcomes))
			ch.CalcSE = append(ch.CalcSE, a.Result.TaxAlphaBps.SE)
			plain, err := c.independentPaths(ctx, query(sc.q, fmt.Sprintf("paths=%d&seed=%d", 2*n, seed+1000)))
			if err != nil {
				return nil, err
			}
			ch.Plain = append(ch.Plain, medianAlpha(plain))
		}
		out = append(out, ch)
	}
	return out, nil
}

// independentPaths simulates the first path of every antithetic pair of
// scenario q (paths 0, 2, 4, …): plain independent Monte Carlo paths.
func (c config) independentPaths(ctx context.Context, q string) ([]calc.PathOutcome, error) {
	s, err := scenario.Decode(q)
	if err != nil {
		return nil, fmt.Errorf("scenario %q: %w", q, err)
	}
	outs := make([]calc.PathOutcome, (s.Paths+1)/2)
	errs := make([]error, len(outs))
	workers := max(1, c.Workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(outs); i += workers {
				p, err := calc.SimulatePaths(ctx, s, 2*i, 1, nil)
				if err != nil {
					errs[i] = err
					continue
				}
				outs[i] = p.Outcomes[0]
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("scenario %q: %w", q, err)
		}
	}
	return outs, nil
}

// validation is every experiment of the report.
type validation struct {
	Front       *frontLoading
	AQRGap      *aqrAssumptions
	AQRReplays  *aqrReplays
	Turnover    *turnoverEffect
	Replays     *historyReplays
	Frequency   *harvestFrequency
	LongRun     *longRunAlpha
	Funds       *fundTypes
	Sensitivity *sensitivity
	MCError     *monteCarloError
	Antithetic  []antitheticCheck
	Transition  *transitionLogic
	Dispersion  *dispersionMapping
	Gifts       *giftsCheck
}

func (c config) validate(ctx context.Context) (*validation, error) {
	var v validation
	var err error
	if v.Dispersion, err = c.dispersionMapping(ctx); err != nil {
		return nil, err
	}
	if v.Front, err = c.frontLoading(ctx); err != nil {
		return nil, err
	}
	if v.AQRGap, err = c.aqrAssumptions(ctx); err != nil {
		return nil, err
	}
	if v.AQRReplays, err = c.aqrReplays(ctx); err != nil {
		return nil, err
	}
	if v.Turnover, err = c.turnoverEffect(ctx); err != nil {
		return nil, err
	}
	if v.Replays, err = c.historyReplays(ctx); err != nil {
		return nil, err
	}
	if v.Frequency, err = c.harvestFrequency(ctx); err != nil {
		return nil, err
	}
	if v.LongRun, err = c.longRunAlpha(ctx); err != nil {
		return nil, err
	}
	if v.Funds, err = c.fundTypes(ctx); err != nil {
		return nil, err
	}
	if v.Sensitivity, err = c.sensitivity(ctx); err != nil {
		return nil, err
	}
	if v.MCError, err = c.monteCarloError(ctx); err != nil {
		return nil, err
	}
	if v.Antithetic, err = c.antithetic(ctx); err != nil {
		return nil, err
	}
	if v.Transition, err = c.transition(ctx); err != nil {
		return nil, err
	}
	if v.Gifts, err = c.gifts(ctx); err != nil {
		return nil, err
	}
	return &v, nil
}
