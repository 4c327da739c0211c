package chart

import (
	"math"
	"sort"
	"strings"
)

// Series is one line of a LineChart: a median line and an optional shaded
// band between Low and High (for example the 10th and 90th percentiles).
type Series struct {
	Name   string
	Color  string    // "" picks the next Palette color; see color rules in the package doc
	Median []float64 // one value per X; NaN and ±Inf leave a gap
	Low    []float64 // optional lower edge of the band, one value per X
	High   []float64 // optional upper edge of the band, one value per X
}

// LineChart describes a line chart with uncertainty bands, such as wealth by
// year for several strategies.
type LineChart struct {
	Title  string // visible title and accessible name
	Desc   string // accessible description; "" generates one from the data
	XLabel string // x axis title, e.g. "Year"
	YLabel string // y axis title, shown above the axis, e.g. "After-tax wealth"
	// X holds the x values, in increasing order. nil means 0, 1, 2, …
	// (one per value of the longest series).
	X      []float64
	Series []Series
	// Format formats y values (tick labels, end labels, description).
	// nil means Money.
	Format func(float64) string
	// XFormat formats x tick labels. nil prints plain numbers.
	XFormat func(float64) string
	// BandLabel is the legend text explaining the bands; "" means
	// "10th–90th percentile".
	BandLabel string
	// IncludeZero extends the y axis to zero.
	IncludeZero bool
	// NoEndLabels hides the value of each median at its last point.
	NoEndLabels bool
	// HideTitle leaves the title out of the drawing (it stays the
	// accessible name), for pages that show it as a heading.
	HideTitle bool
	// Width and Height of the viewBox; 0 means DefaultWidth × 460. The
	// font size scales with Width (Width/30, at least 14).
	Width, Height int
	// FontSize overrides that font size, in viewBox units (0: Width/30).
	// A chart drawn only for wide screens can use smaller text than one
	// that must stay legible scaled down to a phone.
	FontSize float64
	// ID prefixes the ids of the <title> and <desc> elements; "" derives
	// one from the content.
	ID string
	// Markers are events drawn over the lines (markers.go).
	Markers []Marker
}

type pt struct{ x, y float64 }

