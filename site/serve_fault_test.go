//go:build !wasm

package site

import (
	"bufio"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// checkHeaders fails unless a response carries the security headers.
func checkHeaders(t *testing.T, what string, h http.Header) {
	t.Helper()
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'self'") || !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("%s: Content-Security-Policy %q", what, csp)
	}
	if h.Get("Referrer-Policy") != "no-referrer" || h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: headers %v", what, h)
	}
}

// The server sends its security headers on every response, serves no
// dot-path segment and no file outside the site, and closes idle
// connections (issue 16, finding 6).
func TestServeHardening(t *testing.T) {
	s := build(t, fakeWasm(t, "serve"), "v1")
	outside := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(outside, []byte("secret"), 0o644)
	os.MkdirAll(filepath.Join(s.Dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(s.Dir, ".git", "config"), []byte("[core]"), 0o644)
	os.MkdirAll(filepath.Join(s.Dir, "web", ".hidden"), 0o755)
	os.WriteFile(filepath.Join(s.Dir, "web", ".hidden", "x.txt"), []byte("x"), 0o644)
	os.Symlink(outside, filepath.Join(s.Dir, "web", "out.txt"))
	os.Symlink(filepath.Dir(outside), filepath.Join(s.Dir, "web", "outdir"))
	os.Symlink(filepath.Join(s.Dir, "app.js"), filepath.Join(s.Dir, "web", "in.js"))
	h := Handler(s.Dir, "")

	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/.git/config", 404},
		{"GET", "/web/.hidden/x.txt", 404},
		{"GET", "/web/%2ehidden/x.txt", 404},
		{"GET", "/.smacalc-site", 404},
		{"GET", "/web/out.txt", 404},
		{"GET", "/web/outdir/secret.txt", 404},
		{"GET", "/web/in.js", 200},
		{"GET", "/", 200},
		{"GET", "/missing", 404},
		{"POST", "/", 405},
		{"DELETE", "/app.js", 405},
		{"OPTIONS", "/", 405},
	} {
		req := httptest.NewRequest(tc.method, tc.path, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tc.status {
			t.Errorf("%s %s: %d, want %d", tc.method, tc.path, rec.Code, tc.status)
		}
		if strings.Contains(rec.Body.String(), "secret") || strings.Contains(rec.Body.String(), "[core]") {
			t.Errorf("%s %s served a file outside the site", tc.method, tc.path)
		}
		checkHeaders(t, tc.method+" "+tc.path, rec.Header())
	}

	srv := newServer(h, log.New(io.Discard, "", 0))
	if srv.IdleTimeout <= 0 || srv.IdleTimeout > 60*time.Second || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.ReadHeaderTimeout <= 0 {
		t.Errorf("timeouts: idle %v, read %v, write %v, header %v", srv.IdleTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.ReadHeaderTimeout)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	checkHeaders(t, "OPTIONS *", resp.Header)
}

// A symbolic link inside the site serves only what a URL could name: not
// a hidden file or folder of the site (gitlink -> .git, a link to .env),
// not through a hidden folder, not outside the site (issue 25, item 11).
func TestServeSymlinksKeepDotfileRule(t *testing.T) {
	s := build(t, fakeWasm(t, "links"), "v1")
	write := func(rel, body string) {
		t.Helper()
		name := filepath.Join(s.Dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, rel string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(s.Dir, filepath.FromSlash(rel))); err != nil {
			t.Fatal(err)
		}
	}
	write(".git/config", "[core] secret")
	write(".env", "TOKEN=secret")
	write("web/.hidden/x.txt", "secret")
	write("web/.hidden/x.txt.gz", "secret")
	write("web/public.txt", "public")
	link(".git", "gitlink")
	link(".env", "env.txt")
	link(filepath.Join(s.Dir, ".env"), "web/abs-env.txt")
	link(".hidden/x.txt", "web/hidden-x.txt")
	link("../.git/config", "web/config.txt")
	link("public.txt", "web/public-link.txt")
	link(".", "web/self")
	link(".hidden/x.txt.gz", "web/public.txt.gz") // a compressed sibling is a file served too
	h := Handler(s.Dir, "")
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/gitlink/config", 404},
		{"/env.txt", 404},
		{"/web/abs-env.txt", 404},
		{"/web/hidden-x.txt", 404},
		{"/web/config.txt", 404},
		{"/web/self/public.txt", 200},
		{"/web/public-link.txt", 200},
		{"/web/public.txt", 200},
	} {
		for _, enc := range []string{"", "gzip, br"} {
			req := httptest.NewRequest("GET", tc.path, nil)
			req.Header.Set("Accept-Encoding", enc)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.status || strings.Contains(rec.Body.String(), "secret") {
				t.Errorf("GET %s (Accept-Encoding %q): %d %q, want %d", tc.path, enc, rec.Code, rec.Body.String(), tc.status)
			}
		}
	}
}
