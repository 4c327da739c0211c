// Package app is the calculator's user interface: go-app components, one per
// file, and the single place where routes and the go-app Handler's settings
// live, so the page prerendered by the server or the static build and the
// page the WASM mounts in the browser never drift apart.
//
// # Where things are
//
// The files are grouped by room, by the prefix of their name:
//
//	shell_*         the page around the calculator: Page, header, footer, update
//	                banner, install prompt, routes, the go-app Handler, brand
//	                (white label), embedding
//	form_*          the scenario form: field specs (form_fields.go), one input
//	                (form_field.go, form_text_field.go), the short and advanced
//	                forms, typed text ↔ scenario (form_values.go)
//	calculator*.go  the hub: the calculator component owns the scenario and
//	                the result, runs simulations through the Simulator
//	answer_*        the answer: headline, progress, charts, notices, the
//	                year-by-year ledger, the assumptions in plain words
//	advisor_*       tools for an advisor: saved scenarios, compare, presenter
//	                mode, exports, the printed report's cover and inputs
//	transparency_*  what the SMA holds and trades on the representative
//	                market, the stock-count sweep, the explainer
//	widget_*        small parts every room uses: number formatting, the
//	                sortable table, terms with their definitions, local
//	                storage that may be blocked or full, the browser
//	                helpers (download, file reading, keys, print, clipboard;
//	                *_js.go with no-op twins in widget_browser_other.go)
//
// Layers run one way: widget_ files use nothing else of the package; form_
// files use widgets; answer_, advisor_ and transparency_ files use form_
// (to word a scenario's inputs), widgets and the answer's wording
// (answer_headline_text.go) but not each other's components;
// calculator.go puts them together; shell_ files put the calculator on
// the page. Charts are drawn by package app/chart, which
// knows nothing of the calculator.
package app
