//go:build js && wasm

package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/advisor"
	"smacalc/app/widget"
)

// SavedScenarios returns the valid scenarios saved in this browser (none
// when the list is missing or unreadable), read as the saved-scenarios
// list reads them, through the page's one reader (browserSaved). The
// simulation client keeps their results in the browser's storage for as
// long as they are saved, so presenter mode and a reopened saved scenario
// show their result at once.
func SavedScenarios() (list []advisor.SavedScenario) {
	defer func() { _ = recover() }() // storage disabled: no saved scenarios
	return browserSaved.List()
}

// LocalStorage is widget.LocalStorage, for the simulation client's result
// cache (wasm/simclient), which shares the storage with the saved
// scenarios.
func LocalStorage() (storage app.Value, ok bool) { return widget.LocalStorage() }
