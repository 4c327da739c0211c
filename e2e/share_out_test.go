package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestWorkerGivesUpAChunksEnd: a simulation worker (static/sim-worker.js)
// that the page tells to withdraw the end of a chunk it holds but has not
// started (wasm/simclient, balance.go) simulates only the chunk's start,
// and one told to withdraw a whole chunk drops it, when the message comes
// while it simulates the chunk before; a withdrawal that names a chunk it
// does not hold, or another run's, changes nothing. Each reply's paths are read from its binary form
// (wasm/wire: the scenario, the first path, the count).
func TestWorkerGivesUpAChunksEnd(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	var got string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		waitVisible(appReady),
		chromedp.Evaluate(`new Promise((resolve, reject) => {
  const w = `+newSimWorker+`;
  const uvarint = (b, at) => {
    let v = 0, shift = 0;
    for (;;) {
      const x = b[at.i++];
      v += (x & 0x7f) * 2 ** shift;
      if (x < 0x80) return v;
      shift += 7;
    }
  };
  const replies = [];
  w.onerror = (e) => reject(new Error("worker: " + e.message));
  w.onmessage = (e) => {
    const d = e.data;
    if (d.type === "error") { w.terminate(); reject(new Error(d.message)); return; }
    if (d.type !== "paths") return;
    const at = { i: 0 };
    const query = uvarint(d.bin, at); // the scenario's query's length
    at.i += query;
    const z = uvarint(d.bin, at);
    const first = z % 2 ? -(z + 1) / 2 : z / 2;
    replies.push(d.id + ":" + first + "+" + uvarint(d.bin, at));
    if (replies.length === 4) { w.terminate(); resolve(replies.join(" ")); }
  };
  w.postMessage({ type: "init", module: globalThis.smacalcModule });
  const run = (id, first, count) => w.postMessage({ type: "run", id, query: "", lots: "", first, count });
  run(7, 0, 40);
  run(7, 40, 20);
  run(7, 60, 10);
  run(7, 70, 4);
  run(8, 0, 6);
  // While the first chunk runs: the second keeps its first 4 paths, the
  // fourth is dropped; a chunk it does not hold, another run's, and a
  // larger count change nothing.
  setTimeout(() => {
    w.postMessage({ type: "withdraw", id: 7, first: 40, count: 4 });
    w.postMessage({ type: "withdraw", id: 7, first: 70, count: 0 });
    w.postMessage({ type: "withdraw", id: 7, first: 50, count: 2 });
    w.postMessage({ type: "withdraw", id: 9, first: 60, count: 2 });
    w.postMessage({ type: "withdraw", id: 7, first: 60, count: 12 });
  }, 20);
})`, &got, awaitPromise),
	); err != nil {
		t.Fatal(err)
	}
	if want := "7:0+40 7:40+4 7:60+10 8:0+6"; got != want {
		t.Errorf("the worker's replies (run:first+count): %s, want %s", got, want)
	}
}
