package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// installPrompt offers to install the calculator as an app where the browser
// supports it (it then works offline from the home screen or dock); on
// Apple browsers, which have no install prompt, it says how to add it.
type installPrompt struct {
	app.Compo
	installable, apple, showSteps bool
}

func (p *installPrompt) OnMount(ctx app.Context)            { p.refresh(ctx) }
func (p *installPrompt) OnAppInstallChange(ctx app.Context) { p.refresh(ctx) }

func (p *installPrompt) refresh(ctx app.Context) {
	p.installable = ctx.IsAppInstallable()
	p.apple = ctx.IsAppleBrowser()
}

func (p *installPrompt) Render() app.UI {
	if !p.installable {
		return app.Div().ID("install").Class("install-none")
	}
	if p.apple {
		return app.Div().ID("install").Class("install no-print").Body(
			app.Button().ID("install-steps").Type("button").Class("button secondary").
				Aria("expanded", p.showSteps).Aria("controls", "install-help").
				Text("Use offline: add to Home Screen").
				OnClick(func(ctx app.Context, e app.Event) { p.showSteps = !p.showSteps }),
			app.If(p.showSteps, func() app.UI {
				return app.P().ID("install-help").Class("install-help").Text(
					"In Safari, tap the Share button, then “Add to Home Screen” (on a Mac: File, then “Add to Dock”). The calculator then opens from its icon, also offline.")
			}),
		)
	}
	return app.Div().ID("install").Class("install no-print").Body(
		app.Button().ID("install-app").Type("button").Class("button secondary").
			Text("Install the calculator (works offline)").
			OnClick(func(ctx app.Context, e app.Event) { ctx.ShowAppInstallPrompt() }),
	)
}
