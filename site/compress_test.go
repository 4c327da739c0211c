//go:build !wasm

package site

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// TestCompressCache: a file is compressed once; the same content again
// (another build, another name) takes the cache's copy, and an entry
// unused for cacheAge goes when a new one is put.
func TestCompressCache(t *testing.T) {
	cache := compressCache(filepath.Join(t.TempDir(), "cache"))
	dir := t.TempDir()
	raw := bytes.Repeat([]byte("(func $calc.simulate (param i64) (result i64))\n"), 200)
	first := filepath.Join(dir, "app.wasm")
	if err := os.WriteFile(first, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := compressFile(first, cache, brotliQuality); err != nil {
		t.Fatal(err)
	}
	br, err := os.ReadFile(first + ".br")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br))); err != nil || !bytes.Equal(got, raw) {
		t.Fatalf("app.wasm.br does not decode to app.wasm (%v)", err)
	}
	key := cache.key(raw, ".br", brotliQuality)
	kept, ok := cache.get(key)
	if !ok || !bytes.Equal(kept, br) {
		t.Fatalf("the cache does not hold app.wasm.br under %s", key)
	}

	// A planted entry stands for the cache's copy: the same content under
	// another name must be written from it, not compressed again.
	planted := append([]byte("planted:"), br...)
	cache.put(key, planted)
	second := filepath.Join(dir, "copy.wasm")
	if err := os.WriteFile(second, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := compressFile(second, cache, brotliQuality); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(second + ".br"); !bytes.Equal(got, planted) {
		t.Error("the same content was compressed again instead of taken from the cache")
	}

	// Other content, other key.
	if cache.key(append(raw, 'x'), ".br", brotliQuality) == key || cache.key(raw, ".gz", brotliQuality) == key || cache.key(raw, ".br", 9) == key {
		t.Error("different content, encoding or brotli level share a cache key")
	}

	// An entry unused for longer than cacheAge is removed on the next put.
	old := time.Now().Add(-cacheAge - time.Hour)
	if err := os.Chtimes(filepath.Join(string(cache), key), old, old); err != nil {
		t.Fatal(err)
	}
	cache.put(cache.key([]byte("other"), ".br", brotliQuality), []byte("x"))
	if _, ok := cache.get(key); ok {
		t.Error("an entry unused for longer than cacheAge was kept")
	}
	if _, ok := cache.get(cache.key([]byte("other"), ".br", brotliQuality)); !ok {
		t.Error("the entry just put was removed")
	}

	// No cache: compressed every time, nothing kept.
	none := compressCache("")
	if err := compressFile(first, none, brotliQuality); err != nil {
		t.Fatal(err)
	}
	if _, ok := none.get(key); ok {
		t.Error("the empty cache returned an entry")
	}
}
