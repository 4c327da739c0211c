package store

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// PrerenderedEnv is the go-app environment variable (Handler.Env) that
// carries the start scenario's complete result, computed natively with calc
// when the site was built (`smacalc build`, `smacalc serve` at start-up).
// go-app writes it into app.js for the browser and into the process's
// environment while the server prerenders the page, so both renders read
// the same result: the page's first paint has the answer, and the WASM
// takes it over without computing it again. The native and WASM engines
// agree to the cent (e2e/determinism_test.go), so it is the result the
// workers would give.
const PrerenderedEnv = "SMACALC_PRERENDERED"

// PrerenderedFromEnv is the result the page was built with, or nil: none,
// or one that does not decode or does not hold together for its own
// scenario (calc.Result.CheckConsistency), which the page then simulates
// as it would without it.
func PrerenderedFromEnv() *calc.Result {
	raw := app.Getenv(PrerenderedEnv)
	if raw == "" {
		return nil
	}
	var r calc.Result
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		return nil
	}
	s, err := scenario.Decode(r.Scenario)
	if err != nil || s.Encode() != r.Scenario || r.CheckConsistency(s) != nil {
		return nil
	}
	return &r
}
