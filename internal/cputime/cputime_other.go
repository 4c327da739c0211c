//go:build !unix

package cputime

// Process is not available here (WebAssembly, Windows): its callers
// report wall time only.
func Process() (int64, bool) { return 0, false }
