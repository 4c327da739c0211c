//go:build !wasm

package main

import (
	"embed"
	"io/fs"
	"slices"
	"strings"
)

// The sections of docs/VALIDATION.md written by hand: what a change to the
// engine did to the validation's figures, measured once when it was made
// (before/after tables of two engines cannot be regenerated from one). They
// live here, not in the generated file, so `make validate` keeps them; each
// says it was written by hand. Files are emitted in name order.
//
//go:embed notes/*.md
var notesFS embed.FS

// notes writes every hand-written section, before "Where the model
// disagrees".
func (w *report) notes() {
	names, err := fs.Glob(notesFS, "notes/*.md")
	if err != nil {
		panic(err) // a malformed pattern: a programming error
	}
	slices.Sort(names)
	for _, name := range names {
		b, err := notesFS.ReadFile(name)
		if err != nil {
			panic(err) // embedded at build time: cannot fail
		}
		w.WriteString(strings.TrimRight(string(b), "\n") + "\n\n")
	}
}
