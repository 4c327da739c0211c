package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// rehearsalLine is a component inside the update rehearsal's hidden
// contents (updateRehearsal): go-app updates components through other
// paths (updateComponent, its Render) than elements.
type rehearsalLine struct {
	app.Compo
	Text string
	Odd  bool
}

func (l *rehearsalLine) Render() app.UI {
	p := app.P().Class("line").Text(l.Text)
	if l.Odd {
		return p.Class("odd")
	}
	return p
}
