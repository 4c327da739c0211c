// Package savedfile is the file format of saved scenarios: a scenario kept
// under a client label, and the JSON file of a list of them that the
// advisor's tools export and import and that local storage keeps. It reads
// untrusted bytes (an imported file, or what another page of the origin
// wrote to storage), so everything read goes through the checks here: the
// size and nesting before any decoding, no unknown field, the format and
// version, and each scenario's label, query (scenario.Decode), legacy lots
// and result.
//
// No UI and no browser (app/advisor keeps the list in local storage and
// shows it), so the format's fuzz target builds without go-app and
// net/http, which its instrumented build would otherwise compile a second
// time (issue 29).
package savedfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"smacalc/calc"
	"smacalc/calc/scenario"

	"github.com/shopspring/decimal"
)

// Saved scenarios come back from local storage and from files people
// import: both are untrusted, so everything read goes through decodeFile and
// decodeEntry (Parse for a strict read, which refuses a file with any bad
// scenario; ReadImport for an import, which keeps the good ones and names
// the others; ParseStored for local storage, which keeps the good ones).

// Limits on saved scenarios.
const (
	MaxLabel     = 80      // characters of a label
	MaxScenarios = 200     // scenarios in the list or in a file
	MaxFileBytes = 1 << 20 // bytes of an imported file (1 MB)
	format       = "smacalc-saved-scenarios"
	version      = 1
	// maxDepth bounds the nesting of the JSON (the format needs 3:
	// file object, scenarios array, scenario object).
	maxDepth = 8
)

// Scenario is one saved scenario: a client label and the scenario's
// canonical query (the share link's keys).
type Scenario struct {
	Label string `json:"label"`
	Query string `json:"query"`
	// Lots is the scenario's legacy lots file (scenario.LegacyLotsCSV), ""
	// for none: kept with the saved scenario, never in a share link.
	Lots string `json:"lots,omitempty"`
	// Difference is the median difference after tax (SMA − fund, dollars,
	// a decimal) of the scenario's complete result when it was saved, ""
	// when it had none: the list shows it beside the amount (issue 24,
	// item 4).
	Difference string `json:"difference,omitempty"`
}

// file is the JSON of an export, and of what local storage keeps.
type file struct {
	Format    string     `json:"format"`
	Version   int        `json:"version"`
	Scenarios []Scenario `json:"scenarios"`
}

// CleanLabel trims a label and checks it: printable text, at most
// MaxLabel characters. Labels are only ever shown as text.
func CleanLabel(label string) (string, error) {
	label = strings.TrimSpace(label)
	switch {
	case label == "":
		return "", errors.New("a label is required")
	case !utf8.ValidString(label):
		return "", errors.New("the label is not valid text")
	case utf8.RuneCountInString(label) > MaxLabel:
		return "", fmt.Errorf("a label has at most %d characters", MaxLabel)
	case strings.IndexFunc(label, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) >= 0:
		return "", errors.New("the label contains control characters")
	}
	return label, nil
}

// Check validates one saved scenario and returns it in canonical form.
func Check(s Scenario) (Scenario, error) {
	label, err := CleanLabel(s.Label)
	if err != nil {
		return Scenario{}, err
	}
	sc, err := scenario.Decode(s.Query)
	if err != nil {
		return Scenario{}, fmt.Errorf("%q: %v", label, err)
	}
	lots := ""
	if s.Lots != "" {
		parsed, err := scenario.ParseLegacyLots([]byte(s.Lots), sc.Year)
		if err != nil {
			return Scenario{}, fmt.Errorf("%q: lots: %v", label, err)
		}
		lots = scenario.LegacyLotsCSV(parsed)
	}
	difference := ""
	if s.Difference != "" {
		d, err := decimal.NewFromString(s.Difference)
		if err != nil || d.Abs().GreaterThan(maxDifference) {
			return Scenario{}, fmt.Errorf("%q: the result is not an amount", label)
		}
		difference = d.Round(0).String()
	}
	return Scenario{Label: label, Query: sc.Encode(), Lots: lots, Difference: difference}, nil
}

// maxDifference bounds a saved result: far beyond any scenario's
// wealth, and short to show.
var maxDifference = decimal.New(1, 15)

// notSavedFile is a file that is not a saved-scenarios file at all; its
// Error keeps the reader's detail (for tests and logs), plain is what a
// person reads (issue 24, item 5: not the parser's error).
type notSavedFile struct{ detail string }

func (e notSavedFile) Error() string { return "not a saved-scenarios file: " + e.detail }

// plain says what is wrong in plain words.
func (notSavedFile) plain() string {
	return "this is not a file of saved scenarios exported by this calculator (choose the .json file its “Export saved scenarios” button wrote)"
}

// ImportProblem is an import's refusal (ReadImport's error) in plain words.
func ImportProblem(err error) string {
	var n notSavedFile
	if errors.As(err, &n) {
		return n.plain()
	}
	return err.Error()
}

