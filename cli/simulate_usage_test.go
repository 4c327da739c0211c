//go:build !wasm

package cli

import (
	"bytes"
	"strings"
	"testing"

	"smacalc/calc/scenario"
)

// `smacalc simulate -h` lists every key of the table, in canonical order,
// with what it accepts and its default.
func TestSimulateUsageListsEveryKey(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := Simulate([]string{"-h"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	text := out.String()
	at := 0
	for _, k := range scenario.Keys() {
		i := strings.Index(text[at:], "\n  "+k.Name+" ")
		if i < 0 {
			t.Fatalf("usage lacks key %q after offset %d:\n%s", k.Name, at, text)
		}
		at += i + 1
		line, _, _ := strings.Cut(text[at:], "\n")
		if !strings.Contains(line, k.Allowed()) || k.Default() != "" && !strings.Contains(line, "default "+k.Default()+";") {
			t.Errorf("%s: line %q lacks %q or default %q", k.Name, line, k.Allowed(), k.Default())
		}
	}
	if !strings.Contains(text, scenario.LegacyHeader) {
		t.Error("usage lacks the lots file's header")
	}
}
