// Package app is the calculator's user interface: go-app components, one per
// file, and the single place where routes and the go-app Handler's settings
// live, so the page prerendered by the server or the static build and the
// page the WASM mounts in the browser never drift apart.
package app
