//go:build !unix || wasm

package calc

// processCPU is not available here (WebAssembly): benchmarks report wall
// time only.
func processCPU() (int64, bool) { return 0, false }
