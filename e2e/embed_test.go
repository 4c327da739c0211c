package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"smacalc/site"
)

// TestEmbedAutoHeight frames the calculator from another origin with the
// documented snippet (static/embed.html, static/embed.js): the iframe grows
// to the calculator's height, and a height message from anywhere else is
// ignored.
func TestEmbedAutoHeight(t *testing.T) {
	t.Parallel()
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
<iframe data-smacalc class="smacalc-frame" src="` + calcURL + `/?` + smallQuery + `" title="SMA versus fund after-tax calculator"></iframe>
<script src="/embed.js" defer></script></main></body></html>`))
		}
	}))
	defer host.Close()
	calc := httptest.NewServer(site.Handler(siteBrand.Dir, "'self' "+host.URL))
	defer calc.Close()
	calcURL = calc.URL

	ctx := browser(t, 1280, 900)
	const frameHeight = `document.querySelector("iframe").getBoundingClientRect().height`
	var height, inner float64
	var frames []*cdp.Node
	err = chromedp.Run(ctx,
		chromedp.Navigate(host.URL+"/"),
		chromedp.Poll(frameHeight+` > 1500`, nil,
			chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(100*time.Millisecond)),
		chromedp.Nodes("iframe", &frames, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Run(ctx,
		// The calculator in the frame shows its final result (no more
		// refining), then the frame's height holds still.
		chromedp.WaitVisible(simulationDone, chromedp.ByQuery, chromedp.FromNode(frames[0])),
		chromedp.WaitVisible(headlineFinal, chromedp.ByQuery, chromedp.FromNode(frames[0])),
		waitStable(frameHeight),
		chromedp.Evaluate(frameHeight, &height),
		// A message from the host page itself (not the frame) is ignored:
		// post it, then a marker; messages arrive in order, so once the
		// marker is seen the height message has been handled.
		chromedp.Evaluate(`new Promise((done) => {
			window.addEventListener("message", (e) => { if (e.data === "e2e:after-height") done(true); });
			window.postMessage({type: "smacalc:height", height: 50}, "*");
			window.postMessage("e2e:after-height", "*");
		})`, nil, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
		waitStable(frameHeight),
		chromedp.Evaluate(frameHeight, &inner),
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
