package calc

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"smacalc/calc/scenario"

	"github.com/shopspring/decimal"
)

var inspectScenarios = []string{
	"stocks=40&paths=8&horizon=4",
	"stocks=40&paths=8&horizon=3&exclude=energy,utilities&harvest=quarterly",
	"stocks=30&paths=6&horizon=4&basis=0.4&end=stepup&fund=mf&dist=0.03",
	"stocks=30&paths=6&horizon=4&contrib=50000&harvest=annual",
	"stocks=30&paths=6&horizon=5&contrib=-60000&vol=0.3",
	"stocks=60&paths=4&horizon=2&stgains=0&threshold=0.02&seed=7",
	"stocks=20&paths=4&horizon=2&harvest=none&end=donate&tradecost=0",
}

// cent is 0.01 as a float; tolerances are whole cents.
const cent = 0.01

// TestInspectReconciles checks the inspection of each scenario's ledger
// path against the ledger and the path's outcome: the holdings add up to
// the SMA's value within a cent per holding, the lots to their holding,
// the harvests to the year's harvested losses.
func TestInspectReconciles(t *testing.T) {
	for _, q := range inspectScenarios {
		s := mustDecode(t, q)
		r := run(t, q)
		in, o, err := inspectPath(s, r.Ledger.Path)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		// Recording does not change the path.
		tx, _ := newTaxer(s)
		if plain := newPathSim(s, tx).run(r.Ledger.Path); !reflect.DeepEqual(plain, o) {
			t.Fatalf("%s: inspecting changed the path's outcome", q)
		}
		if in.Path != r.Ledger.Path || in.Scenario != s.Encode() || len(in.Years) != s.Horizon+1 {
			t.Fatalf("%s: path %d, scenario %q, %d years", q, in.Path, in.Scenario, len(in.Years))
		}
		events := 0
		for y, iy := range in.Years {
			if iy.Year != y || iy.Step != y*stepsPerYear {
				t.Errorf("%s: year %d labelled %d, step %d", q, y, iy.Year, iy.Step)
			}
			// The SMA's value against the ledger (End + the tax still owed)
			// or, at the start, the value the path starts year 1 with.
			var want, wantFund float64
			if y == 0 {
				want = o.Years[0].SMAStart
			} else {
				sr, fr := r.Ledger.SMA[y-1], r.Ledger.Fund[y-1]
				want = f(sr.End) + f(sr.Taxes)
				wantFund = f(fr.End) + f(fr.Taxes)
				if d := math.Abs(f(iy.Fund.Value) - wantFund); d > cent+1e-9 {
					t.Errorf("%s: year %d: fund value %s, ledger %.2f", q, y, iy.Fund.Value, wantFund)
				}
			}
			if d := math.Abs(f(iy.Value) - want); d > cent+1e-9 {
				t.Errorf("%s: year %d: SMA value %s, ledger %.2f", q, y, iy.Value, want)
			}
			sum := decimal.Zero
			var weights float64
			for k, h := range iy.Holdings {
				sum = sum.Add(h.Value.Decimal)
				weights += h.Weight
				if k > 0 && h.Shares*h.Price > iy.Holdings[k-1].Shares*iy.Holdings[k-1].Price {
					t.Errorf("%s: year %d: holdings not sorted by value at %d", q, y, k)
				}
				if !h.Value.Sub(h.Basis.Decimal).Equal(h.UnrealizedGain.Decimal) {
					t.Errorf("%s: year %d: %s gain %s ≠ %s − %s", q, y, h.Name, h.UnrealizedGain, h.Value, h.Basis)
				}
				if h.Substitute != (h.Stock < 0) || h.Substitute != (len(h.Replaces) > 0) || len(h.Lots) == 0 {
					t.Errorf("%s: year %d: holding %+v", q, y, h)
				}
				var shares float64
				lotVal := decimal.Zero
				for _, l := range h.Lots {
					shares += l.Shares
					lotVal = lotVal.Add(l.Value.Decimal)
					if !l.Value.Sub(l.Basis.Decimal).Equal(l.Gain.Decimal) || l.WashAdjusted {
						t.Errorf("%s: year %d: %s lot %+v", q, y, h.Name, l)
					}
					if l.Bought > iy.Step || l.LongTerm != (iy.Step-l.Bought > stepsPerYear) {
						t.Errorf("%s: year %d: %s lot bought %d, long-term %v", q, y, h.Name, l.Bought, l.LongTerm)
					}
				}
				if shares != h.Shares {
					t.Errorf("%s: year %d: %s lots hold %v shares, holding %v", q, y, h.Name, shares, h.Shares)
				}
				if d := math.Abs(lotVal.Sub(h.Value.Decimal).InexactFloat64()); d > 0.005*float64(len(h.Lots))+1e-9 {
					t.Errorf("%s: year %d: %s lots worth %s, holding %s", q, y, h.Name, lotVal, h.Value)
				}
			}
			// The cash waiting for January's trading window (the last
			// quarter's dividends) is part of the value, in no holding.
			if c := f(iy.Cash); c < 0 || (y > 0 && c == 0 && f(iy.Value) > 0) {
				t.Errorf("%s: year %d: cash %s", q, y, iy.Cash)
			}
			sum = sum.Add(iy.Cash.Decimal)
			tol := cent * float64(len(iy.Holdings)+1)
			if d := math.Abs(sum.InexactFloat64() - want); d > tol+1e-9 {
				t.Errorf("%s: year %d: holdings and cash add up to %s, ledger %.2f (tolerance %.2f)", q, y, sum, want, tol)
			}
			if f(iy.Value) > 0 {
				weights += f(iy.Cash) / f(iy.Value)
			}
			if len(iy.Holdings) > 0 && math.Abs(weights-1) > 1e-6 {
				t.Errorf("%s: year %d: weights add up to %v", q, y, weights)
			}
			// Harvests against the path's harvested losses.
			var hst, hlt float64
			if y > 0 {
				hst, hlt = o.Years[y-1].HarvST, o.Years[y-1].HarvLT
			}
			if !iy.HarvestedST.Equal(money(hst).Decimal) || !iy.HarvestedLT.Equal(money(hlt).Decimal) {
				t.Errorf("%s: year %d: harvested %s/%s, path %.2f/%.2f", q, y, iy.HarvestedST, iy.HarvestedLT, hst, hlt)
			}
			st, lt := decimal.Zero, decimal.Zero
			for _, e := range iy.Harvests {
				events++
				if (e.Month-1)/stepsPerYear+1 != y || e.Loss.Sign() < 0 || !e.Basis.Sub(e.Proceeds.Decimal).Equal(e.Loss.Decimal) {
					t.Errorf("%s: year %d: harvest %+v", q, y, e)
				}
				if e.BoughtBackMonth != 0 && e.BoughtBackMonth != e.Month+1 || e.BoughtBackMonth == 0 && e.Month != s.Horizon*stepsPerYear {
					t.Errorf("%s: year %d: harvest at %d bought back at %d", q, y, e.Month, e.BoughtBackMonth)
				}
				if e.ShortTerm {
					st = st.Add(e.Loss.Decimal)
				} else {
					lt = lt.Add(e.Loss.Decimal)
				}
			}
			htol := 0.005*float64(len(iy.Harvests)) + cent
			if math.Abs(st.InexactFloat64()-hst) > htol || math.Abs(lt.InexactFloat64()-hlt) > htol {
				t.Errorf("%s: year %d: harvests add up to %s/%s, path %.4f/%.4f", q, y, st, lt, hst, hlt)
			}
		}
		if events == 0 && s.Harvest != "none" {
			t.Errorf("%s: no harvests", q)
		}
	}
}

