package csscolor

import (
	"regexp"
	"testing"
)

// Hex replaced a regexp that app/brand compiled at start-up: it must
// accept exactly what that regexp did.
func TestHex(t *testing.T) {
	was := regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
	for _, c := range []string{
		"#1f3a5f", "#FFF", "#abc", "#A0b1C2", "#000000",
		"", "#", "#ab", "#abcd", "#abcde", "#abcdef0", "1f3a5f", "#1f3a5g", "#gggggg",
		"red", "red;background:url(x)", "#fff ", " #fff", "#fff\n", "#ｆｆｆ", "#é1f3a", "##fff",
	} {
		if got, want := Hex(c), was.MatchString(c); got != want {
			t.Errorf("Hex(%q) = %v, the regexp says %v", c, got, want)
		}
	}
}

func FuzzHex(f *testing.F) {
	was := regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
	for _, c := range []string{"#1f3a5f", "#fff", "#ｆｆｆ", "red"} {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, c string) {
		if got, want := Hex(c), was.MatchString(c); got != want {
			t.Errorf("Hex(%q) = %v, the regexp says %v", c, got, want)
		}
	})
}
