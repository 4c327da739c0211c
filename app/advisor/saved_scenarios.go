package advisor

import (
	"errors"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/fields"
	"smacalc/app/savedfile"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc/scenario"
)

// SavedScenarios lists the scenarios saved in this browser under client
// labels: save, open, rename, delete, export and import as a JSON file.
type SavedScenarios struct {
	app.Compo
	Query string // the scenario shown, "" while the form is invalid
	// Lots are the legacy lots of the scenario shown (nil: none), saved
	// with it.
	Lots []scenario.LegacyLot
	// Difference is the median difference of Query's complete result
	// (a decimal; "" while it has none), saved with it.
	Difference string

	list     []savedfile.Scenario
	label    string // the label typed for a new saved scenario
	status   string // the outcome of the last action
	renaming int    // index of the scenario being renamed, -1 for none
	newName  string
}

func (s *SavedScenarios) OnMount(ctx app.Context) {
	s.renaming = -1
	s.list, s.status = loadSaved()
}

// store writes the list and shows status; when the list is too large to
// be read back it shows refused with the reason instead, and when the
// browser's storage refuses it says so; either way the list stays as it was.
func (s *SavedScenarios) store(ctx app.Context, list []savedfile.Scenario, status, refused string) {
	if err := storeSaved(list); err != nil {
		if errors.As(err, new(savedfile.TooLarge)) {
			s.status = refused + err.Error() + "."
		} else {
			s.status = "Could not save in this browser: " + err.Error()
		}
		return
	}
	s.list, s.status = list, status
}

func (s *SavedScenarios) save(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if s.Query == "" {
		s.status = "Correct the highlighted inputs first."
		return
	}
	lots := ""
	if len(s.Lots) > 0 {
		lots = scenario.LegacyLotsCSV(s.Lots)
	}
	item, err := savedfile.Check(savedfile.Scenario{Label: s.label, Query: s.Query, Lots: lots, Difference: s.Difference})
	if err != nil {
		s.status = "Not saved: " + err.Error() + "."
		return
	}
	list, err := savedfile.Merge(s.list, []savedfile.Scenario{item})
	if err != nil {
		s.status = "Not saved: " + err.Error() + "."
		return
	}
	verb := "Saved"
	if savedfile.IndexOfLabel(s.list, item.Label) >= 0 {
		verb = "Updated"
	}
	s.label = ""
	s.store(ctx, list, verb+" “"+item.Label+"”.", "Not saved: ")
	// The label names the client from now on: the report, the exports and
	// the comparison (issue 24, item 4).
	ctx.NewActionWithValue(store.ActionClient, item.Label)
}

func (s *SavedScenarios) remove(ctx app.Context, i int) {
	label := s.list[i].Label
	list := append(append([]savedfile.Scenario(nil), s.list[:i]...), s.list[i+1:]...)
	s.renaming = -1
	s.store(ctx, list, "Deleted “"+label+"”.", "Not deleted: ")
}

func (s *SavedScenarios) rename(ctx app.Context, e app.Event) {
	e.PreventDefault()
	i := s.renaming
	if i < 0 || i >= len(s.list) {
		return
	}
	label, err := savedfile.CleanLabel(s.newName)
	if err != nil {
		s.status = "Not renamed: " + err.Error() + "."
		return
	}
	if j := savedfile.IndexOfLabel(s.list, label); j >= 0 && j != i {
		s.status = "Not renamed: another saved scenario is called “" + label + "”."
		return
	}
	list := append([]savedfile.Scenario(nil), s.list...)
	list[i].Label = label
	s.renaming = -1
	s.store(ctx, list, "Renamed to “"+label+"”.", "Not renamed: ")
}

func (s *SavedScenarios) exportFile(ctx app.Context, e app.Event) {
	// The list shown was stored, so it is within the limits; the check
	// stays so that an export can never be a file the import refuses.
	file, err := savedfile.Encode(s.list)
	if err != nil {
		s.status = "Not exported: " + err.Error() + "."
		return
	}
	widget.DownloadFile("smacalc-saved-scenarios.json", "application/json", file)
	s.status = "Exported " + strconv.Itoa(len(s.list)) + " saved scenarios."
}

func (s *SavedScenarios) importFile(ctx app.Context, e app.Event) {
	widget.ReadChosenFile("import-saved", savedfile.MaxFileBytes, func(data []byte, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				s.status = "Nothing imported: " + err.Error() + "."
				return
			}
			imported, bad, err := savedfile.ReadImport(data)
			if err != nil {
				s.status = "Nothing imported: " + savedfile.ImportProblem(err) + "."
				return
			}
			// The scenarios that read are imported; the others are named
			// (issue 24, item 5: one bad scenario does not refuse a file).
			skipped := ""
			if len(bad) > 0 {
				skipped = " Not imported, as they could not be read: " + strings.Join(bad, ", ") + "."
			}
			if len(imported) == 0 {
				s.status = "Nothing imported." + skipped
				return
			}
			list, err := savedfile.Merge(s.list, imported)
			if err != nil {
				s.status = "Nothing imported: " + err.Error() + "."
				return
			}
			s.store(ctx, list, "Imported "+plural(len(imported), "saved scenario", "saved scenarios")+"."+skipped, "Nothing imported: ")
		})
	})
}

