//go:build !wasm

package site

import (
	"bytes"
	"fmt"
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
