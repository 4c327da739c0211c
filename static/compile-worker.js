// A dedicated worker that downloads and compiles app.wasm for the page
// (static/app-module.js starts it from the head): the compiled
// WebAssembly.Module is posted back and shared with go-app's loader and the
// simulation workers, so the WASM is still downloaded and compiled once.
//
// Why a worker (docs/ARCHITECTURE.md "Round 6: the cold share link and the
// phone's first paint"): a trace of a cold visit showed the page's main
// thread busy receiving the 13 MB body of app.wasm (the head's preload, then
// go-app's loader pumping it through a script stream into
// instantiateStreaming), 0.4 CPU-s on a desktop and seconds on the phone
// profile, before the prerendered answer's first paint; and the streaming
// compile began only when go-app's deferred app.js ran, once the page was
// parsed, a second after the bytes had arrived. Here the body goes from the
// network to V8's streaming compiler on this thread while it arrives, and
// the page's thread only receives the finished Module.
//
// It starts as soon as it runs, with no message from the page: app.wasm is
// next to this script. (A message would wait for the page's thread, which
// is busy laying out the page while it is parsed: 0.5 s in one trace.)
//
// Messages to the page: {type: "progress", loaded} (decoded bytes so far,
// for go-app's loading line), then {type: "module", module, fetched} (the
// download's end on the page's clock, for e2e's cold_link_wasm_ms) or
// {type: "error", message}, after which the page compiles app.wasm the way
// go-app's loader does.
(async () => {
  const url = new URL("app.wasm", self.location.href).href;
  try {
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error("app.wasm: HTTP " + response.status);
    }
    report(response.clone()).catch(() => {}); // the compile reports a failed download
    // The response itself, not a stream built from it: V8 keeps its URL,
    // which its code cache needs on the next visit.
    const module = await WebAssembly.compileStreaming(response);
    const timing = performance.getEntriesByName(url, "resource");
    const fetched = timing.length ? performance.timeOrigin + timing[0].responseEnd : 0;
    // As transferred (brotli), for e2e's wasm_transfer_bytes.
    const size = timing.length ? Math.max(timing[0].encodedBodySize, timing[0].transferSize) : 0;
    self.postMessage({ type: "module", module, fetched, size });
  } catch (err) {
    self.postMessage({ type: "error", message: String(err) });
  }
})();

// report counts the body's bytes as they arrive (a copy of the response,
// read only for this) and tells the page every quarter megabyte or so: a
// few dozen messages for the 13 MB, each a tiny task on the page's thread.
async function report(copy) {
  const reader = copy.body.getReader();
  let loaded = 0;
  let told = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      self.postMessage({ type: "progress", loaded });
      return;
    }
    loaded += value.byteLength;
    if (loaded - told >= 1 << 18) {
      told = loaded;
      self.postMessage({ type: "progress", loaded });
    }
  }
}
