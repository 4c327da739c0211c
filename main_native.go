//go:build !wasm

package main

import (
	"os"

	"smacalc/cli"
)

// runInBrowser does nothing natively: the UI only runs in the browser.
func runInBrowser() {}

// command runs the smacalc command line. It lives behind !wasm so the
// browser build does not link net/http, the server or the static builder.
func command(args []string) int {
	return cli.Main(args, os.Stdout, os.Stderr)
}
