package e2e

import (
	"context"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// linkStartProbe records, before the page's scripts run, what the page
// sends its simulation workers: each "init" that hands a share link's
// query to a worker (static/app-module.js), and the paths of each "run"
// chunk. With window.__holdPage set it also holds the page's own
// instantiation of app.wasm back until the link's worker, which
// instantiates the Module in its own thread, has sent its first chunk
// (static/app-module.js keeps it in smacalcEarly.replies), so that the
// chunk comes before the page's Go program runs; a page with no such
// worker is not held.
const linkStartProbe = `(() => {
  const sent = window.__linkStart = { links: [], runs: [] };
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (msg, ...rest) {
    if (msg && msg.type === "init" && typeof msg.link === "string") sent.links.push(msg.link);
    if (msg && msg.type === "run") sent.runs.push([msg.first, msg.count]);
    return post.call(this, msg, ...rest);
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = (...args) => {
    if (!window.__holdPage) return instantiate.apply(WebAssembly, args);
    return new Promise((resolve) => {
      const check = () => {
        const early = window.smacalcEarly;
        // No link's worker (none started, or none handed the query): nothing to wait for.
        if (!early || early.link < 0 || early.replies.length > 0) resolve();
        else setTimeout(check, 10);
      };
      check();
    }).then(() => instantiate.apply(WebAssembly, args));
  };
})()`

// TestShareLinkStartsInItsWorker: a cold share link's first chunk is
// simulated by its worker from the address's query, without waiting for
// the page's Go program (wasm/simworker link.go), and the page's run
// adopts it (wasm/simclient early.go): the page never sends the link's
// first paths, the worker got the query with the Module, and the complete
// answer is the native engine's to the cent. Also when the worker's chunk
// came before the page's program ran (its instantiation held back: the
// chunk is kept by static/app-module.js and read then). A second visit,
// whose result this browser stored, starts no simulation at all, in the
// worker either.
func TestShareLinkStartsInItsWorker(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	// In canonical form, as the calculator's share links are: its stored
	// result is found under it. (For a link in another form the worker
	// simulates a first chunk that the page, finding the stored result
	// under the canonical form, leaves unused.)
	want, query := nativeResult(t, "amount=650000&horizon=8&"+smallQuery)
	for _, c := range []struct {
		name string
		hold bool // the page's instantiation held back until the worker's chunk has come
	}{
		{"page first", false},
		{"worker first", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := browser(t, 1280, 900)
			var sent struct {
				Links []string
				Runs  [][2]int
			}
			var adopted, early bool
			var median string
			visit := chromedp.Tasks{
				chromedp.Navigate(srv.URL + "/?" + query),
				waitVisible(appReady),
				waitSimulated(),
				chromedp.AttributeValue(`#hl-median`, "data-value", &median, nil),
				chromedp.Evaluate(`window.__linkStart`, &sent),
				chromedp.Evaluate(`performance.getEntriesByName("smacalc:link-adopted", "mark").length > 0`, &adopted),
				chromedp.Evaluate(`performance.getEntriesByName("smacalc:link-early-reply", "mark").length > 0`, &early),
			}
			err := chromedp.Run(ctx,
				chromedp.ActionFunc(func(ctx context.Context) error {
					if _, err := page.AddScriptToEvaluateOnNewDocument(linkStartProbe).Do(ctx); err != nil {
						return err
					}
					_, err := page.AddScriptToEvaluateOnNewDocument(`window.__holdPage = ` + strconv.FormatBool(c.hold)).Do(ctx)
					return err
				}),
				visit,
			)
			if err != nil {
				t.Fatal(err)
			}
			if len(sent.Links) != 1 || sent.Links[0] != query {
				t.Errorf("the link's query handed to workers with the Module: %q, want it once", sent.Links)
			}
			if !adopted {
				t.Errorf("the page's run did not adopt the worker's first chunk (no smacalc:link-adopted mark)")
			}
			if c.hold && !early {
				t.Errorf("the worker's chunk, come before the page's program, was not read from smacalcEarly.replies (no smacalc:link-early-reply mark)")
			}
			for _, r := range sent.Runs {
				if r[0] == 0 {
					t.Errorf("the page sent the link's first paths again (run chunk %v; chunks sent: %v)", r, sent.Runs)
				}
			}
			if len(sent.Runs) == 0 {
				t.Errorf("no chunk sent after the worker's first: the run's other paths are the page's to hand out")
			}
			if median != want.Difference.P50.String() {
				t.Errorf("the complete answer has the median difference %s, native %s", median, want.Difference.P50)
			}

			// Again in this tab, once the result is stored
			// (wasm/simclient, results.go: when the page is idle):
			// nothing is simulated.
			// (Polled: storing changes nothing waitUntil's observer sees.)
			stored := chromedp.Poll(`localStorage.getItem("smacalc:result:" + `+jsString(query)+`) !== null`, nil,
				chromedp.WithPollingTimeout(simulationTimeout))
			if err := chromedp.Run(ctx, stored, visit); err != nil {
				t.Fatal(err)
			}
			if len(sent.Links) != 0 || len(sent.Runs) != 0 {
				t.Errorf("a link whose result was stored was simulated again: link handed %q, chunks %v", sent.Links, sent.Runs)
			}
			if median != want.Difference.P50.String() {
				t.Errorf("the stored answer has the median difference %s, native %s", median, want.Difference.P50)
			}
		})
	}
}
