//go:build !wasm

package site

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/net/html"
)

// writeBrand writes brand.json (and files next to it) in a new folder.
func writeBrand(t *testing.T, brand string, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "brand.json")
	if err := os.WriteFile(path, []byte(brand), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const tinySVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#123"/></svg>`

// Brand and base values that would break out of an attribute as go-app
// writes it (Go quoting: " becomes \", no escape in HTML) are refused,
// before anything is written (issue 16, findings 4 and 7).
func TestBrandRefusesMarkupInjection(t *testing.T) {
	for name, tc := range map[string]struct{ brand, want string }{
		"firm quote":        {`{"firm":"Acme\"><meta http-equiv=refresh content=0;url=/?pwned>"}`, "firm"},
		"app name quote":    {`{"firm":"A","app_name":"A\" onload=\"x"}`, "app_name"},
		"short name slash":  {`{"firm":"A","short_name":"A\\B"}`, "short_name"},
		"cta url quote":     {`{"firm":"A","call_to_action":{"text":"Go","url":"https://example.com/\"><meta http-equiv=refresh content=0>"}}`, "call_to_action.url"},
		"cta url space":     {`{"firm":"A","call_to_action":{"text":"Go","url":"https://example.com/a b"}}`, "call_to_action.url"},
		"firm NUL":          {`{"firm":"A\u0000B"}`, "control"},
		"firm bidi":         {`{"firm":"Acme \u202eevil"}`, "bidirectional"},
		"disclosure bidi":   {`{"firm":"A","disclosure":"x \u2066y"}`, "bidirectional"},
		"cta text control":  {`{"firm":"A","call_to_action":{"text":"G\u0007o","url":"https://example.com/"}}`, "control"},
		"duplicate key":     {`{"firm":"A","firm":"B"}`, "given twice"},
		"case variant key":  {`{"firm":"A","Firm":"B"}`, "lower case"},
		"case variant only": {`{"FIRM":"A"}`, "lower case"},
		"nested case":       {`{"firm":"A","call_to_action":{"Text":"Go","url":"https://example.com/"}}`, "lower case"},
		"deep":              {`{"firm":"A","colors":{"brand":[[[[[]]]]]}}`, "nested"},
		// Limits count characters: 80 "é" (160 bytes) pass, 81 do not.
		"length in characters": {`{"firm":"` + strings.Repeat("é", 81) + `"}`, "at most 80 characters"},
	} {
		path := writeBrand(t, tc.brand, nil)
		out := filepath.Join(t.TempDir(), "site")
		_, err := Build(BuildOptions{Out: out, WasmDir: fakeWasm(t, "x"), Brand: path})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error mentioning %q", name, err, tc.want)
		}
		if _, statErr := os.Stat(out); statErr == nil {
			t.Errorf("%s: the build wrote %s before refusing", name, out)
		}
	}
	if _, _, err := LoadBrand(writeBrand(t, `{"firm":"`+strings.Repeat("é", 80)+`"}`, nil)); err != nil {
		t.Errorf("80 two-byte characters refused: %v", err)
	}
	for _, base := range []string{`/a"><meta http-equiv=refresh content=0>/`, "/a b/", "/../x/", "/a/./b/", `/a\b/`, "/é/"} {
		if _, err := Build(BuildOptions{Out: filepath.Join(t.TempDir(), "site"), WasmDir: fakeWasm(t, "x"), Base: base}); err == nil || !strings.Contains(err.Error(), "base") {
			t.Errorf("base %q: %v", base, err)
		}
	}
}

