package calc

import "fmt"

// MaxResultDepth is the deepest nesting of arrays and objects in a Result's
// JSON, with room: a stored result wraps it once more (result → ledger →
// sma → row → amount is 5 levels).
const MaxResultDepth = 16

// CheckJSONDepth refuses JSON nested deeper than max arrays and objects,
// scanning the bytes without decoding them. Untrusted JSON (a stored
// result, an imported file) is checked before it reaches a decoder: Go's
// encoding/json recurses once per level, and in the browser 5,000 nested
// "[" exhaust the WebAssembly stack ("RangeError: Maximum call stack size
// exceeded"), which no error value catches and which then fails every
// page load that reads the value. The scan itself does not recurse.
// The browser's stored results (wasm/simclient) and the advisors' saved
// scenarios (app/advisor) both use it.
func CheckJSONDepth(data []byte, max int) error {
	depth, inString, escaped := 0, false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > max {
				return fmt.Errorf("nested more than %d levels deep", max)
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return nil
}
