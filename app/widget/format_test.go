package widget

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestFormatCents(t *testing.T) {
	for in, want := range map[string]string{
		"0":            "$0.00",
		"0.004":        "$0.00",
		"0.005":        "$0.01",
		"12.5":         "$12.50",
		"-12.5":        "−$12.50",
		"999.99":       "$999.99",
		"1000":         "$1,000.00",
		"1234567.891":  "$1,234,567.89",
		"-1234567.895": "−$1,234,567.90",
		"100000":       "$100,000.00",
		"2500000000":   "$2,500,000,000.00",
	} {
		if got := Cents(decimal.RequireFromString(in)); got != want {
			t.Errorf("formatCents(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatDollars(t *testing.T) {
	for in, want := range map[string]string{
		"11679.92":   "$11,680",
		"-34332.06":  "$34,332",
		"0.49":       "$0",
		"999.5":      "$1,000",
		"1487090.53": "$1,487,091",
	} {
		if got := Dollars(decimal.RequireFromString(in)); got != want {
			t.Errorf("formatDollars(%s) = %q, want %q", in, got, want)
		}
	}
	if got := SignedDollars(decimal.RequireFromString("-34332.06")); got != "−$34,332" {
		t.Errorf("formatSignedDollars = %q", got)
	}
	if got := SignedDollars(decimal.RequireFromString("-0.2")); got != "$0" {
		t.Errorf("formatSignedDollars(-0.2) = %q", got)
	}
}

func TestFormatPercent(t *testing.T) {
	cases := []struct {
		f    float64
		dec  int
		want string
	}{
		{0.608, 0, "61%"}, {1, 0, "100%"}, {0, 0, "0%"}, {-0.0023, 2, "−0.23%"}, {-0.00001, 2, "0.00%"},
	}
	for _, c := range cases {
		if got := PercentOf(c.f, c.dec); got != c.want {
			t.Errorf("formatPercentOf(%v, %d) = %q, want %q", c.f, c.dec, got, c.want)
		}
	}
	if got := BpsAsPercent(8.300545); got != "0.08%" {
		t.Errorf("formatBpsAsPercent = %q", got)
	}
	if got := BpsAsPercent(-123.4); got != "−1.23%" {
		t.Errorf("formatBpsAsPercent = %q", got)
	}
}

// Every term has a definition in plain words, and every alias names one.
func TestGlossary(t *testing.T) {
	for key, def := range glossary {
		if len(def) < 40 || def[len(def)-1] != '.' {
			t.Errorf("%s: definition %q is not a sentence", key, def)
		}
	}
	for alias, key := range termAliases {
		if glossary[key] == "" {
			t.Errorf("alias %s names %s, which has no definition", alias, key)
		}
	}
}