// Lines renders c as an SVG document (a single <svg> element).
func Lines(c LineChart) string {
	f := newFrame(c.Title, c.Desc, c.Width, c.Height, 460, c.FontSize)
	f.id = c.ID
	format := c.Format
	if format == nil {
		format = Money
	}
	n := len(c.X)
	if c.X == nil {
		for _, s := range c.Series {
			n = max(n, len(s.Median), len(s.Low), len(s.High))
		}
	}
	xAt := func(k int) float64 {
		if c.X == nil {
			return float64(k)
		}
		return c.X[k]
	}
	get := func(v []float64, k int) (float64, bool) {
		if k >= len(v) || !finite(v[k]) || !finite(xAt(k)) {
			return 0, false
		}
		return clamp(v[k]), true
	}

	// Extent of the data.
	ymin, ymax := math.Inf(1), math.Inf(-1)
	xmin, xmax := math.Inf(1), math.Inf(-1)
	integerX := true
	anyBand := false
	for _, s := range c.Series {
		for k := 0; k < n; k++ {
			seen := false
			for _, v := range [][]float64{s.Median, s.Low, s.High} {
				if y, ok := get(v, k); ok {
					ymin, ymax = math.Min(ymin, y), math.Max(ymax, y)
					seen = true
				}
			}
			if _, ok := get(s.Low, k); ok {
				if _, ok := get(s.High, k); ok {
					anyBand = true
				}
			}
			if seen {
				x := clamp(xAt(k))
				xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
				if x != math.Trunc(x) || math.Abs(x) > 1e15 {
					integerX = false
				}
			}
		}
	}
	if ymin > ymax {
		return f.noData("")
	}
	allZero := ymin == 0 && ymax == 0
	ymin, ymax = markerExtent(c.Markers, ymin, ymax)
	if c.IncludeZero {
		ymin, ymax = math.Min(ymin, 0), math.Max(ymax, 0)
	}

	colors := make([]string, len(c.Series))
	for i, s := range c.Series {
		colors[i] = color(s.Color, Palette[i%len(Palette)])
	}
	if f.desc == "" {
		f.desc = lineDesc(c, n, xAt, get, format) + markerDesc(c.Markers)
	}

	var b svg
	fs := f.fs
	y := f.pad
	if !c.HideTitle {
		y = f.drawTitle(&b, f.titleLines())
	}
	var legend []legendItem
	for i, s := range c.Series {
		kind := swatchLineOnly
		if anyBand {
			kind = swatchLine
		}
		legend = append(legend, legendItem{label: s.Name, color: colors[i], kind: kind})
	}
	if anyBand {
		bl := c.BandLabel
		if bl == "" {
			bl = "10th\u201390th percentile"
		}
		legend = append(legend, legendItem{label: bl, kind: swatchBand})
	}
	y = f.drawLegend(&b, legend, y)
	top, bottom := f.plotArea(&b, y, c.YLabel, c.XLabel)
	yt, ylabels, left := f.valueAxis(ymin, ymax, top, bottom, c.Format)
	y0, y1 := yt[0], yt[len(yt)-1]
	sy := func(v float64) float64 { return bottom - (v-y0)/(y1-y0)*(bottom-top) }

	// End labels: the last finite median of each series.
	type endLabel struct {
		y     float64
		text  string
		color string
	}
	var ends []endLabel
	endW := 0.0
	if !c.NoEndLabels {
		for i, s := range c.Series {
			for k := n - 1; k >= 0; k-- {
				if v, ok := get(s.Median, k); ok {
					t := format(v)
					ends = append(ends, endLabel{y: sy(v), text: t, color: colors[i]})
					endW = math.Max(endW, boldWidth(t, fs))
					break
				}
			}
		}
		endW = math.Min(endW, f.w*0.25)
	}

	// X axis.
	xfmt := c.XFormat
	var xt []float64
	var x0, x1 float64
	right := f.w - f.pad
	if len(ends) > 0 {
		right -= endW + fs*0.5
	}
	if xmin == xmax {
		xt = []float64{xmin}
		x0, x1 = xmin-1, xmax+1
	} else {
		x0, x1 = xmin, xmax
		sample := textWidth(fmtX(xfmt, xmax, 1), fs)
		want := max(int((right-left)/(sample+fs*2.5)), 1)
		for _, v := range niceTicks(xmin, xmax, want, integerX) {
			if v >= xmin-(xmax-xmin)*1e-9 && v <= xmax+(xmax-xmin)*1e-9 {
				xt = append(xt, v)
			}
		}
		if len(xt) == 0 {
			xt = []float64{xmin, xmax}
		}
		if len(ends) == 0 {
			// Keep room for half of the last tick label.
			right = math.Min(right, f.w-f.pad-textWidth(fmtX(xfmt, xt[len(xt)-1], 1), fs)/2)
		}
	}
	xstep := 1.0
	if len(xt) > 1 {
		xstep = xt[1] - xt[0]
	}
	sx := func(v float64) float64 { return left + (v-x0)/(x1-x0)*(right-left) }

	// Grid and y tick labels.
	f.drawValueGrid(&b, yt, ylabels, left, right, sy, false)
	// Baseline, and the zero line when zero is inside the axis.
	b.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`, num(left), num(bottom), num(right), num(bottom), axisColor)
	if y0 < 0 && y1 > 0 {
		b.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5"/>`, num(left), num(sy(0)), num(right), num(sy(0)), axisColor)
	}
	// X ticks.
	b.printf(`<g font-size="%s" fill="%s" text-anchor="middle">`, num(fs), mutedText)
	for _, t := range xt {
		b.printf(`<text x="%s" y="%s">%s</text>`, num(sx(t)), num(bottom+fs*1.25), esc(fmtX(xfmt, t, xstep)))
	}
	b.WriteString(`</g>`)
	b.printf(`<g stroke="%s" stroke-width="1">`, axisColor)
	for _, t := range xt {
		b.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(sx(t)), num(bottom), num(sx(t)), num(bottom+fs*0.3))
	}
	b.WriteString(`</g>`)
	if c.XLabel != "" {
		b.text((left+right)/2, bottom+fs*2.85, "middle", fs, mutedText, "", ellipsize(c.XLabel, f.w-2*f.pad, fs))
	}

	if allZero {
		b.text((left+right)/2, (top+bottom)/2, "middle", fs, mutedText, ` dy=".35em"`, "All values are zero")
	}
	// Bands under all lines, then the lines.
	for i, s := range c.Series {
		var segs [][2][]pt
		var lo, hi []pt
		flush := func() {
			if len(lo) > 0 {
				segs = append(segs, [2][]pt{lo, hi})
			}
			lo, hi = nil, nil
		}
		for k := 0; k < n; k++ {
			l, ok1 := get(s.Low, k)
			h, ok2 := get(s.High, k)
			if !ok1 || !ok2 {
				flush()
				continue
			}
			x := sx(clamp(xAt(k)))
			lo = append(lo, pt{x, sy(l)})
			hi = append(hi, pt{x, sy(h)})
		}
		flush()
		if len(segs) == 0 {
			continue
		}
		// The band is a light fill with dashed edges, which stay readable
		// where the bands of several series overlap and in grayscale print.
		var fill, edges strings.Builder
		for _, sg := range segs {
			lo, hi := sg[0], sg[1]
			if len(lo) == 1 {
				// A single point: an error bar.
				w := fs * 0.3
				x := lo[0].x
				fill.WriteString("M" + num(x-w) + " " + num(hi[0].y) + "H" + num(x+w) + "V" + num(lo[0].y) + "H" + num(x-w) + "Z")
				edges.WriteString("M" + num(x-w) + " " + num(hi[0].y) + "H" + num(x+w) + "M" + num(x-w) + " " + num(lo[0].y) + "H" + num(x+w))
				continue
			}
			for j, p := range hi {
				fill.WriteString(cmd(j == 0) + num(p.x) + " " + num(p.y))
				edges.WriteString(cmd(j == 0) + num(p.x) + " " + num(p.y))
			}
			for j := len(lo) - 1; j >= 0; j-- {
				fill.WriteString("L" + num(lo[j].x) + " " + num(lo[j].y))
			}
			fill.WriteString("Z")
			for j, p := range lo {
				edges.WriteString(cmd(j == 0) + num(p.x) + " " + num(p.y))
			}
		}
		b.printf(`<path d="%s" fill="%s" fill-opacity="0.12"/>`, fill.String(), colors[i])
		if edges.Len() > 0 {
			b.printf(`<path d="%s" fill="none" stroke="%s" stroke-width="1.5" stroke-dasharray="4 3"/>`, edges.String(), colors[i])
		}
	}
	for i, s := range c.Series {
		var d strings.Builder
		var dots []pt
		var seg []pt
		flush := func() {
			if len(seg) == 1 {
				dots = append(dots, seg[0])
			}
			for j, p := range seg {
				if len(seg) > 1 {
					d.WriteString(cmd(j == 0) + num(p.x) + " " + num(p.y))
				}
			}
			seg = nil
		}
		for k := 0; k < n; k++ {
			v, ok := get(s.Median, k)
			if !ok {
				flush()
				continue
			}
			seg = append(seg, pt{sx(clamp(xAt(k))), sy(v)})
		}
		flush()
		if d.Len() > 0 {
			b.printf(`<path d="%s" fill="none" stroke="%s" stroke-width="3" stroke-linejoin="round" stroke-linecap="round"/>`, d.String(), colors[i])
		}
		for _, p := range dots {
			b.printf(`<circle cx="%s" cy="%s" r="%s" fill="%s"/>`, num(p.x), num(p.y), num(fs*0.22), colors[i])
		}
	}

	drawMarkers(&b, c.Markers, sx, sy, left, right, top, bottom, fs)
	// End labels, pushed apart so they do not overlap.
	if len(ends) > 0 {
		sort.SliceStable(ends, func(i, j int) bool { return ends[i].y < ends[j].y })
		gap := fs * 1.1
		for i := 1; i < len(ends); i++ {
			ends[i].y = math.Max(ends[i].y, ends[i-1].y+gap)
		}
		if over := ends[len(ends)-1].y - (bottom + fs*0.3); over > 0 {
			for i := range ends {
				ends[i].y -= over
			}
		}
		for _, e := range ends {
			b.text(right+fs*0.4, e.y, "start", fs, e.color, ` dy=".35em" font-weight="600"`, ellipsize(e.text, endW, fs))
		}
	}
	return f.document(b.String())
}

