package advisor

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"smacalc/app/savedfile"
	"smacalc/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// savedKey is the local-storage key of the saved scenarios. Local storage is
// per origin and survives going offline and app updates.
const savedKey = "smacalc.saved-scenarios"

// setAsideKey keeps a stored value that could not be read in full, so
// that saving does not destroy what a person may still recover.
const setAsideKey = savedKey + ".set-aside"

// loadSaved reads the saved scenarios of this browser and says what it
// could not read ("" when everything was fine). What is stored is treated
// as untrusted (another page of the origin, or a person with the developer
// tools, can write it): it is read raw — go-app's Get would decode it
// before any check — and goes through the import's checks, keeping every
// valid scenario. A value that is not read in full is set aside under
// setAsideKey, or left as it is when the storage has no room for that
// copy; it is never fatal, and neither is a browser without storage.
func loadSaved() ([]savedfile.Scenario, string) {
	storage, ok := widget.LocalStorage()
	if !ok {
		return nil, "This browser does not let this page keep saved scenarios (its storage is blocked)."
	}
	item, ok := widget.StorageCall(storage, "getItem", savedKey)
	if !ok || item.Type() != app.TypeString {
		return nil, ""
	}
	list, problem := readStoredSaved(item.String())
	if problem == "" {
		return list, ""
	}
	if _, ok := widget.StorageCall(storage, "setItem", setAsideKey, item.String()); !ok {
		// Rewriting the list now would lose what could not be read.
		return list, problem + " This browser's storage is full, so what could not be read is left as it was (the next change to the saved scenarios replaces it)."
	}
	if err := storeSaved(list); err != nil {
		widget.StorageCall(storage, "removeItem", savedKey)
	}
	return list, problem + " What could not be read was set aside in this browser (local storage “" + setAsideKey + "”)."
}

// readStoredSaved decodes the stored text (a JSON string holding a saved-
// scenarios file, as storeSaved writes it) and says what was wrong with it.
func readStoredSaved(item string) ([]savedfile.Scenario, string) {
	// The item is a JSON string literal: check the size and that it is a
	// string before decoding (a string has no nesting).
	if len(item) > 2*savedfile.MaxFileBytes || !strings.HasPrefix(item, `"`) {
		return nil, "The saved scenarios in this browser could not be read (not a saved-scenarios list)."
	}
	var raw string
	if err := json.Unmarshal([]byte(item), &raw); err != nil {
		return nil, "The saved scenarios in this browser could not be read (" + err.Error() + ")."
	}
	list, dropped, err := savedfile.ParseStored([]byte(raw))
	switch {
	case err != nil:
		return nil, "The saved scenarios in this browser could not be read (" + err.Error() + ")."
	case dropped == 1:
		return list, "One saved scenario could not be read; the others are kept."
	case dropped > 1:
		return list, strconv.Itoa(dropped) + " saved scenarios could not be read; the others are kept."
	}
	return list, ""
}

// List reads the valid saved scenarios without changing what is stored
// (the saved-scenarios list, which sets bad values aside and says so, is
// the one place that does); none without storage.
func (r *SavedStore) List() []savedfile.Scenario {
	if r == nil {
		return nil
	}
	storage, ok := widget.LocalStorage()
	if !ok {
		return nil
	}
	item, ok := widget.StorageCall(storage, "getItem", savedKey)
	if !ok || item.Type() != app.TypeString {
		return nil
	}
	text := item.String()
	if text != r.item {
		r.list, _ = readStoredSaved(text)
		r.item = text
	}
	return slices.Clone(r.list)
}

// SavedStore reads the saved scenarios of this browser, keeping the list it
// last read with the stored text it came from: it is read after every
// finished run and on every change of the scenario, and checking each
// saved scenario (decoding its query, reading its lots) is worth doing
// once per change of the list, not per read. The shell makes one for the
// page and gives it to the components that read the list.
type SavedStore struct {
	item string
	list []savedfile.Scenario
}

// storeSaved writes the list to local storage as go-app's LocalStorage
// would (a JSON string holding the file), without its read of
// window.localStorage, which ends the program when the browser blocks
// storage. A list that readStoredSaved would refuse is not written, so
// what was stored stays (issue 25, item 4).
func storeSaved(list []savedfile.Scenario) error {
	item, err := storedSavedItem(list)
	if err != nil {
		return err
	}
	storage, ok := widget.LocalStorage()
	if !ok {
		return errors.New("storage is blocked for this page")
	}
	if _, ok := widget.StorageCall(storage, "setItem", savedKey, item); !ok {
		return errors.New("its storage is full or refused the list")
	}
	return nil
}

// storedSavedItem is the text storeSaved writes: the file as a JSON
// string, within the limits readStoredSaved applies.
func storedSavedItem(list []savedfile.Scenario) (string, error) {
	file, err := savedfile.Encode(list)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(string(file)); err != nil { // a string: cannot fail
		return "", err
	}
	item := strings.TrimSuffix(b.String(), "\n")
	if len(item) > 2*savedfile.MaxFileBytes {
		return "", savedfile.TooLarge{Size: len(item) / 2}
	}
	return item, nil
}
