// Package minmax is Go's built-in min and max of two float64 values, the
// same results bit for bit, written so that the compiler inlines them on
// js/wasm.
//
// On js/wasm, Go 1.27 compiles a float min or max to a call of the
// runtime's fmin64 or fmax64: in a profile of the engine under V8
// (BenchmarkSimulateDefault, node --cpu-prof) those two calls took 2.9 % of
// the samples, from the harvest's and the sales' inner loops. A call costs
// more in Go's WebAssembly than the comparison it makes: every Go function
// there keeps its frame on a stack in linear memory and can be resumed
// after each call. On every other architecture the builtins are machine
// instructions, and Min and Max are the builtins.
package minmax
