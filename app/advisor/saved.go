package advisor

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

	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/calc"
	"smacalc/calc/scenario"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// A saved scenario is a scenario kept in the browser under a client label.
// Saved scenarios come back from local storage and from files people import:
// both are untrusted, so everything read goes through decodeSavedFile and
// decodeSavedEntry (parseSavedFile for an import, which refuses a file
// with any bad scenario; parseStoredSaved for local storage, which keeps
// the good ones).

// Limits on saved scenarios.
const (
	maxSavedLabel     = 80      // characters of a label
	maxSavedScenarios = 200     // scenarios in the list or in a file
	maxSavedFileBytes = 1 << 20 // bytes of an imported file (1 MB)
	savedFormat       = "smacalc-saved-scenarios"
	savedVersion      = 1
	// maxSavedDepth bounds the nesting of the JSON (the format needs 3:
	// file object, scenarios array, scenario object).
	maxSavedDepth = 8
)

// SavedScenario is one saved scenario: a client label and the scenario's
// canonical query (the share link's keys).
type SavedScenario struct {
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

// opening is what opening the saved scenario shows: its scenario, with its
// legacy lots when it has some that still read (otherwise it opens without
// them); ok is false when the query does not decode. A saved scenario is
// text from local storage, decoded here, once, when it is opened.
func (sc SavedScenario) opening() (o store.Open, ok bool) {
	s, err := scenario.Decode(sc.Query)
	if err != nil {
		return store.Open{}, false
	}
	o.Scenario, o.Label = fields.Of(s), sc.Label
	if sc.Lots != "" {
		if lots, err := scenario.ParseLegacyLots([]byte(sc.Lots), s.Year); err == nil {
			o.Lots = lots
		}
	}
	return o, true
}

// open posts the action that shows the saved scenario (store.ActionOpen).
func (sc SavedScenario) open(ctx app.Context) {
	if o, ok := sc.opening(); ok {
		ctx.NewActionWithValue(store.ActionOpen, o)
	}
}

// savedFile is the JSON of an export, and of what local storage keeps.
type savedFile struct {
	Format    string          `json:"format"`
	Version   int             `json:"version"`
	Scenarios []SavedScenario `json:"scenarios"`
}

// cleanLabel trims a label and checks it: printable text, at most
// maxSavedLabel characters. Labels are only ever shown as text.
func cleanLabel(label string) (string, error) {
	label = strings.TrimSpace(label)
	switch {
	case label == "":
		return "", errors.New("a label is required")
	case !utf8.ValidString(label):
		return "", errors.New("the label is not valid text")
	case utf8.RuneCountInString(label) > maxSavedLabel:
		return "", fmt.Errorf("a label has at most %d characters", maxSavedLabel)
	case strings.IndexFunc(label, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) >= 0:
		return "", errors.New("the label contains control characters")
	}
	return label, nil
}

// checkSaved validates one saved scenario and returns it in canonical form.
func checkSaved(s SavedScenario) (SavedScenario, error) {
	label, err := cleanLabel(s.Label)
	if err != nil {
		return SavedScenario{}, err
	}
	sc, err := scenario.Decode(s.Query)
	if err != nil {
		return SavedScenario{}, fmt.Errorf("%q: %v", label, err)
	}
	lots := ""
	if s.Lots != "" {
		parsed, err := scenario.ParseLegacyLots([]byte(s.Lots), sc.Year)
		if err != nil {
			return SavedScenario{}, fmt.Errorf("%q: lots: %v", label, err)
		}
		lots = scenario.LegacyLotsCSV(parsed)
	}
	difference := ""
	if s.Difference != "" {
		d, err := decimal.NewFromString(s.Difference)
		if err != nil || d.Abs().GreaterThan(maxSavedDifference) {
			return SavedScenario{}, fmt.Errorf("%q: the result is not an amount", label)
		}
		difference = d.Round(0).String()
	}
	return SavedScenario{Label: label, Query: sc.Encode(), Lots: lots, Difference: difference}, nil
}

// maxSavedDifference bounds a saved result: far beyond any scenario's
// wealth, and short to show.
var maxSavedDifference = decimal.New(1, 15)

// notSavedFile is a file that is not a saved-scenarios file at all; its
// Error keeps the reader's detail (for tests and logs), Plain is what a
// person reads (issue 24, item 5: not the parser's error).
type notSavedFile struct{ detail string }

func (e notSavedFile) Error() string { return "not a saved-scenarios file: " + e.detail }

// Plain says what is wrong in plain words.
func (notSavedFile) Plain() string {
	return "this is not a file of saved scenarios exported by this calculator (choose the .json file its “Export saved scenarios” button wrote)"
}

// importProblem is an import's refusal in plain words.
func importProblem(err error) string {
	var n notSavedFile
	if errors.As(err, &n) {
		return n.Plain()
	}
	return err.Error()
}

// readImport reads a file to import: the file must be a saved-scenarios
// file (else an error), but one bad scenario does not refuse the others
// (issue 24, item 5): the good ones are returned, the bad ones named
// ("scenario 3 “Lee”").
func readImport(data []byte) (good []SavedScenario, bad []string, err error) {
	entries, err := decodeSavedFile(data)
	if err != nil {
		return nil, nil, err
	}
	for i, raw := range entries {
		c, err := decodeSavedEntry(raw)
		if err == nil {
			good = append(good, c)
			continue
		}
		name := "scenario " + strconv.Itoa(i+1)
		var loose struct {
			Label string `json:"label"`
		}
		if json.Unmarshal(raw, &loose) == nil {
			if label, err := cleanLabel(loose.Label); err == nil {
				name += " “" + label + "”"
			}
		}
		bad = append(bad, name)
	}
	return good, bad, nil
}

// parseSavedFile reads an exported file strictly: at most 1 MB, no unknown
// fields, the right format and version, every scenario valid.
func parseSavedFile(data []byte) ([]SavedScenario, error) {
	entries, err := decodeSavedFile(data)
	if err != nil {
		return nil, err
	}
	out := make([]SavedScenario, 0, len(entries))
	for i, raw := range entries {
		c, err := decodeSavedEntry(raw)
		if err != nil {
			return nil, fmt.Errorf("scenario %d: %v", i+1, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// parseStoredSaved reads what local storage keeps like an import, but
// keeps every valid scenario when some are not (a list with one bad entry
// loses only that entry); it returns how many were dropped. An unreadable
// file is an error.
func parseStoredSaved(data []byte) (list []SavedScenario, dropped int, err error) {
	entries, err := decodeSavedFile(data)
	if err != nil {
		return nil, 0, err
	}
	for _, raw := range entries {
		if c, err := decodeSavedEntry(raw); err == nil && indexOfLabel(list, c.Label) < 0 {
			list = append(list, c)
		} else {
			dropped++
		}
	}
	return list, dropped, nil
}

// decodeSavedFile checks the size and nesting before decoding, then the
// file's envelope; it returns the scenarios undecoded.
func decodeSavedFile(data []byte) ([]json.RawMessage, error) {
	if len(data) > maxSavedFileBytes {
		return nil, fmt.Errorf("the file is larger than %d KB", maxSavedFileBytes>>10)
	}
	if err := calc.CheckJSONDepth(data, maxSavedDepth); err != nil {
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
	if f.Format != savedFormat || f.Version != savedVersion {
		return nil, notSavedFile{fmt.Sprintf("format %q version %d", f.Format, f.Version)}
	}
	if len(f.Scenarios) > maxSavedScenarios {
		return nil, fmt.Errorf("at most %d scenarios", maxSavedScenarios)
	}
	return f.Scenarios, nil
}

// decodeSavedEntry decodes and checks one scenario of a file.
func decodeSavedEntry(raw json.RawMessage) (SavedScenario, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var s SavedScenario
	if err := dec.Decode(&s); err != nil {
		return SavedScenario{}, fmt.Errorf("not a saved scenario: %v", err)
	}
	return checkSaved(s)
}

// encodeSavedFile writes the list in the export format, refusing a list
// larger than an import (or a reload of the stored list) would read, so that
// what is saved or exported can always be read back (issue 25, item 4).
// HTML escaping is off: Go would write each <, > and & of a label or a
// lots file as six characters (\u003c), inflating the file for nothing —
// the file is never put into HTML.
func encodeSavedFile(list []SavedScenario) ([]byte, error) {
	if list == nil {
		list = []SavedScenario{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(savedFile{Format: savedFormat, Version: savedVersion, Scenarios: list}); err != nil {
		return nil, err
	}
	if b.Len() > maxSavedFileBytes {
		return nil, tooLargeToKeep(b.Len())
	}
	return b.Bytes(), nil // Encode ends it with a newline
}

// savedTooLarge is the refusal of a list that would not be read back
// (a problem of the list, not of the browser's storage).
type savedTooLarge struct{ size int }

func (e savedTooLarge) Error() string {
	return fmt.Sprintf("the saved scenarios would take %d KB, more than the %d KB this page can read back: delete some, or save fewer lots",
		(e.size+1023)>>10, maxSavedFileBytes>>10)
}

// tooLargeToKeep names the size of a list that would not be read back.
func tooLargeToKeep(size int) error { return savedTooLarge{size} }

// mergeSaved adds imported scenarios to a list: a label already in the list
// is replaced, others are appended, up to maxSavedScenarios.
func mergeSaved(list, imported []SavedScenario) ([]SavedScenario, error) {
	out := append([]SavedScenario(nil), list...)
	for _, s := range imported {
		if i := indexOfLabel(out, s.Label); i >= 0 {
			out[i] = s
			continue
		}
		if len(out) >= maxSavedScenarios {
			return nil, fmt.Errorf("at most %d saved scenarios: delete some first", maxSavedScenarios)
		}
		out = append(out, s)
	}
	return out, nil
}

func indexOfLabel(list []SavedScenario, label string) int {
	for i, s := range list {
		if s.Label == label {
			return i
		}
	}
	return -1
}
