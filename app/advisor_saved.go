package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"smacalc/calc"
)

// A saved scenario is a scenario kept in the browser under a client label.
// Saved scenarios come back from local storage and from files people import:
// both are untrusted, so everything read goes through parseSavedFile.

// Limits on saved scenarios.
const (
	maxSavedLabel     = 80      // characters of a label
	maxSavedScenarios = 200     // scenarios in the list or in a file
	maxSavedFileBytes = 1 << 20 // bytes of an imported file (1 MB)
	savedFormat       = "smacalc-saved-scenarios"
	savedVersion      = 1
)

// SavedScenario is one saved scenario: a client label and the scenario's
// canonical query (the share link's keys).
type SavedScenario struct {
	Label string `json:"label"`
	Query string `json:"query"`
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
	sc, err := calc.Decode(s.Query)
	if err != nil {
		return SavedScenario{}, fmt.Errorf("%q: %v", label, err)
	}
	return SavedScenario{Label: label, Query: sc.Encode()}, nil
}

// parseSavedFile reads an exported file strictly: at most 1 MB, no unknown
// fields, the right format and version, every scenario valid.
func parseSavedFile(data []byte) ([]SavedScenario, error) {
	if len(data) > maxSavedFileBytes {
		return nil, fmt.Errorf("the file is larger than %d KB", maxSavedFileBytes>>10)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f savedFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("not a saved-scenarios file: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("not a saved-scenarios file: text after the JSON")
	}
	if f.Format != savedFormat || f.Version != savedVersion {
		return nil, fmt.Errorf("not a saved-scenarios file (format %q version %d)", f.Format, f.Version)
	}
	if len(f.Scenarios) > maxSavedScenarios {
		return nil, fmt.Errorf("at most %d scenarios", maxSavedScenarios)
	}
	out := make([]SavedScenario, 0, len(f.Scenarios))
	for i, s := range f.Scenarios {
		c, err := checkSaved(s)
		if err != nil {
			return nil, fmt.Errorf("scenario %d: %v", i+1, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// encodeSavedFile writes the list in the export format.
func encodeSavedFile(list []SavedScenario) []byte {
	if list == nil {
		list = []SavedScenario{}
	}
	b, _ := json.MarshalIndent(savedFile{Format: savedFormat, Version: savedVersion, Scenarios: list}, "", "  ")
	return append(b, '\n')
}

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
