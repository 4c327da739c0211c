package answer

import (
	"strconv"

	"smacalc/app/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Progress shows how far the simulation has come, or why it failed.
type Progress struct {
	app.Compo
	Running     bool
	Done, Total int
	Err         string // a failed run's message; the last good result stays
	Waiting     bool   // no simulator (prerendered page): the app is loading
	HasResult   bool   // a complete result is shown
	Run         int    // number of the current or last run (for tests and scripts)
}

// progressText is how far a run is, in one sentence without brackets and
// in markets (a path is the program's word; issue 24, item 5):
// "Simulating: 40%, 200 of 500 markets so far."
func progressText(done, total int) string {
	pct := 0
	if total > 0 {
		pct = done * 100 / total
	}
	return "Simulating: " + strconv.Itoa(pct) + "%, " + strconv.Itoa(done) + " of " + strconv.Itoa(total) + " markets so far."
}

func (p *Progress) Render() app.UI {
	widget.Rendered("progressLine")
	// The line and the bar keep their places in every state: the bar is
	// hidden when no run is going. Mounted when a run started and removed
	// when it ended, it was created in the input's task of every change
	// (docs/ARCHITECTURE.md, "Round 8: the page's work after a change").
	line := app.P().ID("progress-text").Text("Loading the simulation…")
	switch {
	case p.Err != "":
		line = app.P().ID("run-error").Class("run-error").Attr("role", "alert").Text(p.Err)
	case p.Running:
		line = app.P().ID("progress-text").Text(progressText(p.Done, p.Total))
	case p.Waiting || !p.HasResult:
	default:
		line = app.P().ID("progress-text").Class("done").Text("Simulation complete: " + strconv.Itoa(p.Total) + " simulated markets.")
	}
	bar := app.Progress().Max(max(p.Total, 1)).Value(p.Done).Aria("hidden", true).Hidden(!p.Running || p.Err != "")
	// Not a live region: the headline announces the settled answer once
	// (issue 24, item 5); a failure is an alert of its own.
	return app.Div().ID("progress").Class("progress").DataSet("running", p.Running).DataSet("run", p.Run).Body(line, bar)
}
