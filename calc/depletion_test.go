package calc

import (
	"slices"
	"testing"
)

// Withdrawal plans that outlast the portfolio in some markets are outcomes:
// the run succeeds, reports how often and when each strategy ran out, and
// shows no wealth below zero (issue 16, finding 1).
func TestDepletionIsAnOutcome(t *testing.T) {
	for _, tc := range []struct {
		query   string
		someRun bool // some path must run out
	}{
		{"contrib=-50000&horizon=20&stocks=40&paths=60", true},
		{"contrib=-100000&horizon=50&stocks=20&paths=20", true},
		{"contrib=-30000&horizon=40&stocks=30&paths=40", true},
		{"basis=0&ret=-0.3&vol=0.5&horizon=3&stocks=20&paths=30&contrib=-100000", false},
		{"stocks=30&paths=10&horizon=5", false},
	} {
		s := mustDecode(t, tc.query)
		r := run(t, tc.query)
		for _, st := range []struct {
			name string
			v    Strategy
		}{{"sma", r.SMA}, {"fund", r.Fund}} {
			v := st.v
			if v.DepletedFraction < 0 || v.DepletedFraction > 1 {
				t.Errorf("%s: %s depleted fraction %v", tc.query, st.name, v.DepletedFraction)
			}
			if (v.DepletedFraction > 0) != (v.DepletedYear >= 1 && v.DepletedYear <= s.Horizon) {
				t.Errorf("%s: %s depleted fraction %v, year %d", tc.query, st.name, v.DepletedFraction, v.DepletedYear)
			}
			if v.UnpaidTax.IsNegative() {
				t.Errorf("%s: %s unpaid tax %s", tc.query, st.name, v.UnpaidTax)
			}
			for _, q := range []Quantiles{v.AfterTaxWealth, v.PreLiquidationWealth, v.LiquidatedWealth} {
				nonNegative(t, tc.query+" "+st.name, q)
			}
		}
		if tc.someRun && r.SMA.DepletedFraction == 0 && r.Fund.DepletedFraction == 0 {
			t.Errorf("%s: no path ran out", tc.query)
		}
		for _, w := range r.WealthOverTime {
			nonNegative(t, tc.query+" wealth_over_time", w.SMA)
			nonNegative(t, tc.query+" wealth_over_time", w.Fund)
		}
		for _, rows := range [][]LedgerRow{r.Ledger.SMA, r.Ledger.Fund} {
			for _, row := range rows {
				if row.Start.IsNegative() || row.End.IsNegative() {
					t.Errorf("%s: ledger row %+v below zero", tc.query, row)
				}
			}
		}
	}
}

func nonNegative(t *testing.T, what string, q Quantiles) {
	t.Helper()
	for _, m := range []Money{q.P10, q.P50, q.P90} {
		if m.IsNegative() {
			t.Errorf("%s: %s below zero", what, m)
		}
	}
}

// settle pays the tax first, cuts the withdrawal to what is left and
// records tax beyond the portfolio as unpaid.
func TestSettle(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		want, tax, avail      float64
		contrib, cash, unpaid float64
		out                   bool
	}{
		{"contribution", 1000, 200, 5000, 1000, 800, 0, false},
		{"saving reinvested", -1000, -300, 5000, -1000, -700, 0, false},
		{"withdrawal covered", -1000, 200, 5000, -1000, -1200, 0, false},
		{"withdrawal cut", -1000, 200, 700, -500, -700, 0, true},
		{"tax beyond the portfolio", -1000, 900, 700, 0, -700, 200, true},
		{"contribution pays tax", 100, 900, 700, 100, -700, 100, true},
		{"empty, nothing due", 0, 0, 0, 0, 0, 0, false},
	} {
		var acc account
		contrib, cash, out := settle(&acc, 3, tc.want, tc.tax, tc.avail)
		if contrib != tc.contrib || cash != tc.cash || out != tc.out || acc.total.Unpaid != tc.unpaid {
			t.Errorf("%s: contrib %v cash %v out %v unpaid %v, want %v %v %v %v", tc.name,
				contrib, cash, out, acc.total.Unpaid, tc.contrib, tc.cash, tc.out, tc.unpaid)
		}
		if wantYear := map[bool]int{true: 4}[tc.out]; acc.total.Depleted != wantYear {
			t.Errorf("%s: depleted in year %d, want %d", tc.name, acc.total.Depleted, wantYear)
		}
	}
}

func TestDepletion(t *testing.T) {
	frac, year := depletion([]float64{0, 7, 3, 0, 5, 9})
	if frac != round6(4.0/6) || year != 5 {
		t.Errorf("depletion = %v, %d; want 0.666667, 5", frac, year)
	}
	if frac, year := depletion([]float64{0, 0}); frac != 0 || year != 0 {
		t.Errorf("depletion of none = %v, %d", frac, year)
	}
}

// The alpha before the final sale uses the flows each path actually made:
// a path that ran out made its withdrawals in full, then cut, then none
// (its return is not −100%); with savings=withdraw the SMA's flows carry
// the tax saved paid out, which the scenario's contribution alone misses.
func TestReturnBeforeSaleUsesTheFlowsMade(t *testing.T) {
	for _, tc := range []struct {
		query string
		fund  bool // check the fund's return, else the SMA's
	}{
		{"stocks=20&horizon=25&contrib=-100000&basis=0.2&vol=0.3&paths=1", false},
		{"stocks=20&horizon=25&contrib=-100000&basis=0.2&vol=0.3&paths=1", true},
		{"savings=withdraw&stocks=40&horizon=10&paths=1", false},
	} {
		s := mustDecode(t, tc.query)
		p := testPathSim(t, s)
		uneven := 0
		for path := range 9 {
			o := p.run(path)
			flows, v := p.sma.contrib, o.SMA
			if tc.fund {
				flows, v = p.fund.contrib, o.Fund
			}
			want := moneyWeightedReturn(s.Amount, flows, v.PreLiq)
			if !slices.ContainsFunc(flows, func(c float64) bool { return c != s.Contrib }) {
				continue // equal flows: irrHorner's shortcut (TestIRRHorner)
			}
			uneven++
			if v.ReturnBeforeSale != want || !(v.ReturnBeforeSale > -1) {
				t.Errorf("%s path %d: return before the sale %v, want %v from the flows made %v", tc.query, path, v.ReturnBeforeSale, want, flows)
			}
		}
		if uneven == 0 {
			t.Errorf("%s: no path with flows other than the scenario's contribution", tc.query)
		}
	}
}
