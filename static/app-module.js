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
//
// It also stands in for local storage where reading window.localStorage
// throws (a page embedded as a third-party frame when the browser blocks
// third-party site data): go-app reads it when it starts, and syscall/js
// cannot recover from an exception thrown by a property read, so the Go
// program would end before the first answer. The stand-in keeps nothing
// (setItem refuses) and says so with smacalcUnavailable, so the page runs
// without saved scenarios or stored results.
(() => {
  try {
    void globalThis.localStorage;
  } catch {
    const refuse = () => {
      throw new DOMException("storage is blocked for this page", "SecurityError");
    };
    Object.defineProperty(globalThis, "localStorage", {
      configurable: true,
      value: Object.freeze({
        smacalcUnavailable: true, length: 0,
        getItem: () => null, key: () => null, setItem: refuse, removeItem() {}, clear() {},
      }),
    });
  }
})();
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
