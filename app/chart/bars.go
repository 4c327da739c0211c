package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// BarSeries is one series of a BarChart.
type BarSeries struct {
	Name   string
	Color  string    // "" picks the next Palette color
	Values []float64 // one value per category; NaN and ±Inf draw no bar
	// Stack groups series into one stacked bar: series with the same
	// non-empty Stack are stacked (in order, the first at the zero line;
	// positive values upward, negative values downward). A series with an
	// empty Stack gets a bar of its own, beside the others in the group.
	Stack string
	// Hatch draws the bars (and the legend swatch) with white diagonal
	// stripes over the colour, so that series stay apart without colour
	// (colour-blind readers, a black-and-white printout).
	Hatch bool
}

// BarChart describes vertical bars per category (for example per year),
// grouped side by side and/or stacked.
type BarChart struct {
	Title  string // visible title and accessible name
	Desc   string // accessible description; "" generates one from the data
	XLabel string // category axis title, e.g. "Year"
	YLabel string // value axis title, shown above the axis
	// Categories are the labels along the x axis. nil means "1", "2", …
	// (one per value of the longest series).
	Categories []string
	Series     []BarSeries
	// Format formats values (tick labels, tooltips, description). nil
	// means Money.
	Format    func(float64) string
	HideTitle bool // see LineChart.HideTitle
	// Width and Height of the viewBox; 0 means DefaultWidth × 460.
	Width, Height int
	FontSize      float64 // see LineChart.FontSize
	ID            string  // see LineChart.ID
}

