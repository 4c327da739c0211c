//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "smacalc/app"
	"smacalc/wasm/simclient"
	"smacalc/wasm/simworker"
)

// runInBrowser starts the UI, or, when this same WASM runs in a simulation
// Web Worker (the page hands its compiled module to its workers), the
// worker's request loop.
func runInBrowser() {
	if simworker.InWorker() {
		simworker.Serve()
	}
	ui.SetSimulator(simclient.New())
	app.RunWhenOnBrowser()
}

// command is never reached in the browser: app.RunWhenOnBrowser and
// simworker.Serve do not return there.
func command([]string) int { return 0 }
