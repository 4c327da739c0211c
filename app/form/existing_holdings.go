package form

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc/scenario"
)

// ExistingHoldings is the advisors' section for what the client owns
// today: a concentrated position (form fields, in the share link) or
// legacy lots imported from a CSV file (read in the browser, never
// uploaded, kept with a saved scenario but not in the share link).
type ExistingHoldings struct {
	app.Compo
	Values   fields.Values     // the holdings' keys only (fields.HoldingsKeys)
	Problems map[string]string // likewise
	Lots     []scenario.LegacyLot
	Year     int // the scenario's tax year: lots are dated against its January 1
	// LotsProblem is why the lots do not fit the scenario as the form has
	// it now (a lot acquired after the start of the tax year chosen), "".
	LotsProblem string

	status string // the last import's problem, "" when it worked
}

func (h *ExistingHoldings) importFile(ctx app.Context, e app.Event) {
	year := h.Year
	widget.ReadChosenFile("lots-file", scenario.MaxLegacyBytes, func(data []byte, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			var lots []scenario.LegacyLot
			if err == nil {
				lots, err = scenario.ParseLegacyLots(data, year)
			}
			if err != nil {
				h.status = "Not imported: " + err.Error() + "."
				return
			}
			h.status = ""
			ctx.NewActionWithValue(store.ActionLots, store.Lots{Lots: lots})
		})
	})
}

func (h *ExistingHoldings) Render() app.UI {
	widget.Rendered("existingHoldings")
	list := make([]app.UI, len(fields.HoldingsFields))
	for i, f := range fields.HoldingsFields {
		list[i] = field(f, h.Values, h.Problems)
	}
	return app.Section().ID("existing-holdings").Class("existing-holdings no-print").Aria("labelledby", "holdings-title").Body(
		app.H3().ID("holdings-title").Text("Existing holdings"),
		app.P().Class("status-line").Text("What the client owns today, moved into the SMA within a yearly budget of net capital gains. "+
			"The fund strategy sells it at the start and pays the tax in the first year."),
		app.FieldSet().Class("form-group").Body(
			app.Legend().Text("A concentrated position"),
			app.Div().Class("fields").Body(list...),
		),
		app.FieldSet().Class("form-group").Body(
			app.Legend().Text("Or legacy lots from a file"),
			app.Label().For("lots-file").Class("file-label").
				Text("Import lots (CSV with the header "+scenario.LegacyHeader+"; dollars; dates YYYY-MM-DD; at most "+
					strconv.Itoa(scenario.MaxLegacyLots)+" lots, "+strconv.Itoa(scenario.MaxLegacyBytes>>10)+" KB)"),
			app.Input().ID("lots-file").Type("file").Accept(".csv,text/csv").OnChange(h.importFile),
			app.P().ID("lots-privacy").Class("status-line").Text("The file is read in this browser and never uploaded. "+
				"The lots are kept with a saved scenario but are not part of the share link: a link opens the scenario without them."),
			app.If(h.status != "", func() app.UI {
				return app.P().ID("lots-error").Class("field-error").Role("alert").Text(h.status)
			}),
			app.If(h.LotsProblem != "" && len(h.Lots) > 0, func() app.UI {
				return app.P().ID("lots-problem").Class("field-error").Role("alert").Text("The lots do not fit the inputs: " + strings.TrimSuffix(h.LotsProblem, ".") + ".")
			}),
			app.If(len(h.Lots) > 0, func() app.UI {
				return app.Div().Class("inline-form").Body(
					app.P().ID("lots-summary").Class("status-line").Role("status").Text(lotsSummary(h.Lots)),
					app.Button().ID("lots-remove").Type("button").Class("button secondary").Text("Remove the lots").
						OnClick(func(ctx app.Context, e app.Event) {
							ctx.NewActionWithValue(store.ActionLots, store.Lots{})
						}),
				)
			}),
		),
	)
}

// lotsSummary says what was imported: "3 lots in 2 holdings, $550,000 in
// all (the amount)".
func lotsSummary(lots []scenario.LegacyLot) string {
	names := map[string]bool{}
	for _, l := range lots {
		names[l.Holding] = true
	}
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	}
	return "Imported " + plural(len(lots), "lot", "lots") + " in " + plural(len(names), "holding", "holdings") + ", " +
		widget.Dollars(decimal.NewFromFloat(scenario.LegacyTotal(lots))) + " in all: the amount invested while they are loaded."
}
