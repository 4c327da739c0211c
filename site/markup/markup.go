// Package markup takes go-app's indentation out of the HTML its encoder
// writes. Both the static build (site, the prerendered page) and the page
// itself (main_wasm.go, a share link's first answer drawn before the UI is
// up) put go-app's HTML in a page that the WASM UI later takes over without
// a visible change, so both need it as the UI renders it: with no text
// between elements that the UI's own nodes do not have. It has no
// dependencies beyond the standard library's strings, so the WASM carries
// it for a few hundred bytes.
package markup

import "strings"

// go-app's encoder indents the HTML it writes (node.go, encodeHTML: each
// child of an element with children that are not a single text goes on a
// line of its own, two spaces a level deeper, and the closing tag on a line
// at the element's own level). The browser keeps those line breaks and
// spaces as text, and between inline elements they show: "median market :
// SMA", where the page the WASM renders, which has no such text, shows
// "median market: SMA". The page is prerendered with the answer, which the
// WASM then takes over without a visible change, so the build takes the
// indentation out again: after a line break, exactly the spaces of the
// level (a text's own leading space, as in " before the final sale", is
// kept), outside the elements whose whitespace counts.
var keepWhitespace = map[string]bool{"svg": true, "pre": true, "textarea": true, "script": true, "style": true}

// voidElements have no closing tag (HTML, "void elements").
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// WithoutIndentation is page, HTML as go-app's encoder writes it (from the
// top level: a whole page, or app.HTMLString of one element), without the
// encoder's indentation.
func WithoutIndentation(page string) string {
	var b strings.Builder
	b.Grow(len(page))
	open, keep := 0, 0 // elements open here; of them, elements whose whitespace counts
	for i := 0; i < len(page); {
		if page[i] == '<' {
			end := tagEnd(page, i)
			tag := page[i:end]
			b.WriteString(tag)
			i = end
			name := strings.TrimPrefix(tag[1:], "/")
			if k := strings.IndexAny(name, " \t\n/>"); k >= 0 {
				name = name[:k]
			}
			name = strings.ToLower(name)
			switch {
			case strings.HasPrefix(tag, "</"):
				open--
				if keepWhitespace[name] {
					keep--
				}
			case strings.HasPrefix(tag, "<!") || strings.HasSuffix(tag, "/>") || voidElements[name]:
			default:
				open++
				if keepWhitespace[name] {
					keep++
				}
			}
			continue
		}
		end := strings.IndexByte(page[i:], '<')
		if end < 0 {
			end = len(page)
		} else {
			end += i
		}
		text := page[i:end]
		if keep == 0 {
			text = unindent(text, open, strings.HasPrefix(page[end:], "</"))
		}
		b.WriteString(text)
		i = end
	}
	return b.String()
}

// tagEnd is the index just after the tag that starts at page[i] ('<'),
// skipping '>' inside quoted attribute values.
func tagEnd(page string, i int) int {
	quoted := false
	for j := i + 1; j < len(page); j++ {
		switch page[j] {
		case '"':
			quoted = !quoted
		case '>':
			if !quoted {
				return j + 1
			}
		}
	}
	return len(page)
}

// unindent removes from text, written inside open elements, each line
// break with the indentation of its level: 2×open spaces before a child,
// 2×(open−1) before the closing tag that follows the text (closingNext).
func unindent(text string, open int, closingNext bool) string {
	if !strings.Contains(text, "\n") {
		return text
	}
	var b strings.Builder
	for {
		n := strings.IndexByte(text, '\n')
		if n < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:n])
		rest := text[n+1:]
		spaces := len(rest) - len(strings.TrimLeft(rest, " "))
		level := 2 * open
		if spaces == len(rest) && closingNext {
			level = 2 * (open - 1)
		}
		if spaces >= level && level >= 0 {
			text = rest[level:]
		} else {
			b.WriteByte('\n')
			text = rest
		}
	}
}
