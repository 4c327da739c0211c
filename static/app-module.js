// Keeps the page's compiled app.wasm for the simulation workers.
//
// The simulation Web Workers run the same WASM as the page (see
// wasm/simworker). go-app's app.js compiles app.wasm with
// WebAssembly.instantiateStreaming (or WebAssembly.instantiate after a
// download, where streaming is missing) and keeps only the instance; this
// script, loaded before app.js, wraps both so the compiled Module is kept in
// globalThis.smacalcModule, and the page hands it to its workers: no second
// download, no second compilation. It must run before app.js, which is why it
// is a classic (blocking) script in the head while app.js is deferred.
(() => {
  const keep = (result) => {
    if (result && result.module && !globalThis.smacalcModule) {
      globalThis.smacalcModule = result.module;
    }
    return result;
  };
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const real = WebAssembly[name];
    if (typeof real === "function") {
      WebAssembly[name] = (...args) => real.apply(WebAssembly, args).then(keep);
    }
  }
})();
