package calc

import (
	"errors"
	"math"
	"strings"
	"testing"

	"smacalc/calc/scenario"
)

// TestTakeoverKeepsExpectedReturn: cash takeovers move the index up by
// their premiums, and the compensated drift takes exactly that out again,
// so the index's mean growth is the same with and without them. The paths
// share their markets (same seed), so the paired difference is precise:
// measured, 0.3 standard errors from zero; with the drift left
// uncompensated, 77.
func TestTakeoverKeepsExpectedReturn(t *testing.T) {
	const q = "stocks=40&horizon=5&paths=1&seed=3&turnover=0.3&premium=0.5"
	with := mustDecode(t, q+"&takeover=1")
	without := mustDecode(t, q+"&takeover=0")
	tx, err := newTaxer(with)
	if err != nil {
		t.Fatal(err)
	}
	a, b := newPathSim(with, tx), newPathSim(without, tx)
	const paths = 2000
	var sum, sum2 float64
	for path := range paths {
		a.run(path)
		b.run(path)
		d := a.mkt.IdxVal - b.mkt.IdxVal
		sum += d
		sum2 += d * d
	}
	mean := sum / paths
	se := math.Sqrt((sum2/paths - mean*mean) / (paths - 1))
	if se == 0 {
		t.Fatal("takeovers changed no path's index")
	}
	if math.Abs(mean) > 3*se {
		t.Errorf("index growth with takeovers − without: mean %.5f, standard error %.5f; want 0 within 3 standard errors", mean, se)
	}
}

// TestTakeoverRealizesPremium: in a market without randomness, names taken
// over for cash are sold at the premium, so the SMA's forced gains rise
// with the premium; the fund holds the same index and realizes nothing.
func TestTakeoverRealizesPremium(t *testing.T) {
	const q = "vol=0&idio=0&div=0&ret=0.05&smafee=0&fundfee=0&tradecost=0&stocks=50&paths=1&horizon=5&end=hold&turnover=0.3&takeover=1"
	forced := func(premium string) (gain, fundTaxes float64) {
		s := mustDecode(t, q+"&premium="+premium)
		out := testPathSim(t, s).run(0)
		for _, y := range out.Years {
			gain += y.ForcedGains
		}
		return gain, out.Fund.Taxes
	}
	g0, f0 := forced("0")
	g3, f3 := forced("0.3")
	if !(g3 > g0+0.1*scenario.DefaultScenario().Amount) {
		t.Errorf("forced gains %.0f at a 30%% premium, %.0f at none: want the premium's gains on top", g3, g0)
	}
	if f0 != 0 || f3 != 0 {
		t.Errorf("fund taxes %.2f and %.2f, want none (no dividends, no distributions)", f0, f3)
	}
}

// TestTakeoverKeys: ranges, the refusal with a replay of history, and the
// canonical form (written only when not the default, so older links keep
// theirs).
func TestTakeoverKeys(t *testing.T) {
	for _, tc := range []struct{ query, key, msg string }{
		{"takeover=1.5", "takeover", "between"},
		{"takeover=-0.1", "takeover", "between"},
		{"premium=2.5", "premium", "between"},
		{"history=2000&takeover=0.5", "takeover", "already contains the premiums"},
	} {
		_, err := scenario.Decode(tc.query)
		var ve *scenario.ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Key != tc.key || !strings.Contains(ve.Problems[0].Message, tc.msg) {
			t.Errorf("Decode(%q) = %v, want one problem with %q saying %q", tc.query, err, tc.key, tc.msg)
		}
	}
	s := mustDecode(t, "takeover=0.5")
	if enc := s.Encode(); !strings.HasSuffix(enc, "&takeover=0.5") {
		t.Errorf("Encode = %q, want takeover=0.5 at the end and the default premium left out", enc)
	}
	if enc := mustDecode(t, "premium=0.4").Encode(); !strings.HasSuffix(enc, "&premium=0.4") {
		t.Errorf("Encode = %q, want premium=0.4 at the end", enc)
	}
	if d := scenario.DefaultScenario(); strings.Contains(d.Encode(), "takeover") || strings.Contains(d.Encode(), "premium") {
		t.Errorf("the default scenario's link %q names the takeover keys", d.Encode())
	}
}
