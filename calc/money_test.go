package calc

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
)

// moneyCases are amounts where rounding to the cent is easy to get wrong:
// halves on the shortest form's digits (1.005 is 1.00499999999999989… in
// binary, but its shortest form, which decimal rounds, is 1.005), halves
// below a cent, whole numbers with trailing zeros, the float range's ends
// and the int64 cents' limit.
var moneyCases = []float64{0, math.Copysign(0, -1), 1, -1, 0.005, -0.005, 0.004999, 0.0049999999999999999, 1.005, -1.005, 2.675,
	0.125, 0.135, 1e-7, -1e-7, 5e-3, 4.5e-3, 0.0451, 123456.785, -123456.785, 100, 1e15, 1.5e16, 9.2e16, 9.3e16, 1e17, 1e20, -1e20,
	1e300, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 1234567.8949999999, 0.1 + 0.2, 1 / 3.0, -2 / 3.0}

// money gives decimal.NewFromFloat(f).Round(2), digit for digit.
func TestMoneyMatchesDecimal(t *testing.T) {
	for _, f := range moneyCases {
		checkMoney(t, f)
	}
}

// FuzzMoneyMatchesDecimal holds money's integer rounding (centsOf) to
// decimal's for any float.
func FuzzMoneyMatchesDecimal(f *testing.F) {
	for _, c := range moneyCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return // decimal panics on them, as money always has
		}
		checkMoney(t, x)
		// Amounts as the engine's are, where halves of a cent happen:
		// whole thousandths and tenths of a thousandth of a dollar.
		if math.Abs(x) < 1e15 {
			n := math.Trunc(x)
			checkMoney(t, n/1000)
			checkMoney(t, n/10000)
		}
	})
}

func checkMoney(t *testing.T, f float64) {
	t.Helper()
	want := decimal.NewFromFloat(f).Round(2)
	got := money(f)
	if !got.Equal(want) || got.String() != want.StringFixed(2) || got.Exponent() != want.Exponent() {
		t.Errorf("money(%v) = %s (exponent %d), want %s (exponent %d)", f, got.String(), got.Exponent(), want.StringFixed(2), want.Exponent())
	}
}
