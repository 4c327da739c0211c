package chart

import (
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Colors of the non-data ink. Every text color has a contrast ratio of at
// least 4.5:1 (WCAG AA) against the white background.
const (
	background = "#ffffff"
	textColor  = "#1f2328" // 15.8:1
	mutedText  = "#4a5260" // 7.9:1, tick labels and axis titles
	gridColor  = "#e1e4e8"
	axisColor  = "#59606b" // zero line and baseline
	fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

	// maxAbs bounds the data values: larger magnitudes are clamped so that
	// differences never overflow to ±Inf.
	maxAbs = 1e300
)

// Palette is the default series palette, in order of use: the hues of
// Okabe & Ito's colour-blind-safe palette ("Color Universal Design",
// 2008), darkened where needed so that each has a contrast ratio of at
// least 4.5:1 against white and may also be used for text. Blue and
// vermillion, the first two, stay apart with every common form of colour
// blindness.
var Palette = []string{
	"#0072b2", // blue (Okabe–Ito)
	"#b85000", // vermillion (Okabe–Ito #d55e00, darkened)
	"#007a59", // bluish green (#009e73, darkened)
	"#a8558a", // reddish purple (#cc79a7, darkened)
	"#8a5c00", // orange (#e69f00, darkened)
	"#5f6b7a", // slate
}

// Semantic colors of the waterfall chart.
const (
	PositiveColor = "#0072b2"
	NegativeColor = "#b85000"
	TotalColor    = "#2f3a48"
)

// halo paints a white outline under text drawn over lines.
const halo = ` stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"`

// svg accumulates SVG markup.
type svg struct {
	strings.Builder
}

func (b *svg) printf(format string, args ...any) {
	fmt.Fprintf(b, format, args...)
}

// text writes a <text> element. anchor is "start", "middle" or "end"; extra
// holds additional attributes (already escaped), s is escaped here.
func (b *svg) text(x, y float64, anchor string, size float64, fill, extra, s string) {
	b.printf(`<text x="%s" y="%s"`, num(x), num(y))
	if anchor != "" && anchor != "start" {
		b.printf(` text-anchor="%s"`, anchor)
	}
	b.printf(` font-size="%s" fill="%s"%s>%s</text>`, num(size), fill, extra, esc(s))
}

// num formats a coordinate rounded to one decimal ("12.3", "12", never "-0"
// nor "NaN").
func num(v float64) string {
	if !finite(v) {
		return "0"
	}
	r := math.Round(v*10) / 10
	if r == 0 {
		return "0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// esc escapes s for XML and HTML text and attribute values. Characters that
// XML 1.0 does not allow are dropped, invalid UTF-8 becomes U+FFFD and line
// breaks and tabs become spaces.
func esc(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20, r >= 0x7f && r <= 0x9f, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			// not allowed (or discouraged) in XML 1.0: drop
		default:
			b.WriteRune(r) // includes U+FFFD for invalid UTF-8
		}
	}
	return b.String()
}

// color returns c when it is a safe color value (#rgb, #rrggbb, #rrggbbaa
// or a CSS color keyword such as "teal"), otherwise def. This keeps
// url(...) references and attribute injection out of the markup.
func color(c, def string) string {
	if c == "" {
		return def
	}
	if c[0] == '#' {
		h := c[1:]
		if len(h) != 3 && len(h) != 4 && len(h) != 6 && len(h) != 8 {
			return def
		}
		for _, r := range h {
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return def
			}
		}
		return c
	}
	if len(c) > 30 {
		return def
	}
	for _, r := range c {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return def
		}
	}
	return c
}

