//go:build wasm

package main

import (
	ui "smacalc/app"
	"smacalc/wasm/simclient"
	"smacalc/wasm/simworker"
)

// runInBrowser starts the UI, or, when this same WASM runs in a simulation
// Web Worker (the page hands its compiled module to its workers), the
// worker's request loop. The UI is given its simulator: a pool of those
// workers.
func runInBrowser() {
	if simworker.InWorker() {
		simworker.Serve()
	}
	ui.Start(simclient.New())
}

// command is never reached in the browser: app.RunWhenOnBrowser and
// simworker.Serve do not return there.
func command([]string) int { return 0 }
