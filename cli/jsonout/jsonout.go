//go:build !wasm

package cli

import (
	"encoding/json"
	"io"
)

// writeJSON prints v indented, without escaping &, < and >: the output is
// read by people and scripts, never embedded in HTML, and the scenario's
// query string should read as typed ("amount=1&horizon=10", not \u0026).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
