package e2e

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// requestLog records every URL the page asks the network for.
type requestLog struct {
	mu   sync.Mutex
	urls []string
}

func (l *requestLog) listen(ctx context.Context) {
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			l.mu.Lock()
			l.urls = append(l.urls, e.Request.URL)
			l.mu.Unlock()
		}
	})
}

// foreign returns the requests that left origin (data: and blob: URLs are
// not network requests).
func (l *requestLog) foreign(origin string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, u := range l.urls {
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") {
			continue
		}
		if !strings.HasPrefix(u, origin+"/") {
			out = append(out, u)
		}
	}
	return out
}

func (l *requestLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.urls)
}

// waitServiceWorker waits until the service worker is active and its cache
// holds the app, i.e. the next load can start offline.
func waitServiceWorker(ctx context.Context) chromedp.Action {
	return waitServiceWorkerUnder("/")
}

// waitServiceWorkerUnder is waitServiceWorker for a site served under base.
func waitServiceWorkerUnder(base string) chromedp.Action {
	return chromedp.Poll(`(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		if (!reg || !reg.active || reg.active.state !== "activated") return false;
		const keys = await caches.keys();
		if (keys.length === 0) return false;
		const cache = await caches.open(keys[0]);
		const base = `+jsString(base)+`;
		return !!(await cache.match(base + "web/app.wasm")) && !!(await cache.match(base + "web/app-module.js"));
	})()`, nil, chromedp.WithPollingTimeout(45*time.Second), chromedp.WithPollingInterval(200*time.Millisecond))
}

func TestPageLoadsFromOwnOriginOnly(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	var log requestLog
	log.listen(ctx)

	var title, promise, status string
	var violations []string
	err := chromedp.Run(ctx,
		network.Enable(),
		watchPolicyViolations(),
		chromedp.Navigate(srv.URL+"/"),
		waitVisible(appReady),
		chromedp.Title(&title),
		chromedp.Text(".promise", &promise),
		chromedp.Text("#calculator-status", &status),
		waitServiceWorker(ctx),
		chromedp.Evaluate(`window.__cspViolations`, &violations),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(violations) > 0 {
		t.Errorf("Content-Security-Policy violations: %v", violations)
	}
	var bannerShown bool
	if err := chromedp.Run(ctx, chromedp.Evaluate(`!!document.querySelector("#update-reload")`, &bannerShown)); err != nil {
		t.Fatal(err)
	}
	if bannerShown {
		t.Error("a first visit offers a new version")
	}
	if !strings.Contains(title, "smacalc") {
		t.Errorf("title = %q, want the product's name", title)
	}
	if !strings.Contains(promise, "tax-loss harvesting") {
		t.Errorf("promise = %q", promise)
	}
	if !strings.Contains(status, "running in your browser") {
		t.Errorf("calculator status = %q: the WASM UI did not render", status)
	}
	if log.count() < 5 {
		t.Fatalf("only %d requests recorded: the network log is not working", log.count())
	}
	if foreign := log.foreign(srv.URL); len(foreign) > 0 {
		t.Errorf("requests left the origin %s: %v", srv.URL, foreign)
	}
	t.Logf("screenshot: %s", screenshot(t, ctx, "home-desktop.png"))
}

func TestManifestIsInstallable(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	var manifestJSON string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		waitVisible(appReady),
		chromedp.Evaluate(`fetch("/manifest.webmanifest").then(r => r.text())`, &manifestJSON, awaitPromise),
	)
	if err != nil {
		t.Fatal(err)
	}
	var manifest struct {
		Name       string `json:"name"`
		ShortName  string `json:"short_name"`
		ThemeColor string `json:"theme_color"`
		StartURL   string `json:"start_url"`
		Display    string `json:"display"`
		Icons      []struct {
			Src     string `json:"src"`
			Sizes   string `json:"sizes"`
			Purpose string `json:"purpose"`
			Type    string `json:"type"`
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(manifestJSON), &manifest); err != nil {
		t.Fatalf("manifest: %v\n%s", err, manifestJSON)
	}
	if manifest.Name == "" || manifest.ShortName == "" || manifest.ThemeColor == "" || manifest.StartURL == "" || manifest.Display != "standalone" {
		t.Errorf("manifest lacks name, theme colour or standalone display: %s", manifestJSON)
	}
	want := map[string]bool{"192x192": false, "512x512": false, "maskable": false, "image/svg+xml": false}
	for _, icon := range manifest.Icons {
		if u, err := url.Parse(icon.Src); err != nil || u.IsAbs() {
			t.Errorf("icon %q is not a local path", icon.Src)
		}
		want[icon.Sizes] = true
		want[icon.Purpose] = true
		want[icon.Type] = true
		var status int
		if err := chromedp.Run(ctx, chromedp.Evaluate(`fetch(`+jsString(icon.Src)+`).then(r => r.status)`, &status, awaitPromise)); err != nil || status != 200 {
			t.Errorf("icon %s: status %d, %v", icon.Src, status, err)
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("manifest has no %s icon", k)
		}
	}
}

func TestShareLinkWorksOffline(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		waitVisible(appReady),
		waitServiceWorker(ctx),
	); err != nil {
		t.Fatal(err)
	}
	origin := srv.URL
	srv.Stop()

	var status string
	var ok bool
	err := chromedp.Run(ctx,
		// A plain reload, then a share link with a query string never seen
		// online (a small simulation, smallQuery: what is checked is that
		// the link opens and runs offline, not its figures).
		chromedp.Reload(),
		waitVisible(appReady),
		chromedp.Navigate(origin+"/?amount=500000&horizon=15&"+smallQuery),
		waitVisible(appReady),
		chromedp.Text("#calculator-status", &status),
		// The calculator rewrites the query in its canonical form (every key).
		chromedp.Evaluate(`/[?&]amount=500000(&|$)/.test(location.search) && /[?&]horizon=15(&|$)/.test(location.search)`, &ok),
	)
	if err != nil {
		t.Fatalf("offline reload: %v", err)
	}
	if !ok || !strings.Contains(status, "running") {
		t.Errorf("offline share link: search kept = %v, status %q", ok, status)
	}
	screenshot(t, ctx, "offline-share-link.png")
}