// textWidth estimates the rendered width of s at font size fs in a
// proportional sans-serif font. It errs on the wide side.
func textWidth(s string, fs float64) float64 {
	// Em widths close to DejaVu Sans, the widest common fallback font, so
	// that text fits with system-ui, Segoe UI, Roboto and SF as well.
	w := 0.0
	for _, r := range s {
		switch {
		case strings.ContainsRune(" .,:;'|!il", r):
			w += 0.32
		case strings.ContainsRune("ftrjI()-[]/", r):
			w += 0.4
		case strings.ContainsRune("mwMW%@", r):
			w += 0.95
		case r >= '0' && r <= '9', strings.ContainsRune("$+\u2212\u2013#?", r):
			w += 0.64
		case r >= 'A' && r <= 'Z':
			w += 0.72
		case r >= 'a' && r <= 'z':
			w += 0.6
		case r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) || r >= 0x1f300):
			w += 1.0
		default:
			w += 0.7
		}
	}
	return w * fs
}

// boldWidth estimates the width of s in bold.
func boldWidth(s string, fs float64) float64 { return textWidth(s, fs) * 1.1 }

// wrap splits s into lines no wider than width (estimated), at spaces when
// possible. At most maxLines lines are returned; the last one is shortened
// with an ellipsis when s does not fit.
func wrap(s string, width, fs float64, maxLines int) []string {
	words := strings.Fields(strings.ToValidUTF8(s, "\uFFFD"))
	if len(words) == 0 {
		return nil
	}
	width = math.Max(width, 2*fs)
	maxLines = max(maxLines, 1)
	var lines []string
	cur := ""
	for _, w := range words {
		// Break words that are wider than a line on their own.
		for textWidth(w, fs) > width {
			cut := fitPrefix(w, width, fs)
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			lines = append(lines, w[:cut])
			w = w[cut:]
		}
		if w == "" {
			continue
		}
		switch {
		case cur == "":
			cur = w
		case textWidth(cur+" "+w, fs) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > maxLines {
		last := lines[maxLines-1] + " " + lines[maxLines]
		lines = lines[:maxLines]
		lines[maxLines-1] = ellipsize(last, width, fs)
	}
	return lines
}

// fitPrefix returns the byte length of the longest prefix of s (at least
// one rune) that fits in width.
func fitPrefix(s string, width, fs float64) int {
	n, w := 0, 0.0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		w += textWidth(string(r), fs)
		if n > 0 && w > width {
			break
		}
		n += size
	}
	return n
}

// ellipsize shortens s with "…" until it fits in width.
func ellipsize(s string, width, fs float64) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if textWidth(s, fs) <= width {
		return s
	}
	n := fitPrefix(s, width-textWidth("…", fs), fs)
	return strings.TrimRight(s[:n], " ") + "…"
}

// frame holds the common parts of every chart: size, font sizes, title.
type frame struct {
	id, title, desc string
	w, h            float64
	fs              float64 // body font size
	pad             float64 // outer margin
}

// newFrame picks the font size from the width so that text stays at least
// about 12 CSS pixels tall when the chart is scaled down to a 360-pixel-wide
// phone column: fs = width/30 (22 for the default width of 640), never
// below 14. fontSize, when positive, is used instead (at least 8).
func newFrame(title, desc string, width, height, defHeight int, fontSize float64) frame {
	if width <= 0 {
		width = DefaultWidth
	}
	width = min(max(width, 240), 4000)
	if height <= 0 {
		height = defHeight
	}
	height = min(max(height, 120), 4000)
	fs := math.Max(14, math.Ceil(float64(width)/30))
	if fontSize > 0 && !math.IsInf(fontSize, 0) {
		fs = math.Min(math.Max(8, math.Round(fontSize)), 200)
	}
	return frame{title: title, desc: desc, w: float64(width), h: float64(height), fs: fs, pad: math.Round(fs * 0.6)}
}

// plotArea writes the value axis's caption below y, if any, and returns the
// plot's vertical bounds, leaving room for the category labels and the
// x-axis caption; a frame too short for a readable plot grows.
func (f *frame) plotArea(b *svg, y float64, yLabel, xLabel string) (top, bottom float64) {
	fs := f.fs
	if yLabel != "" {
		y += fs * 0.3
		b.text(f.pad, y+fs, "start", fs, mutedText, "", ellipsize(yLabel, f.w-2*f.pad, fs))
		y += fs * 1.3
	}
	top = y + fs*0.6
	bottom = f.h - f.pad - fs*1.6
	if xLabel != "" {
		bottom -= fs * 1.5
	}
	if bottom-top < fs*5 {
		f.h += top + fs*5 - bottom
		bottom = top + fs*5
	}
	return top, bottom
}

