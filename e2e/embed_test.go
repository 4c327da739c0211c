package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"smacalc/site"
)

// TestEmbedAutoHeight frames the calculator from another origin with the
// documented snippet (static/embed.html, static/embed.js): the iframe grows
// to the calculator's height, and a height message from anywhere else is
// ignored.
func TestEmbedAutoHeight(t *testing.T) {
	embedJS, err := os.ReadFile("../static/embed.js")
	if err != nil {
		t.Fatal(err)
	}
	hostCSS, err := os.ReadFile("../static/embed-host.css")
	if err != nil {
		t.Fatal(err)
	}
	var calcURL string
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/embed.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(embedJS)
		case "/embed-host.css":
			w.Header().Set("Content-Type", "text/css")
			w.Write(hostCSS)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(`<!DOCTYPE html><html lang="en"><head><title>Firm</title><link rel="stylesheet" href="/embed-host.css"></head>
<body><main><h1>Our calculator</h1>
<iframe data-smacalc class="smacalc-frame" src="` + calcURL + `/?paths=200" title="SMA versus fund after-tax calculator"></iframe>
<script src="/embed.js" defer></script></main></body></html>`))
		}
	}))
	defer host.Close()
	calc := httptest.NewServer(site.Handler(siteBrand.Dir, "'self' "+host.URL))
	defer calc.Close()
	calcURL = calc.URL

	ctx := browser(t, 1280, 900)
	var height, inner float64
	err = chromedp.Run(ctx,
		chromedp.Navigate(host.URL+"/"),
		chromedp.Poll(`document.querySelector("iframe").getBoundingClientRect().height > 1500`, nil,
			chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(100*time.Millisecond)),
		chromedp.Sleep(2*time.Second), // the simulation's result settles the height
		chromedp.Evaluate(`document.querySelector("iframe").getBoundingClientRect().height`, &height),
		// A message from the host page itself (not the frame) is ignored.
		chromedp.Evaluate(`window.postMessage({type: "smacalc:height", height: 50}, "*")`, nil),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`document.querySelector("iframe").getBoundingClientRect().height`, &inner),
	)
	if err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "embed-host.png")
	if inner != height {
		t.Errorf("a message from the host page resized the frame: %v → %v", height, inner)
	}
	t.Logf("iframe height %v px", height)
	if !strings.HasPrefix(calc.URL, "http://127.0.0.1") {
		t.Fatalf("unexpected server URL %s", calc.URL)
	}
}
