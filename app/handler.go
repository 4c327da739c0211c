//go:build !wasm

package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/static"
)

// Identity of the app, shared by the manifest and the page head.
const (
	Name      = "smacalc — SMA vs fund after-tax calculator"
	ShortName = "smacalc"
	themeInk  = "#1f3a5f"
	paper     = "#f3f6f9"
)

// HandlerOptions are what changes from one build to the next.
type HandlerOptions struct {
	// Version identifies the build. go-app writes it into the service worker,
	// so a new version is what makes browsers offer the update.
	Version string
	// WasmSize is the uncompressed size of web/app.wasm in bytes. The loader's
	// progress bar needs it because a compressed response's Content-Length is
	// the compressed size.
	WasmSize int64
	// Cacheable lists extra files under /web/ that the service worker must
	// precache for the app to work offline (the simulation worker's WASM).
	Cacheable []string
}

// Handler returns the go-app Handler with every setting of the PWA. It is the
// only place these settings live; the server and the static build both use
// it. Every URL it names is on the page's own origin: go-app's defaults fetch
// an icon from the internet, which breaks the installed app offline.
func Handler(o HandlerOptions) *app.Handler {
	h := &app.Handler{
		Name:            Name,
		ShortName:       ShortName,
		Title:           Name,
		Description:     Promise,
		Lang:            "en",
		BackgroundColor: paper,
		ThemeColor:      themeInk,
		LoadingLabel:    "Loading the calculator… {progress}%",
		Icon: app.Icon{
			Default:  "/web/icons/icon-192.png",
			Large:    "/web/icons/icon-512.png",
			Maskable: "/web/icons/icon-maskable-512.png",
			SVG:      "/web/icons/icon.svg",
		},
		Styles:                []string{"/web/smacalc.css"},
		CacheableResources:    append([]string{"/web/icons/icon.svg", "/web/sim-worker.js"}, o.Cacheable...),
		Version:               o.Version,
		ServiceWorkerTemplate: static.ServiceWorker,
	}
	if o.WasmSize > 0 {
		h.WasmContentLength = strconv.FormatInt(o.WasmSize, 10)
	}
	return h
}
