//go:build !wasm

package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeLots(t *testing.T, text string) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "lots.csv")
	if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestSimulateLots(t *testing.T) {
	name := writeLots(t, "holding,value,basis,acquired\nAAPL,300000,20000,2012-05-01\nAAPL,100000,90000,2025-10-01\nOLD FUND,150000,150000,2019-03-15\n")
	for _, args := range [][]string{
		{"-lots", name, "stocks=20&paths=4&horizon=3&gainbudget=30000"},
		{"-lots=" + name, "stocks=20&paths=4&horizon=3&gainbudget=30000"},
	} {
		var out, errOut bytes.Buffer
		if code := Simulate(args, &out, &errOut); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
		var r struct {
			Scenario string
			Years    []struct {
				RealizedGains string  `json:"realized_gains"`
				SingleWeight  float64 `json:"single_weight"`
			}
		}
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(r.Scenario, "amount=550000&") {
			t.Errorf("amount is not the file's total: %s", r.Scenario)
		}
		if len(r.Years) != 3 || r.Years[0].SingleWeight <= 0 || r.Years[2].SingleWeight >= r.Years[0].SingleWeight {
			t.Errorf("legacy weight does not fall: %+v", r.Years)
		}
	}
}

func TestSimulateBadLots(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"holding,value,basis,acquired\nAAPL,abc,1,2020-01-01\n", "line 2: value: not a number"},
		{"holding,value,basis,acquired\nAAPL,10,1,2020-01-01\nMSFT,10,x,2020-01-01\n", "line 3: basis: not a number"},
		{"holding,value,basis,acquired\nAAPL,10,1,01/02/2020\n", "line 2: acquired: not a date YYYY-MM-DD"},
		{"holding,value,cost,acquired\n", "line 1: the header must be exactly holding,value,basis,acquired"},
		{"holding,value,basis,acquired\nAAPL,10,1\n", "line 2: 3 fields"},
		{"", "line 1: empty file"},
	} {
		var out, errOut bytes.Buffer
		code := Simulate([]string{"-lots", writeLots(t, tc.text), "stocks=20&paths=2&horizon=1"}, &out, &errOut)
		if code != 2 || out.Len() != 0 {
			t.Errorf("%q: exit %d, stdout %q", tc.text, code, out.String())
		}
		if !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("%q: stderr %q lacks %q", tc.text, errOut.String(), tc.want)
		}
	}
	var out, errOut bytes.Buffer
	if code := Simulate([]string{"-lots"}, &out, &errOut); code != 2 || out.Len() != 0 {
		t.Errorf("-lots without a file: exit %d", code)
	}
	if code := Simulate([]string{"-lots", "/nonexistent/lots.csv"}, &out, &errOut); code != 2 || out.Len() != 0 {
		t.Errorf("missing file: exit %d", code)
	}
	// single and lots together are refused naming the key.
	errOut.Reset()
	name := writeLots(t, "holding,value,basis,acquired\nAAPL,10000,1,2020-01-01\n")
	if code := Simulate([]string{"-lots", name, "single=0.5&stocks=20&paths=2&horizon=1"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "single:") {
		t.Errorf("single with lots: exit %d, %s", code, errOut.String())
	}
}

// Issue 25, finding 13: a lots total out of range names the file; an
// oversize file is reported with its own size; a second -lots is refused.
func TestSimulateLotsFileProblems(t *testing.T) {
	run := func(args ...string) (int, string) {
		var out, errOut bytes.Buffer
		code := Simulate(args, &out, &errOut)
		if out.Len() != 0 {
			t.Errorf("%v: stdout %.100q", args, out.String())
		}
		return code, errOut.String()
	}
	small := writeLots(t, "holding,value,basis,acquired\nAAPL,500,100,2020-01-02\n")
	if code, msg := run("-lots", small, "stocks=20&paths=2&horizon=1"); code != 2 || !strings.Contains(msg, "amount (the total of the lots in "+small+"): must be between 1000 and") {
		t.Errorf("total below the range: exit %d, %s", code, msg)
	}
	huge := writeLots(t, "holding,value,basis,acquired\nAAPL,10000000000,100,2020-01-02\nMSFT,10000000000,100,2020-01-02\n")
	if code, msg := run("-lots", huge, "stocks=20&paths=2&horizon=1"); code != 2 || !strings.Contains(msg, "the total of the lots in "+huge) {
		t.Errorf("total above the range: exit %d, %s", code, msg)
	}

	big := writeLots(t, "holding,value,basis,acquired\n"+strings.Repeat("AAPL,1,1,2020-01-02\n", 520029/20))
	info, err := os.Stat(big)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%s: line 1: file is %d bytes; at most 262144", big, info.Size())
	if code, msg := run("-lots", big, "stocks=20&paths=2&horizon=1"); code != 2 || !strings.Contains(msg, want) {
		t.Errorf("oversize file: exit %d, %s, want %q", code, msg, want)
	}

	for _, args := range [][]string{
		{"-lots", small, "-lots", big, "stocks=20"},
		{"-lots=" + small, "--lots", big},
		{"--lots=" + small, "-lots=" + small},
	} {
		if code, msg := run(args...); code != 2 || !strings.Contains(msg, "-lots given twice") {
			t.Errorf("%v: exit %d, %s", args, code, msg)
		}
	}
	if code, msg := run("-lots=", "stocks=20"); code != 2 || !strings.Contains(msg, "-lots needs a file") {
		t.Errorf("-lots=: exit %d, %s", code, msg)
	}
}
