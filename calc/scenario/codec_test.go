package scenario

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestDecodeEmptyIsDefault(t *testing.T) {
	for _, q := range []string{"", "?", "&&"} {
		s, err := Decode(q)
		if err != nil {
			t.Fatalf("Decode(%q): %v", q, err)
		}
		if !reflect.DeepEqual(s, DefaultScenario()) {
			t.Errorf("Decode(%q) = %+v, want defaults", q, s)
		}
	}
}

func TestDefaultIsValid(t *testing.T) {
	if err := DefaultScenario().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	queries := []string{
		"",
		"?status=single&state=ny&staterate=0.05&exclude=energy,utilities&seed=18446744073709551615",
		"amount=250000.5&basis=0.3&contrib=-1000&horizon=25&end=stepup&harvest=quarterly",
		"ret=-0.1&vol=0&idio=0&div=0&dist=0.09&fund=mf&paths=1&stocks=1",
		"state=ny&local=NYC&status=hoh",
		"state=dc&local=none",
	}
	for _, q := range queries {
		s, err := Decode(q)
		if err != nil {
			t.Fatalf("Decode(%q): %v", q, err)
		}
		enc := s.Encode()
		s2, err := Decode(enc)
		if err != nil {
			t.Fatalf("Decode(%q): %v", enc, err)
		}
		if !reflect.DeepEqual(s, s2) {
			t.Errorf("round trip of %q:\n got %+v\nwant %+v", q, s2, s)
		}
		if s2.Encode() != enc {
			t.Errorf("Encode not canonical: %q vs %q", s2.Encode(), enc)
		}
	}
}

// Every state code and DC is accepted; "local" is written only when set,
// so a link made before the key existed keeps its canonical form.
func TestStateAndLocalKeys(t *testing.T) {
	for _, code := range []string{"AL", "DC", "IL", "PA", "WY", "none"} {
		if _, err := Decode("state=" + code); err != nil {
			t.Errorf("state=%s: %v", code, err)
		}
	}
	s, err := Decode("state=NY&local=nyc")
	if err != nil || s.Local != "nyc" || !strings.HasSuffix(s.Encode(), "&seed=1&local=nyc") {
		t.Errorf("local=nyc: %v %q", err, s.Encode())
	}
	if enc := DefaultScenario().Encode(); strings.Contains(enc, "local") {
		t.Errorf("default scenario writes local: %q", enc)
	}
}

func TestDecodeCanonicalises(t *testing.T) {
	s, err := Decode("state=ca&status=MFJ&exclude=Energy,%20utilities")
	if err != nil {
		t.Fatal(err)
	}
	if s.State != "CA" || s.Status != "mfj" || !reflect.DeepEqual(s.Exclude, []string{"energy", "utilities"}) {
		t.Errorf("got %q %q %q", s.State, s.Status, s.Exclude)
	}
}

func TestDecodeErrorsNameEveryKey(t *testing.T) {
	tests := []struct {
		query string
		keys  []string
		words []string
	}{
		{"bogus=1", []string{"bogus"}, []string{"unknown key"}},
		{"amount=abc&horizon=0", []string{"amount", "horizon"}, []string{"not a number", "between 1 and 50"}},
		{"status=married&harvest=daily", []string{"status", "harvest"}, []string{"single, mfj, mfs, hoh", "monthly, quarterly, annual, none"}},
		{"exclude=energy,tobacco", []string{"exclude"}, []string{"tobacco", "information-technology"}},
		{"exclude=energy,energy", []string{"exclude"}, []string{"twice"}},
		{"year=1999", []string{"year"}, []string{"2026"}},
		{"state=ZZ", []string{"state"}, []string{"ZZ"}},
		{"state=texas", []string{"state"}, []string{"two-letter state code, DC or none"}},
		{"state=CA&local=nyc", []string{"local"}, []string{"needs state=NY"}},
		{"state=NY&local=yonkers", []string{"local"}, []string{"none, nyc"}},
		{"local=", []string{"local"}, []string{"none, nyc"}},
		{"vol=2&idio=-1&paths=0", []string{"vol", "idio", "paths"}, []string{"between 0 and 1"}},
		{"paths=20000&stocks=1000&horizon=50", []string{"paths"}, []string{"use at most"}},
		{"seed=-1", []string{"seed"}, []string{"whole number"}},
		{"amount=1&amount=2", []string{"amount"}, []string{"more than once"}},
		{"contrib=-500000", []string{"contrib"}, []string{"10%"}},
		{"ret=NaN", []string{"ret"}, []string{"not a number"}},
	}
	for _, tc := range tests {
		_, err := Decode(tc.query)
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("Decode(%q) error = %v, want *ValidationError", tc.query, err)
			continue
		}
		var keys []string
		for _, p := range ve.Problems {
			keys = append(keys, p.Key)
		}
		if !reflect.DeepEqual(keys, tc.keys) {
			t.Errorf("Decode(%q) problem keys %q, want %q (%v)", tc.query, keys, tc.keys, err)
		}
		for _, w := range tc.words {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Decode(%q) error %q lacks %q", tc.query, err, w)
			}
		}
	}
}

func TestExcludeEverySector(t *testing.T) {
	_, err := Decode("stocks=3&exclude=information-technology,financials,health-care")
	if err == nil || !strings.Contains(err.Error(), "exclude") {
		t.Fatalf("want an exclude error, got %v", err)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add("")
	f.Add("amount=5e5&basis=0.25&exclude=energy&staterate=0.05")
	f.Add("?year=2025&status=hoh&state=none&seed=7&paths=3&stocks=2")
	f.Add("contrib=-0&ret=1e-300&horizon=+3")
	f.Fuzz(func(t *testing.T, q string) {
		s, err := Decode(q)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("Decode(%q) error %v is not a ValidationError with problems", q, err)
			}
			return
		}
		enc := s.Encode()
		if len(enc) > MaxQueryLength {
			t.Fatalf("canonical query of %q is %d characters, over MaxQueryLength", q, len(enc))
		}
		s2, err := Decode(enc)
		if err != nil {
			t.Fatalf("Decode(Encode(%q)) = %v", q, err)
		}
		if !reflect.DeepEqual(s, s2) {
			t.Fatalf("round trip of %q:\n got %+v\nwant %+v", q, s2, s)
		}
	})
}

func ExampleDecode() {
	s, err := Decode("?amount=250000&horizon=20&exclude=energy")
	fmt.Println(s.Amount, s.Horizon, s.Exclude, s.Status, err)
	_, err = Decode("amount=lots&harvest=daily")
	fmt.Println(err)
	// Output:
	// 250000 20 [energy] mfj <nil>
	// invalid scenario: amount: not a number: "lots"; harvest: "daily" is not one of weekly, monthly, quarterly, annual, none
}

func TestDecodeRefusesHugeAndRepeatedInput(t *testing.T) {
	_, err := Decode(strings.Repeat("amount=1000000&", 200))
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Key != "" || !strings.Contains(ve.Problems[0].Message, "at most 2048") {
		t.Fatalf("a 3000-character link: %v", err)
	}
	_, err = Decode(strings.Repeat("amount=1000000&", 20))
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Message != "given more than once" {
		t.Fatalf("a key repeated 20 times should give one problem, got %v", err)
	}
	all := DefaultScenario()
	all.Exclude = SectorNames()[:len(SectorNames())-1] // every sector but one is valid
	if q := all.Encode(); len(q) > 700 {
		t.Errorf("the longest canonical query is %d characters, more than MaxQueryLength's comment says", len(q))
	}
}
