// Command smacalc is the SMA-versus-fund after-tax calculator.
//
// One program, built twice (the go-app way): for GOOS=js GOARCH=wasm it is the
// user interface running in the browser; natively it is the smacalc command
// (serve, build, simulate, tax). See README.md.
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "smacalc/app"
)

func main() {
	ui.Routes()
	app.RunWhenOnBrowser() // returns at once when not in a browser
	os.Exit(command(os.Args[1:]))
}
