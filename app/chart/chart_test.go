package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var nan = math.NaN()

var eventAttr = regexp.MustCompile(`<[^>]*\son[a-z]+\s*=`)

// wealth returns median, p10 and p90 of a made-up wealth path.
func wealth(start, ret, spread float64, years int) (med, lo, hi []float64) {
	for y := 0; y <= years; y++ {
		m := start * math.Pow(1+ret, float64(y))
		s := spread * math.Sqrt(float64(y))
		med = append(med, m)
		lo = append(lo, m*math.Exp(-1.28*s))
		hi = append(hi, m*math.Exp(1.28*s))
	}
	return
}

func years(from, to int) []string {
	var s []string
	for y := from; y <= to; y++ {
		s = append(s, itoa(y))
	}
	return s
}

func itoa(i int) string { return plainNumber(float64(i), 1) }

func goldenCases() map[string]string {
	smaM, smaL, smaH := wealth(1e6, 0.071, 0.16, 10)
	etfM, etfL, etfH := wealth(1e6, 0.064, 0.16, 10)
	st := []float64{42000, 18000, 9000, 6000, 3500, 2000, 1500, 900, 600, 400}
	lt := []float64{8000, 12000, 9500, 7000, 5000, 3000, 2600, 1900, 1200, 800}
	saved := []float64{19500, 11200, 7100, 5200, 3400, 2100, 1700, 1100, 700, 480}
	longM, _, _ := wealth(250000, 0.05, 0, 30)
	return map[string]string{
		"lines_wealth": Lines(LineChart{
			Title: "After-tax wealth", XLabel: "Year", YLabel: "After-tax wealth",
			Series: []Series{
				{Name: "SMA (direct indexing)", Median: smaM, Low: smaL, High: smaH},
				{Name: "ETF", Median: etfM, Low: etfL, High: etfH},
			},
		}),
		"lines_gaps_negative": Lines(LineChart{
			Title: "Difference <SMA − ETF> & gaps", XLabel: "Year", YLabel: "SMA minus ETF",
			X: []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
			Series: []Series{
				{Name: "Median", Median: []float64{0, 12000, -8000, nan, 30000, 41000, math.Inf(1), 52000, nan, 70000, 64000},
					Low:  []float64{0, -20000, -45000, nan, -30000, -25000, -20000, -10000, nan, 0, 5000},
					High: []float64{0, 40000, 30000, nan, 80000, 95000, 110000, 120000, nan, 150000, 160000}},
			},
		}),
		"lines_bps_long": Lines(LineChart{
			Title: "Tax alpha by horizon", XLabel: "Years held", YLabel: "Tax alpha per year",
			Format: BasisPoints, IncludeZero: true, NoEndLabels: true,
			Series: []Series{
				{Name: "Monthly harvesting", Median: scale(longM, 1.0/4000)},
				{Name: "Annual harvesting", Median: scale(longM, 1.0/9000)},
				{Name: "No harvesting", Median: scale(longM, 0)},
			},
		}),
		"lines_single_point": Lines(LineChart{
			Title: "One point", XLabel: "Year",
			Series: []Series{{Name: "SMA", Median: []float64{1e6}, Low: []float64{9e5}, High: []float64{1.1e6}}},
		}),
		"lines_all_zero": Lines(LineChart{
			Title: "All zero", XLabel: "Year",
			Series: []Series{{Name: "A", Median: []float64{0, 0, 0, 0}}, {Name: "B", Median: []float64{0, 0, 0, 0}}},
		}),
		"lines_empty": Lines(LineChart{Title: "Wealth", Series: []Series{{Name: "SMA", Median: []float64{nan, math.Inf(-1)}}}}),
		"lines_phone": Lines(LineChart{
			Title: "After-tax wealth, median and 10th–90th percentile", XLabel: "Year", Width: 400, Height: 360,
			Series: []Series{
				{Name: "SMA", Median: smaM, Low: smaL, High: smaH},
				{Name: "ETF", Median: etfM, Low: etfL, High: etfH},
			},
		}),
		"bars_harvest": Bars(BarChart{
			Title: "Harvested losses and tax saved", XLabel: "Year",
			Categories: years(1, 10),
			Series: []BarSeries{
				{Name: "Short-term losses", Values: st, Stack: "losses", Color: "#1f5fa8"},
				{Name: "Long-term losses", Values: lt, Stack: "losses", Color: "#8fb3e0"},
				{Name: "Tax saved", Values: saved, Color: "#c25400"},
			},
		}),
		"bars_negative": Bars(BarChart{
			Title: "Benefit per year", XLabel: "Year", YLabel: "Benefit, basis points of portfolio",
			Format:     BasisPoints,
			Categories: years(1, 30),
			Series:     []BarSeries{{Name: "Benefit", Values: benefit(30)}},
		}),
		"bars_hatched": Bars(BarChart{
			Title: "Harvested losses by character", XLabel: "Year", Categories: years(1, 4), ID: "harvest",
			Series: []BarSeries{
				{Name: "Short-term", Values: []float64{900, 500, 200, 100}, Stack: "losses"},
				{Name: "Long-term", Values: []float64{0, 300, 400, 250}, Stack: "losses", Hatch: true},
			},
		}),
		"bars_all_zero": Bars(BarChart{
			Title: "Nothing harvested", XLabel: "Year", Categories: years(1, 5),
			Series: []BarSeries{{Name: "Losses", Values: []float64{0, 0, 0, 0, 0}}},
		}),
		"bars_empty": Bars(BarChart{Title: "Harvested losses"}),
		"waterfall_decomposition": Waterfall(WaterfallChart{
			Title:      "Where the SMA's advantage comes from",
			TotalLabel: "SMA advantage after 10 years",
			Items: []WaterfallItem{
				{"Tax saved on harvested losses", 52000},
				{"Capital-gain distributions avoided", 6400},
				{"Fee difference (SMA 0.35% vs ETF 0.03%)", -31000},
				{"Extra tax at liquidation (lower basis)", -12000},
				{"Growth of deferred tax", 9800},
			},
		}),
		"waterfall_negative_total": Waterfall(WaterfallChart{
			Title: "A case where the fund wins",
			Items: []WaterfallItem{
				{"Tax saved", 4000},
				{"Fee difference", -31000},
				{"Unknown <item> & \"quotes\"", nan},
				{"Extra tax at liquidation", -2500},
			},
		}),
		"waterfall_empty": Waterfall(WaterfallChart{Title: "Decomposition"}),
	}
}

