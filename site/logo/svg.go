package logo

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// An SVG logo is checked against an allow-list: the elements and
// attributes a drawn logo needs, everything else refused by name. A
// deny-list let through what it did not know (issue 25, item 8): an XHTML
// <meta http-equiv="refresh"> inside the SVG redirected a browser opening
// the logo, nested <use> expanded 10⁹ times, and CSS loaded other sites'
// files (@import, url(https://…), cursor, @font-face). The logo is shown
// through <img>, where none of that runs, but the file is also served on
// its own, where it would.

// Namespaces an SVG logo may use.
const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
	xmlNS   = "http://www.w3.org/XML/1998/namespace"
)

// Bounds on an SVG logo's structure; a logo needs far fewer.
const (
	maxSVGElements = 10_000 // elements, counting those <use> copies
	maxSVGDepth    = 32
)

// svgElements are the elements a logo may use, with the attributes each
// may have beyond svgCommon and the presentation attributes (cssProperties).
// Left out on purpose: script, foreignObject, a (links), animation (which
// can change a link), filter (feImage loads URLs), pattern and marker
// (repeated drawing), switch, and every element of another namespace.
var svgElements = map[string][]string{
	"svg":            {"viewBox", "preserveAspectRatio", "version", "baseProfile", "x", "y", "width", "height"},
	"g":              nil,
	"defs":           nil,
	"title":          nil,
	"desc":           nil,
	"symbol":         {"viewBox", "preserveAspectRatio", "x", "y", "width", "height"},
	"use":            {"href", "x", "y", "width", "height"},
	"image":          {"href", "x", "y", "width", "height", "preserveAspectRatio"},
	"path":           {"d", "pathLength"},
	"rect":           {"x", "y", "width", "height", "rx", "ry", "pathLength"},
	"circle":         {"cx", "cy", "r", "pathLength"},
	"ellipse":        {"cx", "cy", "rx", "ry", "pathLength"},
	"line":           {"x1", "y1", "x2", "y2", "pathLength"},
	"polyline":       {"points", "pathLength"},
	"polygon":        {"points", "pathLength"},
	"text":           {"x", "y", "dx", "dy", "rotate", "textLength", "lengthAdjust"},
	"tspan":          {"x", "y", "dx", "dy", "rotate", "textLength", "lengthAdjust"},
	"linearGradient": {"href", "x1", "y1", "x2", "y2", "gradientUnits", "gradientTransform", "spreadMethod"},
	"radialGradient": {"href", "cx", "cy", "r", "fx", "fy", "fr", "gradientUnits", "gradientTransform", "spreadMethod"},
	"stop":           {"offset"},
	"clipPath":       {"clipPathUnits"},
	"mask":           {"x", "y", "width", "height", "maskUnits", "maskContentUnits"},
	"style":          {"type"},
}

// svgTextOnly are elements whose content is text, never elements.
var svgTextOnly = map[string]bool{"title": true, "desc": true, "style": true}

// svgCommon are the attributes any allowed element may have.
var svgCommon = []string{"id", "class", "style", "transform", "role", "focusable", "tabindex", "lang"}

// cssProperties are the CSS properties a logo's style may set, which are
// also its presentation attributes: paint, geometry of strokes, text and
// visibility. Left out: cursor, content, filter, marker, background and
// every other property that takes an image or a URL other than a paint
// server or a clip path of the file itself.
var cssProperties = map[string]bool{
	"fill": true, "fill-opacity": true, "fill-rule": true, "stroke": true, "stroke-width": true,
	"stroke-linecap": true, "stroke-linejoin": true, "stroke-miterlimit": true, "stroke-dasharray": true,
	"stroke-dashoffset": true, "stroke-opacity": true, "opacity": true, "color": true, "display": true,
	"visibility": true, "clip-path": true, "clip-rule": true, "mask": true, "mask-type": true, "font": true,
	"font-family": true, "font-size": true, "font-weight": true, "font-style": true, "font-variant": true,
	"font-stretch": true, "letter-spacing": true, "word-spacing": true, "text-anchor": true,
	"text-decoration": true, "dominant-baseline": true, "alignment-baseline": true, "baseline-shift": true,
	"stop-color": true, "stop-opacity": true, "isolation": true, "mix-blend-mode": true,
	"shape-rendering": true, "text-rendering": true, "color-rendering": true, "image-rendering": true,
	"color-interpolation": true, "vector-effect": true, "transform-origin": true, "transform-box": true,
	"paint-order": true, "white-space": true, "overflow": true, "enable-background": true,
}

