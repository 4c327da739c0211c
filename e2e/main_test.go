// Package e2e tests the calculator in a real browser: Debian's chromium,
// headless, driven by chromedp. `make e2e` (part of `make test`) builds the
// WASM and runs these with SMACALC_E2E=1; plain `go test ./...` skips them.
package e2e

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
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

	// Chromium starts while the sites are built.
	type started struct {
		ctx  context.Context
		stop func()
		err  error
	}
	browserStarted := make(chan started, 1)
	go func() {
		ctx, stop, err := startChromium()
		browserStarted <- started{ctx, stop, err}
	}()
	defer func() {
		if b := <-browserStarted; b.stop != nil {
			b.stop()
		}
	}()

	wasmDir = os.Getenv("SMACALC_WASM_DIR")
	if wasmDir == "" {
		// The file `make wasm` writes: go build leaves it alone when it is
		// up to date, so the WASM is built once for make and go test alike.
		wasmDir = filepath.Join(repoRoot(), "web")
		if err := buildWasm(wasmDir); err != nil {
			return 1, err
		}
	}
	if siteV1, err = site.Build(site.BuildOptions{Out: filepath.Join(tmp, "v1"), WasmDir: wasmDir, Label: "e2e-1", BrotliQuality: testBrotli()}); err != nil {
		return 1, err
	}
	if siteV2, err = site.Build(site.BuildOptions{Out: filepath.Join(tmp, "v2"), WasmDir: wasmDir, Label: "e2e-2", BrotliQuality: testBrotli()}); err != nil {
		return 1, err
	}
	if siteSub, err = site.Build(site.BuildOptions{Out: filepath.Join(tmp, "sub"), WasmDir: wasmDir, Base: "/tools/sma-calculator/", BrotliQuality: testBrotli()}); err != nil {
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
	b := <-browserStarted
	browserStarted <- b // for the deferred stop
	if b.err != nil {
		return 1, b.err
	}
	chromium = b.ctx
	code := m.Run()
	if traffic != nil {
		traffic.print(os.Stderr)
	}
	return code, nil
}

// repoRoot is the module's directory (this file's parent's parent).
// testBrotli is the brotli level of the test sites: 9, which compresses a
// new app.wasm in 2 s instead of 32 (site.BuildOptions.BrotliQuality): the
// tests check that the compressed siblings are served and work, not how
// small they are. The speed benchmark measures the transfer a deployment
// makes (wasm_transfer_bytes), so it keeps the build's own level.
func testBrotli() int {
	if os.Getenv("SMACALC_BENCH") == "1" {
		return 0
	}
	return 9
}

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(filepath.Dir(file))
}

// buildWasm compiles the UI (which the simulation workers run too) for the
// browser, as `make wasm` does, with the same flags: the same build, so
// either finds the other's up to date.
func buildWasm(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dir, "app.wasm"), ".")
	cmd.Dir = repoRoot()
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

// testTimeout bounds one test's browser work, so a page that never gets
// ready fails the test instead of hanging the package. It is generous: the
// tests share two cores with each other (t.Parallel) and with chromium.
const testTimeout = 6 * time.Minute

// chromium is the one browser process the package's tests share (started by
// TestMain); each test gets its own browser context in it (see browser).
var chromium context.Context

// traffic counts the DevTools messages when SMACALC_CDP_TRAFFIC is set.
var traffic *cdpTraffic

