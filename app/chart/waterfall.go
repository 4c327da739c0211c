package chart

import (
	"math"
	"strings"
)

// WaterfallItem is one signed contribution of a WaterfallChart.
type WaterfallItem struct {
	Label string
	Value float64 // NaN and ±Inf show as "n/a" and count as zero
}

// WaterfallChart describes a horizontal waterfall: each item is a bar that
// starts where the previous one ended, and a final bar shows the total.
// Labels are drawn on the left and wrap onto up to three lines.
type WaterfallChart struct {
	Title string // visible title and accessible name
	Desc  string // accessible description; "" generates one from the data
	Items []WaterfallItem
	// TotalLabel labels the total bar; "" means "Total".
	TotalLabel string
	// NoTotal leaves the total bar out.
	NoTotal bool
	// Format formats values (bar labels, ticks, description); nil means
	// Money. Positive item values get a "+" prefix.
	Format func(float64) string
	// Colors of increases, decreases and the total; "" means
	// PositiveColor, NegativeColor and TotalColor.
	Positive, Negative, Total string
	HideTitle                 bool // see LineChart.HideTitle
	// Width of the viewBox (0 means DefaultWidth). The height follows from
	// the number of rows; Height, when larger, adds room below.
	Width, Height int
	FontSize      float64 // see LineChart.FontSize
	ID            string  // see LineChart.ID
}

