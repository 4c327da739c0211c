package answer

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/brand"
	"smacalc/app/chart"
	"smacalc/app/fields"
	"smacalc/calc"
)

// transitionResult reports whether r moves existing holdings into the SMA
// (single: its scenario has a concentrated position; legacy lots, which
// the query does not carry, show by their weight).
func transitionResult(r *calc.Result, single bool) bool {
	if r == nil {
		return false
	}
	if single {
		return true
	}
	for _, y := range r.Years {
		if y.SingleWeight > 0 {
			return true
		}
	}
	return false
}

// glideChart is the transition's glide path: the existing holdings'
// weight in the SMA and the SMA's tracking error, falling year by year.
func glideChart(r *calc.Result, size chartSize) string {
	x := make([]float64, len(r.Years))
	weight := chart.Series{Name: "Existing holdings' weight in the SMA", Color: chart.Palette[1]}
	te := chart.Series{Name: "Tracking error against the index", Color: chart.Palette[0]}
	for i, y := range r.Years {
		x[i] = float64(y.Year)
		weight.Median = append(weight.Median, y.SingleWeight)
		te.Median = append(te.Median, y.TrackingError)
	}
	return chart.Lines(chart.LineChart{
		Title:       "Glide path: existing holdings and tracking error",
		XLabel:      "Year",
		YLabel:      "Mean over simulated markets, year end",
		X:           x,
		Series:      []chart.Series{weight, te},
		Format:      chart.Percent,
		IncludeZero: true,
		HideTitle:   true,
		ID:          "chart-glide" + size.suffix,
		Width:       size.width,
		FontSize:    size.font,
	})
}

// glideTaxChart is the tax each strategy pays per year: the fund's
// up-front sale against the SMA's budgeted sales.
func glideTaxChart(r *calc.Result, fund string, b *brand.Brand, size chartSize) string {
	cats := make([]string, len(r.Years))
	var sma, fd []float64
	for i, y := range r.Years {
		cats[i] = strconv.Itoa(y.Year)
		sma = append(sma, f64(y.SMATax))
		fd = append(fd, f64(y.FundTax))
	}
	smaColor, fundColor := b.SeriesColors()
	return chart.Bars(chart.BarChart{
		Title:      "Taxes paid per year",
		XLabel:     "Year",
		YLabel:     "Mean over simulated markets",
		Categories: cats,
		Series: []chart.BarSeries{
			{Name: "SMA (moving within the budget)", Values: sma, Color: smaColor},
			{Name: fields.FundLabel(fund) + " (sold at the start)", Values: fd, Color: fundColor, Hatch: true},
		},
		HideTitle: true,
		ID:        "chart-glide-taxes" + size.suffix,
		Width:     size.width,
		FontSize:  size.font,
	})
}

// glideFigures are the transition's charts, or nothing.
func glideFigures(r *calc.Result, fund string, b *brand.Brand, single, wide bool) []app.UI {
	if !transitionResult(r, single) {
		return nil
	}
	return []app.UI{
		chartFigure("fig-glide", "Glide path into the index",
			"The existing holdings' share of the SMA at each year end and the SMA's tracking error against the index that year, averaged over the simulated markets: "+
				"both fall as the holdings are sold within the yearly gain budget.",
			wide, func(size chartSize) string { return glideChart(r, size) }),
		chartFigure("fig-glide-taxes", "Taxes paid per year",
			"The "+fields.FundShort(fund)+" strategy sells the holdings at the start and pays the tax in the first year; the SMA spreads the gain over the years, within the budget. "+
				"The tax of the final sale is not included.",
			wide, func(size chartSize) string { return glideTaxChart(r, fund, b, size) }),
	}
}
