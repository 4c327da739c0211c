package scenario

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// LegacyLot is one tax lot the client owns today: a row of a lots file
// (ParseLegacyLots). Lots of one Holding are one stock.
type LegacyLot struct {
	Holding  string  // name of the holding (a ticker, a fund)
	Value    float64 // market value at the start, dollars (> 0)
	Basis    float64 // cost basis, dollars (≥ 0)
	Acquired string  // date acquired, YYYY-MM-DD, on or before the start
}

// Limits of a lots file: a household's legacy holdings fit easily, and a
// browser reads and simulates the largest one without a pause.
const (
	MaxLegacyLots    = 1000      // rows after the header
	MaxLegacyBytes   = 256 << 10 // file size
	maxHoldingLength = 64        // characters of a holding's name
)

// LegacyHeader is the lots file's header, exactly.
const LegacyHeader = "holding,value,basis,acquired"

// LotsError is a problem with a lots file: the line (1 is the header) and
// the column, when the problem is in one.
type LotsError struct {
	Line   int
	Column string
	Msg    string
}

func (e *LotsError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d: %s: %s", e.Line, e.Column, e.Msg)
}

// LegacyStart is the simulation's start date for holding periods: January
// 1 of the scenario's tax year (the first year simulated is that tax
// year). A lot acquired after it is refused.
func LegacyStart(year int) time.Time { return time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC) }

// notPrintable reports a character a holding's name may not have: the
// saved-scenario labels' rule (app's cleanLabel), anything but
// unicode.IsPrint and the ASCII space. That refuses control characters
// (NUL, BEL), bidirectional controls (U+202E, which makes a name read
// backwards: the "Trojan Source" trick, Unicode TR #9) and zero-width
// characters (U+200B), so a name is never blank or different on screen
// from what it is.
func notPrintable(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }

// problem describes what is wrong with a lot, or "".
func (l LegacyLot) problem(year int) string {
	switch {
	case l.Holding == "" || utf8.RuneCountInString(l.Holding) > maxHoldingLength || !utf8.ValidString(l.Holding):
		return fmt.Sprintf("holding: must be a name of 1 to %d characters", maxHoldingLength)
	case strings.IndexFunc(l.Holding, notPrintable) >= 0:
		i := strings.IndexFunc(l.Holding, notPrintable)
		r, _ := utf8.DecodeRuneInString(l.Holding[i:])
		return fmt.Sprintf("holding: must be printable text, and U+%04X is not (control, format and invisible characters are refused, as in labels)", r)
	case !finite(l.Value) || l.Value <= 0 || l.Value > 1e10 || roundTo(l.Value, centsPerDollar) != l.Value:
		return "value: must be dollars and cents, above 0 and at most 10000000000"
	case !finite(l.Basis) || l.Basis < 0 || l.Basis > 1e10 || roundTo(l.Basis, centsPerDollar) != l.Basis:
		return "basis: must be dollars and cents, 0 to 10000000000"
	}
	d, err := time.Parse(time.DateOnly, l.Acquired)
	if err != nil {
		return "acquired: not a date YYYY-MM-DD: " + strconv.Quote(l.Acquired)
	}
	if start := LegacyStart(year); d.After(start) {
		return "acquired: after the simulation start " + start.Format(time.DateOnly)
	}
	if d.Year() < 1900 {
		return "acquired: before 1900"
	}
	return ""
}