// valueAxis picks nice ticks for values from ymin to ymax on a plot from
// top to bottom (about one per 2.6 lines of text, 2 to 8), their labels,
// and the plot's left edge: room for the widest label, at most 30% of the
// width.
func (f *frame) valueAxis(ymin, ymax, top, bottom float64, format func(float64) string) (ticks []float64, labels []string, left float64) {
	fs := f.fs
	ticks = niceTicks(ymin, ymax, min(max(int(math.Round((bottom-top)/(fs*2.6))), 2), 8), false)
	labels = tickLabels(ticks, format)
	width := 0.0
	for _, l := range labels {
		width = math.Max(width, textWidth(l, fs))
	}
	return ticks, labels, f.pad + math.Min(width, f.w*0.3) + fs*0.4
}

// drawValueGrid draws a gridline and a label at each value tick; skipZero
// leaves out the gridline at zero, for a chart that draws a heavier zero line
// of its own.
func (f *frame) drawValueGrid(b *svg, ticks []float64, labels []string, left, right float64, sy func(float64) float64, skipZero bool) {
	fs := f.fs
	b.printf(`<g stroke="%s" stroke-width="1">`, gridColor)
	for _, t := range ticks {
		if !skipZero || t != 0 {
			b.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(left), num(sy(t)), num(right), num(sy(t)))
		}
	}
	b.WriteString(`</g>`)
	b.printf(`<g font-size="%s" fill="%s" text-anchor="end">`, num(fs), mutedText)
	for i, t := range ticks {
		b.printf(`<text x="%s" y="%s" dy=".35em">%s</text>`, num(left-fs*0.4), num(sy(t)), esc(labels[i]))
	}
	b.WriteString(`</g>`)
}

// titleLines lays out the visible title and returns its lines.
func (f *frame) titleLines() []string {
	return wrap(f.title, f.w-2*f.pad, f.titleSize(), 2)
}

func (f *frame) titleSize() float64 { return math.Round(f.fs * 1.15) }

// drawTitle writes the title lines from the top and returns the y below.
func (f *frame) drawTitle(b *svg, lines []string) float64 {
	y := f.pad
	ts := f.titleSize()
	for _, l := range lines {
		y += ts
		b.text(f.pad, y, "start", ts, textColor, ` font-weight="600"`, l)
		y += ts * 0.3
	}
	if len(lines) > 0 {
		y += f.fs * 0.4
	}
	return y
}

// legendItem is one entry of a legend. kind selects the swatch.
type legendItem struct {
	label string
	color string
	kind  int
}

const (
	swatchLine = iota // a median line over its band
	swatchLineOnly
	swatchBand // a neutral band (explains the shading)
	swatchBox  // a bar
)

// legendLayout places items in rows; it returns for each item its row and
// x offset, and the number of rows.
func (f *frame) legendLayout(items []legendItem) (rows []int, xs []float64, n int) {
	if len(items) == 0 {
		return nil, nil, 0
	}
	sw := f.fs * 1.4
	gap := f.fs * 0.35
	itemGap := f.fs * 1.1
	avail := f.w - 2*f.pad
	x, row := 0.0, 0
	for _, it := range items {
		lw := sw + gap + math.Min(textWidth(it.label, f.fs), avail-sw-gap)
		if x > 0 && x+lw > avail {
			row++
			x = 0
		}
		rows = append(rows, row)
		xs = append(xs, x)
		x += lw + itemGap
	}
	return rows, xs, row + 1
}

func (f *frame) legendRowHeight() float64 { return math.Round(f.fs * 1.45) }

