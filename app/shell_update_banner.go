package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// updateBanner offers a reload once a new version of the app has been
// installed by the service worker. It never reloads by itself: an advisor may
// be in the middle of a client meeting.
type updateBanner struct {
	app.Compo
	available bool
}

// OnMount catches an update that finished before the WASM was running.
func (b *updateBanner) OnMount(ctx app.Context) {
	b.available = ctx.AppUpdateAvailable()
}

// OnAppUpdate is called by go-app when the new service worker is active.
func (b *updateBanner) OnAppUpdate(ctx app.Context) {
	b.available = ctx.AppUpdateAvailable()
}

func (b *updateBanner) Render() app.UI {
	if !b.available {
		return app.Div().ID("update-banner").Hidden(true)
	}
	return app.Div().
		ID("update-banner").
		Class("update-banner").
		Role("status").
		Body(
			app.Span().Text("A new version is available — reload to use it."),
			app.Button().
				ID("update-reload").
				Text("Reload").
				OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
		)
}