func TestInspectExclusions(t *testing.T) {
	s := mustDecode(t, "stocks=60&paths=4&horizon=3&exclude=energy,utilities")
	in, err := Inspect(s, 1)
	if err != nil {
		t.Fatal(err)
	}
	subs := 0
	for _, iy := range in.Years {
		for _, h := range iy.Holdings {
			if h.Sector == "energy" || h.Sector == "utilities" {
				t.Fatalf("year %d holds %s (%s)", iy.Year, h.Name, h.Sector)
			}
			if h.Substitute {
				subs++
			}
		}
		for _, e := range iy.Harvests {
			if e.Sector == "energy" || e.Sector == "utilities" {
				t.Fatalf("year %d harvests %s (%s)", iy.Year, e.Name, e.Sector)
			}
		}
	}
	if subs == 0 {
		t.Error("no substitute held at any year end")
	}
	// Every non-excluded stock is held at the start.
	ix := newIndex(60)
	held := 0
	for _, sc := range ix.sector {
		if n := sectors[sc].Name; n != "energy" && n != "utilities" {
			held++
		}
	}
	if got := len(in.Years[0].Holdings); got != held {
		t.Errorf("start: %d holdings, want %d", got, held)
	}
}

func TestInspectDeterministic(t *testing.T) {
	s := mustDecode(t, "stocks=50&paths=5&horizon=3&contrib=20000")
	var prev []byte
	for range 3 {
		in, err := Inspect(s, 3)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		if prev != nil && !bytes.Equal(b, prev) {
			t.Fatal("two inspections of the same path differ")
		}
		prev = b
	}
	other, _ := Inspect(s, 4)
	b, _ := json.Marshal(other)
	if bytes.Equal(b, prev) {
		t.Error("paths 3 and 4 inspect the same")
	}
}

