//go:build wasm

package main

// command is never reached in the browser: app.RunWhenOnBrowser does not
// return there.
func command([]string) int { return 0 }
