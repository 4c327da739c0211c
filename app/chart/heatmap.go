package chart

import (
	"math"
	"strconv"
	"strings"
)

// HeatmapChart describes a grid of signed values over two axes (for
// example the after-tax difference over income and outside gains), drawn
// with a diverging colour scale centred on zero, with optional lines
// through the grid (where the value is zero) and a marked point.
type HeatmapChart struct {
	Title  string // visible title (unless HideTitle) and accessible name
	Desc   string // accessible description; "" generates one from the data
	XLabel string // caption of the columns' axis, below it
	YLabel string // caption of the rows' axis, above it
	// XTicks and YTicks label the columns (left to right) and the rows
	// (bottom to top); their lengths are the grid's size.
	XTicks, YTicks []string
	// Values are the cells row by row, the bottom row first: cell (i, j)
	// — column i, row j — is Values[j·len(XTicks)+i]. NaN or ±Inf: not
	// known (yet), drawn hatched grey unless Estimated gives a stand-in.
	Values []float64
	// Estimated, when set, is a stand-in value for each unknown cell (a
	// coarse map's neighbour): drawn in its colour, faded and without a
	// label, so that a map being refined is readable at once.
	Estimated []float64
	// Lines are polylines drawn over the cells (a break-even line), each
	// a list of points in cell units: (0, 0) is the centre of the bottom
	// left cell, (1, 0) the next column's.
	Lines [][][2]float64
	// LineName names the lines in the legend ("Break-even").
	LineName string
	// Marker, when set, marks a point in cell units (the current
	// scenario), named MarkerName in the legend.
	Marker     *[2]float64
	MarkerName string
	// Format formats values (cell labels, legend, tooltips). nil means
	// Money.
	Format func(float64) string
	// CellLabels writes each known cell's value in it (where it fits).
	CellLabels bool
	// Interactive makes every cell a focusable button (role="button", an
	// aria-label with its column, row and value, and data-cell="k" with
	// its index in Values; one of them, the selected or the first, is the
	// grid's tab stop, tabindex="0", the others tabindex="-1" for the
	// page to move the focus to with the arrow keys) and the root a group:
	// the page listens for clicks, keys and focus on the container.
	// Otherwise the root is an image, as every chart.
	Interactive bool
	// CellLabel, for an Interactive chart, is each cell's accessible
	// name (k: its index in Values); nil names it by its ticks and value.
	CellLabel func(k int) string
	// Selected, for an Interactive chart, is the index of the cell shown
	// as selected (outlined and aria-pressed), −1 for none: then no cell
	// is a toggle (the page shows a cell's figures on focus instead).
	Selected  int
	HideTitle bool // see LineChart.HideTitle
	// Width and Height of the viewBox; 0 means DefaultWidth × 480.
	Width, Height int
	FontSize      float64 // see LineChart.FontSize
	ID            string  // see LineChart.ID
}

// The diverging scale's ends: blue where the value is positive, vermillion
// where it is negative (Okabe & Ito's pair, which stays apart with every
// common form of colour blindness), white at zero. The two ends are about
// equally dark, so neither sign looks stronger.
var (
	heatPositive = [3]float64{0x00, 0x5a, 0x9c}
	heatNegative = [3]float64{0xa8, 0x48, 0x00}
)

// heatColor is the colour of v on a scale from −extent to +extent.
func heatColor(v, extent float64) string {
	var b strings.Builder
	b.WriteByte('#')
	for _, x := range heatRGB(v, extent) {
		b.WriteString(strconv.FormatInt(int64(0x100+x), 16)[1:])
	}
	return b.String()
}

// heatRGB is heatColor's red, green and blue, 0–255.
func heatRGB(v, extent float64) [3]int {
	t := 0.0
	if extent > 0 {
		t = math.Max(-1, math.Min(1, v/extent))
	}
	end := heatPositive
	if t < 0 {
		end, t = heatNegative, -t
	}
	// A square-root ramp: small differences near zero are already visibly
	// tinted, while the darkest shade is kept for the extremes.
	t = math.Sqrt(t)
	var rgb [3]int
	for i, c := range end {
		rgb[i] = int(math.Round(255 + (c-255)*t))
	}
	return rgb
}