func TestInspectErrors(t *testing.T) {
	s := mustDecode(t, "stocks=10&paths=3&horizon=1")
	for _, p := range []int{-1, 3} {
		if _, err := Inspect(s, p); err == nil {
			t.Errorf("path %d: no error", p)
		}
	}
	bad := s
	bad.Horizon = 0
	if _, err := Inspect(bad, 0); err == nil {
		t.Error("invalid scenario: no error")
	}
}

func TestInspectNamesAndDates(t *testing.T) {
	names := stockNames(newIndex(500))
	if names[0] != "IT-001" || !strings.HasSuffix(names[499], "-500") {
		t.Errorf("names %s … %s", names[0], names[499])
	}
	if got := stockNames(newIndex(1000))[0]; got != "IT-0001" {
		t.Errorf("1000 stocks: %s", got)
	}
	if len(slices.Compact(slices.Sorted(slices.Values(names)))) != 500 {
		t.Error("names repeat")
	}
	in := newInspector(mustDecode(t, "stocks=5&year=2026"))
	for step, want := range map[int32]string{-13: "before 2026", 0: "2026-01", 1: "2026-01", 3: "2026-03", 12: "2026-12", 13: "2027-01", 120: "2035-12"} {
		if got := in.date(step); got != want {
			t.Errorf("date(%d) = %s, want %s", step, got, want)
		}
	}
}

func TestFastMoney(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vals := []float64{0, 1.005, 2.675, -0.125, 0.005, -0.005, 1e9 + 0.125, 123456.785, -0.001, 1e10, 1e13 + 0.5, math.MaxFloat64 / 1e300}
	for range 50000 {
		x := rng.NormFloat64() * math.Pow(10, float64(rng.IntN(12)-2))
		vals = append(vals, x, math.Round(x*1000)/1000, (math.Floor(x*100)+0.5)/100)
	}
	for _, x := range vals {
		got, want := fastMoney(x), money(x)
		if !got.Equal(want.Decimal) || got.String() != want.String() {
			t.Fatalf("fastMoney(%v) = %s, money = %s", x, got, want)
		}
		v, b, g := moneyGain(x, x/3)
		if !v.Equal(want.Decimal) || !b.Equal(money(x/3).Decimal) || !g.Equal(v.Sub(b.Decimal)) {
			t.Fatalf("moneyGain(%v): %s %s %s", x, v, b, g)
		}
	}
}

func TestInspectCSV(t *testing.T) {
	y := InspectionYear{
		Holdings: []Holding{{Name: `ACME, "A"`, Sector: "energy", Shares: 1.5, Value: money(1234.5), Basis: money(1000),
			UnrealizedGain: money(234.5), Weight: 0.25, IndexWeight: 0.125,
			Lots: []Lot{{Bought: 3, BoughtDate: "2026-03", Shares: 1.5, CostPerShare: 666.666667, Basis: money(1000),
				Value: money(1234.5), Gain: money(234.5), LongTerm: true}}}},
		Harvests: []HarvestEvent{{Month: 5, Date: "2026-05", Name: "IT-001", Sector: "information-technology",
			LotBoughtDate: "2026-01", Shares: 2, Price: 0.9, Proceeds: money(1.8), Basis: money(2), Loss: money(0.2),
			ShortTerm: true, SubstituteName: "Substitute: information-technology proxy", BoughtBackDate: "2026-06"}},
	}
	want := "name,sector,shares,value,basis,unrealized_gain,weight,index_weight\n" +
		`"ACME, ""A""",energy,1.500000,1234.50,1000.00,234.50,0.250000,0.125000` + "\n"
	if got := y.HoldingsCSV(); got != want {
		t.Errorf("HoldingsCSV:\n%s\nwant\n%s", got, want)
	}
	want = "name,bought_date,bought,shares,cost_per_share,basis,value,gain,term,wash_adjusted\n" +
		`"ACME, ""A""",2026-03,3,1.500000,666.666667,1000.00,1234.50,234.50,long,false` + "\n"
	if got := y.Holdings[0].LotsCSV(); got != want {
		t.Errorf("LotsCSV:\n%s\nwant\n%s", got, want)
	}
	want = "date,name,sector,lot_bought_date,shares,price,proceeds,basis,loss,term,substitute,bought_back_date\n" +
		"2026-05,IT-001,information-technology,2026-01,2.000000,0.900000,1.80,2.00,0.20,short,Substitute: information-technology proxy,2026-06\n"
	if got := y.HarvestsCSV(); got != want {
		t.Errorf("HarvestsCSV:\n%s\nwant\n%s", got, want)
	}
	// A real year's CSVs parse back with one row per holding, lot, harvest.
	in, err := Inspect(mustDecode(t, "stocks=30&paths=2&horizon=2"), 0)
	if err != nil {
		t.Fatal(err)
	}
	iy := in.Years[1]
	for _, c := range []struct {
		csv  string
		rows int
	}{{iy.HoldingsCSV(), len(iy.Holdings)}, {iy.HarvestsCSV(), len(iy.Harvests)}, {iy.Holdings[0].LotsCSV(), len(iy.Holdings[0].Lots)}} {
		recs, err := csv.NewReader(strings.NewReader(c.csv)).ReadAll()
		if err != nil || len(recs) != c.rows+1 {
			t.Errorf("%d records (%v), want %d:\n%s", len(recs), err, c.rows+1, c.csv)
		}
	}
}

