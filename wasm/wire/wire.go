// Package wire is the binary form in which a simulation worker's paths
// (calc.Paths) and the typical market's ledger (calc.TypicalLedger,
// ledger.go) cross postMessage to the page.
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
// written out by hand: a first version walked the types by reflection,
// which in WebAssembly cost 5% of the time to simulate the paths (a tenth
// of that written out; BenchmarkRoundTrip). A field calc adds to a path's
// outcome must be added here: TestRoundTrip sets every field of every
// level by reflection and fails on one that does not cross. Page and
// workers run the same app.wasm, so both ends always agree on the layout.
package wire

import (
	"encoding/binary"
	"errors"
	"math"

	"smacalc/calc"
)

// AppendPaths appends the binary form of p to b.
func AppendPaths(b []byte, p calc.Paths) []byte {
	b = appendString(b, p.Scenario)
	b = binary.AppendVarint(b, int64(p.First))
	b = binary.AppendUvarint(b, uint64(len(p.Outcomes)))
	for _, o := range p.Outcomes {
		b = appendStrategy(b, o.SMA)
		b = appendStrategy(b, o.Fund)
		b = appendFloat(b, o.TrackingError)
		b = binary.AppendUvarint(b, uint64(len(o.Years)))
		for _, y := range o.Years {
			b = appendYear(b, y)
		}
		b = appendFloat(b, o.Keep)
		b = appendExit(b, o.Exit)
	}
	return b
}

// appendExit writes a presence byte, then the exit plans' figures.
func appendExit(b []byte, x *calc.PathExit) []byte {
	if x == nil {
		return append(b, 0)
	}
	eligible := byte(1)
	if x.Eligible {
		eligible = 2
	}
	b = append(b, eligible)
	for _, f := range [...]float64{x.InKind, x.Sell, x.ETF351, x.SaleTax, x.Largest, x.Five} {
		b = appendFloat(b, f)
	}
	return b
}

func appendStrategy(b []byte, s calc.PathStrategy) []byte {
	for _, f := range [...]float64{s.AfterTax, s.PreLiq, s.Liquidated, s.Wealth0, s.Return, s.ReturnBeforeSale,
		s.Contrib, s.Growth, s.Dividends, s.Taxes, s.EndTax, s.Fees, s.Trading, s.DistTax} {
		b = appendFloat(b, f)
	}
	b = binary.AppendVarint(b, int64(s.Depleted))
	return appendFloat(b, s.Unpaid)
}

func appendYear(b []byte, y calc.PathYear) []byte {
	for _, f := range [...]float64{y.HarvST, y.HarvLT, y.Realized, y.SingleW, y.TE, y.SMATax, y.FundTax,
		y.CF, y.SMAStart, y.SMAWealth, y.FundWealth, y.ForcedGains,
		y.GiftSMA, y.GiftFund, y.GiftGainSMA, y.GiftGainFund, y.GiftDedSMA, y.GiftDedFund, y.GiftLotsSMA, y.GiftLotsFund} {
		b = appendFloat(b, f)
	}
	return b
}

func appendFloat(b []byte, f float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// ErrMalformed reports bytes that are not the binary form of what the
// decoder reads (a calc.Paths, a calc.TypicalLedger).
var ErrMalformed = errors.New("wire: malformed message")

// DecodePaths reads the binary form of a calc.Paths written by AppendPaths.
// Any other input gives ErrMalformed, never a panic or a huge allocation:
// a list's length is checked against the bytes left.
func DecodePaths(b []byte) (calc.Paths, error) {
	r := reader{b: b}
	var p calc.Paths
	p.Scenario = r.string()
	p.First = r.int()
	if n := r.length(minOutcomeSize); n > 0 {
		p.Outcomes = make([]calc.PathOutcome, n)
		for i := range p.Outcomes {
			o := &p.Outcomes[i]
			r.strategy(&o.SMA)
			r.strategy(&o.Fund)
			o.TrackingError = r.float()
			if n := r.length(yearSize); n > 0 {
				o.Years = make([]calc.PathYear, n)
				for k := range o.Years {
					r.year(&o.Years[k])
				}
			}
			o.Keep = r.float()
			o.Exit = r.exit()
		}
	}
	if r.err != nil || len(r.b) > 0 {
		return calc.Paths{}, ErrMalformed
	}
	return p, nil
}

// The least bytes an outcome and a year take: a list's length above what
// the bytes left can hold is malformed.
const (
	yearSize       = 20 * 8
	minOutcomeSize = 2*(15*8+1) + 8 + 1 + 8 + 1
)

type reader struct {
	b   []byte
	err error
}

func (r *reader) fail() { r.err, r.b = ErrMalformed, nil }

func (r *reader) float() float64 {
	if len(r.b) < 8 {
		r.fail()
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return f
}

func (r *reader) int() int {
	x, n := binary.Varint(r.b)
	if n <= 0 || x != int64(int(x)) {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(x)
}

// length reads a list's length, each element at least size bytes.
func (r *reader) length(size int) int {
	x, n := binary.Uvarint(r.b)
	if n <= 0 || x > uint64(len(r.b)-n)/uint64(size) {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(x)
}

func (r *reader) string() string {
	n := r.length(1)
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *reader) strategy(s *calc.PathStrategy) {
	for _, f := range [...]*float64{&s.AfterTax, &s.PreLiq, &s.Liquidated, &s.Wealth0, &s.Return, &s.ReturnBeforeSale,
		&s.Contrib, &s.Growth, &s.Dividends, &s.Taxes, &s.EndTax, &s.Fees, &s.Trading, &s.DistTax} {
		*f = r.float()
	}
	s.Depleted = r.int()
	s.Unpaid = r.float()
}

func (r *reader) year(y *calc.PathYear) {
	for _, f := range [...]*float64{&y.HarvST, &y.HarvLT, &y.Realized, &y.SingleW, &y.TE, &y.SMATax, &y.FundTax,
		&y.CF, &y.SMAStart, &y.SMAWealth, &y.FundWealth, &y.ForcedGains,
		&y.GiftSMA, &y.GiftFund, &y.GiftGainSMA, &y.GiftGainFund, &y.GiftDedSMA, &y.GiftDedFund, &y.GiftLotsSMA, &y.GiftLotsFund} {
		*f = r.float()
	}
}

// exit reads appendExit's form: nil, or the plans with their test's result.
func (r *reader) exit() *calc.PathExit {
	if len(r.b) < 1 {
		r.fail()
		return nil
	}
	tag := r.b[0]
	r.b = r.b[1:]
	switch tag {
	case 0:
		return nil
	case 1, 2:
		x := &calc.PathExit{Eligible: tag == 2}
		for _, f := range [...]*float64{&x.InKind, &x.Sell, &x.ETF351, &x.SaleTax, &x.Largest, &x.Five} {
			*f = r.float()
		}
		return x
	}
	r.fail()
	return nil
}
