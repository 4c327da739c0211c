//go:build !wasm

package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestSimulatePrintsResultJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Simulate([]string{"?stocks=20&paths=5&horizon=2"}, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut.String())
	}
	var r map[string]any
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	for _, k := range []string{"sma", "fund", "tax_alpha_bps", "sma_ahead_fraction", "tracking_error", "years", "ledger", "decomposition", "wealth_over_time", "scenario"} {
		if _, ok := r[k]; !ok {
			t.Errorf("result lacks %q", k)
		}
	}
	w := r["sma"].(map[string]any)["after_tax_wealth"].(map[string]any)["p50"]
	if _, ok := w.(string); !ok {
		t.Errorf("money is not a string: %v", w)
	}
}

func TestSimulateBadQueryExits2(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Simulate([]string{"amount=abc&horizon=99&colour=red"}, &out, &errOut)
	if code != 2 {
		t.Fatalf("exit %d", code)
	}
	if out.Len() != 0 {
		t.Errorf("stdout not empty: %s", out.String())
	}
	for _, k := range []string{"amount:", "horizon:", "colour:"} {
		if !strings.Contains(errOut.String(), k) {
			t.Errorf("stderr lacks %q:\n%s", k, errOut.String())
		}
	}
}

func TestSimulateTooManyArgs(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := Simulate([]string{"a=1", "b=2"}, &out, &errOut); code != 2 {
		t.Fatalf("exit %d", code)
	}
}
