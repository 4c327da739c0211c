//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "smacalc/app"
	"smacalc/wasm/simclient"
)

// runInBrowser installs the Web Worker simulator and starts the UI.
func runInBrowser() {
	ui.SetSimulator(simclient.New())
	app.RunWhenOnBrowser()
}

// command is never reached in the browser: app.RunWhenOnBrowser does not
// return there.
func command([]string) int { return 0 }
