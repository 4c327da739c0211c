package calc

import (
	"encoding/json"
	"strings"
	"testing"
)

// Money read from JSON or text is plain decimal with at most two decimals
// and at most 10^15 dollars: "1e999999999" took seconds to print (issue
// 25, finding 2).
func TestMoneyDecodingBounds(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "" for refused
	}{
		{`"1234567.89"`, "1234567.89"},
		{`"-0.01"`, "-0.01"},
		{`"12"`, "12.00"},
		{`"0.5"`, "0.50"},
		{`1234.5`, "1234.50"}, // a bare number
		{`"1000000000000000"`, "1000000000000000.00"},
		{`"-1000000000000000.00"`, "-1000000000000000.00"},
		{`"1e999999999"`, ""},
		{`"1E3"`, ""},
		{`1e3`, ""},
		{`"1000000000000000.01"`, ""},
		{`"99999999999999999"`, ""},
		{`"0.001"`, ""},
		{`"1.005"`, ""},
		{`"` + strings.Repeat("9", 5000) + `"`, ""},
		{`"0.` + strings.Repeat("0", 5000) + `1"`, ""},
		{`""`, ""},
		{`"-"`, ""},
		{`"1."`, ""},
		{`".5"`, ""},
		{`"+1"`, ""},
		{`" 1"`, ""},
		{`"1,000"`, ""},
		{`"NaN"`, ""},
		{`"Infinity"`, ""},
		{`"0x10"`, ""},
		{`null`, ""},
		{`"\"1\""`, ""},
	} {
		var m Money
		err := json.Unmarshal([]byte(tc.in), &m)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("%.40s: accepted as %s", tc.in, m)
		case tc.want != "" && err != nil:
			t.Errorf("%.40s: %v", tc.in, err)
		case tc.want != "" && m.String() != tc.want:
			t.Errorf("%.40s: %s, want %s", tc.in, m, tc.want)
		}
	}
	// As text (encoding.TextUnmarshaler), the same bounds: Money must not
	// fall back on decimal.Decimal's UnmarshalText, which takes any
	// exponent.
	var m Money
	if err := m.UnmarshalText([]byte("1e999999999")); err == nil {
		t.Error("UnmarshalText accepted an exponent")
	}
	if err := m.UnmarshalText([]byte("-12.30")); err != nil || m.String() != "-12.30" {
		t.Errorf("UnmarshalText: %v %s", err, m)
	}
	var in struct{ A map[Money]int }
	if json.Unmarshal([]byte(`{"A":{"1e999999999":1}}`), &in) == nil {
		t.Error("a map key accepted an exponent")
	}
}

// Every Money the engine writes reads back to the same amount.
func TestMoneyRoundTrip(t *testing.T) {
	for _, f := range []float64{0, 0.01, -0.01, 1234567.891, -98765.4321, 1e13, -1e13, 999999999999999.99} {
		m := money(f)
		raw, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var back Money
		if err := json.Unmarshal(raw, &back); err != nil || !back.Equal(m.Decimal) {
			t.Errorf("%v: %s read back as %s (%v)", f, raw, back, err)
		}
	}
}

// FuzzMoneyDecode: decoding never panics, and whatever it accepts is
// within the bounds, writes back with two decimals and reads back equal.
func FuzzMoneyDecode(f *testing.F) {
	for _, s := range []string{`"1234.56"`, `"-0.01"`, `1e999999999`, `"1e999999999"`, `"0.001"`, `"1000000000000000"`, `12`, `"9."`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var m Money
		if json.Unmarshal(b, &m) != nil {
			return
		}
		if m.Abs().GreaterThan(maxMoneyDecimalValue) || m.Exponent() < -maxMoneyDecimal && !m.Equal(m.Round(2)) {
			t.Fatalf("%q accepted as %s", b, m)
		}
		raw, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var back Money
		if err := json.Unmarshal(raw, &back); err != nil || !back.Equal(m.Decimal) {
			t.Fatalf("%q → %s → %s (%v)", b, raw, back, err)
		}
	})
}
