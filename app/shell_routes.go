package app

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Pages lists every path the app routes, for the static build. Share links add
// a query string to these paths; the query is never part of the route.
var Pages = []string{"/"}

var routesOnce sync.Once

// Routes registers the pages with go-app. Both builds call it: the WASM before
// app.RunWhenOnBrowser, the native program before it prerenders or builds.
// Calling it again does nothing.
func Routes() {
	routesOnce.Do(func() {
		app.Route("/", func() app.Composer { return &Page{} })
	})
}