// startChromium starts headless chromium with an empty profile and returns
// its context and the function that stops it. Starting chromium costs a few
// seconds of CPU; once per package instead of once per test.
func startChromium() (context.Context, func(), error) {
	exe := chromiumPath()
	if _, err := os.Stat(exe); err != nil {
		return nil, nil, fmt.Errorf("chromium not found at %s: run `make deps-browser` (apt-get install chromium chromium-headless-shell)", exe)
	}
	// Not a test's TempDir: chromium's helper processes may still be
	// writing to the profile when it exits.
	profile, err := os.MkdirTemp("", "smacalc-chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		// The largest viewport a test uses; each tab emulates its own.
		chromedp.WindowSize(1366, 900),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		// Tabs run side by side (t.Parallel) and only one can be in
		// front: without these a tab behind would have its timers
		// throttled and its animation frames (which chromedp.Poll waits
		// on) stopped.
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		// Headless chromium is the whole browser without a screen: every
		// window (one per test, see browser) preloads its address bar's
		// suggestion popups, two WebUI pages
		// (chrome://omnibox-popup.top-chrome/ and its AI-mode variant,
		// listed by Target.getTargets) in renderer processes of their
		// own, about 1.1 CPU-s each (round 6, docs/ARCHITECTURE.md
		// "Tests"): 2.3 CPU-s a test for a popup nobody opens. No page
		// content depends on them. (SMACALC_CHROMIUM_FLAGS with its own
		// --disable-features replaces this list.)
		chromedp.Flag("disable-features", "WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup"),
		// A chromium slowed by a loaded machine (2 cores shared with other
		// builds) can take longer than chromedp's 20 s to print its
		// DevTools address; the package then failed before any test.
		chromedp.WSURLReadTimeout(2 * time.Minute),
	}
	if !measuringSpeed() {
		// Every navigation compiles the 13 MB app.wasm anew (each test's
		// browser context is a new renderer process, so V8's native module
		// cache and chromium's code cache never serve a second test). V8
		// runs it first as Liftoff's baseline code and recompiles the hot
		// functions with TurboFan on background threads: a trace of one
		// navigation at smallQuery showed 2.3 CPU-s in
		// wasm.TopTierCompilation, more than the page's main thread and
		// the simulation workers together (docs/ARCHITECTURE.md, Tests).
		// Liftoff code computes the same results (WebAssembly's numeric
		// semantics do not depend on the compiler tier), so the
		// browser-vs-native comparisons still hold to the cent; only speed
		// measurements (make bench-browser, the traces) need V8's
		// production tiering.
		opts = append(opts, chromedp.Flag("js-flags", "--liftoff-only"))
	}
	// SMACALC_CHROMIUM_FLAGS adds flags ("--name" or "--name=value",
	// space-separated), to measure what a flag saves without editing this.
	for _, f := range strings.Fields(os.Getenv("SMACALC_CHROMIUM_FLAGS")) {
		name, value, hasValue := strings.Cut(strings.TrimPrefix(f, "--"), "=")
		if hasValue {
			opts = append(opts, chromedp.Flag(name, value))
		} else {
			opts = append(opts, chromedp.Flag(name, true))
		}
	}
	// SMACALC_JS_FLAGS gives V8 its flags ("--trace-deopt
	// --redirect-code-traces": each isolate's deoptimizations in a file
	// code-<pid>-<isolate>.asm of the test's directory), space-separated,
	// as one --js-flags, which SMACALC_CHROMIUM_FLAGS cannot carry.
	if v := os.Getenv("SMACALC_JS_FLAGS"); v != "" {
		opts = append(opts, chromedp.Flag("js-flags", v))
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	var ctxOpts []chromedp.ContextOption
	if os.Getenv("SMACALC_CDP_TRAFFIC") != "" {
		traffic = newCDPTraffic()
		ctxOpts = append(ctxOpts, chromedp.WithDebugf(traffic.debugf))
	}
	ctx, cancelCtx := chromedp.NewContext(alloc, ctxOpts...)
	stop := func() {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	if err := chromedp.Run(ctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("starting chromium: %w", err)
	}
	return ctx, stop, nil
}

// The browsers startChromium runs: Debian's chromium, and its old headless
// mode, which chromium 132 moved out into a binary of its own (Debian's
// chromium-headless-shell, the same version of Blink and V8). The shell is
// started as the binary itself, not /usr/bin/chromium-headless-shell: that
// script runs it as a child without exec, so chromedp's stop (and the
// SIGKILL it asks for when the test binary dies) reached only the script,
// and every run left a browser behind.
const (
	chromiumExe      = "/usr/bin/chromium"
	headlessShellExe = "/usr/lib/chromium/chromium-headless-shell"
)

// chromiumPath is the browser the tests drive: $CHROMIUM if set; chromium
// itself when the run measures speed (make bench-browser and the traces
// measure the browser people run, and their figures since issue 13 are
// chromium's); otherwise chromium's headless shell.
//
// The shell renders with the same Blink, V8 and compositor as chromium, and
// the suite passes there without a change to an assertion; what it lacks is
// the browser around the page: chromium's headless mode is the whole
// browser without a screen, so every window (one per test: browser) has
// its toolbar, tab strip and address bar, with their views laid out and
// composited, and profile services behind them. Measured (round 7,
// docs/ARCHITECTURE.md "Tests"): the whole package side by side 558 → 482
// CPU-s (−14 %), the browser process 117 → 50; a test alone about 30 %
// less. The pictures come out as the same bytes.
func chromiumPath() string {
	if exe := os.Getenv("CHROMIUM"); exe != "" {
		return exe
	}
	if measuringSpeed() {
		return chromiumExe
	}
	if _, err := os.Stat(headlessShellExe); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %s not found, running the tests in %s, which takes about a third more CPU (`make deps-browser` installs it)\n", headlessShellExe, chromiumExe)
		return chromiumExe
	}
	return headlessShellExe
}

// measuringSpeed says whether this run measures the calculator's speed
// (make bench-browser, TestBrowserTrace, the A/B comparison): those need
// chromium as users run it, with V8's optimizing WASM compiler.
func measuringSpeed() bool {
	return os.Getenv("SMACALC_BENCH") != "" || os.Getenv("SMACALC_TRACE") != "" || os.Getenv("SMACALC_COMPARE_DIR") != ""
}

// browser opens a tab of width×height in a browser context of its own, in
// the package's chromium: like an incognito window, the context has its own
// empty storage, caches and service workers, which go with it when the test
// ends — what a fresh chromium gave each test before, without starting one.
// Tests can therefore run in parallel (each also serves its own origin,
// startServer). The returned context fails the test's browser work after
// testTimeout.
func browser(t *testing.T, width, height int) context.Context {
	t.Helper()
	if chromium == nil {
		t.Fatal("chromium was not started (TestMain)")
	}
	// The context and its tab are made here rather than by chromedp's
	// WithNewBrowserContext: headless chromium opens a tab in a new
	// context only in a window of its own ("no browser is open").
	browserExec := cdp.WithExecutor(chromium, chromedp.FromContext(chromium).Browser)
	contextID, err := target.CreateBrowserContext().WithDisposeOnDetach(true).Do(browserExec)
	if err != nil {
		t.Fatalf("creating a browser context: %v", err)
	}
	tab, err := target.CreateTarget("about:blank").WithBrowserContextID(contextID).WithNewWindow(true).Do(browserExec)
	if err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tabCtx, cancelCtx := chromedp.NewContext(chromium, chromedp.WithTargetID(tab))
	ctx, cancelTimeout := context.WithTimeout(tabCtx, testTimeout)
	t.Cleanup(func() {
		cancelTimeout()
		if t.Failed() {
			logPageState(t, tabCtx)
		}
		cancelCtx() // closes the tab
		_ = target.DisposeBrowserContext(contextID).Do(browserExec)
	})
	// The window cannot be narrower than about 500 px; emulate the viewport
	// so a phone layout is really 390 px wide.
	var viewport []chromedp.EmulateViewportOption
	if width < 600 {
		viewport = append(viewport, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2))
	}
	if err := chromedp.Run(ctx,
		chromedp.EmulateViewport(int64(width), int64(height), viewport...),
		// Every tab behaves as the focused one, as the only tab of a
		// browser did: focus events, :focus styles and the clipboard need
		// a focused page.
		emulation.SetFocusEmulationEnabled(true),
	); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx
}

