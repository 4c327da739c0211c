package chart

import "math"

// Marker is an event on a line chart's x axis, drawn over the lines: a
// dashed vertical line across the plot at X with Label at its top (for
// example the year the harvested losses run out), or, when Step is set, a
// marked step at X from From to To — an arrow between the two values,
// a ring at From and a dot at To — for an event that moves the value at
// once (a step-up in basis at death) and would otherwise read as the
// line's shape. The label is part of the chart's description too.
type Marker struct {
	X     float64
	Label string
	Step  bool
	From  float64 // value before the step (Step only)
	To    float64 // value after it (Step only)
}

// markerExtent widens [ymin, ymax] to the markers' step values.
func markerExtent(ms []Marker, ymin, ymax float64) (float64, float64) {
	for _, m := range ms {
		if !m.Step || !finite(m.From) || !finite(m.To) {
			continue
		}
		ymin = math.Min(ymin, math.Min(clamp(m.From), clamp(m.To)))
		ymax = math.Max(ymax, math.Max(clamp(m.From), clamp(m.To)))
	}
	return ymin, ymax
}

// drawMarkers draws the markers within the plot [left, right] × [top,
// bottom] with the chart's scales. Each label has its own row at the top
// of the plot, so that labels neither cross the lines they explain nor
// each other.
func drawMarkers(b *svg, ms []Marker, sx, sy func(float64) float64, left, right, top, bottom, fs float64) {
	row := 0
	for _, m := range ms {
		if !finite(m.X) {
			continue
		}
		x := sx(clamp(m.X))
		if x < left-0.5 || x > right+0.5 {
			continue
		}
		// The label sits inside the plot, on the side of the line that
		// has room (right of it unless the line is in the right half).
		anchor, dx := "start", fs*0.3
		if x > (left+right)/2 {
			anchor, dx = "end", -fs*0.3
		}
		room := math.Max(x-left, right-x) - fs*0.3
		ly := top + fs*(0.9+1.1*float64(row))
		row++
		if m.Step {
			if !finite(m.From) || !finite(m.To) {
				continue
			}
			y0, y1 := sy(clamp(m.From)), sy(clamp(m.To))
			head := math.Copysign(math.Min(fs*0.45, math.Abs(y1-y0)/2), y1-y0)
			b.printf(`<g class="chart-step" stroke="%s" stroke-width="2" fill="none">`, axisColor)
			b.printf(`<path d="M%s %sV%s"/>`, num(x), num(y0), num(y1))
			b.printf(`<path d="M%s %sL%s %sL%s %s"/>`, num(x-fs*0.3), num(y1-head), num(x), num(y1), num(x+fs*0.3), num(y1-head))
			b.printf(`<circle cx="%s" cy="%s" r="%s" fill="#ffffff"/>`, num(x), num(y0), num(fs*0.25))
			b.WriteString(`</g>`)
			b.printf(`<circle cx="%s" cy="%s" r="%s" fill="%s"/>`, num(x), num(y1), num(fs*0.25), axisColor)
			b.text(x+dx, ly, anchor, fs*0.85, mutedText, halo, ellipsize(m.Label, room, fs*0.85))
			continue
		}
		b.printf(`<line class="chart-marker" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5" stroke-dasharray="6 4"/>`,
			num(x), num(top), num(x), num(bottom), axisColor)
		b.text(x+dx, ly, anchor, fs*0.85, mutedText, halo, ellipsize(m.Label, room, fs*0.85))
	}
}

// markerDesc is the markers' labels for the chart's description.
func markerDesc(ms []Marker) string {
	s := ""
	for _, m := range ms {
		if m.Label != "" {
			s += " Marked: " + m.Label + "."
		}
	}
	return s
}
