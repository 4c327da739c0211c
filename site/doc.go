//go:build !wasm

// Package site writes the calculator as a static website and serves it. It is
// native-only: keeping net/http and go-app's Handler out of the WASM halves the
// WASM's size (see ARCHITECTURE.md).
//
// One code path: `smacalc serve` serves exactly the files `smacalc build`
// writes, so what is tested locally is what a static host will serve.
package site
