package scenario

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
)

// lotsOf returns n lots, one per holding when distinct, else all of one
// holding, worth $10,000 each.
func lotsOf(n int, distinct bool) []LegacyLot {
	lots := make([]LegacyLot, n)
	for i := range lots {
		name := "ONE"
		if distinct {
			name = fmt.Sprintf("H%04d", i)
		}
		lots[i] = LegacyLot{Holding: name, Value: 10000, Basis: 5000, Acquired: "2015-03-02"}
	}
	return lots
}

func problemOf(err error, key string) string {
	if ve, ok := err.(*ValidationError); ok {
		for _, p := range ve.Problems {
			if p.Key == key {
				return p.Message
			}
		}
	}
	return ""
}

// The work limit counts existing holdings (issue 25, finding 5: 1,000
// holdings on stocks=166&horizon=50&paths=5000 were accepted and ran 59 s,
// twice the limit's 30 s).
func TestWorkLimitCountsHoldings(t *testing.T) {
	base, err := Decode("stocks=166&horizon=50&paths=5000&gainbudget=0&amount=10000000")
	if err != nil {
		t.Fatalf("without holdings the scenario is within the limit: %v", err)
	}
	for _, tc := range []struct {
		name      string
		lots      []LegacyLot
		mostPaths int
	}{
		{"1000 holdings", lotsOf(1000, true), 1053},
		{"1000 lots of one holding", lotsOf(1000, false), 2858},
	} {
		s := base
		s.Legacy = tc.lots
		s.Amount = LegacyTotal(s.Legacy)
		msg := problemOf(s.Validate(), "paths")
		if !strings.Contains(msg, "existing holdings") || !strings.Contains(msg, fmt.Sprintf("at most %d paths", tc.mostPaths)) {
			t.Errorf("%s: paths problem %q", tc.name, msg)
		}
		s.Paths = tc.mostPaths
		if err := s.Validate(); err != nil {
			t.Errorf("%s at %d paths: %v", tc.name, tc.mostPaths, err)
		}
	}
	// A concentrated position counts as one holding of one lot.
	s, err := Decode("stocks=170&horizon=49&paths=4990&amount=10000000")
	if err != nil {
		t.Fatal(err)
	}
	s.Single = 0.5
	if msg := problemOf(s.Validate(), "paths"); !strings.Contains(msg, "existing holdings") {
		t.Errorf("single: paths problem %q", msg)
	}
}

// mostAmount finds the largest amount a refusal suggests.
var mostAmount = regexp.MustCompile(`an amount of at most (\d+)`)

// Scenarios whose figures may leave the range the tax arithmetic is exact
// in (±10^13 dollars, calc/tax) are refused naming the keys (issue 25,
// finding 7: amount=10000000000&ret=0.2&horizon=50 was taxed on clamped
// gains); the largest amount accepted stays in range.
func TestExactRangeOfTaxes(t *testing.T) {
	for _, tc := range []struct {
		query string
		ok    bool
	}{
		{"amount=10000000000&ret=0.2&horizon=50&stocks=5&paths=20", false},
		{"amount=10000000000&horizon=50&paths=200&stocks=50", false},
		{"amount=1000000000&horizon=50&paths=2000&stocks=50&contrib=1000000000", false},
		{"amount=1000000000&horizon=50&paths=200&stocks=20&vol=0.7", false},
		{"amount=10000000000&horizon=10", true},
		{"amount=1000000000&horizon=50&paths=5000&stocks=40", true},
		{"amount=10000000000&horizon=30&history=1950&stocks=50", true},
		{"", true},
	} {
		_, err := Decode(tc.query)
		msg := problemOf(err, "amount")
		if tc.ok {
			if err != nil {
				t.Errorf("%s: %v", tc.query, err)
			}
			continue
		}
		for _, k := range []string{"contrib", "ret", "horizon", "10 trillion"} {
			if !strings.Contains(msg, k) {
				t.Errorf("%s: amount problem %q does not name %q", tc.query, msg, k)
			}
		}
	}
	// The largest amount suggested is accepted.
	q := "ret=0.2&horizon=50&stocks=5&paths=20"
	_, err := Decode("amount=10000000000&" + q)
	m := mostAmount.FindStringSubmatch(problemOf(err, "amount"))
	if m == nil {
		t.Fatalf("no largest amount suggested: %v", err)
	}
	if _, err := Decode("amount=" + m[1] + "&" + q); err != nil {
		t.Errorf("the suggested amount %s is refused: %v", m[1], err)
	}
}

// The bound on a replay's growth reads the same yearly returns as the
// engine's replay: historyYearLogReturns is generated with the table
// (calc's TestHistoryYearLogReturnsMatchReplay checks them against it).
func TestExactRangeWithHistory(t *testing.T) {
	s := DefaultScenario()
	s.History, s.Horizon, s.Stocks, s.Paths, s.Idio = 1950, 30, 50, 100, 0 // no spread: the bound is the growth
	f := s.wealthFactor()
	want := 1.0
	cum := 0.0
	for y := range 30 {
		cum += historyYearLogReturns[1950-HistoryFirstYear+y]
		want = max(want, math.Exp(cum))
	}
	if math.Abs(f/want-1) > 1e-12 {
		t.Errorf("wealthFactor with history=1950 over 30 years = %v, want the replay's largest growth %v", f, want)
	}
}
