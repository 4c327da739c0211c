//go:build !wasm

package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"smacalc/calc"
	"smacalc/calc/scenario"
	"smacalc/cli/jsonout"
)

const mapUsage = `usage: smacalc map ['QUERY'] -x KEY=FROM:TO:N -y KEY=FROM:TO:N [-paths P] [-format json|csv]

The break-even map: the median after-tax difference (SMA − fund) at the
horizon over two scenario keys, everything else as in QUERY (the share
link's query; none for the defaults), and the line where they break even.

  -x, -y KEY=FROM:TO:N   N values from FROM to TO (2 ≤ N ≤ %d), in the key's
                         unit as in the query (smafee=0.001:0.006:6)
         KEY=V1,V2,…     a list, for any key (end=liquidate,hold,stepup,donate)
  -paths P               paths of every cell (default: the query's paths when
                         it gives them, else %d divided among the cells, at
                         least %d: about three default results in all)
  -format json|csv       JSON (cells, breakeven line) or CSV (one row a cell)

Every cell has the same seed, so the same random markets (common random
numbers): neighbouring cells differ by the keys, not by noise. Each cell is
the result of its own query (the cell's "scenario"): 'smacalc simulate' of it
gives the same median difference. "se" is that median's standard error.
A bad axis key, value or range prints the problem and exits 2.
`

// Map prints the break-even map of a scenario over two keys (calc.BreakEven)
// as JSON or CSV. A bad query, axis or flag prints the problem on stderr,
// nothing on stdout, and returns 2.
func Map(args []string, stdout, stderr io.Writer) int {
	return breakEvenMap(args, stdout, stderr, isTerminal(stderr))
}

func breakEvenMap(args []string, stdout, stderr io.Writer, terminal bool) int {
	fs := flag.NewFlagSet("map", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	xSpec := fs.String("x", "", "")
	ySpec := fs.String("y", "", "")
	paths := fs.Int("paths", 0, "")
	format := fs.String("format", "json", "")
	// The query may come before the flags (smacalc map 'QUERY' -x …) or
	// after them.
	var query []string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		query, args = args[:1], args[1:]
	}
	usageError := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "smacalc map: "+format+"\n", a...)
		fmt.Fprintf(stderr, "usage: smacalc map ['QUERY'] -x KEY=FROM:TO:N -y KEY=FROM:TO:N [-paths P] [-format json|csv]\n")
		return 2
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, mapUsage, calc.MaxMapSteps, calc.MapBudgetPaths, calc.MinMapPaths)
			return 0
		}
		return usageError("%v", err)
	}
	query = append(query, fs.Args()...)
	switch {
	case len(query) > 1:
		return usageError("one query, got %d", len(query))
	case *xSpec == "" || *ySpec == "":
		return usageError("both axes are needed: -x KEY=FROM:TO:N -y KEY=FROM:TO:N")
	case *format != "json" && *format != "csv":
		return usageError("-format: json or csv, got %q", *format)
	}
	q := ""
	if len(query) == 1 {
		q = query[0]
	}
	base, err := scenario.Decode(q)
	if err != nil {
		printInvalid(stderr, err)
		return 2
	}
	x, err := calc.ParseMapAxis(base, *xSpec)
	if err != nil {
		return usageError("-x: %v", err)
	}
	y, err := calc.ParseMapAxis(base, *ySpec)
	if err != nil {
		return usageError("-y: %v", err)
	}
	cells := len(x.Values) * len(y.Values)
	pathsGiven := false
	fs.Visit(func(f *flag.Flag) { pathsGiven = pathsGiven || f.Name == "paths" })
	switch {
	case pathsGiven:
		base.Paths = *paths
	case !givesPaths(q):
		base.Paths = calc.MapPaths(cells)
	}
	if err := base.Validate(); err != nil {
		printInvalid(stderr, err)
		return 2
	}
	if _, err := calc.MapScenarios(base, x, y); err != nil {
		return usageError("%v", err)
	}
	var progress func(done, total int)
	if terminal {
		progress = func(done, total int) { fmt.Fprintf(stderr, "\rmap: %d of %d cells", done, total) }
		defer fmt.Fprint(stderr, "\r\x1b[K")
	}
	m, err := calc.BreakEven(context.Background(), base, x, y, progress)
	if err != nil {
		fmt.Fprintln(stderr, "smacalc map:", err)
		return 1
	}
	if *format == "csv" {
		err = writeMapCSV(stdout, m)
	} else {
		err = jsonout.Write(stdout, m)
	}
	if err != nil {
		fmt.Fprintln(stderr, "smacalc map:", err)
		return 1
	}
	return 0
}

// givesPaths reports whether the query sets "paths" itself.
func givesPaths(query string) bool {
	v, err := url.ParseQuery(strings.TrimPrefix(query, "?"))
	return err == nil && v.Has("paths")
}

// printInvalid prints a scenario's problems, one a line.
func printInvalid(w io.Writer, err error) {
	var ve *scenario.ValidationError
	if !errors.As(err, &ve) {
		fmt.Fprintln(w, "smacalc map:", err)
		return
	}
	fmt.Fprintln(w, "smacalc map: invalid scenario:")
	for _, p := range ve.Problems {
		fmt.Fprintf(w, "  %s: %s\n", p.Key, p.Message)
	}
}

// writeMapCSV writes one row a cell (RFC 4180): the two keys' values, the
// median difference, the share of markets where the SMA ends ahead, the
// standard error, the paths and the cell's query. The break-even line is
// in the JSON only.
func writeMapCSV(w io.Writer, m calc.BreakEvenMap) error {
	out := csv.NewWriter(w)
	rows := [][]string{{m.X.Key, m.Y.Key, "difference_p50", "sma_ahead_fraction", "se", "paths", "scenario"}}
	for _, c := range m.Cells {
		rows = append(rows, []string{c.X, c.Y, c.DifferenceP50.String(),
			strconv.FormatFloat(c.SMAAheadFraction, 'f', -1, 64), c.SE.String(), strconv.Itoa(c.Paths), c.Scenario})
	}
	return out.WriteAll(rows)
}
