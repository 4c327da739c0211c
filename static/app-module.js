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
  const script = document.currentScript.src; // sim-worker.js is next to it
  let moduleReady;
  const compiled = new Promise((resolve) => { moduleReady = resolve; });
  const keep = (result) => {
    if (result && result.module && !globalThis.smacalcModule) {
      globalThis.smacalcModule = result.module;
      moduleReady(result.module);
    }
    return result;
  };
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const real = WebAssembly[name];
    if (typeof real === "function") {
      WebAssembly[name] = (...args) => real.apply(WebAssembly, args).then(keep);
    }
  }

  // smacalcStartLink starts a share link's simulation workers before the
  // page's Go program runs (static/first-paint.js calls it for a link whose
  // answer the page was not prerendered with). Measured on a cold visit,
  // the workers used to be created only once the page's Go program ran,
  // and the run waited for the UI to load, mount and ask for it: the steps
  // came one after the other (docs/ARCHITECTURE.md "Speed: a cold share
  // link"). Here the workers are created while the page is parsed and get
  // the Module the moment go-app's loader has compiled it, so that their
  // Go runtimes start with the page's. wasm/simclient (early.go) adopts
  // them as its pool when the page's program starts, and starts the link's
  // run at once, before the UI is up.
  globalThis.smacalcStartLink = () => {
    if (globalThis.smacalcEarly || typeof Worker !== "function" || typeof WebAssembly !== "object") {
      return;
    }
    // go-app's loader does not load the WASM for these (app.js,
    // goappCanLoadWebAssembly): the workers would wait for nothing.
    if (/bot|googlebot|crawler|spider|robot|crawling/i.test(navigator.userAgent) ||
      new URLSearchParams(location.search).get("wasm") === "false") {
      return;
    }
    // As many workers as the pool would start (wasm/simclient, New).
    const size = Math.min(Math.max(1, navigator.hardwareConcurrency | 0), 4);
    // errors: a worker that broke before the pool took it over (its index
    // and message), for the pool to replace it.
    const early = globalThis.smacalcEarly = { workers: [], errors: [] };
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL("sim-worker.js", script).href);
      w.onerror = (event) => early.errors.push([i, "the simulation stopped unexpectedly: " + event.message]);
      w.onmessage = (event) => {
        const msg = event.data; // before any run, only a failed start (sim-worker.js)
        if (msg && msg.type === "error") early.errors.push([i, msg.message]);
      };
      early.workers.push(w);
    }
    compiled.then((module) => {
      for (const w of early.workers) {
        w.postMessage({ type: "init", module });
      }
    });
  };
})();
