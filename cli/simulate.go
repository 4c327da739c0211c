//go:build !wasm

package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"smacalc/calc"
	"smacalc/calc/scenario"
	"smacalc/cli/jsonout"
)

// Simulate runs the scenario given as a query string (the share link's
// query, e.g. 'amount=500000&horizon=20'; none for the defaults) and prints
// the result as indented JSON. A bad query (including one over the work
// limit, scenario.MaxWork) prints every problem on stderr, nothing on stdout,
// and returns 2. `-lots FILE` adds legacy lots (scenario.ParseLegacyLots; the
// amount becomes their total); a bad file prints its line and column
// ("lots.csv: line 2: value: not a number") on stderr, nothing on stdout,
// and returns 2. When stderr is a terminal it shows the paths done there;
// the JSON on stdout is the same either way.
func Simulate(args []string, stdout, stderr io.Writer) int {
	return simulate(args, stdout, stderr, isTerminal(stderr))
}

// isTerminal reports whether w is a character device (a terminal), not a
// file or a pipe.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progressLine returns a progress callback that rewrites one line on a
// terminal at most every tenth of a second, and a function that clears it.
func progressLine(w io.Writer, total int) (func(done int), func()) {
	var last time.Time
	return func(done int) {
			if now := time.Now(); now.Sub(last) >= 100*time.Millisecond || done == total {
				last = now
				fmt.Fprintf(w, "\rsimulating: %d of %d paths (%d%%)", done, total, 100*done/total)
			}
		}, func() {
			fmt.Fprint(w, "\r\x1b[K")
		}
}

// simulateUsage is `smacalc simulate -h`: every scenario key from the key
// table (calc/scenario), with its default, what it accepts and what it
// means.
func simulateUsage() string {
	var b strings.Builder
	b.WriteString("usage: smacalc simulate [-lots FILE] ['QUERY']\n\n" +
		"QUERY is a scenario's share-link query, e.g. 'amount=500000&horizon=20'.\n" +
		"Every key is optional; amounts are dollars, rates decimals (0.07 = 7%).\n" +
		"Keys, in canonical order (docs/KEYS.md):\n\n")
	for _, k := range scenario.Keys() {
		def := k.Default()
		if def == "" {
			def = "unset"
		}
		accepts := k.Allowed()
		if k.Unit != scenario.NoUnit {
			accepts += " (" + k.Unit.String() + ")"
		}
		fmt.Fprintf(&b, "  %-12s default %s; %s\n  %-12s %s\n", k.Name, def, accepts, "", k.Meaning)
	}
	fmt.Fprintf(&b, "\n-lots FILE: legacy lots, CSV with the header %s\n", scenario.LegacyHeader)
	return b.String()
}

func simulate(args []string, stdout, stderr io.Writer, terminal bool) int {
	lotsFile, args, err := lotsArgs(args)
	if err != nil || len(args) > 1 {
		if err != nil {
			fmt.Fprintln(stderr, "smacalc simulate:", err)
		}
		fmt.Fprintln(stderr, "usage: smacalc simulate [-lots FILE] ['QUERY']")
		return 2
	}
	query := ""
	if len(args) == 1 {
		query = args[0]
		if query == "-h" || query == "-help" || query == "--help" {
			fmt.Fprint(stdout, simulateUsage())
			return 0
		}
	}
	s, err := scenario.Decode(query)
	if lotsFile != "" && !errors.As(err, new(*scenario.ValidationError)) {
		if lerr := readLots(lotsFile, &s); lerr != nil {
			fmt.Fprintln(stderr, "smacalc simulate:", lerr)
			return 2
		}
		err = s.Validate()
	}
	if err != nil {
		var ve *scenario.ValidationError
		if errors.As(err, &ve) {
			fmt.Fprintln(stderr, "smacalc simulate: invalid scenario:")
			for _, p := range ve.Problems {
				key := p.Key
				if lotsFile != "" && (key == "amount" || key == "lots") {
					// The amount is the lots' total: name the file it
					// comes from, not a key the command line never gave.
					key += " (the total of the lots in " + lotsFile + ")"
					if p.Key == "lots" {
						key = "lots (" + lotsFile + ")"
					}
				}
				fmt.Fprintf(stderr, "  %s: %s\n", key, p.Message)
			}
		} else {
			fmt.Fprintln(stderr, "smacalc simulate:", err)
		}
		return 2
	}
	// SimulatePaths then Merge is what Simulate does, without building a
	// partial result for each report (calc.Merge: the same JSON).
	var progress func(int)
	if terminal {
		var clear func()
		progress, clear = progressLine(stderr, s.Paths)
		defer clear()
	}
	paths, err := calc.SimulatePaths(context.Background(), s, 0, s.Paths, progress)
	var r calc.Result
	if err == nil {
		r, err = calc.Merge(s, paths)
	}
	if err != nil {
		fmt.Fprintln(stderr, "smacalc simulate:", err)
		return 1
	}
	if err := jsonout.Write(stdout, r); err != nil {
		fmt.Fprintln(stderr, "smacalc simulate:", err)
		return 1
	}
	return 0
}
