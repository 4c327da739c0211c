package chart

import (
	"encoding/binary"
	"math"
	"testing"
)

// floats decodes data as little-endian float64 values (any bit pattern:
// NaN, ±Inf, subnormals, huge and tiny values).
func floats(data []byte) []float64 {
	var v []float64
	for len(data) >= 8 {
		v = append(v, math.Float64frombits(binary.LittleEndian.Uint64(data)))
		data = data[8:]
	}
	return v
}

func seedBytes(vals ...float64) []byte {
	var b []byte
	for _, v := range vals {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	return b
}

func addSeeds(f *testing.F) {
	f.Add(seedBytes(1, 2, 3, 4, 5, 6), "SMA", uint8(0))
	f.Add(seedBytes(math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 1e308), "<&\"'>", uint8(3))
	f.Add(seedBytes(-1e6, 5e5, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 1e-300), "\xff\x00", uint8(7))
	f.Add([]byte{}, "", uint8(255))
}

func FuzzLines(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, label string, opts uint8) {
		v := floats(data)
		n := len(v) / 3
		c := LineChart{Title: label, XLabel: label, YLabel: label, IncludeZero: opts&1 != 0, NoEndLabels: opts&2 != 0,
			Width: int(opts) * 7, Height: int(opts) * 3,
			Series: []Series{
				{Name: label, Median: v[:n], Low: v[n : 2*n], High: v[2*n:]},
				{Name: label, Color: label, Median: v[n:]},
			}}
		if opts&4 != 0 {
			c.X = v[:n]
			c.Format = Percent
		}
		checkSVG(t, Lines(c))
	})
}

func FuzzBars(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, label string, opts uint8) {
		v := floats(data)
		n := len(v) / 2
		c := BarChart{Title: label, XLabel: label, YLabel: label, Width: int(opts) * 5, Height: int(opts) * 2,
			Series: []BarSeries{
				{Name: label, Values: v[:n], Stack: "a"},
				{Name: label, Values: v[n:], Stack: "a"},
				{Name: label, Color: label, Values: v},
			}}
		if opts&1 != 0 {
			c.Categories = []string{label, "", label + label}
		}
		if opts&2 != 0 {
			c.Format = BasisPoints
		}
		checkSVG(t, Bars(c))
	})
}

func FuzzWaterfall(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, label string, opts uint8) {
		var items []WaterfallItem
		for _, x := range floats(data) {
			items = append(items, WaterfallItem{Label: label, Value: x})
		}
		checkSVG(t, Waterfall(WaterfallChart{Title: label, TotalLabel: label, Items: items, NoTotal: opts&1 != 0,
			Width: int(opts) * 9, Positive: label}))
	})
}

func FuzzFormat(f *testing.F) {
	f.Add(1234.5)
	f.Add(math.NaN())
	f.Add(-1e300)
	f.Fuzz(func(t *testing.T, v float64) {
		for _, s := range []string{Money(v), Percent(v), BasisPoints(v), plainNumber(v, 1), plainNumber(v, 0)} {
			if s == "" || containsAny(s, "NaN", "Inf", "-0") {
				t.Fatalf("format(%v) = %q", v, s)
			}
		}
	})
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		for i := 0; i+len(sub) <= len(s); i++ {
			if s[i:i+len(sub)] == sub {
				return true
			}
		}
	}
	return false
}