func scale(v []float64, k float64) []float64 {
	out := make([]float64, len(v))
	for i := range v {
		out[i] = 155 * math.Exp(-float64(i)/2.5) * k * 4000
		if k == 0 {
			out[i] = 0
		}
	}
	_ = v
	return out
}

func benefit(n int) []float64 {
	var out []float64
	for i := range n {
		out = append(out, 155*math.Exp(-float64(i)/1.6)-6+2*math.Sin(float64(i)))
	}
	return out
}

func TestGolden(t *testing.T) {
	for name, got := range goldenCases() {
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

// checkSVG fails unless s is one well-formed <svg> element with an
// accessible name, without NaN/Inf, scripts, styles or external references.
func checkSVG(t testing.TB, s string) {
	t.Helper()
	if err := wellFormed(s); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, s)
	}
	// url( may only point inside the drawing (a hatch pattern's #id).
	if strings.Count(s, "url(") != strings.Count(s, "url(#") {
		t.Fatalf("output refers to something outside the drawing with url(")
	}
	for _, bad := range []string{"NaN", "Inf", "<script", "style", "href", "<?xml", "<foreignObject", "<image"} {
		if strings.Contains(s, bad) {
			t.Fatalf("output contains %q", bad)
		}
	}
	if m := eventAttr.FindString(s); m != "" {
		t.Fatalf("output contains an event handler attribute %q", m)
	}
	if !strings.HasPrefix(s, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `) || !(strings.Contains(s, `role="img"`) || strings.Contains(s, `role="group"`)) ||
		!strings.Contains(s, `aria-labelledby="`) || !strings.Contains(s, `width="100%"`) {
		t.Fatalf("root element lacks required attributes: %.200s", s)
	}
}