// cssFunctions are the CSS functions a value may call: colours, the
// transforms, and url() of a fragment of the file (checked by cssValue).
var cssFunctions = map[string]bool{
	"url": true, "rgb": true, "rgba": true, "hsl": true, "hsla": true,
	"translate": true, "translatex": true, "translatey": true, "scale": true, "scalex": true, "scaley": true,
	"rotate": true, "matrix": true, "skew": true, "skewx": true, "skewy": true,
}

// svgNode is what the check keeps of an element with an id: how many
// elements a <use> of it copies, and whether it holds a <use>.
type svgNode struct {
	size   int
	hasUse bool
}

// checkSVG checks an SVG logo against the allow-list (svgElements,
// svgCommon, cssProperties): only SVG elements, a well-formed document
// with no document type, entity or processing instruction other than the
// XML declaration; links only to fragments of the file (#id) or embedded
// PNG, JPEG or WebP images; CSS without at-rules, escapes or URLs other
// than url(#id); a <use> only of an element holding no <use>, with every
// copy counted against maxSVGElements.
func checkSVG(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	type frame struct {
		name, id string
		size     int
		hasUse   bool
		text     strings.Builder
	}
	var stack []*frame
	ids := map[string]svgNode{}
	var uses []string // the ids <use> elements copy
	elements := 0
	seenRoot := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("not a well-formed SVG image: %v", err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			return errors.New("SVG with a document type or entity declaration")
		case xml.ProcInst:
			if t.Target != "xml" {
				return fmt.Errorf("SVG with a processing instruction <?%s", t.Target)
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		case xml.StartElement:
			name := t.Name.Local
			if !seenRoot && (name != "svg" || t.Name.Space != svgNS) {
				return errors.New(`not an SVG image (the root must be <svg xmlns="http://www.w3.org/2000/svg">)`)
			}
			seenRoot = true
			if t.Name.Space != svgNS {
				return fmt.Errorf("SVG with a <%s> element of namespace %q: a logo holds SVG elements only", name, t.Name.Space)
			}
			if _, ok := svgElements[name]; !ok {
				return fmt.Errorf("SVG with a <%s> element, which a logo may not use (allowed: shapes, paths, text, gradients, clip paths, masks, <use> and embedded PNG, JPEG or WebP images; export anything else as PNG)", name)
			}
			if len(stack) > 0 && svgTextOnly[stack[len(stack)-1].name] {
				return fmt.Errorf("SVG with a <%s> element inside <%s>, which holds text only", name, stack[len(stack)-1].name)
			}
			if elements++; elements > maxSVGElements {
				return fmt.Errorf("SVG with more than %d elements", maxSVGElements)
			}
			if len(stack) == maxSVGDepth {
				return fmt.Errorf("SVG nested more than %d elements deep", maxSVGDepth)
			}
			f := &frame{name: name, size: 1, hasUse: name == "use"}
			for _, a := range t.Attr {
				if a.Name.Space == "" && a.Name.Local == "id" {
					f.id = a.Value
				}
				href, err := checkSVGAttr(name, a)
				if err != nil {
					return err
				}
				if href != "" && name == "use" {
					uses = append(uses, href)
				}
			}
			stack = append(stack, f)
		case xml.EndElement:
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if f.name == "style" {
				if err := checkCSS(f.text.String(), true); err != nil {
					return fmt.Errorf("SVG <style>: %w", err)
				}
			}
			if f.id != "" {
				// A browser resolves #id to the first element with it:
				// with two, the check could count one and the browser
				// copy the other.
				if _, dup := ids[f.id]; dup {
					return fmt.Errorf("SVG with two elements of id %q", f.id)
				}
				ids[f.id] = svgNode{size: f.size, hasUse: f.hasUse}
			}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.size += f.size
				parent.hasUse = parent.hasUse || f.hasUse
			}
		}
	}
	if !seenRoot {
		return errors.New("not an SVG image")
	}
	// Each <use> copies its target once: with no <use> inside a target,
	// the copies add up instead of multiplying.
	copies := elements
	for _, id := range uses {
		target, ok := ids[id]
		switch {
		case !ok:
			return fmt.Errorf("SVG <use> of #%s, which is not an element of the file", id)
		case target.hasUse:
			return fmt.Errorf("SVG <use> of #%s, which holds a <use> itself (nested copies can multiply without bound)", id)
		}
		if copies += target.size; copies > maxSVGElements {
			return fmt.Errorf("SVG whose <use> elements copy more than %d elements", maxSVGElements)
		}
	}
	return nil
}

