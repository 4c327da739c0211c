package app

import (
	"sync"

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
func Routes() { routes(nil) }

// Start runs the UI in the browser with sim, the simulator it gives the
// page (the browser build's Web Workers, see wasm/simclient). It does not
// return.
func Start(sim store.Simulator) {
	routes(sim)
	app.RunWhenOnBrowser()
}

func routes(sim store.Simulator) {
	routesOnce.Do(func() {
		app.Route("/", func() app.Composer { return newPage(sim) })
	})
}
