package wire

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// filled returns a calc.Paths with every field of every level set to a
// value of its own (fillEvery), so a field the binary form missed fails
// the round trip.
func filled() calc.Paths {
	var p calc.Paths
	fillEvery(&p)
	return p
}

var moneyType = reflect.TypeFor[calc.Money]()

// fillEvery sets every field of every level of *ptr to a value of its own
// (no zero that a dropped field would also give): floats negative and
// fractional, amounts (calc.Money) of other signs, exponents and sizes
// too, three elements a slice.
func fillEvery(ptr any) {
	next := int64(0)
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		next++
		if v.Type() == moneyType {
			amounts := []decimal.Decimal{
				decimal.New(next*12345, -2), decimal.New(-next*987, -2), decimal.Zero,
				decimal.RequireFromString("-123456789012345678901234567.5"), decimal.New(next, 3),
			}
			v.Set(reflect.ValueOf(calc.Money{Decimal: amounts[next%int64(len(amounts))]}))
			return
		}
		switch v.Kind() {
		case reflect.Float64:
			v.SetFloat(float64(next)*1.0625 - 1e6) // negative, fractional
		case reflect.Int:
			v.SetInt(next * -7)
		case reflect.Bool:
			v.SetBool(true)
		case reflect.String:
			v.SetString("amount=1250000&paths=3&é")
		case reflect.Struct:
			for i := range v.NumField() {
				fill(v.Field(i))
			}
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
			fill(v.Elem())
		case reflect.Slice:
			s := reflect.MakeSlice(v.Type(), 3, 3)
			for i := range 3 {
				fill(s.Index(i))
			}
			v.Set(s)
		default:
			panic("no filler for kind " + v.Kind().String())
		}
	}
	fill(reflect.ValueOf(ptr).Elem())
}

func TestRoundTrip(t *testing.T) {
	s, err := scenario.Decode("paths=6&stocks=40&horizon=4&seed=7")
	if err != nil {
		t.Fatal(err)
	}
	simulated, err := calc.SimulatePaths(context.Background(), s, 2, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	special := filled()
	special.Outcomes[0].SMA.AfterTax = math.Inf(-1)
	special.Outcomes[1].Fund.Return = math.Copysign(0, -1)
	special.Outcomes[2].Years[2].CF = math.SmallestNonzeroFloat64
	tests := []struct {
		name  string
		paths calc.Paths
	}{
		{"every field set", filled()},
		{"simulated", simulated},
		{"special floats", special},
		{"no outcomes", calc.Paths{Scenario: "paths=2", First: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodePaths(AppendPaths(nil, tt.paths))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(exact(got), exact(tt.paths)) {
				t.Errorf("round trip changed the paths:\n got %+v\nwant %+v", got, tt.paths)
			}
		})
	}
}

// exact is v (paths or a ledger) with every float as its bit pattern
// (−0 and +0 differ) and every amount as its coefficient and exponent
// (1.50 and 1.5 are equal decimals, not equal digits), for comparing
// round trips exactly.
func exact(v any) any {
	var walk func(v reflect.Value) any
	walk = func(v reflect.Value) any {
		if v.Type() == moneyType {
			m := v.Interface().(calc.Money)
			return fmt.Sprint(m.Coefficient(), "e", m.Exponent())
		}
		switch v.Kind() {
		case reflect.Float64:
			return math.Float64bits(v.Float())
		case reflect.Struct:
			out := make([]any, v.NumField())
			for i := range out {
				out[i] = walk(v.Field(i))
			}
			return out
		case reflect.Slice:
			out := make([]any, v.Len())
			for i := range out {
				out[i] = walk(v.Index(i))
			}
			return out
		case reflect.Pointer:
			if v.IsNil() {
				return nil
			}
			return []any{walk(v.Elem())}
		default:
			return v.Interface()
		}
	}
	return walk(reflect.ValueOf(v))
}

// TestSameAsJSON: the page merged the JSON it received before; the binary
// form gives it the same paths, so the same result.
func TestSameAsJSON(t *testing.T) {
	s, err := scenario.Decode("paths=8&stocks=60&horizon=5&seed=3&contrib=20000")
	if err != nil {
		t.Fatal(err)
	}
	p, err := calc.SimulatePaths(context.Background(), s, 0, 8, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var viaJSON calc.Paths
	if err := json.Unmarshal(raw, &viaJSON); err != nil {
		t.Fatal(err)
	}
	viaWire, err := DecodePaths(AppendPaths(nil, p))
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err1 := calc.Merge(s, viaJSON)
	fromWire, err2 := calc.Merge(s, viaWire)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !reflect.DeepEqual(fromJSON, fromWire) {
		t.Error("the merged result differs between JSON and the binary form")
	}
}

func TestMalformed(t *testing.T) {
	good := AppendPaths(nil, filled())
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"truncated", good[:len(good)-1]},
		{"trailing byte", append(append([]byte(nil), good...), 0)},
		{"huge list length", append(AppendPaths(nil, calc.Paths{Scenario: "x"})[:3], 0xff, 0xff, 0xff, 0xff, 0x0f)},
		{"a year short", AppendPaths(nil, filled())[:len(good)-8-yearSize]},
		{"string longer than the input", []byte{0x80, 0x01, 'a'}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := DecodePaths(tt.b); !errors.Is(err, ErrMalformed) {
				t.Errorf("DecodePaths = %v, want ErrMalformed", err)
			}
		})
	}
}

func FuzzDecodePaths(f *testing.F) {
	f.Add(AppendPaths(nil, filled()))
	f.Add(AppendPaths(nil, calc.Paths{Scenario: "paths=2"}))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := DecodePaths(b)
		if err != nil {
			return
		}
		// What decodes crosses again unchanged.
		again, err := DecodePaths(AppendPaths(nil, p))
		if err != nil || !reflect.DeepEqual(exact(again), exact(p)) {
			t.Errorf("decoded paths do not cross again: %v", err)
		}
	})
}

// BenchmarkRoundTrip: a chunk of 20 default paths across postMessage,
// in the binary form and in JSON (what crossed before), beside the time to
// simulate it. In WebAssembly too: GOOS=js GOARCH=wasm go test -run '^$'
// -bench . ./wasm/wire/ (with $(go env GOROOT)/lib/wasm on the PATH, node).
func BenchmarkRoundTrip(b *testing.B) {
	s, err := scenario.Decode("paths=20&seed=1")
	if err != nil {
		b.Fatal(err)
	}
	p, err := calc.SimulatePaths(context.Background(), s, 0, 20, nil)
	if err != nil {
		b.Fatal(err)
	}
	// What the chunk costs to simulate, to compare the crossing with.
	b.Run("simulate", func(b *testing.B) {
		for b.Loop() {
			if _, err := calc.SimulatePaths(context.Background(), s, 0, 20, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("wire", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf = AppendPaths(buf[:0], p)
			if _, err := DecodePaths(buf); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(buf)), "bytes")
	})
	b.Run("json", func(b *testing.B) {
		var raw []byte
		for b.Loop() {
			raw, _ = json.Marshal(p)
			var q calc.Paths
			if err := json.Unmarshal(raw, &q); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(raw)), "bytes")
	})
}