// logPageState says where a failed test's page was: its address and the
// calculator's state, which a timeout alone does not tell.
func logPageState(t *testing.T, tab context.Context) {
	ctx, cancel := context.WithTimeout(tab, 5*time.Second)
	defer cancel()
	var state string
	err := chromedp.Run(ctx, chromedp.Evaluate(`JSON.stringify({
		url: location.href,
		ready: document.querySelector("#smacalc")?.dataset.ready,
		progress: {...document.querySelector("#progress")?.dataset},
		progressText: document.querySelector("#progress-text")?.textContent,
		headline: {...document.querySelector("#headline")?.dataset},
		runError: document.querySelector("#run-error")?.textContent,
	})`, &state))
	t.Logf("page state at the end: %s %v", state, err)
}

// allowDownloads saves the tab's downloads in dir under their own names,
// for this test's browser context only.
func allowDownloads(ctx context.Context, dir string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		info, err := target.GetTargetInfo().Do(ctx)
		if err != nil {
			return err
		}
		return cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName).
			WithBrowserContextID(info.BrowserContextID).
			WithDownloadPath(dir).WithEventsEnabled(true).Do(ctx)
	})
}

// appReady waits for the WASM UI to have mounted: the prerendered page says
// data-ready="false" and is visible before the WASM runs.
const appReady = `#smacalc[data-ready="true"]`

