package app

import (
	"smacalc/app/advisor"
	"smacalc/app/brand"
	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Promise is the one-line statement of what the calculator answers.
const Promise = "See what direct ownership with tax-loss harvesting could keep you after taxes, compared with a fund."

// Page is the calculator's page: header, update notice, the calculator area
// and the footer.
//
// The root element carries data-ready="true" once the WASM UI has mounted in
// the browser. The prerendered HTML (server or static build) has "false": it is
// visible before the WASM runs, so browser tests and scripts wait for "true".
type Page struct {
	app.Compo
	ready bool

	// What the page is given (Routes, Start) and gives on: the simulator
	// (nil while prerendering), the brand read once from the environment,
	// the form's layout for it and the saved scenarios' reader.
	sim    store.Simulator
	brand  *brand.Brand
	layout *fields.Layout
	saved  *advisor.SavedStore
	// prerendered is the start scenario's result the site was built with
	// (nil: none), read once per page like the brand.
	prerendered *calc.Result
}

// newPage is the page with what it is given: the brand and the prerendered
// result are read from the environment here, once per page.
func newPage(sim store.Simulator, saved *advisor.SavedStore) *Page {
	b := brand.FromEnv()
	return &Page{sim: sim, brand: b, layout: fields.LayoutFor(b.ProspectKeys()), saved: saved, prerendered: store.PrerenderedFromEnv()}
}

// OnMount marks the page ready; only in the browser, since the server also
// mounts components when it prerenders.
func (p *Page) OnMount(ctx app.Context) {
	if app.IsClient {
		p.ready = true
		watchEmbedHeight()
	}
}

// Render draws the page.
func (p *Page) Render() app.UI {
	widget.Rendered("Page")
	return app.Div().
		ID("smacalc").
		DataSet("ready", p.ready).
		Body(
			&updateBanner{},
			&siteHeader{Brand: p.brand},
			app.Main().ID("main").Body(
				&calculatorArea{Ready: p.ready, Brand: p.brand, Sim: p.sim, Saved: p.saved, Layout: p.layout, Prerendered: p.prerendered},
			),
			&siteFooter{},
			// Hidden: the page's turn in the idle warm-up. Here, not in
			// the calculator: go-app updates every component above one
			// that changes, and above it is only the page.
			&updateRehearsal{Sim: p.sim},
		)
}
