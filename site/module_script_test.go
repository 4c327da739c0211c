//go:build !wasm

package site

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// The simulation workers run the page's own app.wasm: static/app-module.js
// keeps the Module that go-app's app.js compiles, so it must be a classic
// script (it runs while the page is parsed, before the deferred app.js),
// under the site's base path, and shipped and precached.
func TestModuleScriptRunsBeforeAppJS(t *testing.T) {
	for _, tc := range []struct{ base, src string }{
		{"", "/web/app-module.js"},
		{"tools/sma-calculator", "/tools/sma-calculator/web/app-module.js"},
	} {
		s, err := Build(BuildOptions{Out: filepath.Join(t.TempDir(), "site"), WasmDir: fakeWasm(t, "module"), Base: tc.base})
		if err != nil {
			t.Fatal(err)
		}
		page, err := os.ReadFile(filepath.Join(s.Dir, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		tag := regexp.MustCompile(`<script[^>]*app-module\.js[^>]*>`).Find(page)
		if want := `<script src="` + tc.src + `">`; string(tag) != want {
			t.Errorf("base %q: module script tag %q, want %q", tc.base, tag, want)
		}
		if _, ok := s.Files["web/app-module.js"]; !ok {
			t.Errorf("base %q: web/app-module.js is not shipped", tc.base)
		}
		worker, err := os.ReadFile(filepath.Join(s.Dir, "app-worker.js"))
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(regexp.QuoteMeta(`"` + tc.src + `"`)).Match(worker) {
			t.Errorf("base %q: the service worker does not precache %s", tc.base, tc.src)
		}
	}
}
