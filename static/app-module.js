// Compiles app.wasm from the head, in a worker, and keeps the Module for
// go-app's loader and the simulation workers.
//
// The simulation Web Workers run the same WASM as the page (see
// wasm/simworker). The page compiles app.wasm once and hands the compiled
// WebAssembly.Module to its workers (globalThis.smacalcModule): no second
// download, no second compilation.
//
// The compilation starts here, while the head is parsed, in a dedicated
// worker (static/compile-worker.js), rather than in go-app's app.js, a
// deferred script that runs once the whole page is parsed and pumps the
// download through a script stream on the page's thread. A trace of a cold
// visit (docs/ARCHITECTURE.md "Round 6: the cold share link and the phone's
// first paint") showed app.wasm downloaded a second before app.js began to
// compile it, and the page's thread busy receiving its 13 MB body before
// the prerendered answer's first paint. go-app's loader is then given the
// worker's Module: its fetch() of app.wasm gets a stand-in response that
// only carries the download's progress (for its loading line), and its
// WebAssembly.instantiateStreaming instantiates the Module. Where the worker
// cannot compile (its script missing, a failed download, a browser without
// compileStreaming), go-app's own download and compilation run as before. This script must run before app.js, which is
// why it is a classic (blocking) script in the head while app.js is
// deferred.
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
  const script = document.currentScript.src; // sim-worker.js and app.wasm are next to it
  const wasmURL = new URL("app.wasm", script).href;
  let moduleReady;
  const compiled = new Promise((resolve) => { moduleReady = resolve; });
  const keep = (module) => {
    if (module && !globalThis.smacalcModule) {
      globalThis.smacalcModule = module;
      moduleReady(module);
      // For e2e TestColdLinkSteps: when the Module was ready.
      if (performance.mark) performance.mark("smacalc:wasm-compiled");
    }
  };
  const real = {
    fetch: globalThis.fetch,
    instantiate: WebAssembly.instantiate,
    instantiateStreaming: WebAssembly.instantiateStreaming,
  };
  // go-app's loader does not load the WASM for these (app.js,
  // goappCanLoadWebAssembly): nothing to compile.
  const loads = !/bot|googlebot|crawler|spider|robot|crawling/i.test(navigator.userAgent) &&
    new URLSearchParams(location.search).get("wasm") !== "false";

  // early is the worker's compilation: module is kept with the Module, or
  // null when the worker could not compile (go-app's loader then does).
  let early = null;
  if (loads && typeof Worker === "function" && typeof WebAssembly === "object" &&
    typeof WebAssembly.compileStreaming === "function" && typeof real.instantiateStreaming === "function" &&
    typeof real.fetch === "function") {
    early = { loaded: 0, progress: null, handed: false, used: false, failed: false };
    let settle;
    early.module = new Promise((resolve) => { settle = resolve; });
    const done = (module) => {
      early.failed = !module;
      settle(module);
      if (early.progress) early.progress.close();
      early.progress = null;
    };
    try {
      const worker = new Worker(new URL("compile-worker.js", script).href);
      worker.onmessage = (event) => {
        const msg = event.data;
        if (msg.type === "progress") {
          feed(msg.loaded);
        } else if (msg.type === "module") {
          worker.terminate();
          // For e2e TestColdLinkSteps (cold_link_wasm_ms): the worker's
          // download is not in the page's Resource Timing.
          if (msg.fetched > 0 && performance.mark) {
            performance.mark("smacalc:wasm-fetched", {
              startTime: msg.fetched - performance.timeOrigin,
              detail: { url: wasmURL, size: msg.size },
            });
          }
          keep(msg.module);
          done(msg.module);
        } else {
          worker.terminate();
          done(null);
        }
      };
      worker.onerror = () => {
        worker.terminate();
        done(null);
      };
    } catch {
      done(null);
    }
  }

  // The stand-in body go-app's loader reads for its progress: zeros, as
  // many as the worker has downloaded (go-app only counts them). One
  // buffer, enqueued as views.
  const zeros = new Uint8Array(1 << 16);
  const feed = (loaded) => {
    const c = early.progress;
    if (!c) {
      early.loaded = Math.max(early.loaded, loaded);
      return;
    }
    for (let n = loaded - early.loaded; n > 0; n -= zeros.length) {
      c.enqueue(zeros.subarray(0, Math.min(n, zeros.length)));
    }
    early.loaded = Math.max(early.loaded, loaded);
  };
  const wasmRequest = (input) => {
    try {
      return new URL(typeof input === "string" ? input : input.url, location.href).href === wasmURL;
    } catch {
      return false;
    }
  };
  if (early) {
    // go-app's loader fetches app.wasm once: that fetch gets the stand-in
    // while the worker compiles (once it has failed, the real download).
    globalThis.fetch = function (input, init) {
      if (early.handed || early.failed || !wasmRequest(input)) {
        return real.fetch.call(globalThis, input, init);
      }
      early.handed = true;
      globalThis.fetch = real.fetch;
      const sent = early.loaded;
      early.loaded = 0;
      const body = new ReadableStream({
        start(c) {
          early.progress = c;
          feed(sent);
        },
      });
      // Settled already (a fast worker): nothing more will come.
      early.module.then(() => {
        if (early.progress) early.progress.close();
        early.progress = null;
      });
      return Promise.resolve(new Response(body, { headers: { "Content-Type": "application/wasm" } }));
    };
  }
  if (typeof real.instantiateStreaming === "function") {
  WebAssembly.instantiateStreaming = (source, imports) => {
      if (!early || !early.handed || early.used) {
        return real.instantiateStreaming.call(WebAssembly, source, imports).then((r) => (keep(r.module), r));
      }
      early.used = true;
      // go-app's stand-in response: read to its end (its loading line
      // counts it), then dropped.
      Promise.resolve(source).then((r) => r.body && r.body.pipeTo(new WritableStream())).catch(() => {});
      return early.module.then((module) => {
        if (module) {
          return real.instantiate.call(WebAssembly, module, imports).then((instance) => ({ module, instance }));
        }
        // The worker could not compile it: go-app's download, as before.
        return real.instantiateStreaming.call(WebAssembly, real.fetch.call(globalThis, wasmURL), imports)
          .then((r) => (keep(r.module), r));
      });
    };
  }
  // go-app's loader without instantiateStreaming downloads and calls this.
  WebAssembly.instantiate = (...args) =>
    real.instantiate.apply(WebAssembly, args).then((r) => {
      if (r && r.module) keep(r.module);
      return r;
    });

  // The service worker precaches the whole app when it installs: app.wasm
  // among the rest, 13 MB to decode and write to the cache. go-app's app.js
  // registers it as soon as it runs, which on a cold visit is when the
  // page compiles app.wasm, starts its Go program and its workers run the
  // first paths, all on the same 2 cores (docs/ARCHITECTURE.md "Round 6").
  // On a first visit the registration waits until the UI is up
  // (#smacalc[data-ready]), the first answer on screen: the app is
  // installed and works offline from the next visit on, as before. A page
  // whose WASM never starts registers after readyWait.
  const readyWait = 15000;
  let ready = null;
  // uiReady is kept once the UI is up (#smacalc[data-ready]), or after
  // readyWait.
  const uiReady = () => {
    if (!ready) {
      ready = new Promise((resolve) => {
        const start = performance.now();
        const check = () => {
          const page = document.getElementById("smacalc");
          if ((page && page.dataset.ready === "true") || performance.now() - start > readyWait) {
            clearInterval(timer);
            resolve();
          }
        };
        const timer = setInterval(check, 200);
        check();
      });
    }
    return ready;
  };
  // A page the service worker already controls registers at once: its
  // registration only checks for an update (a new version's install then
  // precaches; go-app offers the reload), which must not wait.
  const container = navigator.serviceWorker;
  if (loads && container && !container.controller && typeof container.register === "function") {
    const register = container.register;
    container.register = function (...args) {
      return uiReady().then(() => register.apply(container, args));
    };
  }
  // linkAnswerShown is kept once a share link's first answer is painted
  // (smacalcShowLinkAnswer, below).
  let answerShown;
  const linkAnswerShown = new Promise((resolve) => { answerShown = resolve; });

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
    // and message), for the pool to replace it; link: the index of the
    // worker that simulates the link's first chunk on its own (−1: none);
    // replies: what that worker sent before the pool took it over (the
    // chunk, when it was done before the page's Go program ran), for the
    // pool to read then.
    const early = globalThis.smacalcEarly = { workers: [], errors: [], link: -1, replies: [] };
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL("sim-worker.js", script).href);
      w.onerror = (event) => early.errors.push([i, "the simulation stopped unexpectedly: " + event.message]);
      w.onmessage = (event) => {
        // Before the pool takes the worker over: a failed start
        // (sim-worker.js), or the link's first chunk.
        const msg = event.data;
        if (msg && msg.type === "error" && msg.id < 0) {
          early.errors.push([i, msg.message]);
        } else if (i === early.link) {
          early.replies.push(msg);
        }
      };
      early.workers.push(w);
    }
    // The link's run uses hardwareConcurrency − 1 workers (wasm/simclient,
    // runLink): those start their Go runtimes with the page's. The others
    // join later runs only, so they start once the link's first answer is
    // painted (or the UI is up): on 2 cores a second worker's start-up
    // (its runtime, every package's initialisation, V8 compiling their
    // functions) took CPU from the page's and the running worker's, which
    // the first answer waits for (docs/ARCHITECTURE.md "Round 6"). A
    // request sent to it meanwhile waits in its queue (sim-worker.js).
    // The pool takes a run's workers from the end of its idle list, which
    // starts as this list (wasm/simclient, Pool.worker and adoptEarly): the last
    // ones run the link.
    const running = Math.max(1, Math.min(size, (navigator.hardwareConcurrency | 0) - 1));
    // The link's first worker, the one the pool takes first, simulates the
    // link's first chunk as soon as its Go program runs (sim-worker.js,
    // wasm/simworker link.go), without waiting for the page's Go program
    // to start and send the run: the page's run adopts that chunk
    // (wasm/simclient, early.go). Not for a link whose result this browser
    // stored in an earlier visit (wasm/simclient, results.go: under its
    // canonical query, which a shared link is): the page shows it without
    // a simulation. early.link is that worker's index, set once the
    // Module is compiled (the storage is read then, not while the page is
    // parsed), before the page's Go program reads it.
    const query = location.search.replace(/^\?/, "");
    // A request the pool sends to one of the others before then starts it
    // at once (its postMessage is wrapped until it has started).
    compiled.then((module) => {
      let stored = false;
      try {
        stored = localStorage.getItem("smacalc:result:" + query) !== null;
      } catch {
        // No storage: nothing stored either.
      }
      early.link = stored ? -1 : size - 1;
      early.workers.slice(size - running).forEach((w, i) => w.postMessage(
        size - running + i === early.link ? { type: "init", module, link: query } : { type: "init", module }));
      for (const w of early.workers.slice(0, size - running)) {
        const post = w.postMessage;
        let started = false;
        const start = () => {
          if (!started) {
            started = true;
            delete w.postMessage;
            post.call(w, { type: "init", module });
          }
        };
        w.postMessage = (...args) => {
          start();
          return post.apply(w, args);
        };
        Promise.race([linkAnswerShown, uiReady()]).then(start);
      }
    });
  };

  // smacalcShowLinkAnswer shows a share link's first answer before the UI
  // is up: html is the calculator's headline for it, rendered by the
  // page's Go program once the workers have the answer and before it
  // starts the UI (main_wasm.go, showLinkAnswer). It replaces the
  // prerendered headline (the start scenario's, hidden for a link by
  // first-paint.js), and data-link-answer makes it visible in the still
  // hidden calculator (smacalc.css, "First paint").
  //
  // The UI then mounts: go-app replaces the prerendered page's nodes with
  // its own in one task, and its first frame (data-ready="true", the
  // same answer: the UI takes the run over with the same update) follows
  // in another. Between the two the UI's calculator is hidden, so the
  // answer would blink out for a frame; from the mount's task to that
  // frame, this answer is kept on screen where the UI's headline is (or,
  // while the UI has none, where it was drawn), as a copy without ids (the
  // UI's are the page's), and removed in the task that shows the UI's own
  // answer (a MutationObserver's callback runs before the browser paints).
  // A link whose run ended before the UI took it over gets its answer a
  // render after the UI's first: the UI does not show the start
  // scenario's prerendered answer for a link (app/calculator.go, OnInit).
  //
  // It returns a promise kept once the answer has been painted (the task
  // after the next animation frame), for the Go program to start the UI
  // only then: the mount that follows keeps the thread busy, and the
  // browser does not paint in the middle of a task. A page in a
  // background tab gets no animation frames, so it waits 100 ms at most.
  const booleanProperties = new Set(["async", "autofocus", "autoplay", "checked", "default", "defer", "disabled",
    "hidden", "loop", "multiple", "muted", "open", "required", "reversed", "selected"]);
  globalThis.smacalcShowLinkAnswer = (html) => {
    const painted = new Promise((resolve) => {
      requestAnimationFrame(() => setTimeout(resolve, 0));
      setTimeout(resolve, 100);
    });
    painted.then(answerShown);
    const prerendered = document.getElementById("headline");
    const holder = document.createElement("div");
    holder.innerHTML = html;
    const shown = holder.firstElementChild;
    if (!prerendered || !shown || !document.body) {
      return painted;
    }
    // go-app's encoder writes an attribute whose value is "true" bare
    // (data-provisional, aria-busy), where its mount sets the text "true":
    // the same attributes as the UI's nodes, but for the boolean ones it
    // sets as properties (attribute.go, setJSAttribute), which read "".
    for (const e of [shown, ...shown.querySelectorAll("*")]) {
      for (const a of e.attributes) {
        if (a.value === "" && !booleanProperties.has(a.name)) a.value = "true";
      }
    }
    shown.dataset.linkAnswer = "";
    prerendered.replaceWith(shown);
    let copy = null;
    // Where the answer is once painted: the UI's first render may have no
    // headline to put the copy on (a link's answer comes a render after
    // the mount when its run ended before the UI took it over).
    let at = null;
    painted.then(() => { if (shown.isConnected) at = shown.getBoundingClientRect(); });
    const handover = new MutationObserver(() => {
      const page = document.getElementById("smacalc");
      if (page && page.dataset.ready === "true" && (document.getElementById("hl-median") || document.getElementById("run-error"))) {
        handover.disconnect();
        if (copy) copy.remove();
        return;
      }
      if (copy || shown.isConnected) {
        return;
      }
      const uis = document.getElementById("headline");
      const place = uis && uis.getBoundingClientRect().width > 0 ? uis.getBoundingClientRect() : at;
      if (!place) {
        return;
      }
      for (const e of [shown, ...shown.querySelectorAll("[id]")]) {
        e.removeAttribute("id");
      }
      copy = document.createElement("div");
      copy.className = "smacalc-handover";
      copy.setAttribute("aria-hidden", "true");
      copy.inert = true;
      copy.style.left = place.left + scrollX + "px";
      copy.style.top = place.top + scrollY + "px";
      copy.style.width = place.width + "px";
      copy.append(shown);
      document.body.append(copy);
    });
    handover.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-ready"] });
    return painted;
  };
})();
