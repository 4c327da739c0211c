package giving

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"smacalc/calc"
)

func TestSummary(t *testing.T) {
	m := func(s string) calc.Money { return calc.Money{Decimal: decimal.RequireFromString(s)} }
	sma, fund := m("49815"), m("6375")
	wider := &calc.GiftSummary{GainGivenSMA: m("50315"), GainGivenFund: m("14587"),
		MedianMarketGainGivenSMA: &sma, MedianMarketGainGivenFund: &fund}
	got := Summary(wider, "the ETF", 5)
	want := "Over 5 years the SMA gave away $50,315 of gains that are never taxed, the ETF $14,587 (means over the simulated markets); in the typical market $49,815 and $6,375. The SMA's lots spread wider"
	if !strings.HasPrefix(got, want) {
		t.Errorf("Summary = %q\nwant it to start %q", got, want)
	}
	// Only when the SMA gave away more does the text say why.
	less := &calc.GiftSummary{GainGivenSMA: m("100"), GainGivenFund: m("200")}
	if got := Summary(less, "the mutual fund", 3); strings.Contains(got, "spread wider") || !strings.HasSuffix(got, "simulated markets).") {
		t.Errorf("Summary = %q", got)
	}
}