// plural is "1 saved scenario", "3 saved scenarios".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func (s *SavedScenarios) Render() app.UI {
	widget.Rendered("savedScenarios")
	items := make([]app.UI, len(s.list))
	for i, sc := range s.list {
		items[i] = s.item(i, sc)
	}
	return app.Section().ID("saved").Class("saved no-print").Aria("labelledby", "saved-title").Body(
		app.H3().ID("saved-title").Text("Saved scenarios"),
		app.Form().ID("save-form").Class("inline-form").OnSubmit(s.save).Body(
			app.Label().For("saved-label").Text("Client label"),
			app.Input().ID("saved-label").Type("text").MaxLength(savedfile.MaxLabel).AutoComplete(false).
				Value(s.label).OnInput(s.ValueTo(&s.label)),
			app.Button().ID("save-scenario").Type("submit").Class("button").Text("Save this scenario"),
		),
		app.P().ID("saved-status").Class("status-line").Role("status").Text(s.status),
		app.If(len(s.list) == 0, func() app.UI {
			return app.P().ID("saved-empty").Class("status-line").Text("Nothing saved yet. Saved scenarios stay in this browser, also offline.")
		}).Else(func() app.UI {
			return app.Ul().ID("saved-list").Class("saved-list").Body(items...)
		}),
		app.Div().Class("saved-files").Body(
			app.Button().ID("export-saved").Type("button").Class("button secondary").
				Disabled(len(s.list) == 0).OnClick(s.exportFile).Text("Export saved scenarios (JSON)"),
			app.Label().For("import-saved").Class("file-label").Text("Import saved scenarios (JSON file, at most 1 MB)"),
			app.Input().ID("import-saved").Type("file").Accept("application/json,.json").OnChange(s.importFile),
		),
	)
}

// item is one saved scenario, or its rename form. Its handlers are scoped
// by the item's index and content: go-app keeps an element's handler until
// its scope changes, so without it a handler would act on an older list.
func (s *SavedScenarios) item(i int, sc savedfile.Scenario) app.UI {
	n := strconv.Itoa(i)
	if i == s.renaming {
		return app.Li().Class("saved-item").Body(
			app.Form().Class("inline-form").OnSubmit(s.rename).Body(
				app.Label().For("rename-"+n).Text("New label for “"+sc.Label+"”"),
				app.Input().ID("rename-"+n).Type("text").MaxLength(savedfile.MaxLabel).AutoFocus(true).
					Value(s.newName).OnInput(s.ValueTo(&s.newName)),
				app.Button().Type("submit").Class("button").Text("Rename"),
				app.Button().Type("button").Class("button secondary").Text("Cancel").
					OnClick(func(ctx app.Context, e app.Event) { s.renaming = -1 }),
			),
		)
	}
	return app.Li().Class("saved-item").DataSet("label", sc.Label).Body(
		app.Span().Class("saved-label").Text(sc.Label),
		app.Span().Class("saved-summary").Text(savedSummary(sc)),
		app.Button().Type("button").Class("button").Aria("label", "Open “"+sc.Label+"”").Text("Open").
			OnClick(func(ctx app.Context, e app.Event) {
				s.status = "Opened “" + sc.Label + "”."
				openSaved(ctx, sc)
			}, app.EventScope(i, sc.Label, sc.Query, sc.Lots)),
		app.Button().Type("button").Class("button secondary").Aria("label", "Rename “"+sc.Label+"”").Text("Rename").
			OnClick(func(ctx app.Context, e app.Event) { s.renaming, s.newName = i, sc.Label }, app.EventScope(i, sc.Label)),
		app.Button().Type("button").Class("button secondary").Aria("label", "Delete “"+sc.Label+"”").Text("Delete").
			OnClick(func(ctx app.Context, e app.Event) { s.remove(ctx, i) }, app.EventScope(i, sc.Label)),
	)
}

// savedSummary is what a saved scenario is and what it gave: "$250,000
// for 20 years in the ETF, sell everything and pay the tax: SMA +$40,108
// (median)".
func savedSummary(sc savedfile.Scenario) string {
	decoded, err := scenario.Decode(sc.Query)
	if err != nil {
		return ""
	}
	text := scenarioName(fields.Of(decoded))
	if d, err := decimal.NewFromString(sc.Difference); err == nil && sc.Difference != "" {
		return text + ": SMA " + widget.SignedDollars(d) + " after tax (median)"
	}
	return text + ": open it to see the result"
}
