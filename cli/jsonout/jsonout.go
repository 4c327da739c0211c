// Package jsonout is how the smacalc commands print their results
// (`smacalc simulate`, `map`, `tax`): one JSON value, indented. A package
// of its own so that the commands in packages of their own (cli/taxcmd)
// print as the others do.
package jsonout

import (
	"encoding/json"
	"io"
)

// Write prints v indented, without escaping &, < and >: the output is
// read by people and scripts, never embedded in HTML, and the scenario's
// query string should read as typed ("amount=1&horizon=10", not \u0026).
func Write(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
