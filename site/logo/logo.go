// Package logo checks a firm's logo file (brand.json's "logo") before the
// site ships it: its content is the image its extension says, and an SVG
// holds only what a drawn logo needs (an allow-list, svg.go).
//
// Pure: bytes in, an error out, no file system and no server, so its fuzz
// target (FuzzCheckSVG) builds without the site's net/http and go-app
// (issue 29). Package site reads the file and calls Check.
package logo

import (
	"bytes"
	"fmt"
	"strings"
)

// Check checks that a logo's content is the image its extension (".png",
// ".jpg", ".jpeg", ".webp" or ".svg", lower case) says: the signature of
// PNG, JPEG and WebP; for SVG, checkSVG.
func Check(ext string, b []byte) error {
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
