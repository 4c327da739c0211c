//go:build !wasm

package site

import (
	"context"
	"errors"
	"log"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// contentTypes fixes types the system's MIME table may lack or get wrong;
// browsers refuse to compile WASM streamed with any other type.
var contentTypes = map[string]string{
	".wasm":        "application/wasm",
	".js":          "text/javascript; charset=utf-8",
	".webmanifest": "application/manifest+json",
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".svg":         "image/svg+xml",
	".json":        "application/json",
	".png":         "image/png",
}

// Handler serves a site written by Build from dir. For each file it sends the
// .br or .gz sibling when the browser accepts that encoding (with the
// original's Content-Type and a matching Content-Encoding), and the file
// itself otherwise.
//
// Every response is revalidated (Cache-Control: no-cache): the service worker
// is the app's cache, and a stale app-worker.js would hide updates.
//
// Revalidation uses an ETag made of the site's version (which hashes every
// file) and the encoding, never Last-Modified: two deployments written in the
// same second would otherwise look identical to the browser, and the service
// worker would precache the old files under the new version.
//
// Every response carries the security headers: the Content-Security-Policy
// with frameAncestors (empty: DefaultFrameAncestors), nosniff, no referrer.
//
// A site built for a sub-path (BuildOptions.Base) is served under it only.
func Handler(dir, frameAncestors string) http.Handler {
	// The build marker holds the version and the base path, a line each.
	raw, _ := os.ReadFile(filepath.Join(dir, marker))
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	h := &siteHandler{dir: dir, base: "/", headers: securityHeaders(frameAncestors)}
	h.root, _ = filepath.EvalSymlinks(dir) // "" (nothing served) if dir is missing
	h.version = strings.TrimSpace(lines[0])
	if len(lines) > 1 && strings.HasPrefix(lines[1], "/") {
		h.base = strings.TrimSpace(lines[1])
	}
	return h
}

type siteHandler struct {
	dir     string
	root    string // dir with symbolic links resolved
	version string
	base    string // "/" or "/a/b/"
	headers [][2]string
}

func (s *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// The security headers go on every response, errors included.
	header := w.Header()
	header.Set("Cache-Control", "no-cache")
	for _, h := range s.headers {
		header.Set(h[0], h[1])
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		header.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if s.base != "/" && r.URL.Path == strings.TrimSuffix(s.base, "/") {
		target := s.base
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	rel, ok := strings.CutPrefix(r.URL.Path, s.base)
	if !ok {
		http.NotFound(w, r)
		return
	}
	name, ok := s.resolve("/" + rel)
	if !ok {
		http.NotFound(w, r)
		return
	}
	ext := strings.ToLower(filepath.Ext(name))
	ctype := contentTypes[ext]
	if ctype == "" {
		ctype = mime.TypeByExtension(ext)
	}
	if ctype != "" {
		header.Set("Content-Type", ctype)
	}

	file, etag := name, s.version
	if enc, sibling := s.encoded(name, r.Header.Get("Accept-Encoding")); enc != "" {
		file, etag = sibling, etag+"-"+enc
		header.Set("Content-Encoding", enc)
	}
	if s.version != "" {
		header.Set("ETag", `"`+etag+`"`)
	}
	if compressible[ext] {
		header.Add("Vary", "Accept-Encoding")
	}
	f, err := os.Open(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	// ServeContent handles HEAD, If-None-Match and ranges; a zero time keeps
	// it from sending Last-Modified.
	http.ServeContent(w, r, "", time.Time{}, f)
}

// resolve maps a URL path to a regular file of the site: "/" is index.html,
// an extensionless page path is its .html file. It never leaves dir: no
// segment starting with a dot is served (the build marker, .git, any
// dotfile or dot-folder), and a symbolic link is followed only when its
// target is inside the site and not itself hidden (regularInside). It
// returns the target's real path, which is what is opened.
func (s *siteHandler) resolve(urlPath string) (string, bool) {
	clean := path.Clean("/" + urlPath)
	if clean == "/" {
		clean = "/index.html"
	}
	if hiddenPath(clean) {
		return "", false
	}
	candidates := []string{clean}
	if path.Ext(clean) == "" {
		candidates = append(candidates, clean+".html")
	}
	for _, c := range candidates {
		if real, ok := s.regularInside(filepath.Join(s.dir, filepath.FromSlash(c))); ok {
			return real, true
		}
	}
	return "", false
}

// hiddenPath reports whether a slash-separated path has a segment starting
// with a dot.
func hiddenPath(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}

// regularInside resolves name's symbolic links and returns the real path
// when it is a regular file inside the site whose path from the site's
// root has no hidden segment: a link must not serve what the URL could
// not name (gitlink -> .git serving /gitlink/config, a link to .env),
// nor anything outside the site (issue 25, item 11).
func (s *siteHandler) regularInside(name string) (string, bool) {
	if s.root == "" {
		return "", false
	}
	real, err := filepath.EvalSymlinks(name)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(s.root, real)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) ||
		filepath.IsAbs(rel) || hiddenPath(filepath.ToSlash(rel)) {
		return "", false
	}
	info, err := os.Stat(real)
	if err != nil || !info.Mode().IsRegular() {
		return "", false
	}
	return real, true
}

// encoded picks the best precompressed sibling the client accepts.
func (s *siteHandler) encoded(name, accept string) (encoding, sibling string) {
	for _, candidate := range []struct{ enc, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !acceptsEncoding(accept, candidate.enc) {
			continue
		}
		if real, ok := s.regularInside(name + candidate.ext); ok {
			return candidate.enc, real
		}
	}
	return "", ""
}

// acceptsEncoding reads an Accept-Encoding header (RFC 9110 §12.5.3): the
// coding is accepted when it is listed with a non-zero weight, or when it is
// not listed and "*" has a non-zero weight.
func acceptsEncoding(header, coding string) bool {
	wildcard := false
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(part, ";")
		name := strings.ToLower(strings.TrimSpace(fields[0]))
		weight := 1.0
		for _, param := range fields[1:] {
			k, v, _ := strings.Cut(strings.TrimSpace(param), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				if q, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					weight = q
				}
			}
		}
		switch name {
		case coding:
			return weight > 0
		case "*":
			wildcard = weight > 0
		}
	}
	return wildcard
}

// Timeouts of smacalc serve. Requests are small GETs; the largest response
// is the app's WASM (a few MB compressed), which the write timeout leaves
// two minutes for, about 250 kbit/s. An idle keep-alive connection is
// closed after IdleTimeout.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 30 * time.Second
	WriteTimeout      = 2 * time.Minute
	IdleTimeout       = 30 * time.Second
)

