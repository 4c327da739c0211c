//go:build !wasm

package site

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// go-app writes an element's attributes in Go map order, so two builds of the
// same code produce different HTML. Sorting the attributes of every start tag
// (their order means nothing in HTML) makes the build reproducible, which the
// content-hash version relies on: no change, no "new version" prompt.
var (
	startTag  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s="'<>/]+(?:="[^"]*")?)+)\s*>`)
	attribute = regexp.MustCompile(`[^\s="'<>/]+(?:="[^"]*")?`)
)

// go-app writes a boolean attribute set to false as name="false"
// (node.go, encodeHTMLAttribute), which HTML reads as present: every option
// of a choice selected (the browser shows the last), every checkbox checked,
// inputs disabled. In the browser go-app removes such an attribute; the
// prerendered page, now on screen before the WASM runs, must say the same.
// (Enumerated attributes such as spellcheck="false" and aria-* mean what
// they say and are kept.)
var booleanAttributes = map[string]bool{
	"allowfullscreen": true, "async": true, "autofocus": true, "autoplay": true, "checked": true,
	"controls": true, "default": true, "defer": true, "disabled": true, "formnovalidate": true,
	"hidden": true, "inert": true, "ismap": true, "itemscope": true, "loop": true, "multiple": true,
	"muted": true, "nomodule": true, "novalidate": true, "open": true, "playsinline": true,
	"readonly": true, "required": true, "reversed": true, "selected": true,
}

// The charts' SVG is written by the calculator itself (app/chart) in a
// fixed order and reaches the page as raw HTML: it is left as written, so
// the prerendered drawing is the very text the WASM renders.
var svgElement = regexp.MustCompile(`(?s)<svg\b.*?</svg>`)

func canonicalHTML(html string) string {
	sortAttributes := func(part string) string {
		return startTag.ReplaceAllStringFunc(part, func(tag string) string {
			m := startTag.FindStringSubmatch(tag)
			attrs := slices.DeleteFunc(attribute.FindAllString(m[2], -1), func(a string) bool {
				name, value, _ := strings.Cut(a, "=")
				return booleanAttributes[name] && value == `"false"`
			})
			sort.Strings(attrs)
			return "<" + m[1] + " " + strings.Join(attrs, " ") + ">"
		})
	}
	var b strings.Builder
	last := 0
	for _, m := range svgElement.FindAllStringIndex(html, -1) {
		b.WriteString(sortAttributes(html[last:m[0]]))
		b.WriteString(html[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(sortAttributes(html[last:]))
	return b.String()
}

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

func withoutIndentation(page string) string {
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

// withPolicy puts the Content-Security-Policy <meta> right after the charset,
// before any script or stylesheet, so that it governs all of them.
func withPolicy(html string) string {
	const charset = `<meta charset="UTF-8">`
	if i := strings.Index(html, charset); i >= 0 {
		i += len(charset)
		return html[:i] + "\n    " + metaPolicy + html[i:]
	}
	return html
}

// canonicalizePages rewrites every .html file under dir in canonical form,
// without go-app's indentation, with the Content-Security-Policy <meta>.
func canonicalizePages(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	for _, page := range pages {
		b, err := os.ReadFile(page)
		if err != nil {
			return err
		}
		if err := os.WriteFile(page, []byte(withPolicy(withoutIndentation(canonicalHTML(string(b))))), 0o644); err != nil {
			return err
		}
	}
	return nil
}
