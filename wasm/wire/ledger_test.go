package wire

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// filledLedger returns a calc.TypicalLedger with every field of every
// level set to a value of its own (fillEvery: amounts of other signs,
// exponents and sizes too), so a field the binary form missed fails the
// round trip.
func filledLedger() calc.TypicalLedger {
	var l calc.TypicalLedger
	fillEvery(&l)
	return l
}

func TestLedgerRoundTrip(t *testing.T) {
	ledgerOf := func(q string) calc.TypicalLedger {
		t.Helper()
		s, err := scenario.Decode(q)
		if err != nil {
			t.Fatal(err)
		}
		path, err := calc.TypicalPath(s, mustPaths(t, s))
		if err != nil {
			t.Fatal(err)
		}
		l, err := calc.LedgerOf(s, path)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	tests := []struct {
		name   string
		ledger calc.TypicalLedger
	}{
		{"every field set", filledLedger()},
		{"simulated", ledgerOf("paths=6&stocks=40&horizon=4&seed=7")},
		{"simulated, gifts", ledgerOf("give=20000&itemized=40000&stocks=40&paths=8&horizon=5")},
		{"empty", calc.TypicalLedger{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeLedger(AppendLedger(nil, tt.ledger))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(exact(got), exact(tt.ledger)) {
				t.Errorf("round trip changed the ledger:\n got %v\nwant %v", exact(got), exact(tt.ledger))
			}
		})
	}
}

func mustPaths(t *testing.T, s scenario.Scenario) calc.Paths {
	t.Helper()
	p, err := calc.SimulatePaths(context.Background(), s, 0, s.Paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLedgerGivesMerge: the page adds the ledger that crossed to its
// summary and has Merge's result, byte for byte.
func TestLedgerGivesMerge(t *testing.T) {
	s, err := scenario.Decode("give=5000&wages=60000&stgains=0&status=single&state=TX&stocks=30&paths=6&horizon=4")
	if err != nil {
		t.Fatal(err)
	}
	p := mustPaths(t, s)
	want, err := calc.Merge(s, p)
	if err != nil {
		t.Fatal(err)
	}
	path, err := calc.TypicalPath(s, p)
	if err != nil {
		t.Fatal(err)
	}
	l, err := calc.LedgerOf(s, path)
	if err != nil {
		t.Fatal(err)
	}
	crossed, err := DecodeLedger(AppendLedger(nil, l))
	if err != nil {
		t.Fatal(err)
	}
	got, err := calc.MergeWithoutLedger(s, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := got.AddLedger(crossed); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(want)
	b, _ := json.Marshal(got)
	if string(a) != string(b) {
		t.Error("the summary with the ledger that crossed differs from Merge")
	}
}

func TestLedgerMalformed(t *testing.T) {
	good := AppendLedger(nil, filledLedger())
	// One amount: exponent 0, sign, length, bytes.
	amount := func(exp int64, sign byte, mag ...byte) []byte {
		b := binary.AppendVarint(nil, exp)
		b = append(b, sign, byte(len(mag)))
		return append(b, mag...)
	}
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"truncated", good[:len(good)-1]},
		{"trailing byte", append(append([]byte(nil), good...), 0)},
		{"huge row count", append(append([]byte{0}, amount(0, 0)...), 0xff, 0xff, 0xff, 0x0f)},
		{"bad sign", append([]byte{0}, amount(0, 2, 1)...)},
		{"huge exponent", append([]byte{0}, amount(1e9, 0, 1)...)},
		{"huge coefficient", append([]byte{0}, amount(0, 0, make([]byte, 17)...)...)},
		{"bad presence byte", append(append([]byte{0}, amount(-2, 0, 5)...), 0, 0, 0, 0, 7)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := DecodeLedger(tt.b); !errors.Is(err, ErrMalformed) {
				t.Errorf("DecodeLedger = %v, want ErrMalformed", err)
			}
		})
	}
	// The smallest well-formed ledger: no rows, no amounts, no year.
	if _, err := DecodeLedger(append(append([]byte{0}, amount(-2, 0, 5)...), 0, 0, 0, 0, 0)); err != nil {
		t.Errorf("a ledger without rows: %v", err)
	}
}

func FuzzDecodeLedger(f *testing.F) {
	f.Add(AppendLedger(nil, filledLedger()))
	f.Add(AppendLedger(nil, calc.TypicalLedger{}))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := DecodeLedger(b)
		if err != nil {
			return
		}
		// What decodes crosses again unchanged.
		again, err := DecodeLedger(AppendLedger(nil, l))
		if err != nil || !reflect.DeepEqual(exact(again), exact(l)) {
			t.Errorf("a decoded ledger does not cross again: %v", err)
		}
	})
}
