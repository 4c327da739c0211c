package chart

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// breakEvenGrid is a made-up difference over 7 incomes × 5 gains: the SMA
// gains with both, the fee is a fixed cost, so the zero line runs from
// the top left to the bottom right.
func breakEvenGrid(nx, ny int) []float64 {
	v := make([]float64, nx*ny)
	for j := range ny {
		for i := range nx {
			v[j*nx+i] = 9000*float64(i) + 14000*float64(j) - 40000
		}
	}
	return v
}

func heatmapCases() map[string]string {
	xt := []string{"$0", "$100K", "$200K", "$300K", "$400K", "$500K", "$600K"}
	yt := []string{"$0", "$25K", "$50K", "$75K", "$100K"}
	line := [][][2]float64{{{0, 2.857}, {1, 2.214}, {2, 1.571}, {3, 0.929}, {4, 0.286}, {4.444, 0}}}
	partial := breakEvenGrid(7, 5)
	est := make([]float64, len(partial))
	for k := range partial {
		est[k] = nan
		if i, j := k%7, k/7; i%2 == 1 || j%2 == 1 {
			est[k] = partial[(j&^1)*7+(i&^1)]
			partial[k] = nan
		}
	}
	return map[string]string{
		"heatmap_breakeven": Heatmap(HeatmapChart{
			Title: "After-tax difference, SMA − ETF, after 10 years", XLabel: "Wages", YLabel: "Short-term gains a year",
			XTicks: xt, YTicks: yt, Values: breakEvenGrid(7, 5), Lines: line, LineName: "Break-even",
			Marker: &[2]float64{4, 2}, MarkerName: "Your scenario", CellLabels: true, ID: "map",
		}),
		"heatmap_interactive_phone": Heatmap(HeatmapChart{
			Title: "Difference", XLabel: "Wages", YLabel: "Gains", Width: 400, Height: 420, HideTitle: true,
			XTicks: xt, YTicks: yt, Values: breakEvenGrid(7, 5), Lines: line, LineName: "Break-even",
			Marker: &[2]float64{3.5, 2}, MarkerName: "You", Interactive: true, Selected: 9, ID: "phone",
		}),
		"heatmap_coarse_first": Heatmap(HeatmapChart{
			Title: "Being refined", XTicks: xt, YTicks: yt, Values: partial, Estimated: est, ID: "coarse",
		}),
		"heatmap_unknown": Heatmap(HeatmapChart{
			Title: "Half known", XTicks: []string{"a", "b"}, YTicks: []string{"c", "d"}, Values: []float64{1000, nan, math.Inf(1), -2500},
		}),
		"heatmap_empty": Heatmap(HeatmapChart{Title: "Nothing yet", XTicks: xt, YTicks: yt}),
	}
}

func TestHeatmapGolden(t *testing.T) {
	for name, got := range heatmapCases() {
		t.Run(name, func(t *testing.T) {
			checkSVG(t, got)
			path := filepath.Join("testdata", name+".svg")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run go test ./app/chart -update and review)", path)
			}
		})
	}
}

// The scale is centred on zero: white at zero, the two signs in their own
// hue, equal magnitudes equally far from white, and the ink readable.
func TestHeatColor(t *testing.T) {
	if got := heatColor(0, 5000); got != "#ffffff" {
		t.Errorf("zero is %s, want white", got)
	}
	if got := heatColor(5000, 5000); got != "#005a9c" {
		t.Errorf("+extent is %s", got)
	}
	if got := heatColor(-9000, 5000); got != "#a84800" {
		t.Errorf("below −extent is %s, want the negative end", got)
	}
	pos, neg := heatColor(2000, 5000), heatColor(-2000, 5000)
	if pos == neg || pos[1:3] >= "ff" || neg[5:7] >= "ff" {
		t.Errorf("±2000: %s and %s", pos, neg)
	}
	if ink, _ := heatInk(5000, 5000); ink != "#ffffff" {
		t.Errorf("ink over the darkest cell: %s", ink)
	}
	if ink, extra := heatInk(100, 5000); ink != textColor || extra != "" {
		t.Errorf("ink over a light cell: %s%s", ink, extra)
	}
	// Some middle shade needs the halo: neither ink reaches 4.5:1 there.
	haloed := false
	for v := 0.0; v <= 5000; v += 50 {
		if _, extra := heatInk(v, 5000); extra != "" {
			haloed = true
		}
	}
	if !haloed {
		t.Error("no middle shade gets a halo")
	}
}

// An interactive map is a group of named buttons, one a cell, with the
// selected one pressed; a still map is an image whose cells have tooltips.
func TestHeatmapInteractive(t *testing.T) {
	c := HeatmapChart{Title: "m", XTicks: []string{"a", "b"}, YTicks: []string{"c"}, Values: []float64{-1, 2},
		Interactive: true, Selected: 1, CellLabel: func(k int) string { return "cell <" + itoa(k) + ">" }}
	s := Heatmap(c)
	checkSVG(t, s)
	for _, want := range []string{`role="group"`, `aria-label="cell &lt;0&gt;" data-cell="0"`, `aria-pressed="true" aria-label="cell &lt;1&gt;"`} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %s in\n%s", want, s)
		}
	}
	if n, m := strings.Count(s, `tabindex="0"`), strings.Count(s, `tabindex="-1"`); n != 1 || m != 1 || !strings.Contains(s, `tabindex="0" role="button" aria-pressed="true"`) {
		t.Errorf("%d tab stops and %d other cells, want the selected cell the one tab stop", n, m)
	}
	c.Selected = -1
	if s := Heatmap(c); strings.Contains(s, "aria-pressed") {
		t.Errorf("no cell selected, yet cells are toggles:\n%s", s)
	}
	c.Interactive = false
	s = Heatmap(c)
	if strings.Contains(s, "tabindex") || !strings.Contains(s, `role="img"`) || !strings.Contains(s, "<title>b, c: $2</title>") {
		t.Errorf("still map:\n%s", s)
	}
}