// Bars renders c as an SVG document (a single <svg> element). The value axis
// always includes zero; negative values hang below the zero line.
func Bars(c BarChart) string {
	f := newFrame(c.Title, c.Desc, c.Width, c.Height, 460, c.FontSize)
	f.id = c.ID
	format := c.Format
	if format == nil {
		format = Money
	}
	cats := c.Categories
	if cats == nil {
		n := 0
		for _, s := range c.Series {
			n = max(n, len(s.Values))
		}
		for i := range n {
			cats = append(cats, strconv.Itoa(i+1))
		}
	}
	nc := len(cats)
	val := func(s BarSeries, k int) (float64, bool) {
		if k >= len(s.Values) || !finite(s.Values[k]) {
			return 0, false
		}
		return clamp(s.Values[k]), true
	}

	// Slots: one bar position per stack (or unstacked series) in a group.
	slotOf := make([]int, len(c.Series))
	var keys []string
	for i, s := range c.Series {
		key := "\x00" + strconv.Itoa(i)
		if s.Stack != "" {
			key = s.Stack
		}
		slot := -1
		for j, k := range keys {
			if k == key {
				slot = j
			}
		}
		if slot < 0 {
			slot = len(keys)
			keys = append(keys, key)
		}
		slotOf[i] = slot
	}
	ns := len(keys)

	// Stacked extents: pos/neg accumulators per slot and category.
	type seg struct {
		series, cat int
		from, to, v float64
	}
	var segs []seg
	ymin, ymax := 0.0, 0.0
	hasData := false
	pos := make([]float64, ns*max(nc, 1))
	neg := make([]float64, ns*max(nc, 1))
	for k := range nc {
		for i, s := range c.Series {
			v, ok := val(s, k)
			if !ok {
				continue
			}
			hasData = true
			a := &pos[slotOf[i]*nc+k]
			if v < 0 {
				a = &neg[slotOf[i]*nc+k]
			}
			from := *a
			*a = clamp(*a + v)
			segs = append(segs, seg{i, k, from, *a, v})
			ymin, ymax = math.Min(ymin, *a), math.Max(ymax, *a)
		}
	}
	if !hasData || nc == 0 {
		return f.noData("")
	}
	allZero := ymin == 0 && ymax == 0
	fs := f.fs
	colors := make([]string, len(c.Series))
	var defs strings.Builder
	for i, s := range c.Series {
		colors[i] = color(s.Color, Palette[i%len(Palette)])
		if s.Hatch {
			id := idSafe(c.ID)
			if id == "" {
				id = "bars"
			}
			id += "-hatch-" + strconv.Itoa(i)
			w := num(math.Round(fs * 0.55))
			fmt.Fprintf(&defs, `<pattern id="%s" width="%s" height="%s" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`+
				`<rect width="%s" height="%s" fill="%s"/><line x1="0" y1="0" x2="0" y2="%s" stroke="#fff" stroke-width="%s"/></pattern>`,
				id, w, w, w, w, colors[i], w, num(math.Round(fs*0.2)))
			colors[i] = "url(#" + id + ")"
		}
	}
	if f.desc == "" {
		f.desc = barDesc(c, cats, val, format)
	}

	var b svg
	if defs.Len() > 0 {
		b.WriteString("<defs>" + defs.String() + "</defs>")
	}
	y := f.pad
	if !c.HideTitle {
		y = f.drawTitle(&b, f.titleLines())
	}
	var legend []legendItem
	for i, s := range c.Series {
		legend = append(legend, legendItem{label: s.Name, color: colors[i], kind: swatchBox})
	}
	if len(c.Series) > 1 || c.Series[0].Name != "" {
		y = f.drawLegend(&b, legend, y)
	}
	top, bottom := f.plotArea(&b, y, c.YLabel, c.XLabel)
	yt, ylabels, left := f.valueAxis(ymin, ymax, top, bottom, c.Format)
	y0, y1 := yt[0], yt[len(yt)-1]
	right := f.w - f.pad
	sy := func(v float64) float64 { return bottom - (v-y0)/(y1-y0)*(bottom-top) }
	band := (right - left) / float64(nc)
	groupW := band * 0.75
	if ns == 1 {
		groupW = band * 0.66
	}
	slotW := groupW / float64(ns)
	inner := 0.0
	if ns > 1 {
		inner = math.Min(fs*0.15, slotW*0.12)
	}

	// Grid and value ticks; the zero line is drawn over the bars.
	f.drawValueGrid(&b, yt, ylabels, left, right, sy, true)

	if allZero {
		b.text((left+right)/2, (top+bottom)/2, "middle", fs, mutedText, ` dy=".35em"`, "All values are zero")
	}
	// Bars, with a tooltip each.
	xname := c.XLabel
	for _, s := range segs {
		if s.from == s.to {
			continue
		}
		x := left + band*float64(s.cat) + (band-groupW)/2 + slotW*float64(slotOf[s.series]) + inner/2
		ya, yb := sy(s.from), sy(s.to)
		tip := strings.TrimSpace(xname + " " + cats[s.cat])
		if name := c.Series[s.series].Name; name != "" {
			tip += ", " + name
		}
		tip += ": " + format(s.v)
		b.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s</title></rect>`,
			num(x), num(math.Min(ya, yb)), num(math.Max(slotW-inner, 0.5)), num(math.Max(math.Abs(yb-ya), 0.5)), colors[s.series], esc(tip))
	}
	// Zero line over the bars.
	b.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5"/>`, num(left), num(sy(0)), num(right), num(sy(0)), axisColor)

	// Category labels, thinned so that they do not overlap; the last
	// category is always labelled.
	catW := 0.0
	for _, l := range cats {
		catW = math.Max(catW, textWidth(l, fs))
	}
	every := 1
	for _, e := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000} {
		every = e
		if catW+fs*0.8 <= band*float64(e) {
			break
		}
	}
	for every < nc && catW+fs*0.8 > band*float64(every) {
		every *= 2
	}
	b.printf(`<g font-size="%s" fill="%s" text-anchor="middle">`, num(fs), mutedText)
	for k := nc - 1; k >= 0; k -= every {
		l := ellipsize(cats[k], math.Max(band*float64(every)-fs*0.5, fs), fs)
		b.printf(`<text x="%s" y="%s">%s</text>`, num(left+band*(float64(k)+0.5)), num(bottom+fs*1.25), esc(l))
	}
	b.WriteString(`</g>`)
	if c.XLabel != "" {
		b.text((left+right)/2, bottom+fs*2.85, "middle", fs, mutedText, "", ellipsize(c.XLabel, f.w-2*f.pad, fs))
	}
	return f.document(b.String())
}

// barDesc describes the total of every series in words.
func barDesc(c BarChart, cats []string, val func(BarSeries, int) (float64, bool), format func(float64) string) string {
	var b strings.Builder
	b.WriteString("Bar chart")
	if c.YLabel != "" {
		b.WriteString(" of " + c.YLabel)
	}
	if c.XLabel != "" {
		b.WriteString(" by " + c.XLabel)
	}
	b.WriteString(", " + cats[0])
	if len(cats) > 1 {
		b.WriteString(" to " + cats[len(cats)-1])
	}
	b.WriteString(".")
	for i, s := range c.Series {
		total, count := 0.0, 0
		for k := range cats {
			if v, ok := val(s, k); ok {
				total = clamp(total + v)
				count++
			}
		}
		name := s.Name
		if name == "" {
			name = "Series " + strconv.Itoa(i+1)
		}
		if count == 0 {
			b.WriteString(" " + name + ": no data.")
			continue
		}
		b.WriteString(" " + name + ": total " + format(total) + ".")
	}
	return b.String()
}
