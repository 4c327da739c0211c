//go:build !wasm

package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "smacalc/app"
	"smacalc/static"
)

// marker is written into every built site. Build refuses to write into a
// non-empty directory without it, so `-o` pointed at the wrong folder never
// deletes someone's files.
const marker = ".smacalc-site"

// BuildOptions say where the WASM comes from and where the site goes.
type BuildOptions struct {
	// Out is the directory to write (created; a previous build is replaced).
	Out string
	// WasmDir holds the compiled WASM, built with GOOS=js GOARCH=wasm:
	// app.wasm, which the page and its simulation workers both run. Any
	// other *.wasm there is shipped and precached too.
	WasmDir string
	// Label is a human version label (e.g. `git describe`); optional.
	Label string
	// Base is the URL path the site will be served under: "/" (default) or
	// a sub-path such as "/tools/sma-calculator/".
	Base string
	// Brand is a brand.json file (white label); optional.
	Brand string
	// CompressCache is the directory that keeps compressed files by
	// content, so that the same WASM is never compressed twice
	// (compress.go): "" is smacalc's directory in the user's cache
	// (os.UserCacheDir), "-" keeps none.
	CompressCache string
	// BrotliQuality is the brotli level of the .br files: 0 is 11, the
	// smallest files, what a deployment wants (compress.go). A lower level
	// compresses many times faster (app.wasm: 2 s at 9, 32 s at 11, one
	// core, idle) for about 14% more bytes: the e2e test sites take it, as
	// what they test is that the siblings are served, not their size.
	BrotliQuality int
}

// Site describes a finished build.
type Site struct {
	Dir     string
	Version string
	Base    string // normalised: "/" or "/a/b/"
	// Files maps each written path (relative, slash-separated) to its size.
	Files map[string]int64
}

// Build writes a complete static site: the prerendered pages (with the
// start scenario's answer, computed here: see prerender), go-app's
// scripts, the manifest, the service worker, web/ with the WASM files, icons
// and stylesheet, and .br/.gz siblings of every large text or WASM file.
//
// The version is a hash of everything that ships (plus the label), so a
// rebuild that changes nothing is not announced to users as an update and
// any real change is: the WASM, the prerendered pages, the manifest, the
// service worker and the static files.
func Build(o BuildOptions) (*Site, error) {
	if o.Out == "" {
		return nil, errors.New("build: no output directory")
	}
	wasm, err := wasmFiles(o.WasmDir)
	if err != nil {
		return nil, err
	}
	if err := ValidBase(o.Base); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	var brand *ui.Brand
	var logo string
	var logoContent []byte
	if o.Brand != "" {
		if brand, logo, logoContent, err = loadBrand(o.Brand); err != nil {
			return nil, err
		}
	}
	prerendered, err := prerender(brand)
	if err != nil {
		return nil, err
	}
	if err := prepareOut(o.Out); err != nil {
		return nil, err
	}
	web := filepath.Join(o.Out, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		return nil, err
	}
	if err := copyStatic(web); err != nil {
		return nil, err
	}
	var wasmNames []string
	var appWasmSize int64
	for _, src := range wasm {
		name := filepath.Base(src)
		n, err := copyFile(src, filepath.Join(web, name))
		if err != nil {
			return nil, err
		}
		if name == "app.wasm" {
			appWasmSize = n
		} else {
			wasmNames = append(wasmNames, "/web/"+name)
		}
	}
	brandStyles, err := installBrand(web, brand, logo, logoContent)
	if err != nil {
		return nil, err
	}

	ui.Routes()
	base := ui.BasePath(o.Base)
	opts := ui.HandlerOptions{WasmSize: appWasmSize, Cacheable: wasmNames, Base: base, Brand: brand, BrandStyles: brandStyles, Prerendered: prerendered}
	// Two passes: the pages embed the version, and the version is a hash of
	// everything written, so hash a build made with a placeholder version.
	opts.Version = "unversioned"
	if err := generatePages(o.Out, opts); err != nil {
		return nil, err
	}
	if opts.Version, err = contentVersion(o.Out, o.Label); err != nil {
		return nil, err
	}
	if err := generatePages(o.Out, opts); err != nil {
		return nil, err
	}
	version := opts.Version
	if err := os.WriteFile(filepath.Join(o.Out, marker), []byte(version+"\n"+base+"\n"), 0o644); err != nil {
		return nil, err
	}
	cache := compressCache(o.CompressCache)
	switch o.CompressCache {
	case "":
		cache = defaultCompressCache()
	case "-":
		cache = ""
	}
	if err := compressTree(o.Out, cache, quality(o.BrotliQuality)); err != nil {
		return nil, err
	}
	files, err := listFiles(o.Out)
	if err != nil {
		return nil, err
	}
	return &Site{Dir: o.Out, Version: version, Base: base, Files: files}, nil
}

// generatePages writes go-app's pages, scripts, manifest and service worker.
func generatePages(out string, opts ui.HandlerOptions) error {
	if err := app.GenerateStaticWebsite(out, ui.Handler(opts), ui.Pages...); err != nil {
		return fmt.Errorf("build: generating pages: %w", err)
	}
	if err := scopeManifest(out, opts.Base); err != nil {
		return err
	}
	return canonicalizePages(out)
}

// wasmFiles finds the WASM files to ship; app.wasm is required.
func wasmFiles(dir string) ([]string, error) {
	if dir == "" {
		dir = "web"
	}
	if _, err := os.Stat(filepath.Join(dir, "app.wasm")); err != nil {
		return nil, fmt.Errorf("build: %s/app.wasm not found: build it first with `make wasm` (GOOS=js GOARCH=wasm go build -o %s/app.wasm .)", dir, dir)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.wasm"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	return files, nil
}

// prepareOut empties a previous build, or creates the directory.
func prepareOut(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(out, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, marker)); err != nil {
		return fmt.Errorf("build: %s is not empty and is not a smacalc site; choose an empty or new directory", out)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(out, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

func copyStatic(web string) error {
	return fs.WalkDir(static.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == "app-worker.js" {
			return err // the worker template becomes /app-worker.js via go-app
		}
		dst := filepath.Join(web, filepath.FromSlash(path))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := static.Files.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}

func copyFile(src, dst string) (int64, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// contentVersion hashes every file of the site in a fixed order.
func contentVersion(dir, label string) (string, error) {
	files, err := listFiles(dir)
	if err != nil {
		return "", err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	hash := sha256.New()
	for _, name := range names {
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(hash, "%s\x00", name)
		_, err = io.Copy(hash, f)
		f.Close()
		if err != nil {
			return "", err
		}
	}
	sum := hex.EncodeToString(hash.Sum(nil))[:12]
	if label = strings.TrimSpace(label); label != "" {
		return label + "-" + sum, nil
	}
	return sum, nil
}

func listFiles(dir string) (map[string]int64, error) {
	files := map[string]int64{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = info.Size()
		return nil
	})
	return files, err
}