// drawLegend writes the legend with its top at y and returns the y below.
func (f *frame) drawLegend(b *svg, items []legendItem, y float64) float64 {
	rows, xs, n := f.legendLayout(items)
	if n == 0 {
		return y
	}
	rh := f.legendRowHeight()
	sw := f.fs * 1.4
	gap := f.fs * 0.35
	avail := f.w - 2*f.pad
	b.WriteString(`<g>`)
	for i, it := range items {
		x := f.pad + xs[i]
		cy := y + float64(rows[i])*rh + rh/2
		switch it.kind {
		case swatchLine:
			b.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" fill-opacity="0.12"/>`,
				num(x), num(cy-f.fs*0.4), num(sw), num(f.fs*0.8), it.color)
			fallthrough
		case swatchLineOnly:
			b.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="3"/>`,
				num(x), num(cy), num(x+sw), num(cy), it.color)
		case swatchBand:
			b.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" fill-opacity="0.12"/>`,
				num(x), num(cy-f.fs*0.4), num(sw), num(f.fs*0.8), mutedText)
			b.printf(`<path d="M%s %sH%sM%s %sH%s" stroke="%s" stroke-width="1.5" stroke-dasharray="4 3"/>`,
				num(x), num(cy-f.fs*0.4), num(x+sw), num(x), num(cy+f.fs*0.4), num(x+sw), mutedText)
		case swatchBox:
			b.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`,
				num(x+sw*0.2), num(cy-f.fs*0.4), num(sw*0.6), num(f.fs*0.8), it.color)
		}
		label := ellipsize(it.label, avail-sw-gap, f.fs)
		b.text(x+sw+gap, cy, "start", f.fs, textColor, ` dy=".35em"`, label)
	}
	b.WriteString(`</g>`)
	return y + float64(n)*rh
}

// document wraps body into the root <svg> element with accessible name and
// description. The element ids derive from a hash of the content, so that
// several charts on a page do not collide and the output is deterministic.
func (f *frame) document(body string) string {
	title := strings.TrimSpace(f.title)
	if title == "" {
		title = "Chart"
	}
	h := fnv.New64a()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write([]byte(f.desc))
	h.Write([]byte{0})
	h.Write([]byte(body))
	id := f.id
	if id == "" {
		id = fmt.Sprintf("chart-%012x", h.Sum64()&0xffffffffffff)
	}
	id = idSafe(id)
	var b svg
	b.Grow(len(body) + 600)
	b.printf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="100%%" role="img" aria-labelledby="%s-t %s-d" class="smacalc-chart" font-family="%s">`,
		num(f.w), num(f.h), id, id, fontFamily)
	b.printf(`<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, esc(title), id, esc(f.desc))
	b.printf(`<rect width="%s" height="%s" fill="%s"/>`, num(f.w), num(f.h), background)
	b.WriteString(body)
	b.WriteString(`</svg>`)
	return b.String()
}

// idSafe keeps letters, digits, '-' and '_' of an id, so that it is a valid
// XML name token usable in aria-labelledby.
func idSafe(id string) string {
	var b strings.Builder
	for _, r := range id {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || r == '-' || r == '_' {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if s == "" || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')) {
		s = "c" + s
	}
	return s
}

// noData renders a chart that only says there is nothing to show.
func (f *frame) noData(msg string) string {
	if msg == "" {
		msg = "No data to display"
	}
	var b svg
	y := f.drawTitle(&b, f.titleLines())
	bottom := f.h - f.pad
	if bottom-y < f.fs*3 {
		bottom = y + f.fs*3
		f.h = bottom + f.pad
	}
	b.printf(`<rect x="%s" y="%s" width="%s" height="%s" rx="6" fill="#f6f8fa" stroke="%s" stroke-dasharray="6 4"/>`,
		num(f.pad), num(y), num(f.w-2*f.pad), num(bottom-y), gridColor)
	b.text(f.w/2, (y+bottom)/2, "middle", f.fs, mutedText, ` dy=".35em"`, ellipsize(msg, f.w-4*f.pad, f.fs))
	if f.desc == "" {
		f.desc = msg + "."
	}
	return f.document(b.String())
}

// clamp bounds a finite value to ±maxAbs.
func clamp(v float64) float64 {
	return math.Max(-maxAbs, math.Min(maxAbs, v))
}

// DefaultWidth is the default width of the viewBox.
const DefaultWidth = 640
