// Command historygen writes calc/history.go, the table of monthly S&P
// Composite prices and dividends from which package calc computes a
// market with real history (no scenario key replays it yet; docs/HISTORY.md
// proposes one), from the CSV transcribed from Robert Shiller's data
// (calc/testdata/history/shiller_monthly.csv).
//
// Run it through go generate in package calc:
//
//	go generate ./calc/
//
// The CSV's leading "#" lines say where the numbers come from; they are
// copied into the generated file's header so the table carries its source.
// The rows must be consecutive months, begin in a December (the base price
// of the first return) and end in a December, so the table holds whole
// calendar years of returns.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

func main() {
	in := flag.String("in", "testdata/history/shiller_monthly.csv", "CSV of month,price,dividend")
	out := flag.String("out", "history.go", "Go file to write")
	years := flag.String("years", "scenario/history_years.go", "Go file of package scenario to write the table's years to")
	flag.Parse()
	f, err := os.Open(*in)
	if err != nil {
		fail(err)
	}
	src, yearsSrc, err := generate(f, *in)
	f.Close()
	if err != nil {
		fail(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fail(err)
	}
	if err := os.WriteFile(*years, yearsSrc, 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "historygen:", err)
	os.Exit(1)
}

// row is one month of the source: Shiller's P (monthly average of daily
// closes) and D (dividends per share at an annual rate).
type row struct {
	year, month     int
	price, dividend string // the source's text, so the table shows the source's digits
}

// parse reads the CSV: "#" comment lines (the provenance), a header
// "month,price,dividend", then one row per month written YYYY-MM.
func parse(r io.Reader) (provenance []string, rows []row, err error) {
	sc := bufio.NewScanner(r)
	header := false
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		switch {
		case text == "":
			continue
		case strings.HasPrefix(text, "#"):
			if header {
				return nil, nil, fmt.Errorf("line %d: comment after the header", line)
			}
			provenance = append(provenance, strings.TrimSpace(strings.TrimPrefix(text, "#")))
			continue
		case !header:
			if text != "month,price,dividend" {
				return nil, nil, fmt.Errorf("line %d: header %q, want \"month,price,dividend\"", line, text)
			}
			header = true
			continue
		}
		rw, err := parseRow(text)
		if err != nil {
			return nil, nil, fmt.Errorf("line %d: %w", line, err)
		}
		if n := len(rows); n > 0 {
			prev := rows[n-1]
			wantYear, wantMonth := prev.year, prev.month+1
			if wantMonth == 13 {
				wantYear, wantMonth = wantYear+1, 1
			}
			if rw.year != wantYear || rw.month != wantMonth {
				return nil, nil, fmt.Errorf("line %d: month %04d-%02d follows %04d-%02d; want %04d-%02d (no gaps, no repeats)",
					line, rw.year, rw.month, prev.year, prev.month, wantYear, wantMonth)
			}
		}
		rows = append(rows, rw)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	if len(provenance) == 0 {
		return nil, nil, errors.New("no \"#\" lines naming the source")
	}
	if len(rows) < 13 {
		return nil, nil, fmt.Errorf("%d rows; want at least one December and a year of months", len(rows))
	}
	if first, last := rows[0], rows[len(rows)-1]; first.month != 12 || last.month != 12 {
		return nil, nil, fmt.Errorf("rows run %04d-%02d..%04d-%02d; want December to December so every year is whole",
			first.year, first.month, last.year, last.month)
	}
	return provenance, rows, nil
}

func parseRow(text string) (row, error) {
	f := strings.Split(text, ",")
	if len(f) != 3 {
		return row{}, fmt.Errorf("%q: want month,price,dividend", text)
	}
	var rw row
	if len(f[0]) != 7 || f[0][4] != '-' {
		return row{}, fmt.Errorf("month %q: want YYYY-MM", f[0])
	}
	var err1, err2 error
	rw.year, err1 = strconv.Atoi(f[0][:4])
	rw.month, err2 = strconv.Atoi(f[0][5:])
	if err1 != nil || err2 != nil || rw.month < 1 || rw.month > 12 {
		return row{}, fmt.Errorf("month %q: want YYYY-MM", f[0])
	}
	for i, name := range []string{"price", "dividend"} {
		v, err := strconv.ParseFloat(f[i+1], 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
			return row{}, fmt.Errorf("%04d-%02d %s %q: want a positive number", rw.year, rw.month, name, f[i+1])
		}
	}
	rw.price, rw.dividend = f[1], f[2]
	return rw, nil
}

// generate returns the gofmt'ed source of history.go and of
// scenario/history_years.go, the years the table holds: the scenario
// package validates the "history" key against them without importing the
// engine's table.
func generate(r io.Reader, name string) (table, years []byte, err error) {
	provenance, rows, err := parse(r)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by historygen from %s; DO NOT EDIT.\n\n", slash(name))
	b.WriteString("package calc\n\n")
	b.WriteString("// Source of historyTable:\n//\n")
	for _, p := range provenance {
		fmt.Fprintf(&b, "//\t%s\n", p)
	}
	b.WriteString(`//
// Each row is one month: {P, D}, P the S&P Composite price (monthly average
// of daily closes), D the dividends per share at an annual rate. The total
// return of month t is (P_t + D_t/12) / P_(t-1) - 1, the formula of Shiller's
// own "Real Total Return Price" column, in nominal dollars; see
// history_returns.go and docs/HISTORY.md.

`)
	first, last := rows[0], rows[len(rows)-1]
	fmt.Fprintf(&b, "// historyBaseYear is the year of the table's first row, December %d: the\n", first.year)
	b.WriteString("// price the first month's return (January of the next year) starts from.\n")
	fmt.Fprintf(&b, "const historyBaseYear = %d\n\n", first.year)
	fmt.Fprintf(&b, "// historyTable holds %d months, December %d through December %d,\n", len(rows), first.year, last.year)
	b.WriteString("// one line per calendar year after the base month.\n")
	b.WriteString("var historyTable = [...]historyRow{\n")
	fmt.Fprintf(&b, "\t// %d-12, the base\n\t{%s, %s},\n", first.year, first.price, first.dividend)
	for i := 1; i < len(rows); i += 12 {
		fmt.Fprintf(&b, "\t// %d\n\t", rows[i].year)
		for j := i; j < i+12; j++ {
			if j > i {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "{%s, %s},", rows[j].price, rows[j].dividend)
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
	if table, err = format.Source(b.Bytes()); err != nil {
		return nil, nil, err
	}
	var y bytes.Buffer
	fmt.Fprintf(&y, "// Code generated by historygen from %s; DO NOT EDIT.\n\n", slash(name))
	y.WriteString("package scenario\n\n")
	y.WriteString("// The calendar years whose twelve monthly total returns calc's history\n")
	y.WriteString("// table holds (calc/history.go): the years a replay (\"history\") can use.\n")
	fmt.Fprintf(&y, "const (\n\tHistoryFirstYear = %d\n\tHistoryLastYear = %d\n)\n", first.year+1, last.year)
	logs, err := yearLogReturns(rows)
	if err != nil {
		return nil, nil, err
	}
	y.WriteString("\n// historyYearLogReturns holds each year's log total return, the sum of its\n")
	y.WriteString("// twelve monthly ln((P_t + D_t/12) / P_(t-1)) as calc's replay computes\n")
	y.WriteString("// them (history_returns.go), from HistoryFirstYear on: the scenario\n")
	y.WriteString("// bounds a replay's growth with them (limits.go) without the engine's table.\n")
	y.WriteString("var historyYearLogReturns = [...]float64{\n")
	for i, l := range logs {
		fmt.Fprintf(&y, "\t%s, // %d\n", strconv.FormatFloat(l, 'g', -1, 64), first.year+1+i)
	}
	y.WriteString("}\n")
	years, err = format.Source(y.Bytes())
	return table, years, err
}

// yearLogReturns sums each calendar year's monthly log total returns,
// ln(P_t/P_(t-1) + D_t/12/P_(t-1)), in the order calc sums them.
func yearLogReturns(rows []row) ([]float64, error) {
	num := func(text string) (float64, error) { return strconv.ParseFloat(text, 64) }
	var logs []float64
	for i := 1; i+11 < len(rows); i += 12 {
		sum := 0.0
		for j := i; j < i+12; j++ {
			prev, err := num(rows[j-1].price)
			if err != nil {
				return nil, err
			}
			cur, err := num(rows[j].price)
			if err != nil {
				return nil, err
			}
			div, err := num(rows[j].dividend)
			if err != nil {
				return nil, err
			}
			sum += math.Log(cur/prev + div/12/prev)
		}
		logs = append(logs, sum)
	}
	return logs, nil
}

// slash writes a path with forward slashes, so the header is the same on
// every system.
func slash(p string) string { return strings.ReplaceAll(p, `\`, "/") }
