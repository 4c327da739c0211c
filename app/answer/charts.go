package answer

import (
	"math"
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/brand"
	"smacalc/app/chart"
	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// Charts draws the result as SVG generated in Go: wealth over time, losses
// harvested and tax saved per year, and where the difference comes from.
type Charts struct {
	app.Compo
	Result *calc.Result
	Fund   string
	Wide   bool // draw the wide drawings (wide screen or presenter mode), else the phone ones
	// Moving says the result moves existing holdings into the SMA (a
	// concentrated position): the glide path's charts are drawn too.
	Moving bool
	Brand  *brand.Brand // the series' colours; nil: the chart's palette
}

func f64(m calc.Money) float64 { return m.InexactFloat64() }

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

// differenceChart is the difference in after-tax wealth (SMA − fund)
// year by year: each year's median across the simulated markets and the
// band of the middle 80%, as if both were sold at the end of each year
// (the median of each year, not one market's path). With a sale at the
// end the last point is the headline's. Otherwise (keep, heirs, donate)
// the line still ends as if sold, and the end treatment is drawn as the
// event it is — a marked last step from the value if sold to the
// headline's — not as a cliff in the line (issue 24: the heirs' step-up
// turned a median near zero for 19 years into +$368K at year 20). The
// year the harvested losses run out is marked too (issue 27).
func differenceChart(r *calc.Result, fund string, b *brand.Brand, size chartSize) string {
	n := len(r.DifferenceOverTime)
	x := make([]float64, n)
	s := chart.Series{Name: "SMA minus " + fields.FundShort(fund) + ", median", Color: chart.Palette[0]}
	if c, _ := b.SeriesColors(); c != "" {
		s.Color = c
	}
	for i, p := range r.DifferenceOverTime {
		d := p.Difference
		if i == n-1 && i > 0 && r.End == "liquidate" {
			d = r.Difference // the end treatment, as the headline
		}
		x[i] = float64(p.Year)
		s.Median = append(s.Median, f64(d.P50))
		s.Low = append(s.Low, f64(d.P10))
		s.High = append(s.High, f64(d.P90))
	}
	return chart.Lines(chart.LineChart{
		Title:       "Difference in after-tax wealth over time",
		XLabel:      "Year",
		YLabel:      "SMA minus " + fields.FundShort(fund) + ", after tax",
		X:           x,
		Series:      []chart.Series{s},
		BandLabel:   "80% of simulated markets",
		IncludeZero: true,
		HideTitle:   true,
		ID:          "chart-difference" + size.suffix,
		Width:       size.width,
		FontSize:    size.font,
		Markers:     differenceMarkers(r),
	})
}

// endEvents name the end treatments that are an event at the horizon
// rather than a sale, as the difference chart marks them.
var endEvents = map[string]string{
	"hold":   "Kept, not sold",
	"stepup": "Heirs' step-up",
	"donate": "Shares donated",
}

// differenceMarkers are the difference chart's events: the year the
// losses run out (on the typical market, from year 1 on) and the end
// treatment's step at the horizon, with the medians before and after.
func differenceMarkers(r *calc.Result) []chart.Marker {
	var ms []chart.Marker
	if y := r.LossesRunOutYear; y != nil && *y > 0 && *y < r.Horizon {
		ms = append(ms, chart.Marker{X: float64(*y), Label: "Losses run out, year " + strconv.Itoa(*y)})
	}
	n := len(r.DifferenceOverTime)
	if ev, ok := endEvents[r.End]; ok && n > 1 {
		before, after := f64(r.DifferenceOverTime[n-1].Difference.P50), f64(r.Difference.P50)
		ms = append(ms, chart.Marker{
			X: float64(r.DifferenceOverTime[n-1].Year), Step: true, From: before, To: after,
			Label: ev + ": " + chart.Money(before) + " if sold → " + chart.Money(after),
		})
	}
	return ms
}

func harvestChart(r *calc.Result, size chartSize) string {
	cats := make([]string, len(r.Years))
	var st, lt, saved, extra []float64
	for i, y := range r.Years {
		cats[i] = strconv.Itoa(y.Year)
		st = append(st, f64(y.HarvestedST))
		lt = append(lt, f64(y.HarvestedLT))
		// A year where the SMA paid more tax than the fund (its own
		// realized gains: index changes, takeovers, the final sale) is a
		// cost, not a saving: drawn in its own colour below zero, never in
		// the saving's green (issue 24, item 5). NaN draws no bar.
		if t := f64(y.TaxSaved); t < 0 {
			saved, extra = append(saved, math.NaN()), append(extra, t)
		} else {
			saved, extra = append(saved, t), append(extra, math.NaN())
		}
	}
	series := []chart.BarSeries{
		// Okabe–Ito hues; the long-term bars are hatched as well, so the
		// two kinds of loss differ by more than colour. Short names: the
		// chart's title says "harvested", and the four fit one legend line
		// (the printed report keeps its four pages).
		{Name: "Short-term losses", Values: st, Stack: "harvest", Color: chart.Palette[1]},
		{Name: "Long-term losses", Values: lt, Stack: "harvest", Color: chart.Palette[0], Hatch: true},
		{Name: "Tax saved", Values: saved, Stack: "tax", Color: chart.Palette[2]},
	}
	if slices.ContainsFunc(extra, func(v float64) bool { return !math.IsNaN(v) }) {
		series = append(series, chart.BarSeries{Name: "Extra tax", Values: extra, Stack: "tax", Color: chart.Palette[3], Hatch: true})
	}
	return chart.Bars(chart.BarChart{
		Title:      "Losses harvested and tax saved per year",
		XLabel:     "Year",
		YLabel:     "Mean over simulated markets",
		Categories: cats,
		Series:     series,
		HideTitle:  true,
		ID:         "chart-harvest" + size.suffix,
		Width:      size.width,
		FontSize:   size.font,
	})
}

// waterfallChart splits the typical market's difference by source: its
// total is that market's difference, beside its wealth in the headline.
func waterfallChart(r *calc.Result, b *brand.Brand, size chartSize) string {
	d := r.MedianMarket.Decomposition
	smaColor, fundColor := b.SeriesColors()
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
		TotalLabel: "Difference in this market",
		// A brand's colours: what favours the SMA in the SMA's, what
		// favours the fund in the fund's ("" keeps the chart's own).
		Positive:  smaColor,
		Negative:  fundColor,
		HideTitle: true,
		ID:        "chart-decomposition" + size.suffix,
		Width:     size.width,
		FontSize:  size.font,
	})
}

