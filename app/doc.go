// Package app is the calculator's user interface, and its shell: the page
// (header, footer, update banner, install prompt), the routes and the go-app
// Handler's settings in one place, so the page prerendered by the server or
// the static build and the page the WASM mounts in the browser never drift
// apart, and the calculator that puts the rooms below together around the
// one store.
//
// # Packages
//
// The packages' imports are the architecture; arch_test.go keeps them so
// (allowedImports) and checks that no component has an exported field of
// function type:
//
//	app           the shell: Page, calculator, routes, Handler; nothing imports it
//	├─ form          the scenario form: short, advanced, existing holdings
//	├─ answer        headline, progress, charts, notices, year table, assumptions
//	├─ advisor       saved scenarios, compare, presenter mode, exports, report
//	├─ transparency  holdings, tax lots, harvests, stock-count sweep, explainer
//	├─ giving        gifts of appreciated shares: each year's lots, gains
//	│                given away and deduction, SMA beside fund
//	├─ breakeven     the break-even map over two inputs (issue 27)
//	├─ after         "After a few years": exit plans side by side, gain budgets
//	│     the rooms: each imports what is below, never another room
//	├─ store      the one state, the actions that change it, the Simulator
//	│             interface, the debounce, the URL
//	├─ fields     key specs (the form's table of keys), form values ↔
//	│             scenario, the Scenario value (a scenario.Scenario with its query)
//	├─ brand      a firm's white label, read once per page (FromEnv)
//	├─ csscolor   the colours a brand may set (#rgb, #rrggbb): no go-app
//	├─ chart      SVG charts, which know nothing of the calculator
//	├─ widget     number formatting, terms, local storage, browser helpers
//	│             (*_js.go, with no-op twins in browser_other.go)
//	└─ savedfile  the saved scenarios' file format (export, import, what
//	              local storage keeps): no UI, no go-app (advisor's below)
//
// # One way
//
// Components receive plain data (exported fields) and send intents as
// go-app actions: ctx.NewActionWithValue(store.ActionChange, …). The
// calculator handles them (ctx.Handle) with the store and renders again from
// its state. go-app renders a child again only when its exported fields
// differ (reflect.DeepEqual): a func never equals another, so a func field
// would render the child on every render of its parent; a field's own
// update is prevented (ctx.PreventUpdate), its change comes back as data.
// The forms get only their own keys' values (fields.Pick), so a keystroke
// renders the field typed in, its form and what depends on the form's
// validity, not the other fields or the advisors' tools
// (e2e/render_count_test.go counts them).
//
// The scenario is decoded once where its text enters (fields.ToScenario for
// the form, fields.Recover for a link, a saved scenario when opened) and
// travels as a fields.Scenario to the store, the Simulator (its query is
// the result cache's key) and the components; a result travels with its
// scenario (store.Shown). The Simulator and the saved scenarios' reader
// (which the browser's simulator shares for its result cache) are given by
// main (Start), the brand read once when the page is made (newPage); none
// is a package variable.
package app
