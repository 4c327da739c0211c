package scenario

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/KEYS.md from the key table")

// keysMarkdown is docs/KEYS.md: the key table as people read it.
func keysMarkdown() string {
	var b strings.Builder
	b.WriteString(`# Scenario keys

<!-- Generated from calc/scenario/keys.go by
     go test ./calc/scenario -run TestKeysDoc -update
     Do not edit by hand: the test fails when this page and the table differ. -->

The canonical text form of a scenario is its query string (the share
link, ` + "`smacalc simulate 'QUERY'`" + `, the worker's message), keys in
this order. Every key is optional; unknown keys, repeated keys and bad
values are errors that name the key. Amounts are dollars (whole cents),
rates and shares are decimals (` + "`0.07`" + ` = 7%, to hundredths of a
basis point). Keys are a contract (` + "`shared/MODEL.md`" + `): added, never
renamed. A key marked "if set" or "if not default" is written only then,
so links made before it existed keep their canonical form.

| key | type | unit | accepts | default | written | meaning | form |
|---|---|---|---|---|---|---|---|
`)
	d := DefaultScenario()
	for _, k := range Keys() {
		def := "`" + k.Default() + "`"
		if k.Default() == "" {
			def = "unset"
		}
		written := "always"
		switch {
		case k.Default() == "" && !k.Written(d):
			written = "if set"
		case !k.Written(d):
			written = "if not default"
		}
		form := k.Group().Legend
		switch {
		case k.Under != "":
			form = "under `" + k.Under + "`"
		case !k.Advanced():
			form = "short form"
		}
		cells := []string{"`" + k.Name + "`", k.Type().String(), k.Unit.String(), k.Allowed(),
			def, written, k.Meaning, form}
		for i, c := range cells {
			cells[i] = strings.ReplaceAll(c, "|", `\|`)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	fmt.Fprintf(&b, "\nWork limit: paths × stocks × months (horizon × 12) at most %.0f\n"+
		"(× %d with `harvest=weekly`), and paths × horizon at most %d;\n"+
		"a scenario over it names `paths`.\n", float64(MaxWork), WeeksPerMonth, MaxPathYears)
	return b.String()
}

// TestKeysDoc keeps docs/KEYS.md equal to the key table.
func TestKeysDoc(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "KEYS.md")
	got := keysMarkdown()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the key table; run go test ./calc/scenario -run TestKeysDoc -update", path)
	}
}