// Waterfall renders c as an SVG document (a single <svg> element).
func Waterfall(c WaterfallChart) string {
	f := newFrame(c.Title, c.Desc, c.Width, c.Height, 1, c.FontSize)
	f.id = c.ID
	format := c.Format
	if format == nil {
		format = Money
	}
	if len(c.Items) == 0 {
		f.h = math.Max(f.h, math.Round(f.w*0.45))
		return f.noData("")
	}
	posC := color(c.Positive, PositiveColor)
	negC := color(c.Negative, NegativeColor)
	totC := color(c.Total, TotalColor)
	totalLabel := c.TotalLabel
	if totalLabel == "" {
		totalLabel = "Total"
	}

	var rows []waterfallRow
	cum := 0.0
	lo, hi := 0.0, 0.0
	for _, it := range c.Items {
		r := waterfallRow{label: it.Label, from: cum, to: cum, value: NotAvailable}
		if finite(it.Value) {
			v := clamp(it.Value)
			r.to = clamp(cum + v)
			r.ok = true
			r.value = format(v)
			if v > 0 {
				r.value = "+" + r.value
			}
		}
		cum = r.to
		lo, hi = math.Min(lo, cum), math.Max(hi, cum)
		rows = append(rows, r)
	}
	if !c.NoTotal {
		rows = append(rows, waterfallRow{label: totalLabel, from: 0, to: cum, value: format(cum), ok: true, total: true})
	}
	if f.desc == "" {
		var d strings.Builder
		d.WriteString("Waterfall chart.")
		for _, r := range rows {
			d.WriteString(" " + r.label + ": " + r.value + ".")
		}
		f.desc = d.String()
	}

	var b svg
	fs := f.fs
	y := f.pad
	if !c.HideTitle {
		y = f.drawTitle(&b, f.titleLines())
	}
	// Label column: as wide as the longest label, at most 42% of the width.
	labelCol := 0.0
	for _, r := range rows {
		labelCol = math.Max(labelCol, textWidth(r.label, fs))
	}
	labelCol = math.Min(labelCol, (f.w-2*f.pad)*0.42)
	lineH := math.Round(fs * 1.2)
	wrapped := make([][]string, len(rows))
	heights := make([]float64, len(rows))
	for i, r := range rows {
		wrapped[i] = wrap(r.label, labelCol, fs, 3)
		heights[i] = math.Max(float64(max(len(wrapped[i]), 1))*lineH, fs*1.6) + fs*0.8
	}

	// Value axis: the data's extent, scaled as wide as possible while every
	// value label still fits beside its bar.
	left := f.pad + labelCol + fs*0.8
	right := f.w - f.pad
	if hi == lo {
		hi = 1
	}
	x0, x1 := lo, hi
	type side struct{ d, w float64 }
	var onLeft, onRight []side
	for _, r := range rows {
		w := boldWidth(r.value, fs) + fs*0.3
		if r.labelRight() {
			onRight = append(onRight, side{math.Max(r.from, r.to) - x0, w})
		} else {
			onLeft = append(onLeft, side{math.Min(r.from, r.to) - x0, w})
		}
	}
	// sx(v) = a + k·(v−x0); for a given k the feasible offsets a form an
	// interval, and the feasible (a, k) form a convex set: bisect on k.
	offset := func(k float64) (float64, bool) {
		lowA, highA := left, right-k*(x1-x0)
		for _, s := range onLeft {
			lowA = math.Max(lowA, left+s.w-k*s.d)
		}
		for _, s := range onRight {
			highA = math.Min(highA, right-s.w-k*s.d)
		}
		return lowA, lowA <= highA
	}
	kLo, kHi := 0.0, (right-left)/(x1-x0)
	for range 60 {
		mid := (kLo + kHi) / 2
		if _, ok := offset(mid); ok {
			kLo = mid
		} else {
			kHi = mid
		}
	}
	k := kLo
	a, _ := offset(k)
	if k*(x1-x0) < fs*2 {
		// Labels too wide for the space: keep a minimal bar area.
		k = math.Min(fs*2, right-left) / (x1 - x0)
		a = left
	}
	sx := func(v float64) float64 { return a + k*(v-x0) }
	plotW := k * (x1 - x0)
	var xt []float64
	for _, t := range niceTicks(lo, hi, max(int(plotW/(fs*3.5)), 2), false) {
		if t >= lo-(hi-lo)*1e-9 && t <= hi+(hi-lo)*1e-9 {
			xt = append(xt, t)
		}
	}
	xlabels := tickLabels(xt, c.Format)

	top := y + fs*0.2
	rowsH := 0.0
	for _, h := range heights {
		rowsH += h
	}
	bottom := top + rowsH
	f.h = math.Max(bottom+fs*1.6+f.pad, float64(max(c.Height, 0)))

	// Grid and ticks.
	b.printf(`<g stroke="%s" stroke-width="1">`, gridColor)
	for _, t := range xt {
		if t != 0 {
			b.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(sx(t)), num(top), num(sx(t)), num(bottom))
		}
	}
	b.WriteString(`</g>`)
	b.printf(`<g font-size="%s" fill="%s" text-anchor="middle">`, num(fs), mutedText)
	for i, t := range xt {
		b.printf(`<text x="%s" y="%s">%s</text>`, num(sx(t)), num(bottom+fs*1.25), esc(xlabels[i]))
	}
	b.WriteString(`</g>`)

	// The zero line, under the bars and their labels: a label next to a
	// bar that ends near zero (on a phone's narrow drawing) is never
	// crossed by it; the labels' halo covers it.
	b.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5"/>`, num(sx(0)), num(top), num(sx(0)), num(bottom), axisColor)

	// Rows.
	ry := top
	barH := math.Min(fs*1.3, 40)
	prevEnd, prevBottom := 0.0, -1.0
	for i, r := range rows {
		h := heights[i]
		cy := ry + h/2
		if r.total {
			b.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`, num(f.pad), num(ry), num(right), num(ry), axisColor)
		}
		// Label, vertically centred.
		lines := wrapped[i]
		ly := cy - float64(len(lines)-1)*lineH/2
		weight := ""
		if r.total {
			weight = ` font-weight="600"`
		}
		for j, l := range lines {
			b.text(f.pad, ly+float64(j)*lineH, "start", fs, textColor, ` dy=".35em"`+weight, l)
		}
		// Connector from the previous bar's end.
		if prevBottom >= 0 && r.ok && !r.total {
			b.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1" stroke-dasharray="3 3"/>`,
				num(sx(prevEnd)), num(prevBottom), num(sx(prevEnd)), num(cy-barH/2), axisColor)
		}
		fill := posC
		switch {
		case r.total:
			fill = totC
		case r.to < r.from:
			fill = negC
		}
		xa, xb := sx(math.Min(r.from, r.to)), sx(math.Max(r.from, r.to))
		if r.ok && r.from != r.to {
			b.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, num(xa), num(cy-barH/2), num(math.Max(xb-xa, 1)), num(barH), fill)
		}
		// Value label outside the bar's far end.
		if r.labelRight() {
			b.text(xb+fs*0.3, cy, "start", fs, textColor, ` dy=".35em"`+halo+weight, r.value)
		} else {
			b.text(xa-fs*0.3, cy, "end", fs, textColor, ` dy=".35em"`+halo+weight, r.value)
		}
		if r.ok {
			prevEnd, prevBottom = r.to, cy+barH/2
		}
		ry += h
	}
	return f.document(b.String())
}

// waterfallRow is one bar of a waterfall, from one running total to the next.
type waterfallRow struct {
	label    string
	from, to float64
	value    string // formatted, signed
	ok       bool   // false for a non-finite value
	total    bool
}

// labelRight tells whether the value label goes right of the bar
// (increases, and a total that is not negative) or left of it.
func (r waterfallRow) labelRight() bool {
	if r.total {
		return r.to >= 0
	}
	return r.to >= r.from
}
