package calc

import (
	"context"
	"math"
	"testing"
)

// A withdrawal (or tax) larger than the stocks' value is raised from the
// sector proxies too: the flows booked add up to the wealth on paths that
// run out while proxies hold the proceeds of December's loss sales. The
// SMA booked the whole withdrawal but sold only its stocks, so money stayed
// in the proxies unbooked (1,700 to 36,000 dollars on these seeds' paths,
// found when the default idio changed, issue 26).
func TestWithdrawalSellsSubstitutes(t *testing.T) {
	for _, q := range []string{
		"stocks=20&paths=9&horizon=25&contrib=-100000&basis=0.2&vol=0.3&idio=0.25&seed=16",
		"stocks=20&paths=9&horizon=25&contrib=-100000&basis=0.2&vol=0.3&idio=0.25&seed=26",
		"stocks=20&paths=9&horizon=25&contrib=-100000&basis=0.2&vol=0.3&idio=0.22&seed=1",
	} {
		s := mustDecode(t, q)
		p, err := SimulatePaths(context.Background(), s, 0, s.Paths, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, o := range p.Outcomes {
			v := o.SMA
			end := s.Amount + v.Contrib + v.Growth + v.Dividends - v.Taxes - v.EndTax + v.Unpaid - v.Fees - v.Trading
			if math.Abs(end-v.AfterTax) > 1e-6*s.Amount {
				t.Errorf("%s path %d: SMA flows give %.2f, wealth %.2f (ran out in year %d)", q, i, end, v.AfterTax, v.Depleted)
			}
		}
	}
}
