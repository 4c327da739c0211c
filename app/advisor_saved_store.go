package app

import (
	"encoding/json"
	"strconv"
	"strings"

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
// copy; it is never fatal.
func loadSaved(ctx app.Context) ([]SavedScenario, string) {
	storage := app.Window().Get("localStorage")
	item := storage.Call("getItem", savedKey)
	if item.IsNull() || item.IsUndefined() {
		return nil, ""
	}
	list, problem := readStoredSaved(item.String())
	if problem == "" {
		return list, ""
	}
	if !setAside(storage, item.String()) {
		// Rewriting the list now would lose what could not be read.
		return list, problem + " This browser's storage is full, so what could not be read is left as it was (the next change to the saved scenarios replaces it)."
	}
	if err := storeSaved(ctx, list); err != nil {
		storage.Call("removeItem", savedKey)
	}
	return list, problem + " What could not be read was set aside in this browser (local storage “" + setAsideKey + "”)."
}

// setAside copies a stored value that could not be read to setAsideKey. It
// reports false when the browser refuses the copy (QuotaExceededError: a
// value of up to 2 MB next to everything else stored), which syscall/js
// raises as a panic that would otherwise end the page's Go program.
func setAside(storage app.Value, item string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	storage.Call("setItem", setAsideKey, item)
	return true
}

// readStoredSaved decodes the stored text (a JSON string holding a saved-
// scenarios file, as storeSaved writes it) and says what was wrong with it.
func readStoredSaved(item string) ([]SavedScenario, string) {
	// The item is a JSON string literal: check the size and that it is a
	// string before decoding (a string has no nesting).
	if len(item) > 2*maxSavedFileBytes || !strings.HasPrefix(item, `"`) {
		return nil, "The saved scenarios in this browser could not be read (not a saved-scenarios list)."
	}
	var raw string
	if err := json.Unmarshal([]byte(item), &raw); err != nil {
		return nil, "The saved scenarios in this browser could not be read (" + err.Error() + ")."
	}
	list, dropped, err := parseStoredSaved([]byte(raw))
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

// savedList reads the valid saved scenarios without changing what is
// stored (the saved-scenarios list, which sets bad values aside and says
// so, is the one place that does).
func savedList() []SavedScenario {
	item := app.Window().Get("localStorage").Call("getItem", savedKey)
	if item.IsNull() || item.IsUndefined() {
		return nil
	}
	list, _ := readStoredSaved(item.String())
	return list
}

// storeSaved writes the list to local storage.
func storeSaved(ctx app.Context, list []SavedScenario) error {
	return ctx.LocalStorage().Set(savedKey, string(encodeSavedFile(list)))
}
