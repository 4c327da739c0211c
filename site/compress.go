//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// minCompressSize: below about one network packet compression saves nothing.
const minCompressSize = 1400

// compressible are the types worth compressing; PNG is compressed already.
var compressible = map[string]bool{
	".wasm": true, ".js": true, ".css": true, ".html": true,
	".svg": true, ".json": true, ".webmanifest": true, ".txt": true,
}

// brotliQuality 9 is within a few per cent of quality 11 on Go's WASM and
// several times faster to write, which keeps `make run` quick.
const brotliQuality = 9

// compressTree writes name.br and name.gz next to every compressible file of
// at least minCompressSize bytes. A sibling that is not smaller than the
// original is not written (the server then sends the original).
func compressTree(dir string) error {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if compressible[strings.ToLower(filepath.Ext(path))] && info.Size() >= minCompressSize {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Large WASM files dominate; compress files in parallel.
	work := make(chan string)
	errs := make(chan error, len(paths))
	var wg sync.WaitGroup
	for range max(1, runtime.NumCPU()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range work {
				errs <- compressFile(path)
			}
		}()
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func compressFile(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(raw)
	if err := zw.Close(); err != nil {
		return err
	}
	var br bytes.Buffer
	bw := brotli.NewWriterLevel(&br, brotliQuality)
	bw.Write(raw)
	if err := bw.Close(); err != nil {
		return err
	}
	for ext, b := range map[string][]byte{".gz": gz.Bytes(), ".br": br.Bytes()} {
		if len(b) >= len(raw) {
			continue
		}
		if err := os.WriteFile(path+ext, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