func (c *Charts) Render() app.UI {
	widget.Rendered("charts")
	r := c.Result
	if r == nil {
		return app.Div().ID("charts").Class("charts")
	}
	figures := []app.UI{
		chartFigure("fig-difference", "How the difference grows",
			differenceCaption(r, c.Fund),
			c.Wide, func(size chartSize) string { return differenceChart(r, c.Fund, c.Brand, size) }),
		chartFigure("fig-harvest", "Losses harvested and tax saved per year",
			"Averages over the simulated markets. Harvested losses lower the tax on your other gains and income; tax saved is the fund's tax minus the SMA's.",
			c.Wide, func(size chartSize) string { return harvestChart(r, size) }),
		chartFigure("fig-decomposition", "Where the difference comes from",
			"The typical market's difference ("+widget.SignedDollars(r.MedianMarket.Difference.Decimal)+
				") split by its sources, in dollars at the end; over all simulated markets the median is "+
				widget.SignedDollars(r.Difference.P50.Decimal)+", the average "+
				widget.SignedDollars(r.Decomposition.Total.Decimal)+". Bars to the right favour the SMA, to the left the fund.",
			c.Wide, func(size chartSize) string { return waterfallChart(r, c.Brand, size) }),
	}
	return app.Div().ID("charts").Class("charts").Body(append(glideFigures(r, c.Fund, c.Brand, c.Moving, c.Wide), figures...)...)
}

// chartFigure draws a chart for the screen it is on: the phone drawing or,
// when wide, the wide one. Only one is drawn (building and parsing the SVG
// of each chart twice was the largest part of re-rendering a result on the
// main thread); the other's box stays, empty, so that the stylesheet's
// rules for print and presenter mode find both (a phone's print shows the
// phone drawing when the wide one is empty).
func chartFigure(id, title, caption string, wide bool, draw func(chartSize) string) app.UI {
	phone, wideBox := app.Div().Class("chart-phone"), app.Div().Class("chart-wide")
	if wide {
		wideBox = wideBox.Body(app.Raw(draw(wideChart)))
	} else {
		phone = phone.Body(app.Raw(draw(phoneChart)))
	}
	return app.Figure().ID(id).Class("chart").Body(
		app.H3().Text(title),
		phone,
		wideBox,
		app.FigCaption().Text(caption),
	)
}

// differenceCaption says what each point of the difference chart is.
func differenceCaption(r *calc.Result, fund string) string {
	text := "SMA minus " + fields.FundName(fund) + ": the line is the median simulated market, the band the middle 80% (10th to 90th percentile). " +
		"Each year is as if both were sold at the end of that year"
	if r.End == "liquidate" {
		return text + ", which is also your choice at the end, so the last year is the headline's figure."
	}
	return text + "; the marked last step is your choice at the end, " + endPhrases[r.End] + ": from the median if sold to the headline's median."
}
