//go:build !wasm

package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	ui "smacalc/app"
)

// Limits on the files a firm supplies.
const (
	maxBrandFile = 64 << 10
	maxLogoFile  = 512 << 10
)

var logoTypes = map[string]bool{".svg": true, ".png": true, ".jpg": true, ".jpeg": true, ".webp": true}

// LoadBrand reads and validates a brand.json. Unknown fields are errors (a
// misspelt "call_to_acton" must not silently drop the button). The logo path
// is relative to the brand file's folder and returned resolved.
func LoadBrand(path string) (brand *ui.Brand, logo string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxBrandFile+1))
	if err != nil {
		return nil, "", err
	}
	if len(raw) > maxBrandFile {
		return nil, "", fmt.Errorf("%s: larger than %d KiB", path, maxBrandFile>>10)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var b ui.Brand
	if err := dec.Decode(&b); err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	if dec.More() {
		return nil, "", fmt.Errorf("%s: more than one JSON value", path)
	}
	if err := b.Validate(); err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	if b.Logo != "" {
		if filepath.IsAbs(b.Logo) || strings.Contains(filepath.ToSlash(b.Logo), "..") {
			return nil, "", fmt.Errorf("%s: logo: %q must be a file next to brand.json", path, b.Logo)
		}
		if !logoTypes[strings.ToLower(filepath.Ext(b.Logo))] {
			return nil, "", fmt.Errorf("%s: logo: %q must be .svg, .png, .jpg or .webp", path, b.Logo)
		}
		logo = filepath.Join(filepath.Dir(path), b.Logo)
		info, err := os.Stat(logo)
		if err != nil {
			return nil, "", fmt.Errorf("%s: logo: %w", path, err)
		}
		if info.Size() > maxLogoFile {
			return nil, "", fmt.Errorf("%s: logo: larger than %d KiB", path, maxLogoFile>>10)
		}
	}
	return &b, logo, nil
}

// installBrand copies the logo into web/brand/ (pointing the brand at its
// served path) and writes web/brand.css with the brand's colours as the
// stylesheet's custom properties. It reports whether it wrote brand.css.
func installBrand(web string, b *ui.Brand, logo string) (bool, error) {
	if b == nil {
		return false, nil
	}
	if logo != "" {
		if err := os.MkdirAll(filepath.Join(web, "brand"), 0o755); err != nil {
			return false, err
		}
		name := "logo" + strings.ToLower(filepath.Ext(logo))
		if _, err := copyFile(logo, filepath.Join(web, "brand", name)); err != nil {
			return false, err
		}
		b.Logo = "/web/brand/" + name
	}
	var css strings.Builder
	for _, v := range []struct{ name, value string }{
		{"--brand", b.Colors.Brand}, {"--accent", b.Colors.Accent},
		{"--sma", b.Colors.SMA}, {"--fund", b.Colors.Fund},
	} {
		if v.value != "" {
			fmt.Fprintf(&css, "  %s: %s;\n", v.name, v.value) // validated as #hex
		}
	}
	if css.Len() == 0 {
		return false, nil
	}
	body := "/* Written by smacalc build from brand.json. */\n:root {\n" + css.String() + "}\n"
	return true, os.WriteFile(filepath.Join(web, "brand.css"), []byte(body), 0o644)
}

// scopeManifest points the manifest's scope and start page at the base path.
// go-app writes scope "/" whatever the resolver, which makes a PWA hosted
// under /tools/sma-calculator/ claim the whole marketing site.
func scopeManifest(out, base string) error {
	path := filepath.Join(out, "manifest.webmanifest")
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var manifest map[string]any
	if err := json.Unmarshal(raw, &manifest); err != nil {
		return errors.New("build: go-app wrote an unreadable manifest")
	}
	manifest["scope"] = base
	manifest["start_url"] = base
	manifest["id"] = base
	b, err := json.Marshal(manifest) // map keys sorted: reproducible
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
