package chart

import (
	"strings"
	"testing"
)

// Markers are drawn and described: a dashed line for an event year, a
// marked step (arrow, ring, dot) for a jump at the end, their labels in
// the drawing and in the description; the step's values widen the axis.
func TestLineMarkers(t *testing.T) {
	base := LineChart{Title: "Difference", X: []float64{0, 1, 2, 3}, Series: []Series{{Name: "median", Median: []float64{0, 10, 20, 30}}}}
	for _, tc := range []struct {
		name    string
		markers []Marker
		want    []string
		absent  []string
	}{
		{"none", nil, nil, []string{"chart-marker", "chart-step", "Marked:"}},
		{"event year", []Marker{{X: 2, Label: "Losses run out, year 2"}},
			[]string{`class="chart-marker"`, "Losses run out, year 2</text>", "Marked: Losses run out, year 2."}, []string{"chart-step"}},
		{"step", []Marker{{X: 3, Label: "Heirs' step-up", Step: true, From: 30, To: 900}},
			[]string{`class="chart-step"`, "Heirs&#39; step-up</text>", ">$1K<"}, []string{"chart-marker"}},
		{"outside the axis", []Marker{{X: 7, Label: "later"}}, []string{"Marked: later."}, []string{`class="chart-marker"`}},
	} {
		c := base
		c.Markers = tc.markers
		svg := Lines(c)
		for _, w := range tc.want {
			if !strings.Contains(svg, w) {
				t.Errorf("%s: no %q in\n%s", tc.name, w, svg)
			}
		}
		for _, a := range tc.absent {
			if strings.Contains(svg, a) {
				t.Errorf("%s: %q drawn", tc.name, a)
			}
		}
	}
}
