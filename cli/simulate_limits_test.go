//go:build !wasm

package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// Scenarios over the work limit are refused with exit 2, naming the keys
// (issue 16, finding 5).
func TestSimulateRefusesTooMuchWork(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Simulate([]string{"stocks=1000&horizon=50&paths=3333"}, &out, &errOut)
	if code != 2 || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q", code, out.String())
	}
	for _, k := range []string{"paths:", "stocks", "horizon", "at most 833 paths"} {
		if !strings.Contains(errOut.String(), k) {
			t.Errorf("stderr lacks %q: %s", k, errOut.String())
		}
	}
}

// Progress goes to a terminal's stderr, never into the JSON; the result
// is the same with and without it.
func TestSimulateProgressOnTerminalOnly(t *testing.T) {
	q := []string{"stocks=10&paths=30&horizon=2"}
	var quiet, quietErr, shown, shownErr bytes.Buffer
	if code := simulate(q, &quiet, &quietErr, false); code != 0 || quietErr.Len() != 0 {
		t.Fatalf("not a terminal: exit %d, stderr %q", code, quietErr.String())
	}
	if code := simulate(q, &shown, &shownErr, true); code != 0 {
		t.Fatalf("terminal: exit %d", code)
	}
	if !strings.Contains(shownErr.String(), "simulating: 30 of 30 paths (100%)") || !strings.HasSuffix(shownErr.String(), "\r\x1b[K") {
		t.Errorf("terminal stderr %q", shownErr.String())
	}
	if !bytes.Equal(quiet.Bytes(), shown.Bytes()) || !json.Valid(shown.Bytes()) {
		t.Error("progress changed the JSON on stdout")
	}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(&quiet) {
		t.Error("a file or a buffer taken for a terminal")
	}
}

// The work limit counts legacy holdings: the 1,000-holding file on
// stocks=166&horizon=50&paths=5000 ran 59 s (issue 25, finding 5).
func TestSimulateLotsCountTowardsTheWorkLimit(t *testing.T) {
	var lots strings.Builder
	lots.WriteString("holding,value,basis,acquired\n")
	for i := range 1000 {
		fmt.Fprintf(&lots, "H%04d,10000,5000,2015-03-02\n", i)
	}
	var out, errOut bytes.Buffer
	code := Simulate([]string{"-lots", writeLots(t, lots.String()), "stocks=166&horizon=50&paths=5000&gainbudget=0"}, &out, &errOut)
	if code != 2 || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %.200q", code, out.String())
	}
	for _, k := range []string{"paths:", "existing holdings", "at most 1053 paths"} {
		if !strings.Contains(errOut.String(), k) {
			t.Errorf("stderr lacks %q: %s", k, errOut.String())
		}
	}
}

// Figures beyond the tax arithmetic's exact range are refused naming the
// keys (issue 25, finding 7).
func TestSimulateRefusesFiguresBeyondExactTaxes(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Simulate([]string{"amount=10000000000&ret=0.2&horizon=50"}, &out, &errOut)
	if code != 2 || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %.200q", code, out.String())
	}
	for _, k := range []string{"amount:", "ret", "horizon", "10 trillion", "at most"} {
		if !strings.Contains(errOut.String(), k) {
			t.Errorf("stderr lacks %q: %s", k, errOut.String())
		}
	}
}