// wellFormed parses s with encoding/xml and checks that it has a single
// root element and that aria-labelledby refers to existing ids.
func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	depth, roots := 0, 0
	ids := map[string]bool{}
	var refs []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
			for _, a := range tok.Attr {
				if a.Name.Local == "id" {
					ids[a.Value] = true
				}
				if a.Name.Local == "aria-labelledby" {
					refs = strings.Fields(a.Value)
				}
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(tok)) > 0 {
				return errors.New("text outside the root element")
			}
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d root elements", roots)
	}
	for _, r := range refs {
		if !ids[r] {
			return fmt.Errorf("aria-labelledby refers to missing id %q", r)
		}
	}
	return nil
}

func TestDeterministic(t *testing.T) {
	a, b := goldenCases(), goldenCases()
	for k := range a {
		if a[k] != b[k] {
			t.Errorf("%s: output differs between runs", k)
		}
	}
}

func TestEscaping(t *testing.T) {
	evil := `</title><script>alert(1)</script> & "q" 'a' ` + "\x00\x1b\xff\u2028"
	out := Lines(LineChart{Title: evil, Desc: evil, XLabel: evil, YLabel: evil, BandLabel: evil,
		Series: []Series{{Name: evil, Color: `red" onload="x`, Median: []float64{1, 2}, Low: []float64{0, 1}, High: []float64{2, 3}}}})
	checkSVG(t, out)
	if strings.Contains(out, "<script") || strings.Contains(out, "onload") {
		t.Fatal("markup injection")
	}
	out = Bars(BarChart{Title: evil, XLabel: evil, Categories: []string{evil}, Series: []BarSeries{{Name: evil, Color: "url(#x)", Values: []float64{1}}}})
	checkSVG(t, out)
	out = Waterfall(WaterfallChart{Title: evil, TotalLabel: evil, Items: []WaterfallItem{{evil, 1}}, Positive: "javascript"})
	checkSVG(t, out)
}

