//go:build js && wasm

package app

// SavedScenarios returns the valid scenarios saved in this browser (none
// when the list is missing or unreadable), read as the saved-scenarios
// list reads them (savedList). The simulation client keeps their results
// in the browser's storage for as long as they are saved, so presenter
// mode and a reopened saved scenario show their result at once.
func SavedScenarios() (list []SavedScenario) {
	defer func() { _ = recover() }() // storage disabled: no saved scenarios
	return savedList()
}
