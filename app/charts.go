package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/chart"
	"smacalc/calc"
)

// charts draws the result as SVG generated in Go: wealth over time, losses
// harvested and tax saved per year, and where the difference comes from.
type charts struct {
	app.Compo
	Result *calc.Result
	Fund   string
}

func f64(m calc.Money) float64 { return m.InexactFloat64() }

func fundLabel(fund string) string {
	if fund == "mf" {
		return "Mutual fund"
	}
	return "ETF"
}

// chartSize is how a chart is drawn for a kind of screen. The phone size
// keeps the chart package's default (text scales with the width so it stays
// legible when the drawing shrinks to a phone column); the wide size draws
// smaller text for a desktop column or a projector, where the same drawing
// would otherwise show labels larger than the page's own text.
type chartSize struct {
	suffix string // distinguishes the ids of the two drawings
	width  int
	font   float64
}

var (
	phoneChart = chartSize{suffix: "", width: 0, font: 0}
	wideChart  = chartSize{suffix: "-wide", width: 860, font: 19}
)

func wealthChart(r *calc.Result, fund string, size chartSize) string {
	n := len(r.WealthOverTime)
	x := make([]float64, n)
	var sma, fnd chart.Series
	sma.Name, fnd.Name = "SMA (direct indexing)", fundLabel(fund)
	sma.Color, fnd.Color = seriesColors()
	for i, p := range r.WealthOverTime {
		x[i] = float64(p.Year)
		sma.Median = append(sma.Median, f64(p.SMA.P50))
		sma.Low = append(sma.Low, f64(p.SMA.P10))
		sma.High = append(sma.High, f64(p.SMA.P90))
		fnd.Median = append(fnd.Median, f64(p.Fund.P50))
		fnd.Low = append(fnd.Low, f64(p.Fund.P10))
		fnd.High = append(fnd.High, f64(p.Fund.P90))
	}
	return chart.Lines(chart.LineChart{
		Title:     "After-tax wealth over time",
		XLabel:    "Year",
		YLabel:    "If sold at the end of the year, after tax",
		X:         x,
		Series:    []chart.Series{sma, fnd},
		HideTitle: true,
		ID:        "chart-wealth" + size.suffix,
		Width:     size.width,
		FontSize:  size.font,
	})
}

func harvestChart(r *calc.Result, size chartSize) string {
	cats := make([]string, len(r.Years))
	var st, lt, saved []float64
	for i, y := range r.Years {
		cats[i] = strconv.Itoa(y.Year)
		st = append(st, f64(y.HarvestedST))
		lt = append(lt, f64(y.HarvestedLT))
		saved = append(saved, f64(y.TaxSaved))
	}
	return chart.Bars(chart.BarChart{
		Title:      "Losses harvested and tax saved per year",
		XLabel:     "Year",
		YLabel:     "Mean over simulated markets",
		Categories: cats,
		Series: []chart.BarSeries{
			{Name: "Short-term losses harvested", Values: st, Stack: "harvest", Color: chart.Palette[0]},
			{Name: "Long-term losses harvested", Values: lt, Stack: "harvest", Color: chart.Palette[2]},
			{Name: "Tax saved", Values: saved, Color: chart.Palette[3]},
		},
		HideTitle: true,
		ID:        "chart-harvest" + size.suffix,
		Width:     size.width,
		FontSize:  size.font,
	})
}

func waterfallChart(r *calc.Result, size chartSize) string {
	d := r.Decomposition
	items := []chart.WaterfallItem{
		{Label: "Tax saved on harvested losses", Value: f64(d.TaxSavedOnHarvestedLosses)},
		{Label: "Fund distributions avoided", Value: f64(d.DistributionsAvoided)},
		{Label: "Fee difference", Value: f64(d.FeeDifference)},
		{Label: "Trading costs", Value: f64(d.TradingCosts)},
		{Label: "Tax at the end", Value: f64(d.ExtraTaxAtLiquidation)},
		{Label: "Growth of deferred tax", Value: f64(d.GrowthOfDeferredTax)},
	}
	if !d.UnpaidTax.IsZero() { // a portfolio ran out (see calc.Decomposition)
		items = append(items, chart.WaterfallItem{Label: "Tax paid from outside", Value: f64(d.UnpaidTax)})
	}
	return chart.Waterfall(chart.WaterfallChart{
		Title:      "Where the difference comes from",
		Items:      items,
		TotalLabel: "Difference (mean)",
		HideTitle:  true,
		ID:         "chart-decomposition" + size.suffix,
		Width:      size.width,
		FontSize:   size.font,
	})
}

func (c *charts) Render() app.UI {
	r := c.Result
	if r == nil {
		return app.Div().ID("charts").Class("charts")
	}
	return app.Div().ID("charts").Class("charts").Body(
		chartFigure("fig-wealth", "After-tax wealth over time",
			"Median line with the range of the middle 80% of simulated markets (10th to 90th percentile), as if both were sold at the end of each year.",
			func(size chartSize) string { return wealthChart(r, c.Fund, size) }),
		chartFigure("fig-harvest", "Losses harvested and tax saved per year",
			"Averages over the simulated markets. Harvested losses lower the tax on your other gains and income; tax saved is the fund's tax minus the SMA's.",
			func(size chartSize) string { return harvestChart(r, size) }),
		chartFigure("fig-decomposition", "Where the difference comes from",
			"Average over simulated markets, in dollars at the end. Bars to the right favour the SMA, to the left the fund.",
			func(size chartSize) string { return waterfallChart(r, size) }),
	)
}

// chartFigure draws a chart twice, for phones and for wide screens; the
// stylesheet shows one of them (the hidden one is out of the accessibility
// tree too).
func chartFigure(id, title, caption string, draw func(chartSize) string) app.UI {
	return app.Figure().ID(id).Class("chart").Body(
		app.H3().Text(title),
		app.Div().Class("chart-phone").Body(app.Raw(draw(phoneChart))),
		app.Div().Class("chart-wide").Body(app.Raw(draw(wideChart))),
		app.FigCaption().Text(caption),
	)
}