// ParseLegacyLots reads a lots file: the header "holding,value,basis,acquired"
// and one row per lot (dollars; acquired YYYY-MM-DD, on or before January 1
// of the tax year `year`, which sets short or long term). It returns the
// lots, or a *LotsError naming the line and the column of the first
// problem. At most MaxLegacyBytes and MaxLegacyLots rows.
func ParseLegacyLots(data []byte, year int) ([]LegacyLot, error) {
	if len(data) > MaxLegacyBytes {
		return nil, &LotsError{Line: 1, Msg: fmt.Sprintf("file is %d bytes; at most %d", len(data), MaxLegacyBytes)}
	}
	if !utf8.Valid(data) {
		return nil, &LotsError{Line: 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte("\n")), Msg: "not UTF-8 text"}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a spreadsheet's byte order mark
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	var lots []LegacyLot
	columns := strings.Split(LegacyHeader, ",")
	for first := true; ; first = false {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			if first {
				return nil, &LotsError{Line: 1, Msg: "empty file; the first line must be " + LegacyHeader}
			}
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &LotsError{Line: pe.Line, Msg: pe.Err.Error()}
			}
			return nil, &LotsError{Line: 1, Msg: err.Error()}
		}
		line, _ := r.FieldPos(0)
		if first {
			if strings.Join(rec, ",") != LegacyHeader {
				return nil, &LotsError{Line: line, Msg: "the header must be exactly " + LegacyHeader}
			}
			continue
		}
		if len(rec) != len(columns) {
			return nil, &LotsError{Line: line, Msg: fmt.Sprintf("%d fields; each line has %d: %s", len(rec), len(columns), LegacyHeader)}
		}
		if len(lots) == MaxLegacyLots {
			return nil, &LotsError{Line: line, Msg: fmt.Sprintf("more than %d lots", MaxLegacyLots)}
		}
		l := LegacyLot{Holding: strings.TrimSpace(rec[0]), Acquired: strings.TrimSpace(rec[3])}
		for k, dst := range []*float64{1: &l.Value, 2: &l.Basis} {
			if dst == nil {
				continue
			}
			v := strings.TrimSpace(rec[k])
			f, err := strconv.ParseFloat(v, 64)
			if !plainNumber(v) || err != nil || !finite(f) {
				return nil, &LotsError{Line: line, Column: columns[k], Msg: "not a number"}
			}
			// Dollars and cents: a value with more decimals is refused,
			// not rounded, so that 0.004 is not read as 0 (then "must be
			// above 0") and 20000.005 not as 20000.01 without a word.
			if roundTo(f, centsPerDollar) != f {
				return nil, &LotsError{Line: line, Column: columns[k], Msg: "more than two decimals: give dollars and cents (" + shortened(v) + ")"}
			}
			*dst = f + 0 // −0 as 0
		}
		if msg := l.problem(year); msg != "" {
			col, m, _ := strings.Cut(msg, ": ")
			return nil, &LotsError{Line: line, Column: col, Msg: m}
		}
		lots = append(lots, l)
	}
	if len(lots) == 0 {
		return nil, &LotsError{Line: 2, Msg: "no lots after the header"}
	}
	return lots, nil
}

// shortened is v, cut to 24 bytes (on a character boundary) for a message.
func shortened(v string) string {
	if len(v) <= 24 {
		return v
	}
	cut := 24
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return v[:cut] + "…"
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// LegacyTotal is the lots' total value: the scenario's Amount when they
// are simulated.
func LegacyTotal(lots []LegacyLot) float64 {
	t := 0.0
	for _, l := range lots {
		t += l.Value
	}
	return roundTo(t, centsPerDollar)
}

// LegacyLotsCSV writes lots as a lots file (the header, then one line per
// lot, numbers in their shortest form): ParseLegacyLots reads it back to
// the same lots.
func LegacyLotsCSV(lots []LegacyLot) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(strings.Split(LegacyHeader, ","))
	for _, l := range lots {
		_ = w.Write([]string{l.Holding, formatFloat(l.Value), formatFloat(l.Basis), l.Acquired})
	}
	w.Flush()
	return b.String()
}

// LegacyHash identifies a set of lots by its file, as LegacyLotsCSV writes
// it (FNV-1a, hex; "" for none): caches keyed by a scenario's query add it,
// so a scenario with lots never shares a result with the same query
// without them. A saved scenario keeps that same file, so its key can be
// computed without parsing the lots again.
func LegacyHash(file string) string {
	if file == "" {
		return ""
	}
	h := fnv.New64a()
	_, _ = io.WriteString(h, file)
	return strconv.FormatUint(h.Sum64(), 16)
}

// LegacyFirstYear is the first tax year the lots can start in, with the
// latest acquisition date that sets it: a lot is dated against January 1
// of the tax year (LegacyStart), so a lot acquired on 2025-06-01 needs the
// tax year 2026, one acquired on 2025-01-01 the tax year 2025. It is 0 for
// no lots or a lot without a valid date (the lots' own check names it).
func LegacyFirstYear(lots []LegacyLot) (year int, latest string) {
	var last time.Time
	for _, l := range lots {
		d, err := time.Parse(time.DateOnly, l.Acquired)
		if err != nil {
			return 0, ""
		}
		if d.After(last) {
			last, latest = d, l.Acquired
		}
	}
	if latest == "" {
		return 0, ""
	}
	year = last.Year()
	if last.After(LegacyStart(year)) {
		year++
	}
	return year, latest
}
