//go:build !wasm

// Package cli is the smacalc command: serve the calculator, build it as a
// static site, run a scenario or compute one year of tax from the terminal.
// Each command is a function of its arguments and output streams that returns
// the exit status, so tests call them directly. The tax command is package
// taxcmd, which needs no server (its fuzz target builds without it);
// jsonout is how every command prints JSON.
package cli

import (
	"fmt"
	"io"

	"smacalc/cli/taxcmd"
)

const usage = `smacalc — SMA with tax-loss harvesting vs a fund, after taxes.

Usage:
  smacalc [serve] [-addr 127.0.0.1:8080] [-dir SITE] [-wasm DIR]
                                  serve the calculator (the default command)
  smacalc build -o DIR [-wasm DIR] [-label TEXT]
                                  write the calculator as a static website
  smacalc simulate 'QUERY'        run a scenario (the share link's query) and
                                  print the result as JSON
  smacalc map 'QUERY' -x KEY=FROM:TO:N -y KEY=FROM:TO:N [-paths P] [-format csv]
                                  the break-even map over two keys, as JSON
  smacalc tax [flags]             one year of federal and state tax, as JSON
  smacalc help                    this text

Run 'smacalc COMMAND -h' for a command's flags.
`

// Main runs the command named by args[0] and returns the exit status:
// 0 success, 1 failure, 2 bad usage or input.
func Main(args []string, stdout, stderr io.Writer) int {
	command, rest := "serve", args
	if len(args) > 0 && (args[0] == "" || args[0][0] != '-') {
		command, rest = args[0], args[1:]
	}
	switch command {
	case "serve":
		return Serve(rest, stdout, stderr)
	case "build":
		return Build(rest, stdout, stderr)
	case "simulate":
		return Simulate(rest, stdout, stderr)
	case "map":
		return Map(rest, stdout, stderr)
	case "tax":
		return taxcmd.Run(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "smacalc: unknown command %q\n\n%s", command, usage)
		return 2
	}
}
