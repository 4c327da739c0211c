//go:build !wasm

package site

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// checkImage checks that a logo's content is the image its extension
// says: the signature of PNG, JPEG and WebP; for SVG, checkSVG.
func checkImage(ext string, b []byte) error {
	ok := false
	switch ext {
	case ".png":
		ok = bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n"))
	case ".jpg", ".jpeg":
		ok = bytes.HasPrefix(b, []byte("\xff\xd8\xff"))
	case ".webp":
		ok = len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP"
	case ".svg":
		return checkSVG(b)
	}
	if !ok {
		return fmt.Errorf("not a %s image", strings.TrimPrefix(ext, "."))
	}
	return nil
}

// svgActive are SVG elements that run script, embed other documents or
// handle events; a logo needs none of them.
var svgActive = map[string]bool{
	"script": true, "foreignobject": true, "iframe": true, "embed": true, "object": true,
	"handler": true, "listener": true, "audio": true, "video": true,
}

// checkSVG refuses an SVG logo that could do anything but draw: script and
// embedding elements (svgActive), event-handler attributes (on…), links
// other than to a fragment of the file or an embedded raster image
// (javascript:, other sites), animations that change a link, document
// type and entity declarations (entity expansion) and processing
// instructions other than the XML declaration (style sheets). The logo is
// shown through <img>, where scripts do not run, but the file is also
// served on its own, where they would.
func checkSVG(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	root := true
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if root {
				return errors.New("not an SVG image")
			}
			return nil
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
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if root && name != "svg" {
				return errors.New("not an SVG image")
			}
			root = false
			if svgActive[name] {
				return fmt.Errorf("SVG with a <%s> element", t.Name.Local)
			}
			for _, a := range t.Attr {
				attr := strings.ToLower(a.Name.Local)
				value := strings.ToLower(strings.Join(strings.Fields(a.Value), ""))
				switch {
				case strings.HasPrefix(attr, "on"):
					return fmt.Errorf("SVG with an event handler (%s)", a.Name.Local)
				case attr == "href" && !strings.HasPrefix(value, "#") && !strings.HasPrefix(value, "data:image/png") &&
					!strings.HasPrefix(value, "data:image/jpeg") && !strings.HasPrefix(value, "data:image/webp"):
					return fmt.Errorf("SVG with a link to %.40q (only #fragments and embedded PNG, JPEG or WebP)", a.Value)
				case attr == "attributename" && strings.Contains(value, "href"):
					return errors.New("SVG with an animation that changes a link")
				case strings.Contains(value, "javascript:"):
					return fmt.Errorf("SVG with javascript: in %s", a.Name.Local)
				}
			}
		}
	}
}
