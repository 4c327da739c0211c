//go:build !wasm

package minmax

// Min is min(x, y).
func Min(x, y float64) float64 { return min(x, y) }

// Max is max(x, y).
func Max(x, y float64) float64 { return max(x, y) }
