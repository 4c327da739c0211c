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
	"smacalc/site/logo"
)

// Limits on the files a firm supplies.
const (
	maxBrandFile = 64 << 10
	maxLogoFile  = 512 << 10
)

var logoTypes = map[string]bool{".svg": true, ".png": true, ".jpg": true, ".jpeg": true, ".webp": true}

// LoadBrand reads and validates a brand.json. Unknown fields are errors (a
// misspelt "call_to_acton" must not silently drop the button), and so are
// keys in another case or given twice (Go's decoder would take "Firm" for
// "firm", and the last of two). The logo path is relative to the brand
// file's folder and returned resolved, once it is checked.
func LoadBrand(path string) (brand *ui.Brand, logo string, err error) {
	brand, logo, _, err = loadBrand(path)
	return brand, logo, err
}

// loadBrand is LoadBrand, also returning the logo's content as checked, so
// the build writes exactly what was checked.
func loadBrand(path string) (*ui.Brand, string, []byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", nil, err
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxBrandFile+1))
	if err != nil {
		return nil, "", nil, err
	}
	if len(raw) > maxBrandFile {
		return nil, "", nil, fmt.Errorf("%s: larger than %d KiB", path, maxBrandFile>>10)
	}
	if err := checkBrandKeys(raw); err != nil {
		return nil, "", nil, fmt.Errorf("%s: %w", path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var b ui.Brand
	if err := dec.Decode(&b); err != nil {
		return nil, "", nil, fmt.Errorf("%s: %w", path, err)
	}
	if dec.More() {
		return nil, "", nil, fmt.Errorf("%s: more than one JSON value", path)
	}
	if err := b.Validate(); err != nil {
		return nil, "", nil, fmt.Errorf("%s: %w", path, err)
	}
	var logo string
	var content []byte
	if b.Logo != "" {
		if logo, content, err = readLogo(filepath.Dir(path), b.Logo); err != nil {
			return nil, "", nil, fmt.Errorf("%s: logo: %w", path, err)
		}
	}
	return &b, logo, content, nil
}

// maxBrandDepth bounds the nesting of brand.json (the format needs 2).
const maxBrandDepth = 4

// checkBrandKeys walks the JSON's tokens (no recursion) and refuses a key
// that is not lower case, a key given twice in one object, and nesting
// deeper than maxBrandDepth.
func checkBrandKeys(raw []byte) error {
	type frame struct {
		object, wantKey bool
		keys            map[string]bool
	}
	var stack []frame
	dec := json.NewDecoder(bytes.NewReader(raw))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		top := len(stack) - 1
		if key, ok := tok.(string); ok && top >= 0 && stack[top].object && stack[top].wantKey {
			switch {
			case key != strings.ToLower(key):
				return fmt.Errorf("key %q: keys are lower case (%q)", key, strings.ToLower(key))
			case stack[top].keys[key]:
				return fmt.Errorf("key %q given twice", key)
			}
			stack[top].keys[key] = true
			stack[top].wantKey = false
			continue
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:top]
			continue
		}
		if top >= 0 && stack[top].object {
			stack[top].wantKey = true // this token starts the key's value
		}
		if d, ok := tok.(json.Delim); ok {
			if len(stack) == maxBrandDepth {
				return fmt.Errorf("nested more than %d levels deep", maxBrandDepth)
			}
			stack = append(stack, frame{object: d == '{', wantKey: true, keys: map[string]bool{}})
		}
	}
}

// readLogo checks and reads the logo: a relative path inside the brand
// file's folder naming a regular file (not a FIFO, a folder or a symbolic
// link, and no folder on the way leading out), at most maxLogoFile bytes,
// whose content is the image its extension says; an SVG must be inert
// (logo.Check). It returns the path and the content.
func readLogo(dir, rel string) (string, []byte, error) {
	if filepath.IsAbs(rel) || strings.Contains(filepath.ToSlash(rel), "..") {
		return "", nil, fmt.Errorf("%q must be a file next to brand.json", rel)
	}
	ext := strings.ToLower(filepath.Ext(rel))
	if !logoTypes[ext] {
		return "", nil, fmt.Errorf("%q must be .svg, .png, .jpg or .webp", rel)
	}
	// An absolute folder: a relative one ("." for "brand.json") resolves
	// to itself and the logo to a path without the "./" prefix that the
	// containment check below looks for.
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", nil, err
	}
	name := filepath.Join(dir, rel)
	info, err := os.Lstat(name)
	if err != nil {
		return "", nil, err
	}
	if !info.Mode().IsRegular() {
		return "", nil, fmt.Errorf("%q is not a regular file (a link, folder or device)", rel)
	}
	if info.Size() > maxLogoFile {
		return "", nil, fmt.Errorf("larger than %d KiB", maxLogoFile>>10)
	}
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", nil, err
	}
	realName, err := filepath.EvalSymlinks(name)
	if err != nil {
		return "", nil, err
	}
	if !strings.HasPrefix(realName, realDir+string(filepath.Separator)) {
		return "", nil, fmt.Errorf("%q leads out of the brand file's folder", rel)
	}
	f, err := os.Open(name)
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	if opened, err := f.Stat(); err != nil || !os.SameFile(info, opened) {
		return "", nil, fmt.Errorf("%q changed while being read", rel)
	}
	content, err := io.ReadAll(io.LimitReader(f, maxLogoFile+1))
	if err != nil {
		return "", nil, err
	}
	if len(content) > maxLogoFile {
		return "", nil, fmt.Errorf("larger than %d KiB", maxLogoFile>>10)
	}
	if err := logo.Check(ext, content); err != nil {
		return "", nil, fmt.Errorf("%q: %w", rel, err)
	}
	return name, content, nil
}

// installBrand writes the checked logo into web/brand/ (pointing the brand at its
// served path) and writes web/brand.css with the brand's colours as the
// stylesheet's custom properties. It reports whether it wrote brand.css.
func installBrand(web string, b *ui.Brand, logo string, content []byte) (bool, error) {
	if b == nil {
		return false, nil
	}
	if logo != "" {
		if err := os.MkdirAll(filepath.Join(web, "brand"), 0o755); err != nil {
			return false, err
		}
		name := "logo" + strings.ToLower(filepath.Ext(logo))
		if err := os.WriteFile(filepath.Join(web, "brand", name), content, 0o644); err != nil {
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
