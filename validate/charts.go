//go:build !wasm

package main

import (
	"fmt"
	"math"

	"smacalc/app/chart"
)

// A chart is one SVG file of docs/validation/.
type svgFile struct {
	Name, SVG string
}

func nan() float64 { return math.NaN() }

// frontLoadingChart draws benefit_bps by year for the four AQR variants,
// with the 95% confidence band of each mean.
func frontLoadingChart(f *frontLoading) svgFile {
	var series []chart.Series
	for _, v := range f.Variants {
		var med, lo, hi []float64
		for y := 1; y <= f.Horizon; y++ {
			e := v.Run.benefit(y)
			med = append(med, e.Value)
			lo = append(lo, e.Value-e.CI95())
			hi = append(hi, e.Value+e.CI95())
		}
		series = append(series, chart.Series{Name: v.Name, Median: med, Low: lo, High: hi})
	}
	x := make([]float64, f.Horizon)
	for i := range x {
		x[i] = float64(i + 1)
	}
	return svgFile{"front-loading.svg", chart.Lines(chart.LineChart{
		Title:       "Tax saved each year, bp of the SMA's value (model)",
		XLabel:      "Year",
		YLabel:      "benefit_bps",
		X:           x,
		Series:      series,
		Format:      chart.BasisPoints,
		BandLabel:   "95% confidence interval (Monte Carlo)",
		IncludeZero: true,
	})}
}

// frontLoadingVsAQR puts the model's years 1, 2, 5 and 10 next to AQR's.
func frontLoadingVsAQR(f *frontLoading) svgFile {
	years := []int{1, 2, 5, 10}
	cats := make([]string, len(years))
	lt, st, pubLT, pubST := make([]float64, len(years)), make([]float64, len(years)), make([]float64, len(years)), make([]float64, len(years))
	for i, y := range years {
		cats[i] = fmt.Sprintf("Year %d", y)
		lt[i] = f.Variants[0].Run.benefit(y).Value
		st[i] = f.Variants[1].Run.benefit(y).Value
		pubLT[i], pubST[i] = published(aqrLT, y), published(aqrST, y)
	}
	return svgFile{"front-loading-vs-aqr.svg", chart.Bars(chart.BarChart{
		Title:      "Front-loaded benefit: model vs AQR (no flows)",
		YLabel:     "bp of portfolio value",
		Categories: cats,
		Series: []chart.BarSeries{
			{Name: "Model, LT gains", Values: lt},
			{Name: "AQR, LT gains", Values: pubLT},
			{Name: "Model, ST gains", Values: st},
			{Name: "AQR, ST gains", Values: pubST},
		},
		Format: chart.BasisPoints,
	})}
}

// published is AQR's figure for year y: "about zero after year 10" is 0,
// years not quoted are NaN (no bar).
func published(m map[int]float64, y int) float64 {
	if v, ok := m[y]; ok {
		return v
	}
	if y >= 10 && len(m) == 3 {
		return 0
	}
	return nan()
}

// frequencyChart puts the model's 10-year average benefit by harvest
// frequency beside both Vanguard investors' (daily beside weekly).
func frequencyChart(h *harvestFrequency) svgFile {
	series := []chart.BarSeries{{Name: "Model"}}
	for _, inv := range vanguardInvestors {
		series = append(series, chart.BarSeries{Name: "Vanguard investor " + inv.Name + " (" + inv.Profile + ")"})
	}
	for _, v := range h.Variants {
		series[0].Values = append(series[0].Values, v.Run.averageBenefit(1, 10).Value)
		for i, inv := range vanguardInvestors {
			series[i+1].Values = append(series[i+1].Values, inv.published(v.Name))
		}
	}
	return svgFile{"harvest-frequency.svg", chart.Bars(chart.BarChart{
		Title:      "10-year average benefit by harvest frequency",
		YLabel:     "bp per year",
		XLabel:     frequencyAxis,
		Categories: frequencies,
		Series:     series,
		Format:     chart.BasisPoints,
	})}
}

// frequencyShareChart is frequencyChart with each series divided by its
// monthly figure: the shape the three share, whatever their levels.
func frequencyShareChart(h *harvestFrequency) svgFile {
	monthly := h.Variants[2].Run.averageBenefit(1, 10).Value
	series := []chart.BarSeries{{Name: "Model"}}
	for _, inv := range vanguardInvestors {
		series = append(series, chart.BarSeries{Name: "Vanguard investor " + inv.Name})
	}
	for _, v := range h.Variants {
		series[0].Values = append(series[0].Values, v.Run.averageBenefit(1, 10).Value/monthly)
		for i, inv := range vanguardInvestors {
			series[i+1].Values = append(series[i+1].Values, inv.published(v.Name)/inv.Bps["monthly"])
		}
	}
	return svgFile{"harvest-frequency-share.svg", chart.Bars(chart.BarChart{
		Title:      "Benefit by harvest frequency, share of the monthly benefit",
		YLabel:     "share of monthly",
		XLabel:     frequencyAxis,
		Categories: frequencies,
		Series:     series,
		Format:     chart.Percent,
	})}
}

