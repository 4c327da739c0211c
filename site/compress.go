//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// minCompressSize: below about one network packet compression saves nothing.
const minCompressSize = 1400

// compressible are the types worth compressing; PNG is compressed already.
var compressible = map[string]bool{
	".wasm": true, ".js": true, ".css": true, ".html": true,
	".svg": true, ".json": true, ".webmanifest": true, ".txt": true,
}

// brotliQuality 11, brotli's best. On Go's WASM it is about a tenth
// smaller than quality 9 (app.wasm of 13.2 MB: 2,702,653 bytes at 9,
// 2,381,067 at 11; RFC 7932 leaves the quality to the encoder) but many
// times slower to write — minutes on a busy 2-core machine — so what is
// compressed is kept in a cache by content (compressCache): a rebuild of
// the same WASM, `smacalc serve` started again, the e2e suite's several
// sites, never compress it again. A larger window (lgwin 24) saved another
// 0.9% for 65% more time: not worth it.
const brotliQuality = 11

// quality is BuildOptions.BrotliQuality, 0 meaning brotliQuality.
func quality(q int) int {
	if q == 0 {
		return brotliQuality
	}
	return q
}

// compressTree writes name.br and name.gz next to every compressible file of
// at least minCompressSize bytes, taking them from cache when it already
// holds them (cache "" keeps none). A sibling that is not smaller than the
// original is not written (the server then sends the original).
func compressTree(dir string, cache compressCache, brotliLevel int) error {
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
				errs <- compressFile(path, cache, brotliLevel)
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

// encodings are the precompressed siblings: their extension and how to
// write one.
var encodings = []struct {
	ext      string
	compress func(raw []byte, brotliLevel int) ([]byte, error)
}{
	{".gz", func(raw []byte, _ int) ([]byte, error) {
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(raw)
		err := zw.Close()
		return gz.Bytes(), err
	}},
	{".br", func(raw []byte, brotliLevel int) ([]byte, error) {
		var br bytes.Buffer
		bw := brotli.NewWriterLevel(&br, brotliLevel)
		bw.Write(raw)
		err := bw.Close()
		return br.Bytes(), err
	}},
}

func compressFile(path string, cache compressCache, brotliLevel int) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, enc := range encodings {
		key := cache.key(raw, enc.ext, brotliLevel)
		b, ok := cache.get(key)
		if !ok {
			if b, err = enc.compress(raw, brotliLevel); err != nil {
				return err
			}
			cache.put(key, b)
		}
		if len(b) >= len(raw) {
			continue
		}
		if err := os.WriteFile(path+enc.ext, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// compressCache is a directory of compressed files named by what they
// were compressed from (compressCache.key); "" keeps nothing. It is only
// ever a shortcut: a file missing, unreadable or not written is
// compressed again, and an entry unused for cacheAge is removed.
type compressCache string

// cacheAge: entries of WASM builds not used for a week go (each is a few
// MB; every code change makes a new one).
const cacheAge = 7 * 24 * time.Hour

// cacheVersion changes when the encoders' settings do, so that an entry
// written with other settings is never used.
func cacheVersion(brotliLevel int) string {
	return fmt.Sprintf("br%d-gz%d", brotliLevel, gzip.BestCompression)
}

// defaultCompressCache is smacalc's directory in the user's cache
// (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on Linux), or none when
// there is no such directory.
func defaultCompressCache() compressCache {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return compressCache(filepath.Join(dir, "smacalc", "compressed"))
}

// key names the compression of raw into ext's encoding: a hash of the
// content, so the same file under any name or in any build is found.
func (c compressCache) key(raw []byte, ext string, brotliLevel int) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:]) + "-" + cacheVersion(brotliLevel) + ext
}

func (c compressCache) get(key string) ([]byte, bool) {
	if c == "" {
		return nil, false
	}
	path := filepath.Join(string(c), key)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	now := time.Now()
	_ = os.Chtimes(path, now, now) // used: kept another cacheAge
	return b, true
}

// put keeps b under key, written whole or not at all (a temporary file
// renamed: builds in other processes may read the same entry), and removes
// the entries unused for cacheAge.
func (c compressCache) put(key string, b []byte) {
	if c == "" || os.MkdirAll(string(c), 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(string(c), ".tmp-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(string(c), key))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	c.prune(time.Now().Add(-cacheAge))
}

// prune removes the entries (and temporary files left by an interrupted
// put) last used before cutoff.
func (c compressCache) prune(cutoff time.Time) {
	entries, err := os.ReadDir(string(c))
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(filepath.Join(string(c), e.Name()))
		}
	}
}
