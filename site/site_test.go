//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// fakeWasm stands in for a compiled app.wasm: Build only copies it, and a
// repetitive body makes compression worthwhile as with the real one. The
// folder also holds extra.wasm: any other WASM there is shipped and
// precached too.
func fakeWasm(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	wasm := "\x00asm\x01\x00\x00\x00" + strings.Repeat(body, 2000)
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), []byte(wasm), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "extra.wasm"), []byte(wasm), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func build(t *testing.T, wasmDir, label string) *Site {
	t.Helper()
	s, err := Build(BuildOptions{Out: filepath.Join(t.TempDir(), "site"), WasmDir: wasmDir, Label: label})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBuildWritesCompleteSite(t *testing.T) {
	s := build(t, fakeWasm(t, "smacalc"), "v1")
	for _, name := range []string{
		"index.html", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest", "app.css",
		"web/app.wasm", "web/extra.wasm", "web/app.wasm.br", "web/app.wasm.gz", "app.js.br", "app.js.gz",
		"web/icons/icon-192.png", "web/icons/icon-512.png", "web/icons/icon-maskable-512.png",
		"web/icons/icon.svg", "web/smacalc.css",
	} {
		if _, ok := s.Files[name]; !ok {
			t.Errorf("site lacks %s", name)
		}
	}
	worker, err := os.ReadFile(filepath.Join(s.Dir, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{s.Version, `"/web/extra.wasm"`, `"/web/app.wasm"`, "ignoreSearch"} {
		if !bytes.Contains(worker, []byte(want)) {
			t.Errorf("app-worker.js does not contain %s", want)
		}
	}
	if !strings.HasPrefix(s.Version, "v1-") {
		t.Errorf("version %q does not start with the label", s.Version)
	}
}

func TestBuildIsReproducible(t *testing.T) {
	wasm := fakeWasm(t, "same")
	a, b := build(t, wasm, ""), build(t, wasm, "")
	if a.Version != b.Version {
		t.Fatalf("same inputs, versions %s and %s", a.Version, b.Version)
	}
	for name := range a.Files {
		x, _ := os.ReadFile(filepath.Join(a.Dir, name))
		y, _ := os.ReadFile(filepath.Join(b.Dir, name))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds of the same inputs", name)
		}
	}
	if c := build(t, fakeWasm(t, "changed"), ""); c.Version == a.Version {
		t.Error("a changed WASM kept the version: users would never be offered the update")
	}
}

func TestBuildRefusesForeignDirectory(t *testing.T) {
	out := t.TempDir()
	precious := filepath.Join(out, "thesis.txt")
	if err := os.WriteFile(precious, []byte("do not delete"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(BuildOptions{Out: out, WasmDir: fakeWasm(t, "x")})
	if err == nil || !strings.Contains(err.Error(), "not a smacalc site") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if _, err := os.Stat(precious); err != nil {
		t.Fatal("Build deleted a file it did not write")
	}
}

func TestBuildNeedsWasm(t *testing.T) {
	_, err := Build(BuildOptions{Out: filepath.Join(t.TempDir(), "o"), WasmDir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "make wasm") {
		t.Fatalf("err = %v, want advice to build the WASM", err)
	}
}

func TestHandlerServesCompressedSiblings(t *testing.T) {
	s := build(t, fakeWasm(t, "payload"), "v1")
	raw, _ := os.ReadFile(filepath.Join(s.Dir, "web", "app.wasm"))
	srv := httptest.NewServer(Handler(s.Dir, ""))
	defer srv.Close()
	// The default transport would decompress gzip itself; ask explicitly.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}

	tests := []struct {
		accept, encoding string
		decode           func(io.Reader) io.Reader
	}{
		{"gzip, deflate, br", "br", func(r io.Reader) io.Reader { return brotli.NewReader(r) }},
		{"gzip", "gzip", func(r io.Reader) io.Reader { z, _ := gzip.NewReader(r); return z }},
		{"br;q=0, gzip;q=0.5", "gzip", func(r io.Reader) io.Reader { z, _ := gzip.NewReader(r); return z }},
		{"identity", "", func(r io.Reader) io.Reader { return r }},
		{"", "", func(r io.Reader) io.Reader { return r }},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/web/app.wasm", nil)
		req.Header.Set("Accept-Encoding", tt.accept)
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(tt.decode(res.Body))
		res.Body.Close()
		if err != nil {
			t.Fatalf("accept %q: %v", tt.accept, err)
		}
		if got := res.Header.Get("Content-Encoding"); got != tt.encoding {
			t.Errorf("accept %q: Content-Encoding %q, want %q", tt.accept, got, tt.encoding)
		}
		if got := res.Header.Get("Content-Type"); got != "application/wasm" {
			t.Errorf("accept %q: Content-Type %q", tt.accept, got)
		}
		if !bytes.Equal(body, raw) {
			t.Errorf("accept %q: body differs from app.wasm after decoding", tt.accept)
		}
		if res.Header.Get("Vary") != "Accept-Encoding" || res.Header.Get("ETag") == "" {
			t.Errorf("accept %q: Vary %q ETag %q", tt.accept, res.Header.Get("Vary"), res.Header.Get("ETag"))
		}
	}
}

func TestHandlerRevalidatesByVersion(t *testing.T) {
	s := build(t, fakeWasm(t, "etag"), "v1")
	srv := httptest.NewServer(Handler(s.Dir, ""))
	defer srv.Close()
	res, err := http.Get(srv.URL + "/app.js")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	etag := res.Header.Get("ETag")
	if !strings.Contains(etag, s.Version) || res.Header.Get("Last-Modified") != "" {
		t.Fatalf("ETag %q / Last-Modified %q: want the version and no date", etag, res.Header.Get("Last-Modified"))
	}
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/app.js", nil)
	req.Header.Set("If-None-Match", etag)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("same version: status %d, want 304", res.StatusCode)
	}
}

func TestHandlerPaths(t *testing.T) {
	s := build(t, fakeWasm(t, "paths"), "")
	h := Handler(s.Dir, "")
	tests := []struct {
		path   string
		status int
		ctype  string
	}{
		{"/", 200, "text/html; charset=utf-8"},
		{"/?amount=500000&horizon=15", 200, "text/html; charset=utf-8"},
		{"/manifest.webmanifest", 200, "application/manifest+json"},
		{"/app-worker.js", 200, "text/javascript; charset=utf-8"},
		{"/web/icons/icon-192.png", 200, "image/png"},
		{"/.smacalc-site", 404, ""},
		{"/../../etc/passwd", 404, ""},
		{"/web/../../site_test.go", 404, ""},
		{"/nope", 404, ""},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, rec.Code, tt.status)
		}
		if tt.ctype != "" && rec.Header().Get("Content-Type") != tt.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tt.path, rec.Header().Get("Content-Type"), tt.ctype)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d", rec.Code)
	}
}

func TestAcceptsEncoding(t *testing.T) {
	tests := []struct {
		header, coding string
		want           bool
	}{
		{"gzip, br", "br", true},
		{"gzip", "br", false},
		{"br;q=0", "br", false},
		{"br; q=0.0, *", "br", false},
		{"*", "gzip", true},
		{"BR;q=0.8", "br", true},
		{"", "gzip", false},
	}
	for _, tt := range tests {
		if got := acceptsEncoding(tt.header, tt.coding); got != tt.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v", tt.header, tt.coding, got)
		}
	}
}

