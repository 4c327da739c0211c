// Command smacalc is the SMA-versus-fund after-tax calculator.
//
// One program, built twice (the go-app way): for GOOS=js GOARCH=wasm it is the
// user interface running in the browser; natively it is the smacalc command
// (serve, build, simulate, tax). See README.md.
package main

import (
	"os"

	ui "smacalc/app"
)

func main() {
	runInBrowser() // never returns in the browser; does nothing natively
	ui.Routes()
	os.Exit(command(os.Args[1:]))
}
