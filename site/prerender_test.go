//go:build !wasm

package site

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/calc"
)

// goappEnv is the environment go-app writes into app.js.
var goappEnv = regexp.MustCompile(`(?m)^const goappEnv = (.*);$`)

// TestBuildPrerendersTheStartResult: the site carries the start scenario's
// result (the default's, or a brand's start) exactly as calc computes it
// natively, in app.js for the WASM, and its answer in the page.
func TestBuildPrerendersTheStartResult(t *testing.T) {
	for _, c := range []struct {
		name, brand, start string
	}{
		{"default", "", ""},
		{"brand", "../static/brand.example.json", "status=mfj&wages=500000&stgains=25000&state=NY&amount=750000&horizon=10"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Build(BuildOptions{Out: filepath.Join(t.TempDir(), "site"), WasmDir: fakeWasm(t, c.name), Brand: c.brand})
			if err != nil {
				t.Fatal(err)
			}
			start := fields.Start(c.start)
			want, err := calc.Simulate(context.Background(), start.Scenario, nil)
			if err != nil {
				t.Fatal(err)
			}
			appJS, err := os.ReadFile(filepath.Join(s.Dir, "app.js"))
			if err != nil {
				t.Fatal(err)
			}
			m := goappEnv.FindSubmatch(appJS)
			if m == nil {
				t.Fatal("app.js has no goappEnv")
			}
			var env map[string]string
			if err := json.Unmarshal(m[1], &env); err != nil {
				t.Fatal(err)
			}
			var got calc.Result
			if err := json.Unmarshal([]byte(env[store.PrerenderedEnv]), &got); err != nil {
				t.Fatalf("%s: %v", store.PrerenderedEnv, err)
			}
			// Compared as JSON: shortest float64 text identifies each
			// number exactly, and decimals are their digits
			// (reflect.DeepEqual would compare big.Int internals).
			if !sameJSON(t, got, want) {
				t.Errorf("the prerendered result is not calc's for %q (median difference %s, native %s)", start.Query, got.Difference.P50, want.Difference.P50)
			}
			page, err := os.ReadFile(filepath.Join(s.Dir, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(page), `data-value="`+want.Difference.P50.String()+`" id="hl-median"`) {
				t.Errorf("index.html does not show the median difference %s", want.Difference.P50)
			}
			if !strings.Contains(string(page), `content="`+strings.ReplaceAll(start.Query, "&", "&amp;")+`" name="smacalc-prerendered"`) {
				t.Errorf("index.html does not name the prerendered scenario")
			}
			// What the page reads back (the server's prerender reads the
			// same environment, which go-app sets with os.Setenv).
			t.Setenv(store.PrerenderedEnv, env[store.PrerenderedEnv])
			if r := store.PrerenderedFromEnv(); r == nil || !sameJSON(t, *r, want) {
				t.Errorf("store.PrerenderedFromEnv does not give calc's result back")
			}
		})
	}
}

func sameJSON(t *testing.T, a, b calc.Result) bool {
	t.Helper()
	ja, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(ja) == string(jb)
}
