//go:build !wasm

package site

import (
	"os"
	"path/filepath"
	"regexp"
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

func canonicalHTML(html string) string {
	return startTag.ReplaceAllStringFunc(html, func(tag string) string {
		m := startTag.FindStringSubmatch(tag)
		attrs := attribute.FindAllString(m[2], -1)
		sort.Strings(attrs)
		return "<" + m[1] + " " + strings.Join(attrs, " ") + ">"
	})
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
// with the Content-Security-Policy <meta>.
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
		if err := os.WriteFile(page, []byte(withPolicy(canonicalHTML(string(b)))), 0o644); err != nil {
			return err
		}
	}
	return nil
}
