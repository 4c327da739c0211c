// Package e2e tests the calculator in a real browser: Debian's chromium,
// headless, driven by chromedp. `make e2e` (part of `make test`) builds the
// WASM and runs these with SMACALC_E2E=1; plain `go test ./...` skips them.
package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"smacalc/site"
)

var (
	// wasmDir holds app.wasm (and the worker's WASM) built for the browser.
	wasmDir string
	// siteV1 and siteV2 are the same app built twice with different version
	// labels, for the update test.
	siteV1, siteV2 *site.Site
	// siteSub is built to be served under a sub-path of a marketing site.
	siteSub *site.Site
	// siteBrand is white-labelled with testBrand (brand_test.go).
	siteBrand *site.Site
	// artifacts receives screenshots, kept after the run for people to look at.
	artifacts string
)

func TestMain(m *testing.M) {
	if os.Getenv("SMACALC_E2E") != "1" {
		// Every test here needs the sites built below and a browser.
		fmt.Println("e2e: skipped (set SMACALC_E2E=1 or run `make e2e`)")
		os.Exit(0)
	}
	code, err := setUp(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func setUp(m *testing.M) (int, error) {
	tmp, err := os.MkdirTemp("", "smacalc-e2e-")
	if err != nil {
		return 1, err
	}
	defer os.RemoveAll(tmp)

	wasmDir = os.Getenv("SMACALC_WASM_DIR")
	if wasmDir == "" {
		wasmDir = filepath.Join(tmp, "wasm")
		if err := buildWasm(wasmDir); err != nil {
			return 1, err
		}
	}
	if siteV1, err = site.Build(site.BuildOptions{Out: filepath.Join(tmp, "v1"), WasmDir: wasmDir, Label: "e2e-1"}); err != nil {
		return 1, err
	}
	if siteV2, err = site.Build(site.BuildOptions{Out: filepath.Join(tmp, "v2"), WasmDir: wasmDir, Label: "e2e-2"}); err != nil {
		return 1, err
	}
	if siteSub, err = site.Build(site.BuildOptions{Out: filepath.Join(tmp, "sub"), WasmDir: wasmDir, Base: "/tools/sma-calculator/"}); err != nil {
		return 1, err
	}
	// Last: building a branded site leaves the brand in the process's
	// environment (go-app passes Handler.Env through os.Setenv).
	if siteBrand, err = buildBrandSite(tmp); err != nil {
		return 1, err
	}
	artifacts = os.Getenv("SMACALC_ARTIFACTS")
	if artifacts == "" {
		artifacts = "artifacts"
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		return 1, err
	}
	return m.Run(), nil
}

// buildWasm compiles the UI (which the simulation workers run too) for the
// browser, as `make wasm` does.
func buildWasm(dir string) error {
	_, file, _, _ := runtime.Caller(0)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dir, "app.wasm"), ".")
	cmd.Dir = filepath.Dir(filepath.Dir(file))
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building app.wasm: %v\n%s", err, out)
	}
	return nil
}

// server serves a built site on loopback; Swap replaces the site (a new
// deployment) and Stop takes it off the network (offline).
type server struct {
	*httptest.Server
	site atomic.Pointer[http.Handler]
	// override, when set, answers instead of the site (fault injection).
	override atomic.Pointer[http.HandlerFunc]
}

func startServer(t *testing.T, s *site.Site) *server {
	t.Helper()
	srv := &server{}
	srv.Swap(s)
	srv.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if o := srv.override.Load(); o != nil {
			(*o)(w, r)
			return
		}
		(*srv.site.Load()).ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Stop)
	return srv
}

func (s *server) Swap(st *site.Site) {
	h := site.Handler(st.Dir, "")
	s.site.Store(&h)
}

// siteHandler is the site the server serves when nothing overrides it.
func (s *server) siteHandler() http.Handler { return *s.site.Load() }

// Override answers every request with h until it is called with nil.
func (s *server) Override(h http.HandlerFunc) {
	if h == nil {
		s.override.Store(nil)
		return
	}
	s.override.Store(&h)
}

// Stop closes the listener and every open connection; later requests fail as
// they would with no network.
func (s *server) Stop() {
	s.CloseClientConnections()
	s.Close()
}

// browser starts a fresh headless chromium (its own empty profile, so service
// workers and caches never leak between tests) and returns its context.
func browser(t *testing.T, width, height int) context.Context {
	t.Helper()
	exe := os.Getenv("CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	if _, err := os.Stat(exe); err != nil {
		t.Fatalf("chromium not found at %s: run `make deps` (apt-get install chromium)", exe)
	}
	// Not t.TempDir: chromium's helper processes may still be writing to the
	// profile when the test ends, and TempDir fails the test if removal does.
	profile, err := os.MkdirTemp("", "smacalc-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(width, height),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	})
	// The window cannot be narrower than about 500 px; emulate the viewport
	// so a phone layout is really 390 px wide.
	var viewport []chromedp.EmulateViewportOption
	if width < 600 {
		viewport = append(viewport, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2))
	}
	if err := chromedp.Run(ctx, chromedp.EmulateViewport(int64(width), int64(height), viewport...)); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// appReady waits for the WASM UI to have mounted: the prerendered page says
// data-ready="false" and is visible before the WASM runs.
const appReady = `#smacalc[data-ready="true"]`

func screenshot(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	var png []byte
	if err := chromedp.Run(ctx, chromedp.FullScreenshot(&png, 100)); err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return writeArtifact(t, name, png)
}

// elementScreenshot writes a picture of the element sel alone.
func elementScreenshot(t *testing.T, ctx context.Context, sel, name string) string {
	t.Helper()
	var png []byte
	if err := chromedp.Run(ctx, chromedp.Screenshot(sel, &png, chromedp.NodeVisible)); err != nil {
		t.Fatalf("screenshot of %s: %v", sel, err)
	}
	return writeArtifact(t, name, png)
}

func writeArtifact(t *testing.T, name string, png []byte) string {
	t.Helper()
	path := filepath.Join(artifacts, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
