//go:build !wasm

package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"smacalc/calc"
)

// Simulate runs the scenario given as a query string (the share link's
// query, e.g. 'amount=500000&horizon=20'; none for the defaults) and prints
// the result as indented JSON. A bad query prints every problem on stderr,
// nothing on stdout, and returns 2.
func Simulate(args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprintln(stderr, "usage: smacalc simulate ['QUERY']")
		return 2
	}
	query := ""
	if len(args) == 1 {
		query = args[0]
		if query == "-h" || query == "-help" || query == "--help" {
			fmt.Fprintf(stdout, "usage: smacalc simulate ['QUERY']\n\nkeys (see MODEL.md): %v\n", calc.Keys)
			return 0
		}
	}
	s, err := calc.Decode(query)
	if err != nil {
		var ve *calc.ValidationError
		if errors.As(err, &ve) {
			fmt.Fprintln(stderr, "smacalc simulate: invalid scenario:")
			for _, p := range ve.Problems {
				fmt.Fprintf(stderr, "  %s: %s\n", p.Key, p.Message)
			}
		} else {
			fmt.Fprintln(stderr, "smacalc simulate:", err)
		}
		return 2
	}
	r, err := calc.Simulate(context.Background(), s, nil)
	if err != nil {
		fmt.Fprintln(stderr, "smacalc simulate:", err)
		return 1
	}
	if err := writeJSON(stdout, r); err != nil {
		fmt.Fprintln(stderr, "smacalc simulate:", err)
		return 1
	}
	return 0
}
