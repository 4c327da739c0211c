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
