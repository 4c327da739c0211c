package e2e

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"smacalc/site"
)

// compareSite builds the site A of an A/B comparison (TestBrowserCompare,
// TestInputChangeWork) around the WASM in dirA. site.Build takes the
// static files (the stylesheet, the page's scripts) from this test
// binary, B's: with SMACALC_COMPARE_STATIC (A's static/ directory, e.g.
// /tmp/wt-main-pt/static) A's own replace them, so that a change to the
// stylesheet is compared too. A replaced file's precompressed siblings are
// removed: the site's handler would serve them instead. The prerendered
// pages stay B's (the native code of this binary); a change after the
// first answer does not read them.
func compareSite(t *testing.T, dirA string) *site.Site {
	t.Helper()
	s, err := site.Build(site.BuildOptions{Out: t.TempDir(), WasmDir: dirA, Label: "compare-a", BrotliQuality: testBrotli()})
	if err != nil {
		t.Fatal(err)
	}
	staticA := os.Getenv("SMACALC_COMPARE_STATIC")
	if staticA == "" {
		return s
	}
	web := filepath.Join(s.Dir, "web")
	err = filepath.WalkDir(staticA, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "app-worker.js" || filepath.Ext(path) == ".go" {
			return err // app-worker.js is go-app's template (site.copyStatic), static.go the embed
		}
		rel, err := filepath.Rel(staticA, path)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		dst := filepath.Join(web, rel)
		for _, ext := range []string{".br", ".gz"} {
			if err := os.Remove(dst + ext); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
