package logo

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// tinySVG is the smallest logo a test needs (site's brand tests use the same).
const tinySVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#123"/></svg>`

const svgOpen = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`

// useBomb nests <use> levels deep, each level copying the one below
// `fanout` times: fanout^levels elements once expanded.
func useBomb(levels, fanout int) string {
	var b strings.Builder
	b.WriteString(svgOpen + `<defs><rect id="l0" width="1" height="1"/>`)
	for l := 1; l <= levels; l++ {
		fmt.Fprintf(&b, `<g id="l%d">`, l)
		for range fanout {
			fmt.Fprintf(&b, `<use href="#l%d"/>`, l-1)
		}
		b.WriteString(`</g>`)
	}
	fmt.Fprintf(&b, `</defs><use href="#l%d"/></svg>`, levels)
	return b.String()
}

// SVG logos are checked against an allow-list of elements, attributes and
// CSS; what the second probe got through is refused with a message naming
// the element, attribute or CSS at fault (issue 25, item 8).
func TestSVGLogoAllowList(t *testing.T) {
	for _, tc := range []struct{ name, svg, want string }{
		{"XHTML meta refresh", svgOpen + `<meta xmlns="http://www.w3.org/1999/xhtml" http-equiv="refresh" content="0;url=https://evil.example/"/></svg>`, "<meta>"},
		{"prefixed XHTML meta", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:meta http-equiv="refresh" content="0;url=https://evil.example/"/></svg>`, "namespace h"},
		{"use bomb", useBomb(9, 10), "which holds a <use> itself"},
		{"use of a duplicated id", svgOpen + `<defs><g id="l0"><rect/></g><g id="x"><use href="#l0"/><use href="#l0"/></g></defs><g><use href="#x"/></g><rect id="x"/></svg>`, "two elements of id"},
		{"use of a missing id", svgOpen + `<use href="#nowhere"/></svg>`, "#nowhere"},
		{"use of another file", svgOpen + `<use href="https://evil.example/x.svg#a"/></svg>`, "only to an element of the file"},
		{"use copies too many", svgOpen + `<defs><g id="big">` + strings.Repeat(`<rect/>`, 2000) + `</g></defs>` + strings.Repeat(`<use href="#big"/>`, 5) + `</svg>`, "copy more than"},
		{"@import", svgOpen + `<style>@import url(https://evil.example/x.css);</style></svg>`, `"@import"`},
		{"@import string", svgOpen + `<style>@import "https://evil.example/x.css";</style></svg>`, `"@import"`},
		{"@font-face", svgOpen + `<style>@font-face{font-family:x;src:url(https://evil.example/f.woff)}</style></svg>`, `"@font-face"`},
		{"fill url attribute", svgOpen + `<rect width="1" height="1" fill="url(https://evil.example/p.svg#x)"/></svg>`, "fill on <rect>"},
		{"mask url attribute", svgOpen + `<rect mask=" URL( 'https://evil.example/m.svg#m' )"/></svg>`, "mask on <rect>"},
		{"cursor property", svgOpen + `<rect style="cursor:url(https://evil.example/c.png),auto"/></svg>`, `"cursor"`},
		{"cursor attribute", svgOpen + `<rect cursor="url(https://evil.example/c.png)"/></svg>`, "cursor on <rect>"},
		{"url in a sheet", svgOpen + `<style>.a{fill:url(https://evil.example/p.svg#x)}</style></svg>`, "only url(#id)"},
		{"url split by a comment", svgOpen + `<style>.a{fill:u/**/rl(https://evil.example/p.svg#x)}</style></svg>`, "only url(#id)"},
		{"CSS escape", svgOpen + `<style>.a{fill:u\72l(https://evil.example/p.svg#x)}</style></svg>`, "escapes"},
		{"image-set", svgOpen + `<style>.a{fill:image-set("https://evil.example/a.png" 1x)}</style></svg>`, `"image-set("`},
		{"background", svgOpen + `<style>svg{background:red}</style></svg>`, `"background"`},
		{"nested block", svgOpen + `<style>.a{.b{fill:red}}</style></svg>`, "nested"},
		{"brace in a string", svgOpen + `<style>.a{font-family:"}"} .b{fill:url(https://evil.example/)}</style></svg>`, "string holding"},
		{"element in style", svgOpen + `<style><rect/></style></svg>`, "holds text only"},
		{"script", svgOpen + `<script>alert(1)</script></svg>`, "<script>"},
		{"foreignObject", svgOpen + `<foreignObject/></svg>`, "<foreignObject>"},
		{"link", svgOpen + `<a href="https://evil.example/"><rect/></a></svg>`, "<a>"},
		{"animation", svgOpen + `<set attributeName="fill" to="red"/></svg>`, "<set>"},
		{"filter image", svgOpen + `<filter><feImage href="https://evil.example/x.png"/></filter></svg>`, "<filter>"},
		{"pattern", svgOpen + `<pattern id="p"/></svg>`, "<pattern>"},
		{"event handler", svgOpen + `<rect onclick="alert(1)"/></svg>`, "onclick on <rect>"},
		{"xml:base", svgOpen + `<g xml:base="https://evil.example/"><rect/></g></svg>`, "xml:base"},
		{"editor namespace", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"/>`, "namespace inkscape"},
		{"SVG image", svgOpen + `<image href="data:image/svg+xml;base64,PHN2Zy8+"/></svg>`, "only embedded PNG"},
		{"external image", svgOpen + `<image xlink:href="https://evil.example/x.png"/></svg>`, "only embedded PNG"},
		{"href on a shape", svgOpen + `<rect href="#x"/></svg>`, "href on <rect>"},
		{"style type", svgOpen + `<style type="text/xsl">x</style></svg>`, "only text/css"},
		{"deep", svgOpen + strings.Repeat("<g>", 40) + strings.Repeat("</g>", 40) + `</svg>`, "deep"},
		{"many elements", svgOpen + strings.Repeat("<rect/>", maxSVGElements) + `</svg>`, "more than 10000 elements"},
		{"wrong root namespace", `<svg><rect/></svg>`, "not an SVG image"},
	} {
		err := checkSVG([]byte(tc.svg))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error mentioning %q", tc.name, err, tc.want)
		}
	}

	example, err := os.ReadFile("../../static/brand-logo.example.svg")
	if err != nil {
		t.Fatal(err)
	}
	for name, svg := range map[string]string{
		"example":  string(example),
		"tiny":     tinySVG,
		"in limit": svgOpen + strings.Repeat("<rect/>", maxSVGElements-1) + `</svg>`,
		// What a design tool writes (Illustrator's "SVG 1.1, presentation
		// via internal CSS"), with a gradient referring to another.
		"illustrator": `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" id="Layer_1" data-name="Layer 1" viewBox="0 0 200 50">` +
			`<defs><style>.cls-1{fill:#0b4f6c;}.cls-2{fill:url(#linear-gradient);} /* text */ .cls-3{font-family:'Helvetica Neue', Arial; font-size:12px; font-weight:700}</style>` +
			`<linearGradient id="linear-gradient" x1="0" y1="0" x2="1" y2="0" gradientUnits="userSpaceOnUse" gradientTransform="matrix(1 0 0 1 0 0)">` +
			`<stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="rgb(0, 0, 0)" stop-opacity=".5"/></linearGradient>` +
			`<linearGradient id="lg2" xlink:href="#linear-gradient"/><clipPath id="clip"><rect width="100" height="50"/></clipPath></defs>` +
			`<title>Acme</title><g clip-path="url(#clip)"><path class="cls-1" d="M0 0h10v10z"/>` +
			`<rect class="cls-2" width="10" height="10" transform="translate(5 5) rotate(45)" style="fill: url('#lg2'); stroke: hsl(10, 50%, 50%)"/>` +
			`<text class="cls-3" x="20" y="30" xml:space="preserve">Acme <tspan font-weight="bold">Wealth</tspan></text></g></svg>`,
		"use and image": svgOpen + `<defs><symbol id="mark" viewBox="0 0 1 1"><path d="M0 0h1v1z"/></symbol></defs>` +
			`<use href="#mark" x="1"/><use xlink:href="#mark" x="2"/>` +
			`<image width="4" height="4" href="data:image/png;base64,iVBORw0KGgo="/></svg>`,
	} {
		if err := checkSVG([]byte(svg)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// checkSVG never panics, however malformed its input (a logo file is
// the firm's, but it may come from anyone's design tool).
func FuzzCheckSVG(f *testing.F) {
	f.Add(tinySVG)
	f.Add(useBomb(2, 2))
	f.Add(svgOpen + `<style>.a{fill:url(#g)}</style><rect class="a" style="stroke:rgb(1,2,3)"/></svg>`)
	f.Fuzz(func(t *testing.T, svg string) {
		first := checkSVG([]byte(svg))
		if again := checkSVG([]byte(svg)); (first == nil) != (again == nil) {
			t.Errorf("checkSVG(%q) gave %v, then %v", svg, first, again)
		}
	})
}