func TestCanonicalHTML(t *testing.T) {
	a := canonicalHTML(`<div id="x" data-ready="false"><img width="40" src="/i.svg" alt=""><script defer src="/a.js"></script></div>`)
	b := canonicalHTML(`<div data-ready="false" id="x"><img alt="" src="/i.svg" width="40"><script src="/a.js" defer></script></div>`)
	if a != b {
		t.Errorf("attribute order still matters:\n%s\n%s", a, b)
	}
	if want := `<div data-ready="false" id="x">`; !strings.HasPrefix(a, want) {
		t.Errorf("got %s", a)
	} // A boolean attribute that go-app wrote as false is absent.
	if got := canonicalHTML(`<option value="a" selected="false"><input type="checkbox" checked="false" disabled spellcheck="false" aria-invalid="false">`); got != `<option value="a"><input aria-invalid="false" disabled spellcheck="false" type="checkbox">` {
		t.Errorf("boolean attributes: got %s", got)
	}
	// A chart's SVG keeps the order app/chart wrote it in (the WASM
	// renders the same text).
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path fill="red" d="M0 0"/></svg>`
	if got := canonicalHTML(`<div id="c" class="chart">` + svg + `</div>`); got != `<div class="chart" id="c">`+svg+`</div>` {
		t.Errorf("got %s", got)
	}
}

func TestSecurityHeadersAndMetaPolicy(t *testing.T) {
	s := build(t, fakeWasm(t, "csp"), "")
	h := Handler(s.Dir, "'self' https://advisor.example")
	for _, path := range []string{"/", "/web/app.wasm", "/missing"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		csp := rec.Header().Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "'wasm-unsafe-eval'", "frame-ancestors 'self' https://advisor.example"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %s", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: weak headers %v", path, rec.Header())
		}
	}
	index, err := os.ReadFile(filepath.Join(s.Dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(index)
	meta := strings.Index(html, `http-equiv="Content-Security-Policy"`)
	script := strings.Index(html, "<script")
	if meta < 0 || script < 0 || meta > script {
		t.Errorf("the CSP <meta> must come before the first script (meta at %d, script at %d)", meta, script)
	}
}

func TestValidFrameAncestors(t *testing.T) {
	for _, ok := range []string{"'self'", "'none'", "'self' https://a.example https://b.example:8443", "http://localhost:3000"} {
		if err := ValidFrameAncestors(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"*", "example.com", "https://a.example; script-src *", "self"} {
		if err := ValidFrameAncestors(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestBuildUnderSubPath(t *testing.T) {
	s, err := Build(BuildOptions{Out: filepath.Join(t.TempDir(), "site"), WasmDir: fakeWasm(t, "sub"), Base: "tools/sma-calculator"})
	if err != nil {
		t.Fatal(err)
	}
	if s.Base != "/tools/sma-calculator/" {
		t.Fatalf("base %q", s.Base)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(s.Dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	index := read("index.html")
	for _, want := range []string{`src="/tools/sma-calculator/app.js"`, `href="/tools/sma-calculator/manifest.webmanifest"`, `href="/tools/sma-calculator/web/smacalc.css"`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if manifest := read("manifest.webmanifest"); !strings.Contains(manifest, `"scope":"/tools/sma-calculator/"`) || !strings.Contains(manifest, `"start_url":"/tools/sma-calculator/"`) {
		t.Errorf("manifest not scoped to the sub-path: %s", manifest)
	}
	if js := read("app.js"); !strings.Contains(js, `"GOAPP_ROOT_PREFIX":"/tools/sma-calculator"`) || !strings.Contains(js, `"/tools/sma-calculator/app-worker.js"`) {
		t.Error("app.js does not route or register the worker under the sub-path")
	}

	h := Handler(s.Dir, "")
	for _, tt := range []struct {
		path   string
		status int
	}{
		{"/tools/sma-calculator/", 200},
		{"/tools/sma-calculator/?amount=5", 200},
		{"/tools/sma-calculator/web/app.wasm", 200},
		{"/tools/sma-calculator", 301},
		{"/", 404},
		{"/app.js", 404},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, rec.Code, tt.status)
		}
	}
}

func TestBuildWithBrand(t *testing.T) {
	s, err := Build(BuildOptions{Out: filepath.Join(t.TempDir(), "site"), WasmDir: fakeWasm(t, "brand"), Brand: "../static/brand.example.json"})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"web/brand/logo.svg", "web/brand.css"} {
		if _, ok := s.Files[name]; !ok {
			t.Errorf("branded site lacks %s", name)
		}
	}
	css, _ := os.ReadFile(filepath.Join(s.Dir, "web", "brand.css"))
	if !strings.Contains(string(css), "--brand: #0b4f6c;") {
		t.Errorf("brand.css: %s", css)
	}
	index, _ := os.ReadFile(filepath.Join(s.Dir, "index.html"))
	for _, want := range []string{"Example Wealth Partners — direct indexing calculator", `content="#0b4f6c"`, "/web/brand.css"} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	appJS, _ := os.ReadFile(filepath.Join(s.Dir, "app.js"))
	if !strings.Contains(string(appJS), "SMACALC_BRAND") || !strings.Contains(string(appJS), `/web/brand/logo.svg`) {
		t.Error("app.js does not carry the brand to the page")
	}
}

func TestLoadBrandRejects(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct{ name, body, want string }{
		{"unknown.json", `{"firm":"A","call_to_acton":{}}`, "unknown field"},
		{"nofirm.json", `{"firm":""}`, "firm: required"},
		{"color.json", `{"firm":"A","colors":{"brand":"red;background:url(x)"}}`, "colors.brand"},
		{"cta.json", `{"firm":"A","call_to_action":{"text":"Go","url":"javascript:alert(1)"}}`, "call_to_action.url"},
		{"scenario.json", `{"firm":"A","default_scenario":"amount=-5"}`, "default_scenario"},
		{"inputs.json", `{"firm":"A","prospect_inputs":["amount","salary"]}`, `"salary" is not a scenario key`},
		{"logo.json", `{"firm":"A","logo":"../../etc/passwd"}`, "next to brand.json"},
		{"two.json", `{"firm":"A"}{"firm":"B"}`, "more than one"},
	}
	for _, tt := range tests {
		_, _, err := LoadBrand(write(tt.name, tt.body))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}