// newServer is the HTTP server of Serve. OPTIONS * goes to the handler
// (net/http would answer it itself, without the security headers); the
// responses net/http writes without calling the handler get them from the
// listener (guardedConn), which the ConnContext and ConnState hooks and
// markHandled tell which responses those are.
func newServer(h http.Handler, logger *log.Logger) *http.Server {
	return &http.Server{
		Handler:                      markHandled(h),
		ReadHeaderTimeout:            ReadHeaderTimeout,
		ReadTimeout:                  ReadTimeout,
		WriteTimeout:                 WriteTimeout,
		IdleTimeout:                  IdleTimeout,
		MaxHeaderBytes:               MaxHeaderBytes,
		DisableGeneralOptionsHandler: true,
		ErrorLog:                     logger,
		ConnContext:                  connContext,
		ConnState:                    connState,
	}
}

// MaxHeaderBytes bounds a request's header: the calculator's requests are
// GETs whose longest part is a share link (calc.MaxQueryLength, 2,048).
// Larger headers get 431.
const MaxHeaderBytes = 64 << 10

// Serve serves dir on addr until ctx is cancelled (see Handler), holding
// at most limits' connections.
func Serve(ctx context.Context, addr, dir, frameAncestors string, limits ConnLimits, logger *log.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	h := Handler(dir, frameAncestors).(*siteHandler)
	logger.Printf("smacalc: serving %s on http://%s%s", dir, ln.Addr(), h.base)
	return serveOn(ctx, guardListener(ln, limits, headerBlock(h.headers)), h, logger)
}

// serveOn serves h on ln until ctx is cancelled; it closes ln.
func serveOn(ctx context.Context, ln net.Listener, h http.Handler, logger *log.Logger) error {
	srv := newServer(h, logger)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil {
			return err
		}
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}
