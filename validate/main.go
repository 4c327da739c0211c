//go:build !wasm

// Command validate checks the calc engine against the published research on
// tax-loss harvesting that MODEL.md cites — Chaudhuri, Burnham & Lo (2020,
// Financial Analysts Journal), Sosner, Gromis & Krasner (2022, AQR, Journal
// of Beta Investment Strategies 13(2) 28–51) and Vanguard's harvest-frequency
// figures ("Portfolio construction for direct indexing", 2022; Khang,
// Cummings & Paradise 2022, same journal 13(2) 75–89) — and measures the headline's sensitivity and Monte Carlo error.
// It writes OUT/VALIDATION.md and the charts in OUT/validation/*.svg.
//
//	go run ./validate -out docs
//
// Seeds are fixed, so the output is the same on every run of the same engine.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func main() {
	out := flag.String("out", "docs", "directory to write VALIDATION.md and validation/*.svg into")
	scale := flag.Float64("scale", 1, "multiply every experiment's path count (e.g. 0.1 for a quick look)")
	workers := flag.Int("workers", 2, "goroutines simulating paths in parallel")
	quiet := flag.Bool("q", false, "do not log each scenario")
	flag.Parse()
	if err := generate(*out, *scale, *workers, *quiet); err != nil {
		fmt.Fprintln(os.Stderr, "validate:", err)
		os.Exit(1)
	}
}

func generate(out string, scale float64, workers int, quiet bool) error {
	start := time.Now()
	c := config{Scale: scale, Workers: workers}
	if !quiet {
		c.Log = func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
	}
	v, err := c.validate(context.Background())
	if err != nil {
		return err
	}
	dir := filepath.Join(out, "validation")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range v.charts() {
		if err := os.WriteFile(filepath.Join(dir, f.Name), []byte(f.SVG+"\n"), 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(out, "VALIDATION.md"), []byte(v.markdown()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "validate: wrote %s in %.0fs\n", filepath.Join(out, "VALIDATION.md"), time.Since(start).Seconds())
	return nil
}