func cmd(first bool) string {
	if first {
		return "M"
	}
	return "L"
}

func fmtX(format func(float64) string, v, step float64) string {
	if format != nil {
		return format(v)
	}
	return plainNumber(v, step)
}

// tickLabels formats tick values. With the default (nil) format it uses
// Money and adds significant digits until the labels are distinct.
func tickLabels(ticks []float64, format func(float64) string) []string {
	labels := make([]string, len(ticks))
	if format != nil {
		for i, t := range ticks {
			labels[i] = format(t)
		}
		return labels
	}
	for sig := 3; sig <= 15; sig++ {
		seen := map[string]bool{}
		dup := false
		for i, t := range ticks {
			labels[i] = moneySig(t, sig, sig == 3)
			dup = dup || seen[labels[i]]
			seen[labels[i]] = true
		}
		if !dup {
			break
		}
	}
	return labels
}

// lineDesc describes the last point of every series in words.
func lineDesc(c LineChart, n int, xAt func(int) float64, get func([]float64, int) (float64, bool), format func(float64) string) string {
	var b strings.Builder
	b.WriteString("Line chart")
	if c.YLabel != "" {
		b.WriteString(" of " + c.YLabel)
	}
	if c.XLabel != "" {
		b.WriteString(" by " + c.XLabel)
	}
	b.WriteString(".")
	xname := c.XLabel
	if xname == "" {
		xname = "x"
	}
	for _, s := range c.Series {
		for k := n - 1; k >= 0; k-- {
			v, ok := get(s.Median, k)
			if !ok {
				continue
			}
			name := s.Name
			if name == "" {
				name = "Series"
			}
			b.WriteString(" " + name + ": " + format(v) + " at " + xname + " " + fmtX(c.XFormat, xAt(k), 0))
			l, ok1 := get(s.Low, k)
			h, ok2 := get(s.High, k)
			if ok1 && ok2 {
				bl := c.BandLabel
				if bl == "" {
					bl = "10th\u201390th percentile"
				}
				b.WriteString(" (" + bl + " " + format(l) + " to " + format(h) + ")")
			}
			b.WriteString(".")
			break
		}
	}
	return b.String()
}
