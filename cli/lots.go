//go:build !wasm

package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"smacalc/calc"
)

// lotsArgs splits `-lots FILE` (or `-lots=FILE`) off the simulate
// arguments and returns the file name ("" when none) and the rest.
func lotsArgs(args []string) (file string, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-lots" || a == "--lots":
			if i+1 >= len(args) {
				return "", nil, errors.New("-lots needs a file: -lots FILE")
			}
			file = args[i+1]
			i++
		case len(a) > 6 && (a[:6] == "-lots=" || len(a) > 7 && a[:7] == "--lots="):
			file = a[len("-lots="):]
			if a[1] == '-' {
				file = a[len("--lots="):]
			}
		default:
			rest = append(rest, a)
		}
	}
	return file, rest, nil
}

// readLots reads a lots file (calc.ParseLegacyLots) for the tax year
// `year` and puts the lots into s, whose amount becomes their total. The
// error names the file, the line and the column.
func readLots(name string, s *calc.Scenario) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	// One byte more than the limit, so the parser sees a file too large.
	data, err := io.ReadAll(io.LimitReader(f, calc.MaxLegacyBytes+1))
	if err != nil {
		return err
	}
	lots, err := calc.ParseLegacyLots(data, s.Year)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	s.Legacy = lots
	s.Amount = calc.LegacyTotal(lots)
	return nil
}
