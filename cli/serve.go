//go:build !wasm

package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"syscall"

	"smacalc/site"
)

// Serve serves the calculator. With -dir it serves a site already written by
// `smacalc build`; otherwise it builds one from the WASM in -wasm into a
// temporary directory first, so `smacalc serve` alone always serves the
// current build.
func Serve(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("smacalc serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port)")
	dir := fs.String("dir", "", "serve this site directory (written by 'smacalc build') instead of building one")
	wasm := fs.String("wasm", "web", "directory holding app.wasm (and the worker's WASM) when building")
	label := fs.String("label", "", "version label when building (e.g. git describe)")
	base := fs.String("base", "/", "URL path to serve under when building, e.g. /tools/sma-calculator/")
	brand := fs.String("brand", "", "brand.json of a firm's white label, when building")
	frameAncestors := fs.String("frame-ancestors", site.DefaultFrameAncestors,
		"who may embed the calculator in a frame: 'self', 'none' or space-separated origins (https://example.com)")
	maxConns := fs.Int("max-conns", site.DefaultMaxConns, "most connections open at once (lowered to what the open-file limit allows)")
	maxPerClient := fs.Int("max-conns-per-client", site.DefaultMaxConnsPerClient,
		"most connections open at once from one client address (IPv6: one /64); 0: no cap, for a server behind a proxy")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "smacalc serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *maxConns < 1 || *maxPerClient < 0 {
		fmt.Fprintf(stderr, "smacalc serve: -max-conns must be at least 1 and -max-conns-per-client at least 0\n")
		return 2
	}
	if err := site.ValidFrameAncestors(*frameAncestors); err != nil {
		fmt.Fprintf(stderr, "smacalc serve: -%v\n", err)
		return 2
	}
	if err := site.ValidBase(*base); err != nil {
		fmt.Fprintf(stderr, "smacalc serve: -%v\n", err)
		return 2
	}
	logger := log.New(stderr, "", log.LstdFlags)
	root := *dir
	if root == "" {
		tmp, err := os.MkdirTemp("", "smacalc-site-")
		if err != nil {
			logger.Print(err)
			return 1
		}
		defer os.RemoveAll(tmp)
		root = filepath.Join(tmp, "site")
		s, err := site.Build(site.BuildOptions{Out: root, WasmDir: *wasm, Label: *label, Base: *base, Brand: *brand})
		if err != nil {
			fmt.Fprintf(stderr, "smacalc serve: %v\n", err)
			return 1
		}
		logger.Printf("smacalc: built version %s for %s", s.Version, s.Base)
	} else if _, err := os.Stat(filepath.Join(root, "index.html")); err != nil {
		fmt.Fprintf(stderr, "smacalc serve: %s has no index.html: run 'smacalc build -o %s' first\n", root, root)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := site.Serve(ctx, *addr, root, *frameAncestors, site.ConnLimits{Total: *maxConns, PerClient: *maxPerClient}, logger); err != nil {
		fmt.Fprintf(stderr, "smacalc serve: %v\n", err)
		return 1
	}
	return 0
}

// Build writes the static site and lists what it wrote.
func Build(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("smacalc build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "dist", "output directory")
	wasm := fs.String("wasm", "web", "directory holding app.wasm (and the worker's WASM)")
	label := fs.String("label", "", "version label (e.g. git describe)")
	base := fs.String("base", "/", "URL path the site will be served under, e.g. /tools/sma-calculator/")
	brand := fs.String("brand", "", "brand.json of a firm's white label (see static/brand.example.json)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "smacalc build: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if err := site.ValidBase(*base); err != nil {
		fmt.Fprintf(stderr, "smacalc build: -%v\n", err)
		return 2
	}
	s, err := site.Build(site.BuildOptions{Out: *out, WasmDir: *wasm, Label: *label, Base: *base, Brand: *brand})
	if err != nil {
		fmt.Fprintf(stderr, "smacalc build: %v\n", err)
		return 1
	}
	names := make([]string, 0, len(s.Files))
	for name := range s.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	fmt.Fprintf(stdout, "smacalc: wrote %s (version %s, served under %s)\n", s.Dir, s.Version, s.Base)
	for _, name := range names {
		fmt.Fprintf(stdout, "  %10d  %s\n", s.Files[name], name)
	}
	return 0
}