// frequencyAxis names the x axis of the frequency charts: calc has no daily
// checks, so Vanguard's daily figures stand beside the model's weekly.
const frequencyAxis = "Harvest frequency (Vanguard: daily beside weekly)"

func longRunChart(l *longRunAlpha) svgFile {
	var items []chart.BarSeries
	cats := []string{"Median", "Mean"}
	for _, v := range l.Variants {
		items = append(items, chart.BarSeries{Name: v.Name, Values: []float64{v.Run.medianAlpha().Value, v.Run.meanAlpha().Value}})
	}
	items = append(items,
		chart.BarSeries{Name: "Chaudhuri et al., wash-sale rule", Values: []float64{chaudhuriWithWash * 100, chaudhuriWithWash * 100}},
		chart.BarSeries{Name: "Chaudhuri et al., no wash-sale rule", Values: []float64{chaudhuriNoWash * 100, chaudhuriNoWash * 100}})
	return svgFile{"long-run-alpha.svg", chart.Bars(chart.BarChart{
		Title:      "Long-run tax alpha, 500 stocks, 23 years, gross of fees",
		YLabel:     "bp per year",
		Categories: cats,
		Series:     items,
		Format:     chart.BasisPoints,
		Height:     560,
	})}
}

func fundChart(f *fundTypes) svgFile {
	var cats []string
	var med, dist []float64
	for _, v := range f.Variants {
		cats = append(cats, v.Name)
		med = append(med, v.Run.medianAlpha().Value)
		d := v.Run.Result.Decomposition
		total := d.Total.InexactFloat64()
		share := 0.0
		if total != 0 {
			share = d.DistributionsAvoided.InexactFloat64() / total
		}
		dist = append(dist, v.Run.medianAlpha().Value*share)
	}
	return svgFile{"fund-types.svg", chart.Bars(chart.BarChart{
		Title:      "Median tax alpha against each fund (default prospect, net of fees)",
		YLabel:     "bp per year",
		Categories: cats,
		Series:     []chart.BarSeries{{Name: "Median tax alpha", Values: med}, {Name: "of which distributions avoided (approx.)", Values: dist}},
		Format:     chart.BasisPoints,
		Height:     520,
	})}
}

func sweepChart(sw *sweep) svgFile {
	var med, lo, hi, p10, p90 []float64
	for _, r := range sw.Runs {
		e := r.medianAlpha()
		med = append(med, e.Value)
		lo = append(lo, e.Value-e.CI95())
		hi = append(hi, e.Value+e.CI95())
		a := alphas(r.Outcomes)
		p10 = append(p10, quantile(a, 0.1))
		p90 = append(p90, quantile(a, 0.9))
	}
	format := func(v float64) string { return fmt.Sprintf("%g", v) }
	switch sw.Key {
	case "idio", "threshold", "smafee":
		format = chart.Percent
	}
	return svgFile{"sensitivity-" + sw.Key + ".svg", chart.Lines(chart.LineChart{
		Title:  "Median tax alpha vs " + sw.Label,
		XLabel: sw.Label,
		X:      sw.Values,
		Series: []chart.Series{
			{Name: "Median (95% CI band)", Median: med, Low: lo, High: hi},
			{Name: "10th percentile", Median: p10},
			{Name: "90th percentile", Median: p90},
		},
		Format:      chart.BasisPoints,
		XFormat:     format,
		BandLabel:   "95% confidence interval of the median",
		IncludeZero: true,
	})}
}

func errorChart(m *monteCarloError) svgFile {
	var x, se, target []float64
	for _, p := range m.Points {
		x = append(x, float64(p.Paths))
		se = append(se, p.MedianSE)
		target = append(target, m.TargetBps)
	}
	return svgFile{"monte-carlo-error.svg", chart.Lines(chart.LineChart{
		Title:       "Standard error of the median tax alpha vs paths",
		XLabel:      "Paths",
		X:           x,
		Series:      []chart.Series{{Name: "Standard error", Median: se}, {Name: "5 bp target", Median: target}},
		Format:      chart.BasisPoints,
		IncludeZero: true,
	})}
}

// charts renders every chart of the report.
func (v *validation) charts() []svgFile {
	out := []svgFile{
		frontLoadingChart(v.Front),
		frontLoadingVsAQR(v.Front),
		frequencyChart(v.Frequency),
		frequencyShareChart(v.Frequency),
		longRunChart(v.LongRun),
		fundChart(v.Funds),
	}
	for _, sw := range v.Sensitivity.Sweeps {
		out = append(out, sweepChart(sw))
	}
	return append(out, errorChart(v.MCError))
}
