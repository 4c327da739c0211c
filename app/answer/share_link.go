package answer

import (
	"net/url"

	"smacalc/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ShareLink is the link that reproduces the scenario, with a button that
// copies it.
type ShareLink struct {
	app.Compo
	Query string // the canonical query of the scenario

	status string // what the last copy did
	copied string // the query that status is about
}

func (s *ShareLink) copy(ctx app.Context, e app.Event) {
	q := s.Query
	widget.CopyText(widget.PageURL(), func(ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			s.copied = q
			s.status = "Link copied: paste it into an email or a note."
			if !ok {
				s.status = "The browser did not allow copying: right-click (or long-press) the link and copy it."
			}
		})
	})
}

func (s *ShareLink) Render() app.UI {
	widget.Rendered("shareLink")
	href := "?" + s.Query
	if u, err := url.Parse(href); err == nil {
		href = u.String()
	}
	status := ""
	if s.copied == s.Query {
		status = s.status
	}
	return app.Div().ID("share").Class("share no-print").Body(
		app.P().Body(
			app.A().ID("share-link").Href(href).Text("Link to this scenario"),
			app.Text(" "),
			app.Button().ID("copy-link").Type("button").Class("secondary small").Text("Copy link").OnClick(s.copy),
		),
		app.P().Class("share-help").Body(
			app.Text("Bookmark or send it: it reproduces exactly these inputs and results. "),
			app.Span().ID("copy-status").Attr("role", "status").Text(status),
		),
	)
}
