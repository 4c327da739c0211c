package calc

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// No hand-written file of the engine is over 500 lines (issue 22): a file
// that grows past it is a part that wants a name and a file of its own.
// Generated files (history.go, scenario/history_years.go) and tests are
// exempt.
func TestNoLongFiles(t *testing.T) {
	const most = 500
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(src, []byte("// Code generated ")) {
			return nil
		}
		if n := bytes.Count(src, []byte("\n")); n > most {
			t.Errorf("%s has %d lines, more than %d: split it by concern", path, n, most)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
