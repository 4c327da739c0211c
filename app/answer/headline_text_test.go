package answer

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/app/widget"
	"smacalc/calc"
)

func m(s string) calc.Money { return calc.Money{Decimal: decimal.RequireFromString(s)} }

func TestHeadlineSentence(t *testing.T) {
	r := &calc.Result{Horizon: 10, Difference: calc.Quantiles{P10: m("-34332.06"), P50: m("11679.92"), P90: m("85967.64")},
		TaxAlphaBps: calc.TaxAlpha{Spread: calc.Spread{P50: 8.300545}}, SMAAheadFraction: 0.608}
	want := "After 10 years you would keep about $11,680 more with an SMA than with the ETF (median), between $34,332 less and $85,968 more in 80% of simulated markets."
	if got := headlineSentence(r, "etf"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := widget.TaxAlphaText(r); got != "0.08% a year" {
		t.Errorf("tax alpha %q", got)
	}
	if got := widget.AheadText(r); got != "61%" {
		t.Errorf("ahead %q", got)
	}

	behind := &calc.Result{Horizon: 1, Difference: calc.Quantiles{P10: m("-9000"), P50: m("-2300.4"), P90: m("-500")}}
	want = "After 1 year you would keep about $2,300 less with an SMA than with the mutual fund (median), between $500 and $9,000 less in 80% of simulated markets."
	if got := headlineSentence(behind, "mf"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}

	ahead := &calc.Result{Horizon: 5, Difference: calc.Quantiles{P10: m("1200"), P50: m("5000"), P90: m("9000")}}
	want = "After 5 years you would keep about $5,000 more with an SMA than with the ETF (median), between $1,200 and $9,000 more in 80% of simulated markets."
	if got := headlineSentence(ahead, "etf"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}

	same := &calc.Result{Horizon: 5, Difference: calc.Quantiles{P10: m("-0.3"), P50: m("0.2"), P90: m("0.4")}}
	want = "After 5 years you would keep about the same with an SMA as with the ETF (median), the same in 80% of simulated markets."
	if got := headlineSentence(same, "etf"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestHeadlineSentenceSaysTheEnd(t *testing.T) {
	r := &calc.Result{Horizon: 10, End: "stepup", Difference: calc.Quantiles{P10: m("1000"), P50: m("100169"), P90: m("200000")}}
	want := "After 10 years, leaving it to heirs (step-up in basis), you would keep about $100,169 more with an SMA than with the ETF (median), between $1,000 and $200,000 more in 80% of simulated markets."
	if got := headlineSentence(r, "etf"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestHeadlineTone(t *testing.T) {
	alpha := func(p50, se float64) calc.TaxAlpha { return calc.TaxAlpha{Spread: calc.Spread{P50: p50}, SE: se} }
	for _, tc := range []struct {
		name          string
		ahead, behind float64
		alpha         calc.TaxAlpha
		provisional   bool
		want          string
	}{
		{"clear edge", 0.85, 0.15, alpha(60, 5), false, toneClear},
		{"majority but within the error", 0.8, 0.2, alpha(8, 5), false, toneMixed},
		{"coin toss", 0.61, 0.39, alpha(8.3, 1.2), false, toneMixed},
		{"exactly two thirds", 2.0 / 3.0, 1.0 / 3.0, alpha(20, 2), false, toneClear},
		{"fund ahead", 0.2, 0.8, alpha(-40, 4), false, toneFund},
		{"fund ahead within the error", 0.2, 0.8, alpha(-4, 4), false, toneMixed},
		// Both ran out in most markets: level ends are not the fund's edge.
		{"mostly level", 0.2, 0.3, alpha(-40, 4), false, toneMixed},
		{"provisional, however clear", 0.95, 0.05, alpha(90, 1), true, tonePending},
	} {
		r := &calc.Result{SMAAheadFraction: tc.ahead, SMABehindFraction: tc.behind, TaxAlphaBps: tc.alpha}
		if got := headlineTone(r, tc.provisional); got != tc.want {
			t.Errorf("%s: tone %q, want %q", tc.name, got, tc.want)
		}
	}
	mixed := &calc.Result{SMAAheadFraction: 0.55, SMABehindFraction: 0.45, TaxAlphaBps: alpha(3, 4)}
	if got := verdictText(mixed, "etf", toneMixed); !strings.Contains(got, "55% of simulated markets and behind in the rest") || !strings.Contains(got, "margin of error (±0.08%") {
		t.Errorf("verdict %q", got)
	}
	level := &calc.Result{SMAAheadFraction: 0.2, SMABehindFraction: 0.3, TaxAlphaBps: alpha(-40, 4)}
	if got := verdictText(level, "etf", toneMixed); !strings.Contains(got, "behind in 30%; both end the same in 50%") {
		t.Errorf("verdict with level ends %q", got)
	}
}

func TestPrecisionText(t *testing.T) {
	r := &calc.Result{Paths: 200,
		TaxAlphaBps:           calc.TaxAlpha{SE: 2.57},
		TaxAlphaBeforeSaleBps: calc.TaxAlpha{SE: 3.99}}
	want := "With 200 simulated markets, the median tax alpha could be off by about 0.05% a year either way."
	if got := precisionText(r); got != want {
		t.Errorf("precisionText = %q, want %q", got, want)
	}
}
