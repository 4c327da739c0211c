// Runs in the head, before the body is parsed, so the first paint is right.
//
// The page is prerendered with the start scenario's answer (computed
// natively when the site was built; app/store.PrerenderedEnv). The same HTML
// answers every address, share links included (static hosts and the
// service worker ignore the query), so a link of another scenario must not
// show that answer before the WASM has replaced it with the link's own:
// "smacalc-link" on the root element hides it (smacalc.css, "First paint").
// The meta smacalc-prerendered holds the prerendered result's canonical
// query; the address's query is compared with it as text (a link that is
// not in canonical form is treated as another scenario: hidden a moment
// longer, never wrong).
//
// A link of another scenario also starts its simulation workers at once
// (smacalcStartLink, static/app-module.js).
//
// "smacalc-js" says scripts run, so go-app's loading line is shown (it is
// only removed by script).
(() => {
  const root = document.documentElement;
  root.classList.add("smacalc-js");
  const meta = document.querySelector('meta[name="smacalc-prerendered"]');
  const query = location.search.replace(/^\?/, "");
  if (query !== "" && (!meta || meta.content === "" || query !== meta.content)) {
    root.classList.add("smacalc-link");
    // Its answer is simulated: its workers start now, not once the UI is
    // up (static/app-module.js).
    if (typeof globalThis.smacalcStartLink === "function") {
      globalThis.smacalcStartLink();
    }
  }
})();
