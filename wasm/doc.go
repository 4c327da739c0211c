// Package wasm holds the code that talks to the browser's JavaScript runtime
// directly: the simulation Web Worker's side (wasm/simworker, run by the
// page's own app.wasm in each worker) and the page's client for it
// (wasm/simclient).
package wasm