// BenchmarkInspectDefault inspects one path of the default scenario (500
// stocks, 10 years), as the page's side worker does (wasm/simworker's
// inspect) for the holdings, lots and harvest tables.
func BenchmarkInspectDefault(b *testing.B) {
	s := scenario.DefaultScenario()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Inspect(s, 0); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleInspect() {
	s := scenario.DefaultScenario()
	s.Stocks, s.Paths, s.Horizon = 20, 4, 3
	in, err := Inspect(s, 0) // in the UI: the path of Result.Ledger
	if err != nil {
		fmt.Println(err)
		return
	}
	start := in.Years[0]
	top := start.Holdings[0]
	fmt.Println("years:", len(in.Years), "holdings at the start:", len(start.Holdings))
	fmt.Printf("largest: %s (%s), %d lot bought %s\n", top.Name, top.Sector, len(top.Lots), top.Lots[0].BoughtDate)
	end := in.Years[3]
	sum := end.Cash.Decimal // the last quarter's dividends, invested in January
	for _, h := range end.Holdings {
		sum = sum.Add(h.Value.Decimal)
	}
	fmt.Println("year 3 holdings and cash add up to the SMA's value within a cent each:",
		sum.Sub(end.Value.Decimal).Abs().LessThanOrEqual(decimal.NewFromFloat(0.01*float64(len(end.Holdings)))))
	fmt.Println(strings.SplitN(end.HoldingsCSV(), "\n", 2)[0])
	// Output:
	// years: 4 holdings at the start: 20
	// largest: IT-001 (information-technology), 1 lot bought 2026-01
	// year 3 holdings and cash add up to the SMA's value within a cent each: true
	// name,sector,shares,value,basis,unrealized_gain,weight,index_weight
}

// Prices are shown at the stocks' share prices (market_shares.go): each
// starts within $5…$5,000, their median near the $107 fitted to the S&P
// 500's, and the SMA holds whole shares of each stock, then and every
// year; the fund and the proxies start at $100. Harvest events use their
// stock's price scale, so shares × price is still the proceeds.
func TestInspectPlausiblePrices(t *testing.T) {
	s := mustDecode(t, "stocks=100&paths=4&horizon=2&amount=1000000")
	in, err := Inspect(s, 1)
	if err != nil {
		t.Fatal(err)
	}
	start := in.Years[0]
	var prices []float64
	for _, h := range start.Holdings {
		if h.Substitute {
			continue
		}
		prices = append(prices, h.Price)
		if h.Price < sharePriceMin || h.Price > sharePriceMax {
			t.Errorf("%s starts at %v a share (%v shares)", h.Name, h.Price, h.Shares)
		}
		if d := math.Abs(h.Shares*h.Price - f(h.Value)); d > cent {
			t.Errorf("%s: %v × %v ≠ value %s", h.Name, h.Shares, h.Price, h.Value)
		}
	}
	slices.Sort(prices)
	if m := prices[len(prices)/2]; m < 60 || m > 190 {
		t.Errorf("median starting price %v, want near $107", m)
	}
	for _, y := range in.Years {
		for _, h := range y.Holdings {
			if !h.Substitute && h.Shares != math.Round(h.Shares) {
				t.Errorf("year %d: %s holds %v shares, want a whole number", y.Year, h.Name, h.Shares)
			}
		}
	}
	if start.Fund.NAV != 100 {
		t.Errorf("fund NAV at the start %v, want 100", start.Fund.NAV)
	}
	for _, y := range in.Years[1:] {
		for _, e := range y.Harvests {
			if e.Shares != math.Round(e.Shares) {
				t.Errorf("%s harvest: %v shares, want a whole number", e.Name, e.Shares)
			}
			if d := math.Abs(e.Shares*e.Price - f(e.Proceeds)); d > cent {
				t.Errorf("%s harvest: %v × %v ≠ proceeds %s", e.Name, e.Shares, e.Price, e.Proceeds)
			}
		}
	}
}
