// Package wire is the binary form in which a simulation worker's paths
// (calc.Paths) cross postMessage to the page.
//
// It replaced JSON, which cost a fifth of the simulation: a default path's
// outcome is about 2.9 KB of JSON (10 years of figures), and formatting and
// parsing its floats took 10.6 + 7.8 ms per 20 paths natively against 86 ms
// to simulate them (docs/ARCHITECTURE.md "Speed: after an input change").
// Here a float is its 8 bytes (math.Float64bits, little-endian), so a value
// crosses bit for bit — the merged result stays identical to calc.Simulate's
// — and an integer or a length is a varint.
//
// The layout follows the Go types, field by field in declaration order,
// read once by reflection (plan): a field calc adds to a path's outcome
// crosses without a change here, and a field of a kind this form cannot
// carry (a map, a pointer …) stops the program at start-up rather than
// being dropped on the way. Page and workers run the same app.wasm, so both
// ends always agree on the layout.
package wire

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"

	"smacalc/calc"
)

// plan is how one type is written: its kind, and for a struct its fields'
// plans, for a slice its element's.
type plan struct {
	kind   reflect.Kind
	fields []*plan // struct: one per field, in declaration order
	elem   *plan   // slice
}

var pathsPlan = planOf(reflect.TypeFor[calc.Paths]())

func planOf(t reflect.Type) *plan {
	p := &plan{kind: t.Kind()}
	switch t.Kind() {
	case reflect.Float64, reflect.Int, reflect.String, reflect.Bool:
	case reflect.Struct:
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				panic(fmt.Sprintf("wire: %s.%s is unexported: it would not cross to the page", t, t.Field(i).Name))
			}
			p.fields = append(p.fields, planOf(t.Field(i).Type))
		}
	case reflect.Slice:
		p.elem = planOf(t.Elem())
	default:
		panic(fmt.Sprintf("wire: %s has kind %s, which the binary form of calc.Paths does not carry", t, t.Kind()))
	}
	return p
}

// AppendPaths appends the binary form of p to b.
func AppendPaths(b []byte, p calc.Paths) []byte {
	return pathsPlan.append(b, reflect.ValueOf(p))
}

func (p *plan) append(b []byte, v reflect.Value) []byte {
	switch p.kind {
	case reflect.Float64:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float()))
	case reflect.Int:
		return binary.AppendVarint(b, v.Int())
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1)
		}
		return append(b, 0)
	case reflect.String:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		return append(b, v.String()...)
	case reflect.Struct:
		for i, f := range p.fields {
			b = f.append(b, v.Field(i))
		}
		return b
	default: // reflect.Slice
		b = binary.AppendUvarint(b, uint64(v.Len()))
		for i := range v.Len() {
			b = p.elem.append(b, v.Index(i))
		}
		return b
	}
}

// ErrMalformed reports bytes that are not the binary form of a calc.Paths.
var ErrMalformed = errors.New("wire: malformed paths")

// DecodePaths reads the binary form of a calc.Paths written by AppendPaths.
// Any other input gives ErrMalformed, never a panic or a huge allocation:
// a slice's length is checked against the bytes left.
func DecodePaths(b []byte) (calc.Paths, error) {
	var out calc.Paths
	r := reader{b: b}
	pathsPlan.decode(&r, reflect.ValueOf(&out).Elem())
	if r.err != nil || len(r.b) > 0 {
		return calc.Paths{}, ErrMalformed
	}
	return out, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return x
}

func (r *reader) fail() { r.err, r.b = ErrMalformed, nil }

func (p *plan) decode(r *reader, v reflect.Value) {
	if r.err != nil {
		return
	}
	switch p.kind {
	case reflect.Float64:
		if len(r.b) < 8 {
			r.fail()
			return
		}
		v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(r.b)))
		r.b = r.b[8:]
	case reflect.Int:
		x, n := binary.Varint(r.b)
		if n <= 0 || x != int64(int(x)) {
			r.fail()
			return
		}
		v.SetInt(x)
		r.b = r.b[n:]
	case reflect.Bool:
		if len(r.b) < 1 || r.b[0] > 1 {
			r.fail()
			return
		}
		v.SetBool(r.b[0] == 1)
		r.b = r.b[1:]
	case reflect.String:
		n := r.uvarint()
		if r.err != nil || n > uint64(len(r.b)) {
			r.fail()
			return
		}
		v.SetString(string(r.b[:n]))
		r.b = r.b[n:]
	case reflect.Struct:
		for i, f := range p.fields {
			f.decode(r, v.Field(i))
		}
	default: // reflect.Slice
		n := r.uvarint()
		// Every element takes at least one byte: a longer length is
		// malformed, and checking it here bounds the allocation.
		if r.err != nil || n > uint64(len(r.b)) {
			r.fail()
			return
		}
		if n == 0 {
			return // nil, as encoding/json leaves an empty list's omitted field
		}
		s := reflect.MakeSlice(v.Type(), int(n), int(n))
		for i := range int(n) {
			p.elem.decode(r, s.Index(i))
		}
		v.Set(s)
	}
}
