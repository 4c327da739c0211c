package jsonout_test

import (
	"os"

	"smacalc/cli/jsonout"
)

// A scenario's query prints as typed: & is not escaped as \u0026.
func ExampleWrite() {
	jsonout.Write(os.Stdout, map[string]any{"query": "amount=1&horizon=10", "years": []int{1, 2}})
	// Output:
	// {
	//   "query": "amount=1&horizon=10",
	//   "years": [
	//     1,
	//     2
	//   ]
	// }
}
