//go:build js && wasm

package app

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// SavedQueries returns the canonical queries of the scenarios saved in this
// browser, none when the list is missing or unreadable. The simulation
// client keeps their results in the browser's storage for as long as they
// are saved, so presenter mode and a reopened saved scenario show their
// result at once.
func SavedQueries() []string {
	defer func() { _ = recover() }() // storage disabled: no saved scenarios
	item := app.Window().Get("localStorage").Call("getItem", savedKey)
	if item.Type() != app.TypeString {
		return nil
	}
	var raw string // go-app's LocalStorage stores a JSON string
	if json.Unmarshal([]byte(item.String()), &raw) != nil {
		return nil
	}
	list, err := parseSavedFile([]byte(raw))
	if err != nil {
		return nil
	}
	queries := make([]string, len(list))
	for i, s := range list {
		queries[i] = s.Query
	}
	return queries
}