// ReadImport reads a file to import: the file must be a saved-scenarios
// file (else an error), but one bad scenario does not refuse the others
// (issue 24, item 5): the good ones are returned, the bad ones named
// ("scenario 3 “Lee”").
func ReadImport(data []byte) (good []Scenario, bad []string, err error) {
	entries, err := decodeFile(data)
	if err != nil {
		return nil, nil, err
	}
	for i, raw := range entries {
		c, err := decodeEntry(raw)
		if err == nil {
			good = append(good, c)
			continue
		}
		name := "scenario " + strconv.Itoa(i+1)
		var loose struct {
			Label string `json:"label"`
		}
		if json.Unmarshal(raw, &loose) == nil {
			if label, err := CleanLabel(loose.Label); err == nil {
				name += " “" + label + "”"
			}
		}
		bad = append(bad, name)
	}
	return good, bad, nil
}

// Parse reads an exported file strictly: at most 1 MB, no unknown
// fields, the right format and version, every scenario valid.
func Parse(data []byte) ([]Scenario, error) {
	entries, err := decodeFile(data)
	if err != nil {
		return nil, err
	}
	out := make([]Scenario, 0, len(entries))
	for i, raw := range entries {
		c, err := decodeEntry(raw)
		if err != nil {
			return nil, fmt.Errorf("scenario %d: %v", i+1, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// ParseStored reads what local storage keeps like an import, but
// keeps every valid scenario when some are not (a list with one bad entry
// loses only that entry, and a label seen before is dropped); it returns
// how many were dropped. An unreadable file is an error.
func ParseStored(data []byte) (list []Scenario, dropped int, err error) {
	entries, err := decodeFile(data)
	if err != nil {
		return nil, 0, err
	}
	for _, raw := range entries {
		if c, err := decodeEntry(raw); err == nil && IndexOfLabel(list, c.Label) < 0 {
			list = append(list, c)
		} else {
			dropped++
		}
	}
	return list, dropped, nil
}

// decodeFile checks the size and nesting before decoding, then the
// file's envelope; it returns the scenarios undecoded.
func decodeFile(data []byte) ([]json.RawMessage, error) {
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("the file is larger than %d KB", MaxFileBytes>>10)
	}
	if err := calc.CheckJSONDepth(data, maxDepth); err != nil {
		return nil, notSavedFile{err.Error()}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f struct {
		Format    string            `json:"format"`
		Version   int               `json:"version"`
		Scenarios []json.RawMessage `json:"scenarios"`
	}
	if err := dec.Decode(&f); err != nil {
		return nil, notSavedFile{err.Error()}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, notSavedFile{"text after the JSON"}
	}
	if f.Format != format || f.Version != version {
		return nil, notSavedFile{fmt.Sprintf("format %q version %d", f.Format, f.Version)}
	}
	if len(f.Scenarios) > MaxScenarios {
		return nil, fmt.Errorf("at most %d scenarios", MaxScenarios)
	}
	return f.Scenarios, nil
}

// decodeEntry decodes and checks one scenario of a file.
func decodeEntry(raw json.RawMessage) (Scenario, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var s Scenario
	if err := dec.Decode(&s); err != nil {
		return Scenario{}, fmt.Errorf("not a saved scenario: %v", err)
	}
	return Check(s)
}

// Encode writes the list in the export format, refusing a list
// larger than an import (or a reload of the stored list) would read, so that
// what is saved or exported can always be read back (issue 25, item 4).
// HTML escaping is off: Go would write each <, > and & of a label or a
// lots file as six characters (\u003c), inflating the file for nothing —
// the file is never put into HTML.
func Encode(list []Scenario) ([]byte, error) {
	if list == nil {
		list = []Scenario{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(file{Format: format, Version: version, Scenarios: list}); err != nil {
		return nil, err
	}
	if b.Len() > MaxFileBytes {
		return nil, TooLarge{Size: b.Len()}
	}
	return b.Bytes(), nil // Encode ends it with a newline
}

// TooLarge is the refusal of a list that would not be read back (a
// problem of the list, not of the browser's storage): Size is the bytes
// it would take.
type TooLarge struct{ Size int }

func (e TooLarge) Error() string {
	return fmt.Sprintf("the saved scenarios would take %d KB, more than the %d KB this page can read back: delete some, or save fewer lots",
		(e.Size+1023)>>10, MaxFileBytes>>10)
}

// Merge adds imported scenarios to a list: a label already in the list
// is replaced, others are appended, up to MaxScenarios.
func Merge(list, imported []Scenario) ([]Scenario, error) {
	out := append([]Scenario(nil), list...)
	for _, s := range imported {
		if i := IndexOfLabel(out, s.Label); i >= 0 {
			out[i] = s
			continue
		}
		if len(out) >= MaxScenarios {
			return nil, fmt.Errorf("at most %d saved scenarios: delete some first", MaxScenarios)
		}
		out = append(out, s)
	}
	return out, nil
}

// IndexOfLabel is the index of the saved scenario with the label, −1 for
// none (labels are unique in a list).
func IndexOfLabel(list []Scenario, label string) int {
	for i, s := range list {
		if s.Label == label {
			return i
		}
	}
	return -1
}
