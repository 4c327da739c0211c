package app

import (
	"sync"

	"smacalc/app/advisor"
	"smacalc/app/store"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Pages lists every path the app routes, for the static build. Share links add
// a query string to these paths; the query is never part of the route.
var Pages = []string{"/"}

var routesOnce sync.Once

// Routes registers the pages with go-app for the native program, before it
// prerenders or builds: nothing is simulated there. Calling it again, or
// after Start, does nothing.
func Routes() { routes(nil, nil) }

// Start runs the UI in the browser with sim, the simulator it gives the
// page (the browser build's Web Workers, see wasm/simclient), and saved,
// the reader of this browser's saved scenarios (shared with the
// simulator's result cache). It does not return.
func Start(sim store.Simulator, saved *advisor.SavedStore) {
	routes(sim, saved)
	app.RunWhenOnBrowser()
}

func routes(sim store.Simulator, saved *advisor.SavedStore) {
	routesOnce.Do(func() {
		app.Route("/", func() app.Composer { return newPage(sim, saved) })
	})
}