// The built page, parsed as a browser would, carries hostile-looking but
// accepted brand text exactly, as text, and no other markup.
func TestBuiltHTMLCarriesBrandTextExactly(t *testing.T) {
	firm := `Smith & Jones <Wealth> 'Partners' — Zürich`
	path := writeBrand(t, `{"firm":"Smith & Jones <Wealth> 'Partners' — Zürich","app_name":"S&J <calc> 'x'",`+
		`"logo":"logo.svg","call_to_action":{"text":"<b>Talk</b>","url":"https://example.com/contact?a=1&b=2"}}`,
		map[string]string{"logo.svg": tinySVG})
	s, err := Build(BuildOptions{Out: filepath.Join(t.TempDir(), "site"), WasmDir: fakeWasm(t, "x"), Brand: path, Base: "/tools/sma-calc_1.0~x/"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(s.Dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var metas, httpEquiv, scripts int
	var author, title, alt string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			switch n.Data {
			case "meta":
				metas++
				if _, ok := attr["http-equiv"]; ok {
					httpEquiv++
					if attr["http-equiv"] != "Content-Security-Policy" {
						t.Errorf("unexpected <meta http-equiv=%q>", attr["http-equiv"])
					}
				}
				if attr["name"] == "author" {
					author = attr["content"]
				}
			case "title": // the page's, in the head: the prerendered charts' SVGs have titles too
				if title == "" && n.FirstChild != nil {
					title = n.FirstChild.Data
				}
			case "img":
				if strings.HasSuffix(attr["src"], "logo.svg") {
					alt = attr["alt"]
				}
			case "script":
				scripts++
				if src := attr["src"]; src != "" && !strings.HasPrefix(src, "/tools/sma-calc_1.0~x/") {
					t.Errorf("script from %q", src)
				}
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") || strings.Contains(a.Key, `"`) || strings.Contains(a.Key, "<") {
					t.Errorf("<%s> has an attribute %q", n.Data, a.Key)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if author != firm || title != `S&J <calc> 'x'` || alt != firm+" logo" {
		t.Errorf("author %q, title %q, logo alt %q; want the brand's text exactly", author, title, alt)
	}
	if httpEquiv != 1 || metas < 5 || scripts == 0 {
		t.Errorf("%d <meta>, %d http-equiv, %d scripts", metas, httpEquiv, scripts)
	}
}

// A logo must be an inert image and a regular file inside the brand's
// folder, checked before anything is written.
func TestBrandLogoChecks(t *testing.T) {
	brand := `{"firm":"A","logo":"logo.svg"}`
	for name, svg := range map[string]string{
		"script":        `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`,
		"event":         `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`,
		"javascript":    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><rect/></a></svg>`,
		"external":      `<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>`,
		"foreignObject": `<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`,
		"entity":        `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>`,
		"animate href":  `<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>`,
		"stylesheet":    `<?xml-stylesheet href="https://evil.example/x.css"?><svg xmlns="http://www.w3.org/2000/svg"/>`,
		"not svg":       `<html><script>alert(1)</script></html>`,
		"malformed":     `<svg xmlns="http://www.w3.org/2000/svg"><rect>`,
	} {
		if _, _, err := LoadBrand(writeBrand(t, brand, map[string]string{"logo.svg": svg})); err == nil {
			t.Errorf("%s: SVG accepted", name)
		}
	}
	if _, _, err := LoadBrand(writeBrand(t, `{"firm":"A","logo":"logo.png"}`, map[string]string{"logo.png": tinySVG})); err == nil {
		t.Error("an SVG named .png accepted")
	}

	outside := filepath.Join(t.TempDir(), "secret.svg")
	os.WriteFile(outside, []byte(tinySVG), 0o644)
	for name, setup := range map[string]func(dir string) error{
		"symlink out": func(dir string) error { return os.Symlink(outside, filepath.Join(dir, "logo.svg")) },
		"symlink in": func(dir string) error {
			os.WriteFile(filepath.Join(dir, "real.svg"), []byte(tinySVG), 0o644)
			return os.Symlink(filepath.Join(dir, "real.svg"), filepath.Join(dir, "logo.svg"))
		},
		"folder":  func(dir string) error { return os.Mkdir(filepath.Join(dir, "logo.svg"), 0o755) },
		"fifo":    func(dir string) error { return syscall.Mkfifo(filepath.Join(dir, "logo.svg"), 0o644) },
		"dir out": func(dir string) error { return os.Symlink(filepath.Dir(outside), filepath.Join(dir, "sub")) },
	} {
		path := writeBrand(t, brand, nil)
		if name == "dir out" {
			os.WriteFile(path, []byte(`{"firm":"A","logo":"sub/secret.svg"}`), 0o644)
		}
		if err := setup(filepath.Dir(path)); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "site")
		if _, err := Build(BuildOptions{Out: out, WasmDir: fakeWasm(t, "x"), Brand: path}); err == nil {
			t.Errorf("%s: logo accepted", name)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: the build wrote %s before refusing", name, out)
		}
	}
}

func TestValidFrameAncestorsRefusesWildcards(t *testing.T) {
	for _, bad := range []string{"https://*", "https://*.example.com", "http://*:*", "https://user@example.com",
		"https://example.com/path", "https://example.com?x", "https://", `https://a.example\`} {
		if err := ValidFrameAncestors(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	for _, ok := range []string{"https://example.com", "https://example.com/", "http://localhost:3000"} {
		if err := ValidFrameAncestors(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}

// A brand file given by a relative path, its logo beside it, loads as the
// same file given by an absolute path does (issue 25, item 13: "b.json"
// failed with "leads out of the brand file's folder", because its folder
// "." resolved to "." and the logo to "logo.svg", which has no "./" prefix).
func TestBrandRelativePath(t *testing.T) {
	path := writeBrand(t, `{"firm":"A","logo":"logo.svg"}`, map[string]string{"logo.svg": tinySVG})
	dir := filepath.Dir(path)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "brand.json"), []byte(`{"firm":"A","logo":"logo.svg"}`), 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "logo.svg"), []byte(tinySVG), 0o644)
	t.Chdir(dir)
	for _, rel := range []string{"brand.json", "./brand.json", "sub/brand.json", "sub/../brand.json"} {
		if _, _, err := LoadBrand(rel); err != nil {
			t.Errorf("%s: %v", rel, err)
		}
	}
	t.Chdir(filepath.Join(dir, "sub"))
	if _, _, err := LoadBrand("../brand.json"); err != nil {
		t.Errorf("../brand.json: %v", err)
	}
	// Still refused from a relative path: a logo that is a link out.
	outside := filepath.Join(t.TempDir(), "secret.svg")
	os.WriteFile(outside, []byte(tinySVG), 0o644)
	os.Remove("logo.svg")
	os.Symlink(outside, "logo.svg")
	if _, _, err := LoadBrand("brand.json"); err == nil {
		t.Error("a logo linking out of the folder accepted through a relative brand path")
	}
}

// Origins browsers would silently drop from frame-ancestors are refused
// with a message saying what to give instead (issue 25, item 12).
func TestValidFrameAncestorsRefusesInvalidOrigins(t *testing.T) {
	for _, tc := range []struct{ source, want string }{
		{"https://fírm.example", "https://xn--frm-rma.example"},
		{"https://fírm.example:8443", "https://xn--frm-rma.example:8443"},
		{"https://firm.example:99999", "1 to 65535"},
		{"https://firm.example:0", "1 to 65535"},
		{"https://firm.example:", "1 to 65535"},
		{"https://firm.example:+80", "1 to 65535"},
		{"https://firm.example:80a", "1 to 65535"},
		{"https://firm.example/embed", "path"},
		{"https://firm.example/?x", "path"},
		{"https://firm.example#x", "not an origin"},
		{"https://[::1]:8080", "not an origin"},
		{"https://firm..example", "empty label"},
		{"https://-firm.example", "'-'"},
		{"https://firm_x.example", "only letters"},
		{"https://firm%2eexample", "only letters"},
		{"https://" + strings.Repeat("a", 64) + ".example", "63"},
	} {
		err := ValidFrameAncestors("'self' " + tc.source)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "frame-ancestors") {
			t.Errorf("%q: %v, want an error mentioning %q", tc.source, err, tc.want)
		}
	}
	for _, ok := range []string{"https://xn--frm-rma.example", "https://firm.example:65535", "http://127.0.0.1:1", "https://a-b.example/"} {
		if err := ValidFrameAncestors(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}

// The punycode of the suggestion matches RFC 3492's encoder (values from
// Python's "punycode" codec and the RFC's sample).
func TestPunycode(t *testing.T) {
	for in, want := range map[string]string{"bücher": "bcher-kva", "münchen": "mnchen-3ya", "例え": "r8jz45g", "ü": "tda",
		"他们为什么不说中文": "ihqwcrb4cv8a8dqg056pqjye"} {
		if got := punycode(in); got != want {
			t.Errorf("punycode(%q) = %q, want %q", in, got, want)
		}
	}
	if got := punycodeHost("Fírm.Example"); got != "xn--frm-rma.example" {
		t.Errorf("punycodeHost: %q", got)
	}
}
