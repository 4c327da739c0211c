package scenario

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestParseLegacyLots(t *testing.T) {
	lots, err := ParseLegacyLots([]byte("\ufeffholding,value,basis,acquired\r\nAAPL, 300000 ,20000.01,2012-05-01\r\n\"Fund, old\",150000,150000,2025-12-31\r\n"), 2026)
	if err != nil {
		t.Fatal(err)
	}
	want := []LegacyLot{{"AAPL", 300000, 20000.01, "2012-05-01"}, {"Fund, old", 150000, 150000, "2025-12-31"}}
	if len(lots) != 2 || lots[0] != want[0] || lots[1] != want[1] {
		t.Fatalf("got %+v", lots)
	}
	if LegacyTotal(lots) != 450000 {
		t.Errorf("total %v", LegacyTotal(lots))
	}
	back, err := ParseLegacyLots([]byte(LegacyLotsCSV(lots)), 2026)
	if err != nil || len(back) != 2 || back[0] != lots[0] || back[1] != lots[1] {
		t.Errorf("round trip: %+v, %v", back, err)
	}
	if LegacyHash(LegacyLotsCSV(lots)) == LegacyHash(LegacyLotsCSV(lots[:1])) || LegacyHash("") != "" {
		t.Error("hash does not tell the lots apart")
	}
}

func TestParseLegacyLotsErrors(t *testing.T) {
	const h = "holding,value,basis,acquired\n"
	for _, tc := range []struct{ text, want string }{
		{h + "A,abc,1,2020-01-01\n", "line 2: value: not a number"},
		{h + "A,1,2,2020-01-01\nB,0,1,2020-01-01\n", "line 3: value: must be dollars and cents"},
		{h + "A,1,-2,2020-01-01\n", "line 2: basis: must be dollars and cents"},
		{h + "A,1,1,2026-01-02\n", "line 2: acquired: after the simulation start 2026-01-01"},
		{h + "A,1,1,2020-13-01\n", "line 2: acquired: not a date"},
		{h + ",1,1,2020-01-01\n", "line 2: holding: must be a name"},
		{h + "A,1,1,2020-01-01,x\n", "line 2: 5 fields"},
		{h + "A,\"1,1,2020-01-01\n", "line 2: extraneous or missing \" in quoted-field"},
		{"Holding,Value,Basis,Acquired\n", "line 1: the header must be exactly"},
		{h, "line 2: no lots after the header"},
		{h + "A,1,1,2020-01-01\n\xff\n", "line 3: not UTF-8 text"},
		{h + "A,NaN,1,2020-01-01\n", "line 2: value: not a number"},
		{h + "A,0x10,1,2020-01-01\n", "line 2: value: not a number"},
		// More than two decimals are refused, not rounded (issue 25,
		// finding 13: 0.004 was read as 0, then "must be above 0").
		{h + "A,0.004,0,2020-01-01\n", "line 2: value: more than two decimals: give dollars and cents (0.004)"},
		{h + "A,1,20000.005,2020-01-01\n", "line 2: basis: more than two decimals"},
		{h + "A,1.5e-3,0,2020-01-01\n", "line 2: value: more than two decimals"},
		{h + "A,1." + strings.Repeat("1", 100) + ",0,2020-01-01\n", "line 2: value: more than two decimals: give dollars and cents (1.1111111111111111111111…)"},
		// Names follow the labels' rule (issue 25, finding 13).
		{h + "A\x00B,1,1,2020-01-01\n", "line 2: holding: must be printable text, and U+0000 is not"},
		{h + "A\aB,1,1,2020-01-01\n", "line 2: holding: must be printable text, and U+0007 is not"},
		{h + "\u202eLPPA,1,1,2020-01-01\n", "line 2: holding: must be printable text, and U+202E is not"},
		{h + "\u200b,1,1,2020-01-01\n", "line 2: holding: must be printable text, and U+200B is not"},
		{h + "\u200b\u200c\ufeff,1,1,2020-01-01\n", "line 2: holding: must be printable text, and U+200B is not"},
		{h + strings.Repeat("A,1,1,2020-01-01\n", MaxLegacyLots+1), "line 1002: more than 1000 lots"},
		{h + strings.Repeat("A,1,1,2020-01-01,,,,,,,,,,,,\n", MaxLegacyBytes/20), "line 1: file is"},
	} {
		_, err := ParseLegacyLots([]byte(tc.text), 2026)
		var le *LotsError
		if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%.60q: %v, want %q", tc.text, err, tc.want)
		}
	}
}

func FuzzParseLegacyLots(f *testing.F) {
	f.Add([]byte("holding,value,basis,acquired\nAAPL,300000,20000,2012-05-01\nAAPL,1,2,2025-12-31\n"))
	f.Add([]byte("holding,value,basis,acquired\n\"a,b\",1e3,0,2020-02-29\n"))
	f.Add([]byte("holding,value,basis,acquired\nA,\"1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lots, err := ParseLegacyLots(data, 2026)
		if err != nil {
			var le *LotsError
			if !errors.As(err, &le) || le.Line < 1 || lots != nil {
				t.Fatalf("error %v (%T), lots %v", err, err, lots)
			}
			return
		}
		if len(lots) == 0 || len(lots) > MaxLegacyLots {
			t.Fatalf("%d lots", len(lots))
		}
		for i, l := range lots {
			if msg := l.problem(2026); msg != "" {
				t.Fatalf("lot %d accepted with a problem: %s", i, msg)
			}
		}
		back, err := ParseLegacyLots([]byte(LegacyLotsCSV(lots)), 2026)
		if err != nil || len(back) != len(lots) {
			t.Fatalf("round trip: %v", err)
		}
		for i := range back {
			if back[i] != lots[i] {
				t.Fatalf("round trip lot %d: %+v, want %+v", i, back[i], lots[i])
			}
		}
		s := DefaultScenario()
		s.Legacy, s.Amount = lots, LegacyTotal(lots)
		if err := s.Validate(); err != nil && strings.Contains(err.Error(), "lots") {
			t.Fatalf("parsed lots refused: %v", err)
		}
	})
}

func ExampleParseLegacyLots() {
	file := "holding,value,basis,acquired\nAAPL,300000,20000,2012-05-01\nAAPL,100000,90000,2025-10-01\n"
	lots, err := ParseLegacyLots([]byte(file), 2026)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(lots), LegacyTotal(lots))
	_, err = ParseLegacyLots([]byte("holding,value,basis,acquired\nAAPL,abc,1,2020-01-01\n"), 2026)
	fmt.Println(err)
	// Output:
	// 2 400000
	// line 2: value: not a number
}

// Names in any script, with punctuation and spaces, are accepted.
func TestLegacyLotNamesAccepted(t *testing.T) {
	for _, name := range []string{"BRK.B", "Société Générale", "トヨタ自動車", "Fund, old (2019)", "S&P 500 ETF"} {
		file := "holding,value,basis,acquired\n" + `"` + name + `",1,1,2020-01-01` + "\n"
		lots, err := ParseLegacyLots([]byte(file), 2026)
		if err != nil || lots[0].Holding != name {
			t.Errorf("%q: %v %+v", name, err, lots)
		}
	}
}
