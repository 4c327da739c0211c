//go:build wasm

package main

import (
	ui "smacalc/app"
	"smacalc/app/advisor"
	"smacalc/wasm/simclient"
	"smacalc/wasm/simworker"
)

// runInBrowser starts the UI, or, when this same WASM runs in a simulation
// Web Worker (the page hands its compiled module to its workers), the
// worker's request loop. The UI is given its simulator, a pool of those
// workers, and the reader of the scenarios saved in this browser, which it
// shares with the pool's result cache: local storage is one per origin, so
// one reader per page.
func runInBrowser() {
	if simworker.InWorker() {
		simworker.Serve()
	}
	saved := &advisor.SavedStore{}
	ui.Start(simclient.New(saved), saved)
}

// command is never reached in the browser: app.RunWhenOnBrowser and
// simworker.Serve do not return there.
func command([]string) int { return 0 }
