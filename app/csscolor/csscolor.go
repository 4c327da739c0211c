// Package csscolor checks the colours a firm's brand may set (app/brand):
// only CSS hex colours, #rgb or #rrggbb, because a brand's colours are
// written into the page's style, and anything else there (a url(), a
// semicolon and another property) would be the firm's file styling the
// page beyond its colours.
//
// It is a package of its own, importing nothing, so that its fuzz target
// (FuzzHex) is built without app/brand's go-app: `go test -fuzz`
// instruments every package of its binary, and go-app with net/http below
// it would be compiled a second time in every fresh `make check`
// (docs/ARCHITECTURE.md, "Tests").
package csscolor

// Hex reports whether c is a CSS colour as #rgb or #rrggbb. A hand-written
// check rather than a regexp compiled when the package starts: every page
// and each of its simulation workers runs app/brand's initialisation
// before its first answer, and compiling that one regexp (with V8
// compiling the regexp package's functions on their first call) was a
// tenth of the page's start-up before a share link's run
// (docs/ARCHITECTURE.md "Round 6: the cold share link and the phone's
// first paint").
func Hex(c string) bool {
	if len(c) != 4 && len(c) != 7 || c[0] != '#' {
		return false
	}
	for _, r := range c[1:] {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F') {
			return false
		}
	}
	return true
}
