//go:build !wasm

package site

import (
	"strings"
	"testing"
)

// ValidBase accepts the root and plain path segments (with or without the
// slashes around them, which app.BasePath normalises) and refuses anything that could change an attribute
// or leave the path: the refusal names the base.
func TestValidBase(t *testing.T) {
	for _, ok := range []string{"", "/", " / ", "//a//", "tools", "/tools/sma-calculator/", "tools/sma-calc_1.0~x", "/A/b9/"} {
		if err := ValidBase(ok); err != nil {
			t.Errorf("ValidBase(%q) = %v, want nil", ok, err)
		}
	}
	for _, bad := range []string{"/a//b/", "/./", "/../", "/a/../b/", `/a"b/`, "/a b/", `/a\b/`, "/é/", "/a?b/", "/a#b/", "/a%20b/"} {
		err := ValidBase(bad)
		if err == nil || !strings.HasPrefix(err.Error(), "base ") {
			t.Errorf("ValidBase(%q) = %v, want an error naming the base", bad, err)
		}
	}
}
