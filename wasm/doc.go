// Package wasm holds the code that talks to the browser's JavaScript runtime
// directly: the simulation Web Worker (wasm/worker, its own small WASM) and
// the page's client for it (wasm/simclient).
package wasm
