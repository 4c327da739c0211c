//go:build !wasm

package site

import (
	"context"
	"fmt"
	"sync"

	ui "smacalc/app"
	"smacalc/app/fields"
	"smacalc/calc"
)

// computed keeps the start scenarios' results this process has computed:
// a scenario always gives the same result (calc is deterministic), and a
// process may build several sites (the browser tests build four, `smacalc
// serve` one at start-up).
var computed struct {
	sync.Mutex
	results map[string]*calc.Result
}

// prerender computes the result the page starts with: the brand's start
// scenario (brand.json's default_scenario), else the calculator's default,
// natively with calc. The page is prerendered with it and the WASM takes
// it over (app/store.PrerenderedEnv); calc.Simulate is the same code the
// workers run and gives the same result to the cent (e2e/determinism_test.go).
func prerender(brand *ui.Brand) (*calc.Result, error) {
	start := fields.Start(brand.Startup())
	computed.Lock()
	defer computed.Unlock()
	if r, ok := computed.results[start.Query]; ok {
		return r, nil
	}
	r, err := calc.Simulate(context.Background(), start.Scenario, nil)
	if err != nil {
		return nil, fmt.Errorf("build: computing the start scenario's result: %w", err)
	}
	if computed.results == nil {
		computed.results = map[string]*calc.Result{}
	}
	computed.results[start.Query] = &r
	return &r, nil
}
