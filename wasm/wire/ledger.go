package wire

import (
	"encoding/binary"
	"math/big"

	"github.com/shopspring/decimal"

	"smacalc/calc"
)

// The typical market's ledger (calc.TypicalLedger) crosses from the worker
// that re-ran its path (calc.LedgerOf) to the page, which adds it to its
// summary of all paths (calc.Result.AddLedger): the last step of a run,
// taken off the page's thread (wasm/simclient, finish). Its amounts are
// calc.Money, decimals: each crosses as its exponent and its coefficient's
// sign and bytes, so the decimal that arrives is the one sent, digit for
// digit (the result is Merge's byte for byte: TestLedgerRoundTrip,
// e2e TestBrowserMatchesNative).

// The bounds of a decoded amount: a coefficient of at most maxCoefficient
// bytes (2^128: far beyond any amount calc.Money holds) and an exponent
// within ±maxExponent (calc rounds amounts to the cent: −2), so that no
// decoded decimal costs the page a huge allocation when it is formatted.
const (
	maxCoefficient = 16
	maxExponent    = 18
)

// AppendLedger appends the binary form of l to b.
func AppendLedger(b []byte, l calc.TypicalLedger) []byte {
	b = binary.AppendVarint(b, int64(l.Ledger.Path))
	b = appendMoney(b, l.Ledger.Difference)
	b = appendRows(b, l.Ledger.SMA)
	b = appendRows(b, l.Ledger.Fund)
	b = appendMonies(b, l.TaxSaving)
	b = appendMonies(b, l.ExtraCost)
	if l.RunOutYear == nil {
		return append(b, 0)
	}
	return binary.AppendVarint(append(b, 1), int64(*l.RunOutYear))
}

func appendRows(b []byte, rows []calc.LedgerRow) []byte {
	b = binary.AppendUvarint(b, uint64(len(rows)))
	for _, r := range rows {
		b = binary.AppendVarint(b, int64(r.Year))
		for _, m := range [...]calc.Money{r.Start, r.Contributions, r.Growth, r.Dividends, r.Taxes, r.Fees, r.TradingCosts, r.End} {
			b = appendMoney(b, m)
		}
		for _, m := range [...]*calc.Money{r.RealizedGains, r.LegacySold, r.LegacySoldHarvested} {
			if m == nil {
				b = append(b, 0)
				continue
			}
			b = appendMoney(append(b, 1), *m)
		}
		if r.Gift == nil {
			b = append(b, 0)
			continue
		}
		b = binary.AppendVarint(append(b, 1), int64(r.Gift.Lots))
		for _, m := range [...]calc.Money{r.Gift.Gifted, r.Gift.GainGiven, r.Gift.Deduction} {
			b = appendMoney(b, m)
		}
	}
	return b
}

func appendMonies(b []byte, ms []calc.Money) []byte {
	b = binary.AppendUvarint(b, uint64(len(ms)))
	for _, m := range ms {
		b = appendMoney(b, m)
	}
	return b
}

// appendMoney writes the exponent, then the coefficient's sign (0 for ≥ 0,
// 1 for < 0) and its magnitude's big-endian bytes.
func appendMoney(b []byte, m calc.Money) []byte {
	b = binary.AppendVarint(b, int64(m.Exponent()))
	c := m.Coefficient()
	sign := byte(0)
	if c.Sign() < 0 {
		sign = 1
	}
	mag := c.Abs(c).Bytes()
	b = append(b, sign)
	b = binary.AppendUvarint(b, uint64(len(mag)))
	return append(b, mag...)
}

// minRowSize is the fewest bytes a ledger row takes: the year, eight
// amounts of at least 3 bytes each, four presence bytes.
const minRowSize = 1 + 8*3 + 4

// DecodeLedger reads the binary form of a calc.TypicalLedger written by
// AppendLedger. Any other input gives ErrMalformed, never a panic or a
// huge allocation.
func DecodeLedger(b []byte) (calc.TypicalLedger, error) {
	r := reader{b: b}
	var l calc.TypicalLedger
	l.Ledger.Path = r.int()
	l.Ledger.Difference = r.money()
	l.Ledger.SMA = r.rows()
	l.Ledger.Fund = r.rows()
	l.TaxSaving = r.monies()
	l.ExtraCost = r.monies()
	if r.present() {
		y := r.int()
		l.RunOutYear = &y
	}
	if r.err != nil || len(r.b) > 0 {
		return calc.TypicalLedger{}, ErrMalformed
	}
	return l, nil
}

// present reads a presence byte: 1 for a value that follows, 0 for none.
func (r *reader) present() bool {
	if len(r.b) < 1 || r.b[0] > 1 {
		r.fail()
		return false
	}
	p := r.b[0] == 1
	r.b = r.b[1:]
	return p
}

func (r *reader) rows() []calc.LedgerRow {
	n := r.length(minRowSize)
	if n == 0 {
		return nil
	}
	rows := make([]calc.LedgerRow, n)
	for i := range rows {
		row := &rows[i]
		row.Year = r.int()
		for _, m := range [...]*calc.Money{&row.Start, &row.Contributions, &row.Growth, &row.Dividends, &row.Taxes, &row.Fees, &row.TradingCosts, &row.End} {
			*m = r.money()
		}
		for _, m := range [...]**calc.Money{&row.RealizedGains, &row.LegacySold, &row.LegacySoldHarvested} {
			if r.present() {
				v := r.money()
				*m = &v
			}
		}
		if r.present() {
			g := &calc.LedgerGift{Lots: r.int()}
			g.Gifted, g.GainGiven, g.Deduction = r.money(), r.money(), r.money()
			row.Gift = g
		}
		if r.err != nil {
			return nil
		}
	}
	return rows
}

func (r *reader) monies() []calc.Money {
	n := r.length(3)
	if n == 0 {
		return nil
	}
	ms := make([]calc.Money, n)
	for i := range ms {
		ms[i] = r.money()
	}
	return ms
}

func (r *reader) money() calc.Money {
	exp := r.int()
	if exp < -maxExponent || exp > maxExponent || len(r.b) < 1 || r.b[0] > 1 {
		r.fail()
		return calc.Money{}
	}
	negative := r.b[0] == 1
	r.b = r.b[1:]
	n := r.length(1)
	if r.err != nil || n > maxCoefficient {
		r.fail()
		return calc.Money{}
	}
	c := new(big.Int).SetBytes(r.b[:n])
	r.b = r.b[n:]
	if negative {
		c.Neg(c)
	}
	return calc.Money{Decimal: decimal.NewFromBigInt(c, int32(exp))}
}
