package scenario

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

// Numbers are rounded to what they mean (cents, hundredths of a basis
// point), so tiny values cannot inflate the canonical query past
// MaxQueryLength, and one value has one canonical text (issue 16, findings
// 2 and 7).
func TestDecodeRoundsToPrecision(t *testing.T) {
	for _, tc := range []struct{ query, key, want string }{
		{"wages=1e-320", "wages", "0"},
		{"wages=-0", "wages", "0"},
		{"contrib=-0", "contrib", "0"},
		{"contrib=-0.004", "contrib", "0"},
		{"amount=250000.555", "amount", "250000.56"},
		{"amount=2.5e5", "amount", "250000"},
		{"ret=.0700000001", "ret", "0.07"},
		{"fundfee=0.000945", "fundfee", "0.000945"},
		{"fundfee=0.00094549", "fundfee", "0.000945"},
		{"basis=5.", "basis", "0"}, // out of range, but rounded: checked below
		{"staterate=1e-320", "staterate", "0"},
		{"ret=-0", "ret", "0"},
	} {
		s, _ := Decode(tc.query)
		if got := key(tc.key).Get(s); got != tc.want && tc.key != "basis" {
			t.Errorf("Decode(%q): %s = %s, want %s", tc.query, tc.key, got, tc.want)
		}
	}
	long := "wages=1e-320&stgains=1e-320&ltgains=1e-320&amount=1000.0000000000001&contrib=1e-320&ret=1e-320&vol=1e-320" +
		"&idio=1e-320&div=1e-320&threshold=1e-320&smafee=1e-320&tradecost=1e-320&fundfee=1e-320&dist=1e-320&staterate=1e-320"
	s, err := Decode(long)
	if err != nil {
		t.Fatal(err)
	}
	if q := s.Encode(); len(q) > 400 || strings.Contains(q, "e-") {
		t.Errorf("canonical query of tiny values: %d characters: %s", len(q), q)
	}
}

func TestDecodeRefusesUnusualNumbers(t *testing.T) {
	for _, v := range []string{"0x1p-2", "0x10", "1_0", "1__0", "Inf", "-Inf", "NaN", "infinity", "1e", "e5", ".", "+", "1.2.3", "1e+", "0b1", "1e5x"} {
		_, err := Decode("wages=" + v)
		var ve *ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Key != "wages" || !strings.Contains(ve.Problems[0].Message, "not a number") {
			t.Errorf("wages=%s: %v", v, err)
		}
	}
	for _, v := range []string{"1", "+1", "-1", "1.", ".5", "1e3", "1E+3", "2.5e-1", "007"} {
		if !plainNumber(v) {
			t.Errorf("plainNumber(%q) = false", v)
		}
	}
}

// A Scenario built in Go must respect the precision too: Validate refuses
// what Decode would have rounded, and −0.
func TestValidateRefusesOffStepValues(t *testing.T) {
	for _, tc := range []struct {
		key string
		set func(*Scenario)
	}{
		{"wages", func(s *Scenario) { s.Wages = 1e-320 }},
		{"amount", func(s *Scenario) { s.Amount = 1000.001 }},
		{"contrib", func(s *Scenario) { s.Contrib = math.Copysign(0, -1) }},
		{"ret", func(s *Scenario) { s.Ret = 0.0700001 }},
		{"staterate", func(s *Scenario) { s.StateRate, s.HasStateRate = 1e-9, true }},
	} {
		s := DefaultScenario()
		tc.set(&s)
		var ve *ValidationError
		if err := s.Validate(); !errors.As(err, &ve) || ve.Problems[0].Key != tc.key {
			t.Errorf("%s: Validate() = %v", tc.key, err)
		}
	}
}

func TestTooLongLinkSaysSo(t *testing.T) {
	_, err := Decode("wages=" + strings.Repeat("1", MaxQueryLength))
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Problems[0].Key != "" || !strings.HasPrefix(ve.Problems[0].Message, "too long") {
		t.Fatalf("got %v", err)
	}
}

// FuzzEncode builds scenarios from arbitrary numbers: every one that
// validates has a canonical query within MaxQueryLength that decodes back
// to it.
func FuzzEncode(f *testing.F) {
	f.Add(1e-320, 1e-320, 1000.0000000000001, math.Copysign(0, -1), 0.07, 0.0003, uint64(1), "energy")
	f.Add(400000.0, 50000.0, 1e10, -1e9, 0.5, 0.05, uint64(18446744073709551615), "energy,utilities,financials")
	f.Fuzz(func(t *testing.T, wages, gains, amount, contrib, ret, fee float64, seed uint64, exclude string) {
		s := DefaultScenario()
		s.Wages, s.STGains, s.Amount, s.Contrib, s.Ret, s.FundFee, s.Seed = wages, gains, amount, contrib, ret, fee, seed
		s.StateRate, s.HasStateRate = fee, true
		if exclude != "" {
			s.Exclude = strings.Split(exclude, ",")
		}
		if s.Validate() != nil {
			return
		}
		q := s.Encode()
		if len(q) > MaxQueryLength {
			t.Fatalf("canonical query of a valid scenario is %d characters: %s", len(q), q)
		}
		s2, err := Decode(q)
		if err != nil {
			t.Fatalf("Decode(Encode(s)) = %v (%s)", err, q)
		}
		if !reflect.DeepEqual(s, s2) {
			t.Fatalf("round trip of %s:\n got %+v\nwant %+v", q, s2, s)
		}
	})
}
