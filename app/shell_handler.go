//go:build !wasm

package app

import (
	"encoding/json"
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/store"
	"smacalc/calc"
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
	// Base is the URL path the site is served under, "/" or a sub-path such
	// as "/tools/sma-calculator/" (normalised by BasePath).
	Base string
	// Brand is a firm's white label; nil for the calculator's own. Its Logo
	// must already be the served path (/web/brand/…).
	Brand *Brand
	// BrandStyles is true when the build wrote /web/brand.css.
	BrandStyles bool
	// Prerendered is the start scenario's complete result (the brand's
	// start scenario, else the default), computed natively when the site
	// is built: the page is prerendered with it and the WASM takes it over
	// (store.PrerenderedEnv). nil: the page shows no answer until the
	// workers have one.
	Prerendered *calc.Result
}

// moduleScript compiles app.wasm in compileWorker, from the head, and keeps
// the Module for go-app's loader and the simulation workers, which run the
// same WASM.
const moduleScript = "/web/app-module.js"

// compileWorker downloads and compiles app.wasm off the page's thread
// (static/compile-worker.js).
const compileWorker = "/web/compile-worker.js"

// firstPaintScript tells the stylesheet, before the body is parsed, whether
// the prerendered answer is the one the address asks for (see
// static/first-paint.js): a share link of another scenario hides it until
// the WASM shows that scenario's.
const firstPaintScript = "/web/first-paint.js"

// prerenderedMeta names the <meta> that carries the prerendered result's
// canonical query, which first-paint.js compares with the address's.
const prerenderedMeta = "smacalc-prerendered"

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
		CacheableResources:    append([]string{"/web/icons/icon.svg", "/web/sim-worker.js", moduleScript, compileWorker, firstPaintScript}, o.Cacheable...),
		Version:               o.Version,
		ServiceWorkerTemplate: static.ServiceWorker,
		Resources:             baseResolver(BasePath(o.Base)),
		Env:                   map[string]string{},
	}
	// A classic script: it must run before go-app's deferred app.js loads
	// app.wasm (see static/app-module.js). The base path is validated
	// (BasePath) and goes through the same resolver as every other URL.
	h.RawHeaders = append(h.RawHeaders, `<script src="`+html.EscapeString(baseResolver(BasePath(o.Base)).Resolve(moduleScript))+`"></script>`)
	// No preload of app.wasm: static/app-module.js downloads and compiles
	// it in a worker (static/compile-worker.js) as soon as it runs, and a
	// preload would be a second download, whose 13 MB body the page's
	// thread receives before its first paint (docs/ARCHITECTURE.md "Round
	// 6: the cold share link and the phone's first paint").
	// The prerendered result reaches the WASM through go-app's environment
	// (app.js, an external script the CSP allows; no inline script), and
	// is always set, so that a build without one never leaves the previous
	// build's in this process's environment (go-app calls os.Setenv).
	h.Env[store.PrerenderedEnv] = ""
	prerenderedQuery := ""
	if o.Prerendered != nil {
		raw, err := json.Marshal(o.Prerendered)
		if err == nil {
			h.Env[store.PrerenderedEnv] = string(raw)
			prerenderedQuery = o.Prerendered.Scenario
		}
	}
	// The meta comes before the script that reads it; both block nothing
	// but this tiny script, which runs before the body is parsed.
	h.RawHeaders = append(h.RawHeaders,
		`<meta name="`+prerenderedMeta+`" content="`+html.EscapeString(prerenderedQuery)+`">`,
		`<script src="`+html.EscapeString(baseResolver(BasePath(o.Base)).Resolve(firstPaintScript))+`"></script>`)
	if o.WasmSize > 0 {
		h.WasmContentLength = strconv.FormatInt(o.WasmSize, 10)
	}
	if b := o.Brand; b != nil {
		h.Name = b.Firm + " — SMA vs fund after-tax calculator"
		if b.AppName != "" {
			h.Name = b.AppName
		}
		h.Title = h.Name
		h.ShortName = b.ShortName
		if h.ShortName == "" {
			h.ShortName = ShortName
		}
		h.Author = b.Firm
		if b.Colors.Brand != "" {
			h.ThemeColor = b.Colors.Brand
		}
		if b.Logo != "" {
			h.CacheableResources = append(h.CacheableResources, b.Logo)
		}
		if o.BrandStyles {
			h.Styles = append(h.Styles, "/web/brand.css")
		}
		raw, _ := json.Marshal(b) // plain strings and numbers: cannot fail
		h.Env[BrandEnv] = string(raw)
	}
	return h
}

// BasePath normalises a sub-path to "/a/b/" form; "" and "/" are the root.
func BasePath(base string) string {
	base = strings.Trim(strings.TrimSpace(base), "/")
	if base == "" {
		return "/"
	}
	return "/" + base + "/"
}

// baseResolver serves the site under a sub-path such as
// "/tools/sma-calculator/". go-app's PrefixedLocation does most of this; the
// difference is the root: go-app strips Resolve("/") from the URL path to
// route, so it must have no trailing slash, and every other path gets the
// base in front.
type baseResolver string

func (base baseResolver) Resolve(location string) string {
	if strings.HasPrefix(location, "https://") || strings.HasPrefix(location, "http://") {
		return location
	}
	if location == "" || location == "/" {
		if base == "/" {
			return "/"
		}
		return strings.TrimSuffix(string(base), "/")
	}
	return string(base) + strings.TrimPrefix(location, "/")
}