func TestNewVersionOffersReload(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		waitVisible(appReady),
		waitServiceWorker(ctx),
		chromedp.Reload(), // now the worker controls the page
		waitVisible(appReady),
	); err != nil {
		t.Fatal(err)
	}
	var before string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`goappGetenv("GOAPP_VERSION")`, &before)); err != nil {
		t.Fatal(err)
	}
	if before != siteV1.Version {
		t.Fatalf("running version %q, want %q", before, siteV1.Version)
	}

	srv.Swap(siteV2) // a new deployment
	var banner string
	err := chromedp.Run(ctx,
		chromedp.Evaluate(`goappTryUpdate()`, nil),
		waitVisible("#update-reload"),
		chromedp.Text("#update-banner", &banner),
	)
	if err != nil {
		t.Fatalf("no update offered: %v", err)
	}
	if !strings.Contains(banner, "new version is available") {
		t.Errorf("banner = %q", banner)
	}
	screenshot(t, ctx, "update-banner.png")

	var after string
	err = chromedp.Run(ctx,
		// The reload has happened once the page is a new document (without
		// the mark put on the old one) and ready.
		chromedp.Evaluate(`document.documentElement.dataset.e2eOld = "1"`, nil),
		chromedp.Click("#update-reload"),
		chromedp.WaitNotPresent(`html[data-e2e-old]`),
		waitVisible(appReady),
		chromedp.Evaluate(`goappGetenv("GOAPP_VERSION")`, &after),
	)
	if err != nil {
		t.Fatal(err)
	}
	if after != siteV2.Version {
		t.Errorf("after reload the version is %q, want %q", after, siteV2.Version)
	}
}

func TestPhoneLayout(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 390, 844)
	var overflow bool
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		waitVisible(appReady),
		chromedp.Evaluate(`document.documentElement.scrollWidth > window.innerWidth`, &overflow),
	)
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Error("the page scrolls sideways at 390 px")
	}
	screenshot(t, ctx, "home-phone.png")
}

// watchPolicyViolations records every Content-Security-Policy violation of
// the pages loaded after it, in window.__cspViolations.
func watchPolicyViolations() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`window.__cspViolations = [];
			document.addEventListener("securitypolicyviolation", (e) =>
				window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));`).Do(ctx)
		return err
	})
}

// awaitPromise makes chromedp.Evaluate wait for a promise's value.
func awaitPromise(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
	return p.WithAwaitPromise(true)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
