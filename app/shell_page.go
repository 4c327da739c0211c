package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

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
	return app.Div().
		ID("smacalc").
		DataSet("ready", p.ready).
		Body(
			&updateBanner{},
			&siteHeader{},
			app.Main().ID("main").Body(
				&calculatorArea{Ready: p.ready},
			),
			&siteFooter{},
		)
}