func TestColor(t *testing.T) {
	for in, want := range map[string]string{
		"":                                    "D",
		"#abc":                                "#abc",
		"#A1B2C3":                             "#A1B2C3",
		"#a1b2c3d4":                           "#a1b2c3d4",
		"#12345":                              "D",
		"#ggg":                                "D",
		"teal":                                "teal",
		"url(#x)":                             "D",
		`red" x="`:                            "D",
		"rgb(1,2,3)":                          "D",
		"currentColor":                        "currentColor",
		"transparent ":                        "D",
		"#1f5fa8;x:y":                         "D",
		"\u0440ed":                            "D",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": "D",
	} {
		if got := color(in, "D"); got != want {
			t.Errorf("color(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestContrast checks WCAG AA (4.5:1) against white for every color that
// may be used for text.
func TestContrast(t *testing.T) {
	cols := append([]string{textColor, mutedText, PositiveColor, NegativeColor, TotalColor}, Palette...)
	for _, c := range cols {
		if r := contrast(c, background); r < 4.5 {
			t.Errorf("%s on white: contrast %.2f < 4.5", c, r)
		}
	}
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	var ch [3]float64
	for i := range 3 {
		var v int
		for _, r := range hex[1+2*i : 3+2*i] {
			v = v*16 + strings.IndexRune("0123456789abcdef", r|0x20)
		}
		c := float64(v) / 255
		if c <= 0.03928 {
			ch[i] = c / 12.92
		} else {
			ch[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2]
}

func TestEdgeValues(t *testing.T) {
	vals := [][]float64{
		nil, {}, {nan}, {math.Inf(1), math.Inf(-1)}, {0}, {5}, {-5}, {1e308, -1e308}, {math.MaxFloat64, 1},
		{1e-300, 2e-300}, {1e15, 1e15 + 0.125}, {-1, -2, -3}, {1e-9, -1e-9}, {math.SmallestNonzeroFloat64},
	}
	for _, v := range vals {
		checkSVG(t, Lines(LineChart{Series: []Series{{Median: v, Low: v, High: v}}}))
		checkSVG(t, Lines(LineChart{X: v, Series: []Series{{Median: []float64{1, 2}}}}))
		checkSVG(t, Bars(BarChart{Series: []BarSeries{{Values: v}, {Values: v, Stack: "s"}, {Values: v, Stack: "s"}}}))
		var items []WaterfallItem
		for _, x := range v {
			items = append(items, WaterfallItem{"x", x})
		}
		checkSVG(t, Waterfall(WaterfallChart{Items: items}))
	}
	// Sizes out of range are clamped.
	checkSVG(t, Lines(LineChart{Width: -5, Height: 1, Series: []Series{{Median: []float64{1, 2}}}}))
	checkSVG(t, Bars(BarChart{Width: 1 << 30, Height: 10, Series: []BarSeries{{Values: []float64{1, 2}}}}))
	// Many categories.
	many := make([]float64, 1000)
	for i := range many {
		many[i] = float64(i%7 - 3)
	}
	checkSVG(t, Bars(BarChart{Series: []BarSeries{{Values: many}}}))
}

func TestEmptyMessage(t *testing.T) {
	for _, s := range []string{Lines(LineChart{}), Bars(BarChart{}), Waterfall(WaterfallChart{})} {
		checkSVG(t, s)
		if !strings.Contains(s, "No data to display") {
			t.Errorf("no message in %s", s)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		lo, hi  float64
		n       int
		integer bool
		want    []float64
	}{
		{0, 10, 5, false, []float64{0, 2, 4, 6, 8, 10}},
		{0, 1, 4, false, []float64{0, 0.25, 0.5, 0.75, 1}},
		{0, 100, 4, false, []float64{0, 25, 50, 75, 100}},
		{1e6, 2.1e6, 5, false, []float64{1e6, 1.25e6, 1.5e6, 1.75e6, 2e6, 2.25e6}},
		{-8000, 52000, 5, false, []float64{-20000, 0, 20000, 40000, 60000}},
		{-3, -1, 4, false, []float64{-3, -2.5, -2, -1.5, -1}},
		{0, 0, 5, false, []float64{0, 1}},
		{5, 5, 5, false, []float64{0, 1, 2, 3, 4, 5}},
		{-5, -5, 5, false, []float64{-5, -4, -3, -2, -1, 0}},
		{1e15, 1e15, 2, false, []float64{0, 5e14, 1e15}},
		{0, 10, 4, true, []float64{0, 5, 10}},
		{0, 3, 10, true, []float64{0, 1, 2, 3}},
		{0, 30, 6, true, []float64{0, 5, 10, 15, 20, 25, 30}},
		{0, 10, 1, false, []float64{0, 10}},
		{10, 0, 2, false, []float64{0, 5, 10}},
		{nan, 1, 2, false, []float64{0, 0.5, 1}},
	}
	for _, tt := range tests {
		got := niceTicks(tt.lo, tt.hi, tt.n, tt.integer)
		if len(got) != len(tt.want) {
			t.Errorf("niceTicks(%v, %v, %d, %v) = %v, want %v", tt.lo, tt.hi, tt.n, tt.integer, got, tt.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > 1e-9*math.Max(1, math.Abs(tt.want[i])) {
				t.Errorf("niceTicks(%v, %v, %d, %v) = %v, want %v", tt.lo, tt.hi, tt.n, tt.integer, got, tt.want)
				break
			}
		}
	}
	for _, r := range [][2]float64{{-1e300, 1e300}, {1e15, 1e15 + 0.125}, {1e-300, 3e-300}, {0, 1e-320}} {
		ts := niceTicks(r[0], r[1], 5, false)
		if len(ts) < 2 || ts[0] > r[0] || ts[len(ts)-1] < r[1] {
			t.Errorf("niceTicks(%v, %v) = %v does not cover the range", r[0], r[1], ts)
		}
		for _, v := range ts {
			if !finite(v) {
				t.Errorf("niceTicks(%v, %v) = %v", r[0], r[1], ts)
			}
		}
	}
}

func TestNiceStep(t *testing.T) {
	for _, tt := range []struct {
		raw, want float64
		integer   bool
	}{
		{0.7, 1, false}, {1, 1, false}, {1.3, 2, false}, {2.2, 2.5, false}, {3, 5, false}, {6, 10, false},
		{0.03, 0.05, false}, {240000, 250000, false}, {2.2, 5, true}, {0.3, 1, true}, {22, 25, true}, {0, 1, false},
	} {
		if got := niceStep(tt.raw, tt.integer); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("niceStep(%v, %v) = %v, want %v", tt.raw, tt.integer, got, tt.want)
		}
	}
}

func TestMoney(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{
		{0, "$0"}, {math.Copysign(0, -1), "$0"}, {0.4, "$0"}, {-0.4, "$0"}, {0.6, "$1"}, {12.34, "$12"},
		{999, "$999"}, {999.6, "$1K"}, {1000, "$1K"}, {1234, "$1.23K"}, {12345, "$12.3K"}, {-12000, "−$12K"},
		{850000, "$850K"}, {999500, "$1M"}, {1e6, "$1M"}, {1.5e6, "$1.5M"}, {1234567, "$1.23M"},
		{-31000, "−$31K"}, {2.5e9, "$2.5B"}, {7.1e12, "$7.1T"}, {999.9e12, "$1000T"}, {1.2e18, "$1.2e18"},
		{-1e300, "−$1e300"}, {nan, "n/a"}, {math.Inf(1), "n/a"}, {math.Inf(-1), "n/a"},
	} {
		if got := Money(tt.v); got != tt.want {
			t.Errorf("Money(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestPercentBasisPoints(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{
		{0, "0%"}, {0.07, "7%"}, {0.0082, "0.82%"}, {-0.005, "−0.5%"}, {0.12345, "12.3%"}, {1.5, "150%"},
		{-0.00001, "0%"}, {0.0108, "1.08%"}, {nan, "n/a"}, {1e300, "1e302%"},
	} {
		if got := Percent(tt.v); got != tt.want {
			t.Errorf("Percent(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	for _, tt := range []struct {
		v    float64
		want string
	}{
		{0, "0 bp"}, {155, "155 bp"}, {8.25, "8.3 bp"}, {-12, "−12 bp"}, {-0.04, "0 bp"}, {2.5, "2.5 bp"},
		{10.4, "10 bp"}, {math.Inf(-1), "n/a"},
	} {
		if got := BasisPoints(tt.v); got != tt.want {
			t.Errorf("BasisPoints(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestTickLabelsDistinct(t *testing.T) {
	got := tickLabels([]float64{1e6, 1.0005e6, 1.001e6}, nil)
	if got[0] == got[1] || got[1] == got[2] {
		t.Errorf("labels not distinct: %v", got)
	}
	got = tickLabels([]float64{0, 0.25, 0.5}, nil)
	if strings.Join(got, " ") != "$0 $0.25 $0.5" {
		t.Errorf("small labels: %v", got)
	}
}

func TestWrap(t *testing.T) {
	lines := wrap("Tax saved on harvested losses and other long words", 200, 20, 2)
	if len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Errorf("wrap = %q", lines)
	}
	for _, l := range lines {
		if textWidth(l, 20) > 200 {
			t.Errorf("line %q too wide", l)
		}
	}
	if got := wrap("Supercalifragilisticexpialidocious", 100, 20, 5); len(got) < 2 {
		t.Errorf("long word not broken: %q", got)
	}
	if got := wrap("   ", 100, 20, 2); got != nil {
		t.Errorf("blank: %q", got)
	}
	wrap("x y z", -10, 20, 0) // must terminate
}

// A hatched series fills its bars and its legend swatch with a pattern of
// its colour, so that it is told apart without colour.
func TestBarsHatch(t *testing.T) {
	out := Bars(BarChart{Title: "T", ID: "h", Categories: []string{"1"}, Series: []BarSeries{
		{Name: "A", Values: []float64{1}}, {Name: "B", Values: []float64{2}, Hatch: true, Color: "#123456"}}})
	if !strings.Contains(out, `<pattern id="h-hatch-1"`) || !strings.Contains(out, `fill="#123456"`) {
		t.Fatalf("no pattern of the series colour: %s", out)
	}
	if n := strings.Count(out, `fill="url(#h-hatch-1)"`); n != 2 {
		t.Errorf("%d shapes use the pattern, want the bar and the legend swatch", n)
	}
}

// The waterfall's zero line is drawn before every value label, so labels
// (with their halo) are never crossed by it, also on a phone's narrow
// drawing.
func TestWaterfallZeroLineUnderLabels(t *testing.T) {
	out := Waterfall(WaterfallChart{Title: "T", Width: 390, Items: []WaterfallItem{{"Gain", 500}, {"Loss", -800}, {"Gain", 320}}})
	zero := strings.Index(out, `stroke-width="1.5"`)
	firstLabel := strings.Index(out, ">+$500<")
	if zero < 0 || firstLabel < 0 || zero > firstLabel {
		t.Errorf("zero line at %d, first value label at %d: the line must come first", zero, firstLabel)
	}
}