// checkSVGAttr checks one attribute of an allowed element. It returns the
// id an href refers to (for <use>), or "".
func checkSVGAttr(element string, a xml.Attr) (string, error) {
	name, value := a.Name.Local, a.Value
	switch a.Name.Space {
	case "xmlns": // xmlns:prefix="…"
		if name == "xlink" && value == xlinkNS {
			return "", nil
		}
		return "", fmt.Errorf("SVG declares the namespace %s (%q): a logo uses SVG and xlink only (save it as plain SVG)", name, value)
	case xmlNS:
		if name == "space" || name == "lang" {
			return "", nil
		}
		return "", fmt.Errorf("SVG attribute xml:%s on <%s> is not allowed in a logo", name, element)
	case xlinkNS:
		if name != "href" {
			return "", fmt.Errorf("SVG attribute xlink:%s on <%s> is not allowed in a logo", name, element)
		}
	case "":
	default:
		return "", fmt.Errorf("SVG attribute %s of namespace %q on <%s> is not allowed in a logo (save it as plain SVG)", name, a.Name.Space, element)
	}
	compact := strings.ToLower(strings.Join(strings.Fields(value), ""))
	switch {
	case name == "xmlns":
		if value != svgNS {
			return "", fmt.Errorf("SVG with the default namespace %q on <%s>: a logo holds SVG elements only", value, element)
		}
		return "", nil
	case name == "href":
		if !slices.Contains(svgElements[element], "href") {
			return "", fmt.Errorf("SVG attribute href on <%s> is not allowed in a logo", element)
		}
		if element == "image" {
			if !embeddedRaster(compact) {
				return "", fmt.Errorf("SVG <image> of %.40q: only embedded PNG, JPEG or WebP (data:image/png;base64,…)", value)
			}
			return "", nil
		}
		id, ok := strings.CutPrefix(strings.TrimSpace(value), "#")
		if !ok || id == "" {
			return "", fmt.Errorf("SVG <%s> links to %.40q: only to an element of the file (#id)", element, value)
		}
		return id, nil
	case name == "style":
		if err := checkCSS(value, false); err != nil {
			return "", fmt.Errorf("SVG style attribute on <%s>: %w", element, err)
		}
		return "", nil
	case cssProperties[name] || name == "transform" || name == "gradientTransform":
		if err := cssValue(value); err != nil {
			return "", fmt.Errorf("SVG attribute %s on <%s>: %w", name, element, err)
		}
		return "", nil
	case strings.Contains(compact, "url(") || strings.Contains(compact, "javascript:"):
		return "", fmt.Errorf("SVG attribute %s on <%s> holds a URL", name, element)
	case slices.Contains(svgCommon, name) || slices.Contains(svgElements[element], name) ||
		strings.HasPrefix(name, "aria-") || strings.HasPrefix(name, "data-"):
		if name == "type" && compact != "text/css" {
			return "", fmt.Errorf("SVG <style type=%q>: only text/css", value)
		}
		return "", nil
	}
	return "", fmt.Errorf("SVG attribute %s on <%s> is not allowed in a logo", name, element)
}

// embeddedRaster reports whether a (compacted, lower-case) link is a data:
// URL of a PNG, JPEG or WebP image.
func embeddedRaster(link string) bool {
	for _, kind := range []string{"png", "jpeg", "webp"} {
		if rest, ok := strings.CutPrefix(link, "data:image/"+kind); ok && (strings.HasPrefix(rest, ";") || strings.HasPrefix(rest, ",")) {
			return true
		}
	}
	return false
}

