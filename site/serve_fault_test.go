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
