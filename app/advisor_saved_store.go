package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// savedKey is the local-storage key of the saved scenarios. Local storage is
// per origin and survives going offline and app updates.
const savedKey = "smacalc.saved-scenarios"

// loadSaved reads the saved scenarios of this browser. What is stored is
// treated as untrusted (another page of the origin, or a person with the
// developer tools, can write it): it goes through the import's checks.
func loadSaved(ctx app.Context) ([]SavedScenario, error) {
	var raw string
	if err := ctx.LocalStorage().Get(savedKey, &raw); err != nil {
		return nil, err
	}
	if raw == "" {
		return nil, nil
	}
	return parseSavedFile([]byte(raw))
}

// storeSaved writes the list to local storage.
func storeSaved(ctx app.Context, list []SavedScenario) error {
	return ctx.LocalStorage().Set(savedKey, string(encodeSavedFile(list)))
}
