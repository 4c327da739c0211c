package calc

import (
	"strings"
	"testing"
)

// Nesting counts arrays and objects, not brackets inside strings (escaped
// quotes included), and a deep input is refused without recursing.
func TestCheckJSONDepth(t *testing.T) {
	for _, tc := range []struct {
		json string
		ok   bool
	}{
		{`{"a":[{"b":1}]}`, true},
		{`[[[[]]]]`, false},
		{`[[[]]]`, true},
		{`{"a":"[[[[[[[["}`, true},
		{`{"a":"\"[[[[[[["}`, true},
		{strings.Repeat("[", 5000), false},
	} {
		if err := CheckJSONDepth([]byte(tc.json), 3); (err == nil) != tc.ok {
			t.Errorf("CheckJSONDepth(%.40s) = %v", tc.json, err)
		}
	}
}
