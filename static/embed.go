// Package static holds the files the calculator serves as they are: icons,
// the stylesheet and the service-worker template. They are embedded so that
// the smacalc binary alone can serve or build the whole site.
package static

import "embed"

// Files are the static assets, served under /web/ (icons/, smacalc.css, the
// simulation worker's script sim-worker.js, app-module.js that keeps the
// compiled app.wasm for the workers, first-paint.js that tells the
// stylesheet whether the prerendered answer is the address's, the embedding example
// embed.html with its embed.js and embed-host.css) or
// used as templates (app-worker.js).
//
//go:embed icons smacalc.css app-worker.js sim-worker.js app-module.js compile-worker.js first-paint.js embed.html embed.js embed-host.css
var Files embed.FS

// ServiceWorker is the service-worker template handed to go-app's Handler.
//
//go:embed app-worker.js
var ServiceWorker string
