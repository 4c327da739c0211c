package after

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc"
)

// Section is the room: its heading, the exit plans and the gain budgets.
type Section struct {
	app.Compo
	Scenario fields.Scenario // the scenario in the form
	Final    store.Shown     // the last complete result and its scenario
	Imported bool            // the holdings are imported lots
	Sim      store.Simulator
	Wide     bool
}

func (s *Section) Render() app.UI {
	widget.Rendered("after")
	exitScenario, result := s.Scenario, (*calc.Result)(nil)
	if s.Final.Result != nil && s.Final.Scenario.Query == s.Scenario.Query {
		exitScenario, result = s.Final.Scenario, s.Final.Result
	}
	var budgetsResult *calc.Result
	if result != nil {
		budgetsResult = result
	}
	// Nothing to print without an exit year or a position to move: the
	// invitations are for the screen.
	class := "after"
	if s.Scenario.Exit == 0 && s.Scenario.Single == 0 {
		class += " no-print"
	}
	return app.Section().ID("after").Class(class).Aria("labelledby", "after-title").Body(
		app.H2().ID("after-title").Text("After a few years"),
		&Exits{Scenario: exitScenario, Result: result},
		&Budgets{Scenario: s.Scenario, Result: budgetsResult, Imported: s.Imported, Sim: s.Sim, Wide: s.Wide},
	)
}
