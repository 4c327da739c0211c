package fields

import "smacalc/calc/scenario"

// Scenario is a valid scenario with its canonical query (scenario.Scenario's
// Encode), decoded once where its text enters (the form, a link, a saved
// scenario) and handed on as a value: to the store, the simulator and its
// result cache, and the components. Nothing after that point decodes a
// query again.
type Scenario struct {
	scenario.Scenario
	Query string
}

// Of is s with its canonical query.
func Of(s scenario.Scenario) Scenario { return Scenario{Scenario: s, Query: s.Encode()} }