// heatInk is the text colour over a cell of value v and the halo it
// needs: dark text over light cells and white over dark ones where either
// has a contrast of at least 4.5:1 (WCAG 1.4.3); over the middle shades,
// where neither has, dark text on a white halo.
func heatInk(v, extent float64) (ink, extra string) {
	rgb := heatRGB(v, extent)
	lin := func(c int) float64 {
		x := float64(c) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(rgb[0]) + 0.7152*lin(rgb[1]) + 0.0722*lin(rgb[2])
	switch {
	case (l+0.05)/(0.0152+0.05) >= 4.5: // 0.0152: textColor's relative luminance
		return textColor, ""
	case 1.05/(l+0.05) >= 4.5:
		return "#ffffff", ""
	}
	return textColor, thinHalo
}

// thinHalo is a narrow white outline under a cell's label: enough for the
// contrast over a middle shade without blotting the cell.
const thinHalo = ` stroke="#ffffff" stroke-width="2" stroke-opacity="0.8" stroke-linejoin="round" paint-order="stroke"`

// Heatmap renders c as an SVG document (a single <svg> element). The
// colour scale is symmetric about zero (its extent is the largest
// magnitude, rounded up to a nice number), so white is always "even".
func Heatmap(c HeatmapChart) string {
	f := newFrame(c.Title, c.Desc, c.Width, c.Height, 480, c.FontSize)
	f.id = c.ID
	format := c.Format
	if format == nil {
		format = Money
	}
	nx, ny := len(c.XTicks), len(c.YTicks)
	value := func(k int, from []float64) (float64, bool) {
		if k >= len(from) || !finite(from[k]) {
			return 0, false
		}
		return clamp(from[k]), true
	}
	extent, known := 0.0, 0
	for k := range nx * ny {
		if v, ok := value(k, c.Values); ok {
			extent = math.Max(extent, math.Abs(v))
			known++
		} else if v, ok := value(k, c.Estimated); ok {
			extent = math.Max(extent, math.Abs(v))
		}
	}
	if nx == 0 || ny == 0 || (known == 0 && len(c.Estimated) == 0) {
		return f.noData("")
	}
	if extent > 0 {
		t := niceTicks(0, extent, 5, false)
		extent = math.Max(extent, t[len(t)-1])
	}
	if f.desc == "" {
		f.desc = heatmapDesc(c, format, known)
	}
	fs := f.fs
	var b svg
	y := f.pad
	if !c.HideTitle {
		y = f.drawTitle(&b, f.titleLines())
	}
	top, bottom := f.plotArea(&b, y, c.YLabel, c.XLabel)
	// Room below for the legend: a colour bar, its labels and the keys.
	legendH := fs * 4.4
	bottom -= legendH
	if bottom-top < fs*float64(ny)*1.2 {
		grow := fs*float64(ny)*1.2 - (bottom - top)
		f.h += grow
		bottom += grow
	}
	left := f.pad
	for _, t := range c.YTicks {
		left = math.Max(left, f.pad+textWidth(t, fs)+fs*0.5)
	}
	left = math.Min(left, f.w*0.3)
	right := f.w - f.pad
	cw, ch := (right-left)/float64(nx), (bottom-top)/float64(ny)
	cellX := func(i float64) float64 { return left + (i+0.5)*cw }
	cellY := func(j float64) float64 { return bottom - (j+0.5)*ch }

	// Row labels at the left, column labels below, thinned to fit.
	for j, t := range c.YTicks {
		b.text(left-fs*0.4, cellY(float64(j)), "end", fs, mutedText, ` dy=".35em"`, ellipsize(t, left-f.pad-fs*0.4, fs))
	}
	step := 1
	for widest := 0.0; ; step++ {
		widest = 0
		for _, t := range c.XTicks {
			widest = math.Max(widest, textWidth(t, fs))
		}
		if widest+fs*0.6 <= cw*float64(step) || step >= nx {
			break
		}
	}
	for i, t := range c.XTicks {
		if i%step == 0 || i == nx-1 && step == 1 {
			b.text(cellX(float64(i)), bottom+fs*1.2, "middle", fs, mutedText, "", t)
		}
	}
	if c.XLabel != "" {
		b.text((left+right)/2, bottom+fs*2.6, "middle", fs, mutedText, "", ellipsize(c.XLabel, f.w-2*f.pad, fs))
	}

	// The cells' labels, all at one size, the largest at which every
	// known cell's fits (none when they would be smaller than 9 units).
	cellFormat := format
	if c.Format == nil {
		cellFormat = func(v float64) string { return moneySig(v, 2, true) } // "$24K": two digits fit a cell
	}
	labelSize := 0.0
	if c.CellLabels {
		widest := 0.0
		for k := range nx * ny {
			if v, ok := value(k, c.Values); ok {
				widest = math.Max(widest, textWidth(cellFormat(v), 1))
			}
		}
		if size := math.Min(math.Min(fs*0.75, ch*0.5), cw*0.9/math.Max(widest, 1e-9)); size >= 9 {
			labelSize = math.Floor(size)
		}
	}

	// The cells.
	hatched := false
	for j := range ny {
		for i := range nx {
			k := j*nx + i
			x0, y0 := left+float64(i)*cw, bottom-float64(j+1)*ch
			v, ok := value(k, c.Values)
			est, hasEst := value(k, c.Estimated)
			fill, opacity := "url(#"+idSafe(c.ID+"-unknown")+")", ""
			switch {
			case ok:
				fill = heatColor(v, extent)
			case hasEst:
				fill, opacity = heatColor(est, extent), ` fill-opacity="0.55"`
			default:
				hatched = true
			}
			attrs, tooltip := "", ""
			if c.Interactive {
				label := ""
				if c.CellLabel != nil {
					label = c.CellLabel(k)
				} else {
					label = c.XTicks[i] + ", " + c.YTicks[j] + ": "
					if ok {
						label += format(v)
					} else {
						label += "not computed yet"
					}
				}
				// One tab stop for the grid (the selected cell, else the
				// first): the page moves the focus between cells with the
				// arrow keys, so the map is one Tab, not one per cell.
				stop := k == max(c.Selected, 0)
				attrs = ` tabindex="-1" role="button"`
				if stop {
					attrs = ` tabindex="0" role="button"`
				}
				if c.Selected >= 0 { // a choice among the cells: each says whether it is the one
					attrs += ` aria-pressed="` + strconv.FormatBool(k == c.Selected) + `"`
				}
				attrs += ` aria-label="` + esc(label) + `" data-cell="` + strconv.Itoa(k) + `"`
			} else if ok {
				tooltip = c.XTicks[i] + ", " + c.YTicks[j] + ": " + format(v)
			}
			b.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#ffffff" stroke-width="1"%s class="heat-cell"%s`,
				num(x0), num(y0), num(cw), num(ch), fill, opacity, attrs)
			if tooltip != "" {
				b.printf(`><title>%s</title></rect>`, esc(tooltip))
			} else {
				b.WriteString(`/>`)
			}
			if ok && labelSize > 0 {
				ink, extra := heatInk(v, extent)
				b.text(x0+cw/2, y0+ch/2, "middle", labelSize, ink, ` dy=".35em" pointer-events="none"`+extra, cellFormat(v))
			}
		}
	}
	if hatched {
		id := idSafe(c.ID + "-unknown")
		w := num(math.Round(fs * 0.55))
		b.printf(`<defs><pattern id="%s" width="%s" height="%s" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`+
			`<rect width="%s" height="%s" fill="#eef0f3"/><line x1="0" y1="0" x2="0" y2="%s" stroke="#d0d4da" stroke-width="%s"/></pattern></defs>`,
			id, w, w, w, w, w, num(math.Round(fs*0.2)))
	}
	if c.Interactive && c.Selected >= 0 && c.Selected < nx*ny {
		i, j := c.Selected%nx, c.Selected/nx
		b.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="%s" stroke-width="3" pointer-events="none"/>`,
			num(left+float64(i)*cw+1.5), num(bottom-float64(j+1)*ch+1.5), num(cw-3), num(ch-3), textColor)
	}

	// The lines, with a white halo so that they show over any colour.
	for _, line := range c.Lines {
		var pts []string
		for _, p := range line {
			if finite(p[0]) && finite(p[1]) {
				pts = append(pts, num(cellX(p[0]))+","+num(cellY(p[1])))
			}
		}
		if len(pts) < 2 {
			continue
		}
		joined := strings.Join(pts, " ")
		b.printf(`<polyline points="%s" fill="none" stroke="#ffffff" stroke-width="%s" stroke-linejoin="round" pointer-events="none"/>`, joined, num(fs*0.35))
		b.printf(`<polyline points="%s" fill="none" stroke="%s" stroke-width="%s" stroke-dasharray="%s %s" stroke-linejoin="round" pointer-events="none"/>`,
			joined, textColor, num(fs*0.15), num(fs*0.6), num(fs*0.3))
	}
	if m := c.Marker; m != nil && finite(m[0]) && finite(m[1]) {
		mx := cellX(math.Max(-0.5, math.Min(float64(nx)-0.5, m[0])))
		my := cellY(math.Max(-0.5, math.Min(float64(ny)-0.5, m[1])))
		b.printf(`<circle cx="%s" cy="%s" r="%s" fill="none" stroke="#ffffff" stroke-width="%s" pointer-events="none"/>`, num(mx), num(my), num(fs*0.55), num(fs*0.35))
		b.printf(`<circle cx="%s" cy="%s" r="%s" fill="none" stroke="%s" stroke-width="%s" pointer-events="none"/>`, num(mx), num(my), num(fs*0.55), textColor, num(fs*0.15))
	}

	// The legend: the colour bar from −extent to +extent with labels at
	// its ends and middle, then the keys of the line and the marker.
	ly := bottom + fs*1.6
	if c.XLabel != "" {
		ly += fs * 1.5
	}
	barW := math.Min(f.w-2*f.pad, fs*18)
	barX := f.pad
	const steps = 21
	for s := range steps {
		v := extent * (float64(s)/float64(steps-1)*2 - 1)
		b.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`,
			num(barX+barW*float64(s)/steps), num(ly), num(barW/steps+0.5), num(fs*0.8), heatColor(v, extent))
	}
	low, high := format(-extent), format(extent)
	b.text(barX, ly+fs*1.9, "start", fs, mutedText, "", low)
	b.text(barX+barW/2, ly+fs*1.9, "middle", fs, mutedText, "", format(0))
	b.text(barX+barW, ly+fs*1.9, "end", fs, mutedText, "", high)
	kx := barX + barW + fs
	// A key that does not fit beside the bar goes below the bar's labels,
	// the next one beside it if it fits, else below it.
	wrapped := false
	place := func(width float64) {
		if kx+width <= f.w-f.pad {
			return
		}
		down := fs * 1.6
		if !wrapped {
			down = fs * 2.8
		}
		wrapped = true
		kx, ly, f.h = barX, ly+down, f.h+down
	}
	if c.LineName != "" && len(c.Lines) > 0 {
		place(fs*2.5 + textWidth(c.LineName, fs))
		b.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s" stroke-dasharray="%s %s"/>`,
			num(kx), num(ly+fs*0.4), num(kx+fs*2), num(ly+fs*0.4), textColor, num(fs*0.15), num(fs*0.6), num(fs*0.3))
		b.text(kx+fs*2.4, ly+fs*0.4, "start", fs, textColor, ` dy=".35em"`, c.LineName)
		kx += fs*3.4 + textWidth(c.LineName, fs)
	}
	if c.MarkerName != "" && c.Marker != nil {
		place(fs*2 + textWidth(c.MarkerName, fs))
		b.printf(`<circle cx="%s" cy="%s" r="%s" fill="none" stroke="%s" stroke-width="%s"/>`, num(kx+fs*0.6), num(ly+fs*0.4), num(fs*0.45), textColor, num(fs*0.15))
		b.text(kx+fs*1.4, ly+fs*0.4, "start", fs, textColor, ` dy=".35em"`, c.MarkerName)
	}
	// The drawing ends below the legend's last line: the bar's labels, or
	// a key wrapped below them.
	end := ly + fs*2.3
	if wrapped {
		end = ly + fs*1.2
	}
	f.h = math.Round(end + f.pad)
	out := f.document(b.String())
	if c.Interactive {
		// A group of buttons, not one image: an image's children are
		// presentational and could not be focused.
		out = strings.Replace(out, ` role="img" `, ` role="group" `, 1)
	}
	return out
}

// heatmapDesc summarises the grid: how many cells are known, the range of
// the values and how many are positive.
func heatmapDesc(c HeatmapChart, format func(float64) string, known int) string {
	lo, hi, pos := math.Inf(1), math.Inf(-1), 0
	for _, v := range c.Values {
		if finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
			if v >= 0 {
				pos++
			}
		}
	}
	n := len(c.XTicks) * len(c.YTicks)
	if known == 0 {
		return "No cell computed yet of " + strconv.Itoa(n) + "."
	}
	s := strconv.Itoa(known) + " of " + strconv.Itoa(n) + " cells: from " + format(lo) + " to " + format(hi) +
		"; " + strconv.Itoa(pos) + " at zero or above."
	return s
}
