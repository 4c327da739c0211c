//go:build js && wasm

package app

// SavedQueries returns the canonical queries of the valid scenarios saved
// in this browser (none when the list is missing or unreadable), read as
// the saved-scenarios list reads them (savedList). The simulation client
// keeps their results in the browser's storage for as long as they are
// saved, so presenter mode and a reopened saved scenario show their result
// at once.
func SavedQueries() []string {
	defer func() { _ = recover() }() // storage disabled: no saved scenarios
	list := savedList()
	queries := make([]string, len(list))
	for i, s := range list {
		queries[i] = s.Query
	}
	return queries
}
