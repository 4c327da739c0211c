//go:build !wasm

package site

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"smacalc/site/markup"
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
		if err := os.WriteFile(page, []byte(withPolicy(markup.WithoutIndentation(canonicalHTML(string(b))))), 0o644); err != nil {
			return err
		}
	}
	return nil
}
