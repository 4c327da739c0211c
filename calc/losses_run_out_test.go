package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestLossesRunOutYear(t *testing.T) {
	// Each case: the yearly (saving, cost) in dollars and the year after
	// which the saving stays below the cost (-1: null).
	for _, c := range []struct {
		name  string
		years [][2]int64
		want  int
	}{
		{"runs out after year 2", [][2]int64{{900, 300}, {400, 300}, {200, 300}, {100, 300}}, 2},
		{"a dip below is not running out", [][2]int64{{900, 300}, {100, 300}, {400, 300}, {100, 300}}, 3},
		{"never pays for itself", [][2]int64{{100, 300}, {200, 300}}, 0},
		{"still pays in the last year", [][2]int64{{100, 300}, {300, 300}}, -1},
		{"equal is not below", [][2]int64{{900, 300}, {300, 300}}, -1},
		{"negative saving", [][2]int64{{900, 300}, {-50, 300}}, 1},
	} {
		years := make([]Year, len(c.years))
		for k, sc := range c.years {
			s, x := Money{decimal.NewFromInt(sc[0])}, Money{decimal.NewFromInt(sc[1])}
			years[k].TaxSaving, years[k].ExtraCost = &s, &x
		}
		got := lossesRunOutYear(years)
		switch {
		case c.want < 0 && got != nil:
			t.Errorf("%s: year %d, want null", c.name, *got)
		case c.want >= 0 && (got == nil || *got != c.want):
			t.Errorf("%s: %s, want %d", c.name, yearText(got), c.want)
		}
	}
}

// Without outside short-term gains to offset, the harvested losses are
// worth little more than the $3,000 a year against ordinary income
// (IRC §1211(b)) and never pay for the SMA's fee: the losses "run out"
// from the start. With them, they pay for it in the first year. The
// figures are the median market's, one market: 200 paths make it a
// typical one (of 60, whole-share trading made it a market whose first
// year harvested little).
func TestLossesRunOutWithAndWithoutOutsideGains(t *testing.T) {
	const gains = "stocks=100&paths=200&stgains=500000"
	r := run(t, small+"stgains=0")
	if r.LossesRunOutYear == nil || *r.LossesRunOutYear != 0 {
		t.Errorf("stgains=0: losses run out in year %s, want 0", yearText(r.LossesRunOutYear))
	}
	r = run(t, gains)
	if y := r.Years[0]; y.TaxSaving.LessThan(y.ExtraCost.Decimal) {
		t.Errorf("stgains=500000: year 1 saves %s, costs %s", y.TaxSaving, y.ExtraCost)
	}
	if err := r.CheckConsistency(mustDecode(t, gains)); err != nil {
		t.Fatal(err)
	}
	// A result whose year disagrees with its figures is refused.
	y := len(r.Years) + 1
	r.LossesRunOutYear = &y
	if err := r.CheckConsistency(mustDecode(t, gains)); err == nil {
		t.Error("CheckConsistency accepts a wrong year the losses run out")
	}
}