// The pictures below are for people to look at (e2e/artifacts); no test
// reads their pixels. Each is a PNG that chromium compresses with zlib's
// fastest setting (Page.captureScreenshot's optimizeForSpeed): the same
// pixels, losslessly, in a larger file, for about a third less CPU. Measured
// on the default page after its result (round 6, docs/ARCHITECTURE.md
// "Tests"), CPU-s per picture, all processes: the whole page 1.5 → 1.1 on a
// desktop, 2.8 → 2.0 on a phone (the page laid out, painted and compressed
// at its whole height); the viewport 0.14 → 0.12 and 0.28 → 0.17; an
// element about 0.25–0.3. A JPEG cost as much as the fast PNG. So a picture
// whose subject is on the screen or in one element (a notice, a banner, a
// section scrolled to) takes the viewport or the element, and the whole
// page is kept for the pictures of the whole page (the README's screens,
// the branded page, the printed report).

// screenshot writes a picture of the whole page, beyond the viewport.
func screenshot(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	var png []byte
	if err := chromedp.Run(ctx, pagePNG(true, &png)); err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return writeArtifact(t, name, png)
}

// viewportShot writes a picture of what the window shows.
func viewportShot(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	var png []byte
	if err := chromedp.Run(ctx, pagePNG(false, &png)); err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return writeArtifact(t, name, png)
}

// elementScreenshot writes a picture of the element sel alone, once it is
// visible.
func elementScreenshot(t *testing.T, ctx context.Context, sel, name string) string {
	t.Helper()
	var png []byte
	if err := chromedp.Run(ctx, waitVisible(sel), elementPNG(sel, &png)); err != nil {
		t.Fatalf("screenshot of %s: %v", sel, err)
	}
	return writeArtifact(t, name, png)
}

// pagePNG captures the viewport, or with whole the whole page, as
// chromedp's CaptureScreenshot and FullScreenshot(…, 100) do, compressed
// for speed.
func pagePNG(whole bool, png *[]byte) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		*png, err = page.CaptureScreenshot().
			WithFormat(page.CaptureScreenshotFormatPng).
			WithFromSurface(true).
			WithCaptureBeyondViewport(whole).
			WithOptimizeForSpeed(true).
			Do(ctx)
		return err
	})
}

// elementPNG captures the first element sel matches, as chromedp's
// Screenshot does (its box relative to the document, rounded outward to
// whole pixels as puppeteer does, captured beyond the viewport), compressed
// for speed.
func elementPNG(sel string, png *[]byte) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var box *page.Viewport
		if err := chromedp.Evaluate(`((e) => {
			if (!e) return null;
			const r = e.getBoundingClientRect(), d = e.ownerDocument.documentElement.getBoundingClientRect();
			return {x: r.left - d.left, y: r.top - d.top, width: r.width, height: r.height};
		})(document.querySelector(`+jsString(sel)+`))`, &box).Do(ctx); err != nil {
			return err
		}
		if box == nil {
			return fmt.Errorf("no element %s", sel)
		}
		x, y := math.Round(box.X), math.Round(box.Y)
		clip := &page.Viewport{X: x, Y: y, Width: math.Round(box.Width + box.X - x), Height: math.Round(box.Height + box.Y - y), Scale: 1}
		var err error
		*png, err = page.CaptureScreenshot().
			WithFormat(page.CaptureScreenshotFormatPng).
			WithFromSurface(true).
			WithCaptureBeyondViewport(true).
			WithClip(clip).
			WithOptimizeForSpeed(true).
			Do(ctx)
		return err
	})
}

func writeArtifact(t *testing.T, name string, png []byte) string {
	t.Helper()
	path := filepath.Join(artifacts, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
