package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/app/fields"
	"smacalc/calc"
	"smacalc/calc/scenario"
)

func tpMoney(s string) calc.Money { return calc.Money{Decimal: decimal.RequireFromString(s)} }

// mustScenario decodes a test's scenario query.
func mustScenario(t *testing.T, query string) fields.Scenario {
	t.Helper()
	s, err := scenario.Decode(query)
	if err != nil {
		t.Fatal(err)
	}
	return fields.Of(s)
}

func TestTrackingNoteText(t *testing.T) {
	r := &calc.Result{TrackingError: 0.0123, TaxAlphaBps: calc.TaxAlpha{Spread: calc.Spread{P50: 95}}, Difference: calc.Quantiles{P50: tpMoney("40000")}}
	base := &calc.Result{TaxAlphaBps: calc.TaxAlpha{Spread: calc.Spread{P50: 105.2}}, Difference: calc.Quantiles{P50: tpMoney("43210.60")}}
	got := trackingNoteText([]string{"energy", "real-estate"}, r, base)
	want := "Excluding energy and real estate: tracking error 1.2% a year against the index. Against holding every sector: median tax alpha −0.10%/yr, median after-tax difference −$3,211."
	if got != want {
		t.Errorf("note =\n%q, want\n%q", got, want)
	}
	same := &calc.Result{TaxAlphaBps: calc.TaxAlpha{Spread: calc.Spread{P50: 95.3}}, Difference: calc.Quantiles{P50: tpMoney("40000.20")}}
	if got := trackingNoteText([]string{"utilities"}, r, same); !strings.Contains(got, "median tax alpha unchanged, median after-tax difference unchanged") {
		t.Errorf("unchanged note = %q", got)
	}
	if got := trackingNoteText([]string{"utilities"}, r, nil); !strings.HasSuffix(got, "comparing with every sector held…") {
		t.Errorf("pending note = %q", got)
	}
	if alphaChange(12) != "+0.12%/yr" {
		t.Errorf("alphaChange(12) = %q", alphaChange(12))
	}
}

func TestWithoutExclusions(t *testing.T) {
	q, ex := withoutExclusions(mustScenario(t, "amount=500000&exclude=energy,utilities&paths=50"))
	if !slices.Equal(ex, []string{"energy", "utilities"}) || strings.Contains(q, "exclude") {
		t.Errorf("withoutExclusions = %q %v", q, ex)
	}
	if s, err := scenario.Decode(q); err != nil || s.Amount != 500000 || s.Paths != 50 {
		t.Errorf("comparison query %q: %v", q, err)
	}
	if q, _ := withoutExclusions(mustScenario(t, "amount=500000")); q != "" {
		t.Errorf("no exclusions: %q", q)
	}
}

func TestMinimumText(t *testing.T) {
	if minimumText(250000, defaultMinimum, false) != "" || minimumText(50000, 0, true) != "" {
		t.Error("notice shown at or above the minimum, or with none")
	}
	got := minimumText(50000, defaultMinimum, false)
	if !strings.HasPrefix(got, "Your amount, $50,000, is below a typical SMA minimum of $100,000.") {
		t.Errorf("notice = %q", got)
	}
	if got := minimumText(200000, 250000, true); !strings.Contains(got, "this firm's SMA minimum of $250,000") {
		t.Errorf("branded notice = %q", got)
	}
}
