package markup

import "testing"

// TestWithoutIndentation: the line breaks and spaces go-app's encoder adds
// between an element's children are removed, text and the whitespace of
// svg, pre, textarea, script and style kept.
func TestWithoutIndentation(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"inline elements", "<p>\n  In the \n  <span>median market</span>\n  : SMA\n</p>", "<p>In the <span>median market</span>: SMA</p>"},
		{"a text's own leading space", "<p>\n  <b>Tax alpha</b>\n   before the sale\n</p>", "<p><b>Tax alpha</b> before the sale</p>"},
		{"nested", "<div>\n  <p>\n    <b>a</b>\n    <i>b</i>\n  </p>\n</div>", "<div><p><b>a</b><i>b</i></p></div>"},
		{"svg", "<div>\n  <svg><text>\n  x</text></svg>\n</div>", "<div><svg><text>\n  x</text></svg></div>"},
		{"pre", "<div>\n  <pre>a\n    b</pre>\n</div>", "<div><pre>a\n    b</pre></div>"},
		{"void element, quoted >", "<div>\n  <img src=\"a>b\">\n  <p>x</p>\n</div>", "<div><img src=\"a>b\"><p>x</p></div>"},
		{"a text's own line break", "<div>\n  <p>a\nb</p>\n</div>", "<div><p>a\nb</p></div>"},
		{"doctype", "<!doctype html>\n<html>\n  <body></body>\n</html>", "<!doctype html><html><body></body></html>"},
		{"nothing to do", "<p>a</p>", "<p>a</p>"},
	} {
		if got := WithoutIndentation(c.in); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
