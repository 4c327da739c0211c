//go:build !wasm

package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"smacalc/calc/scenario"
)

// lotsArgs splits `-lots FILE` (or `-lots=FILE`) off the simulate
// arguments and returns the file name ("" when none) and the rest. A
// second -lots is an error: one scenario has one lots file, and taking
// the last one silently dropped the first.
func lotsArgs(args []string) (file string, rest []string, err error) {
	seen := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		var name string
		switch {
		case a == "-lots" || a == "--lots":
			if i+1 >= len(args) {
				return "", nil, errors.New("-lots needs a file: -lots FILE")
			}
			name = args[i+1]
			i++
		case strings.HasPrefix(a, "-lots="):
			name = strings.TrimPrefix(a, "-lots=")
		case strings.HasPrefix(a, "--lots="):
			name = strings.TrimPrefix(a, "--lots=")
		default:
			rest = append(rest, a)
			continue
		}
		if seen {
			return "", nil, fmt.Errorf("-lots given twice (%s and %s): one scenario has one lots file", file, name)
		}
		if name == "" {
			return "", nil, errors.New("-lots needs a file: -lots FILE")
		}
		file, seen = name, true
	}
	return file, rest, nil
}

// readLots reads a lots file (scenario.ParseLegacyLots) for the tax year
// `year` and puts the lots into s, whose amount becomes their total. The
// error names the file, the line and the column.
func readLots(name string, s *scenario.Scenario) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	// One byte more than the limit, so a file too large is known without
	// reading it whole.
	data, err := io.ReadAll(io.LimitReader(f, scenario.MaxLegacyBytes+1))
	if err != nil {
		return err
	}
	if len(data) > scenario.MaxLegacyBytes {
		// The parser sees only what was read: say the file's own size
		// when it has one (a regular file), not the bytes read.
		size := fmt.Sprintf("more than %d bytes", scenario.MaxLegacyBytes)
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > scenario.MaxLegacyBytes {
			size = fmt.Sprintf("%d bytes", info.Size())
		}
		return fmt.Errorf("%s: %w", name, &scenario.LotsError{Line: 1, Msg: fmt.Sprintf("file is %s; at most %d", size, scenario.MaxLegacyBytes)})
	}
	lots, err := scenario.ParseLegacyLots(data, s.Year)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	s.Legacy = lots
	s.Amount = scenario.LegacyTotal(lots)
	return nil
}
