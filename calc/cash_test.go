package calc

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// waterLevel against the definition, on sorted deficits: the largest k
// with c ≥ Σ_{j≤k} (d_(j) − d_(k)) + k·least.
func TestWaterLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		n := 1 + rng.IntN(60)
		d := make([]float64, n)
		for i := range d {
			d[i] = (rng.Float64() - 0.4) * 1000
			if trial%5 == 0 { // ties
				d[i] = math.Round(d[i] / 200)
			}
		}
		c := rng.Float64() * 3000
		least := []float64{0, 1, 100, 500}[trial%4]
		sorted := slices.Clone(d)
		slices.Sort(sorted)
		slices.Reverse(sorted)
		want, wantSum := 0, 0.0
		for k := 1; k <= n; k++ {
			s := 0.0
			for _, v := range sorted[:k] {
				s += v - sorted[k-1]
			}
			if c < s+float64(k)*least {
				break
			}
			// With ties, a set takes every deficit equal to its smallest.
			if k < n && sorted[k] == sorted[k-1] {
				continue
			}
			want = k
		}
		for _, v := range sorted[:want] {
			wantSum += v
		}
		thr, k, sum := waterLevel(d, c, least)
		if k != want || math.Abs(sum-wantSum) > 1e-9*(1+math.Abs(wantSum)) {
			t.Fatalf("trial %d: k %d sum %v, want %d %v (c %v, least %v, %v)", trial, k, sum, want, wantSum, c, least, sorted)
		}
		if k == 0 {
			continue
		}
		if thr != sorted[k-1] {
			t.Fatalf("trial %d: threshold %v, want %v", trial, thr, sorted[k-1])
		}
		// Every purchase is at least `least` and they spend c.
		level := (sum - c) / float64(k)
		if thr-level < least*(1-1e-12)-1e-9 {
			t.Fatalf("trial %d: smallest purchase %v under %v", trial, thr-level, least)
		}
	}
}

// investCash spends the cash in purchases of whole shares of at least
// minTrade toward the target weights, buys no name sold at a loss in the
// step (IRC §1091), and changes the SMA's value by the trading cost only.
func TestInvestCash(t *testing.T) {
	s := mustDecode(t, "stocks=40&paths=2&horizon=2")
	p := testPathSim(t, s)
	p.begin(0)
	const step = 5
	h := &p.sma.lots
	// The largest name is the most underweight, and sold at a loss now.
	h.lossStep[0] = step
	h.books[0] = h.books[0][:0]
	p.sma.value -= h.shares[0] * p.mkt.Price[0]
	h.shares[0] = 0
	shares := slices.Clone(h.shares)
	const cash = 3000.0
	cash0 := p.sma.cash // what the initial purchase's whole shares left
	p.sma.deposit(cash)
	before := p.sma.value
	p.sma.investCash(step, &p.mkt, p.sma.value)
	left := p.sma.cash
	if left >= (cash+cash0)/2 {
		t.Fatalf("cash %v of %v left", left, cash+cash0)
	}
	if len(h.books[0]) != 0 {
		t.Fatalf("bought the name sold at a loss in this step")
	}
	bought, spent := 0, 0.0
	for i, q := range h.shares {
		if q == shares[i] {
			continue
		}
		bought++
		if h.buyStep[i] != step {
			t.Errorf("stock %d: bought, buyStep %d", i, h.buyStep[i])
		}
		if n := (q - shares[i]) / p.sma.size[i]; math.Abs(n-math.Round(n)) > 1e-9 {
			t.Errorf("stock %d: bought %v shares, not a whole number", i, n)
		}
		amount := (q - shares[i]) * p.mkt.Price[i] / (1 - s.TradeCost)
		if amount < minTrade*(1-1e-12) {
			t.Errorf("stock %d: a purchase of %.2f, under the minimum %v", i, amount, minTrade)
		}
		spent += amount
	}
	if bought == 0 || bought > int((cash+cash0)/minTrade) || math.Abs(spent-(cash+cash0-left)) > 1e-6 {
		t.Errorf("%d purchases spending %.4f of %v (%v left)", bought, spent, cash+cash0, left)
	}
	if d := before - spent*s.TradeCost - p.sma.value; math.Abs(d) > 1e-6 {
		t.Errorf("value moved by %v beyond the trading cost", d)
	}
	// Below the minimum the cash waits.
	p.sma.cash, p.sma.value = 0, p.sma.value-left
	p.sma.deposit(minTrade / 2)
	p.sma.investCash(step+1, &p.mkt, p.sma.value)
	if p.sma.cash != minTrade/2 {
		t.Errorf("cash %v under the minimum was invested", p.sma.cash)
	}
}

// investCash's scan (two names an iteration, an odd count's last one
// alone) computes every name's deficit as one product less another and
// lists, in index order, the names short by minTrade that may be bought:
// checked against the definition on an odd count, the last name the
// most underweight.
func TestInvestCashScan(t *testing.T) {
	for _, stocks := range []int{41, 40} {
		s := mustDecode(t, "paths=2&horizon=2&stocks="+strconv.Itoa(stocks))
		p := testPathSim(t, s)
		p.begin(0)
		const step = 5
		h := &p.sma.lots
		last := stocks - 1
		for i := last - 2; i <= last; i++ { // three names short, the cash enough for one
			p.sma.value -= h.shares[i] * p.mkt.Price[i]
			h.shares[i] = 0
		}
		p.sma.value -= h.shares[1] * p.mkt.Price[1] // short, but sold at a loss now: not bought
		h.shares[1], h.lossStep[1] = 0, step
		p.sma.value -= p.sma.cash
		p.sma.cash = 0
		p.sma.deposit(1.5 * minTrade)
		shares := slices.Clone(h.shares)
		index := p.sma.value
		p.sma.investCash(step, &p.mkt, index)
		per := index / p.mkt.HeldIdxVal
		var want []int32
		for i, w := range p.mkt.HeldN {
			pr := p.mkt.Price[i]
			d := float64(per*w*pr) - float64(shares[i]*pr)
			if got := p.sma.invest.deficit[i]; got != d {
				t.Fatalf("%d stocks: deficit of %d %v, want %v", stocks, i, got, d)
			}
			if d >= minTrade && w != 0 && i != 1 {
				want = append(want, int32(i))
			}
		}
		if !slices.Equal(p.sma.invest.at, want) || !slices.Contains(want, int32(last)) || len(want) == stocks-1 {
			t.Errorf("%d stocks: candidates %v, want %v (with %d)", stocks, p.sma.invest.at, want, last)
		}
	}
}
