package advisor

import "fmt"

// checkJSONDepth refuses JSON nested deeper than max arrays and objects,
// scanning the bytes without decoding them. Untrusted JSON (imported files,
// local storage) is checked before it reaches a decoder: a decoder that
// recurses on 5,000 nested "[" exhausts the WebAssembly stack in the
// browser ("Maximum call stack size exceeded"), which no error value
// catches.
func checkJSONDepth(data []byte, max int) error {
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