// checkCSS checks a style sheet (sheet: the text of <style>) or the
// declarations of a style attribute: no at-rule (@import, @font-face …),
// no escape (which could spell url or an at-rule in other characters),
// only cssProperties, and values calling only cssFunctions.
func checkCSS(css string, sheet bool) error {
	css, err := stripCSSComments(css)
	if err != nil {
		return err
	}
	if i := strings.IndexByte(css, '@'); i >= 0 {
		return fmt.Errorf("CSS at-rule %q is not allowed (no @import, @font-face or other at-rules)", "@"+cssIdent(css[i+1:]))
	}
	if !sheet {
		return cssDeclarations(css)
	}
	for rest := css; strings.TrimSpace(rest) != ""; {
		open := strings.IndexByte(rest, '{')
		end := strings.IndexByte(rest, '}')
		if open < 0 || end < open {
			return fmt.Errorf("CSS that is not rules (selector { declarations }): %.40q", strings.TrimSpace(rest))
		}
		if strings.ContainsAny(rest[:open], ";(") {
			return fmt.Errorf("CSS selector %.40q is not allowed", strings.TrimSpace(rest[:open]))
		}
		block := rest[open+1 : end]
		if strings.ContainsRune(block, '{') {
			return errors.New("nested CSS blocks are not allowed")
		}
		if err := cssDeclarations(block); err != nil {
			return err
		}
		rest = rest[end+1:]
	}
	return nil
}

// stripCSSComments removes /* comments */ and refuses what would make the
// text read differently to a browser than to this check: a backslash
// escape, an unterminated string or comment, and a string holding one of
// { } ; ( ) or a line break (which the structure below splits on).
func stripCSSComments(css string) (string, error) {
	var out strings.Builder
	var quote byte
	for i := 0; i < len(css); i++ {
		c := css[i]
		switch {
		case c == '\\':
			return "", errors.New("CSS escapes (\\) are not allowed")
		case quote != 0:
			if strings.IndexByte("{};()\n\r\f", c) >= 0 {
				return "", fmt.Errorf("CSS string holding %q is not allowed", c)
			}
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			end := strings.Index(css[i+2:], "*/")
			if end < 0 {
				return "", errors.New("unterminated CSS comment")
			}
			i += 2 + end + 1
			continue
		}
		out.WriteByte(c)
	}
	if quote != 0 {
		return "", errors.New("unterminated CSS string")
	}
	return out.String(), nil
}

// cssDeclarations checks "property: value; …".
func cssDeclarations(block string) error {
	for decl := range strings.SplitSeq(block, ";") {
		if strings.TrimSpace(decl) == "" {
			continue
		}
		prop, value, ok := strings.Cut(decl, ":")
		prop = strings.ToLower(strings.TrimSpace(prop))
		if !ok {
			return fmt.Errorf("CSS declaration %.40q has no value", strings.TrimSpace(decl))
		}
		if !cssProperties[prop] && prop != "transform" {
			return fmt.Errorf("CSS property %q is not allowed in a logo", prop)
		}
		if err := cssValue(value); err != nil {
			return fmt.Errorf("CSS %s: %w", prop, err)
		}
	}
	return nil
}

var (
	cssCall = regexp.MustCompile(`([A-Za-z0-9_-]*)\s*\(`)
	cssURL  = regexp.MustCompile(`(?i)^url\(\s*(?:"#[A-Za-z0-9_.:-]+"|'#[A-Za-z0-9_.:-]+'|#[A-Za-z0-9_.:-]+)\s*\)`)
)

// cssValue checks a CSS value, or a presentation attribute's: every
// function called is one of cssFunctions, and url() names a fragment of
// the file (url(#gradient)).
func cssValue(value string) error {
	for _, m := range cssCall.FindAllStringSubmatchIndex(value, -1) {
		fn := strings.ToLower(value[m[2]:m[3]])
		if !cssFunctions[fn] {
			return fmt.Errorf("the CSS function %q is not allowed in a logo", fn+"(")
		}
		if fn == "url" && !cssURL.MatchString(value[m[2]:]) {
			end := min(len(value), m[2]+60)
			return fmt.Errorf("%q: only url(#id), a fragment of the file", value[m[2]:end])
		}
	}
	if compact := strings.ToLower(value); strings.Contains(compact, "javascript:") || strings.Contains(compact, "expression") {
		return fmt.Errorf("%.40q is not allowed", value)
	}
	return nil
}

// cssIdent is the identifier at the start of s.
func cssIdent(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_')
	})
	if end < 0 {
		return s
	}
	return s[:end]
}
