package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/answer"
	"smacalc/app/fields"
	"smacalc/app/store"
)

// LinkAnswerHTML is the headline the calculator renders for u, the first
// update of a share link's run of link, before anything else happened:
// Render's props for that state (the link's fund and basis, provisional
// until the run is done, neither stale nor pinned), encoded by go-app as it
// prerenders. The page's Go program draws it before the UI mounts
// (main_wasm.go), so the UI's first headline is the same nodes; keep it in
// step with Render (e2e TestShareLinkAnswerBeforeTheUI compares the two).
func LinkAnswerHTML(u store.SimulationUpdate, link fields.Scenario) string {
	return app.HTMLString(&answer.Headline{Result: u.Result, Fund: link.Fund, Provisional: !u.Final, Done: u.Done, Total: u.Total, Basis: link})
}
