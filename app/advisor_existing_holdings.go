package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"smacalc/calc"
)

// lotsFunc sets the scenario's legacy lots (nil: none).
type lotsFunc func(ctx app.Context, lots []calc.LegacyLot)

// existingHoldings is the advisors' section for what the client owns
// today: a concentrated position (form fields, in the share link) or
// legacy lots imported from a CSV file (read in the browser, never
// uploaded, kept with a saved scenario but not in the share link).
type existingHoldings struct {
	app.Compo
	Values   formValues
	Problems map[string]string
	OnChange changeFunc
	Lots     []calc.LegacyLot
	Year     int // the scenario's tax year: lots are dated against its January 1
	OnLots   lotsFunc

	status string // the last import's problem, "" when it worked
}

func (h *existingHoldings) importFile(ctx app.Context, e app.Event) {
	year := h.Year
	readChosenFile("lots-file", calc.MaxLegacyBytes, func(data []byte, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			var lots []calc.LegacyLot
			if err == nil {
				lots, err = calc.ParseLegacyLots(data, year)
			}
			if err != nil {
				h.status = "Not imported: " + err.Error() + "."
				return
			}
			h.status = ""
			if h.OnLots != nil {
				h.OnLots(ctx, lots)
			}
		})
	})
}

func (h *existingHoldings) Render() app.UI {
	fields := make([]app.UI, len(holdingsFields))
	for i, f := range holdingsFields {
		fields[i] = formField(f, h.Values, h.Problems, h.OnChange)
	}
	return app.Section().ID("existing-holdings").Class("existing-holdings no-print").Aria("labelledby", "holdings-title").Body(
		app.H3().ID("holdings-title").Text("Existing holdings"),
		app.P().Class("status-line").Text("What the client owns today, moved into the SMA within a yearly budget of net capital gains. "+
			"The fund strategy sells it at the start and pays the tax in the first year."),
		app.FieldSet().Class("form-group").Body(
			app.Legend().Text("A concentrated position"),
			app.Div().Class("fields").Body(fields...),
		),
		app.FieldSet().Class("form-group").Body(
			app.Legend().Text("Or legacy lots from a file"),
			app.Label().For("lots-file").Class("file-label").
				Text("Import lots (CSV with the header "+calc.LegacyHeader+"; dollars; dates YYYY-MM-DD; at most "+
					strconv.Itoa(calc.MaxLegacyLots)+" lots, "+strconv.Itoa(calc.MaxLegacyBytes>>10)+" KB)"),
			app.Input().ID("lots-file").Type("file").Accept(".csv,text/csv").OnChange(h.importFile),
			app.P().ID("lots-privacy").Class("status-line").Text("The file is read in this browser and never uploaded. "+
				"The lots are kept with a saved scenario but are not part of the share link: a link opens the scenario without them."),
			app.If(h.status != "", func() app.UI {
				return app.P().ID("lots-error").Class("field-error").Role("alert").Text(h.status)
			}),
			app.If(len(h.Lots) > 0, func() app.UI {
				return app.Div().Class("inline-form").Body(
					app.P().ID("lots-summary").Class("status-line").Role("status").Text(lotsSummary(h.Lots)),
					app.Button().ID("lots-remove").Type("button").Class("button secondary").Text("Remove the lots").
						OnClick(func(ctx app.Context, e app.Event) {
							if h.OnLots != nil {
								h.OnLots(ctx, nil)
							}
						}),
				)
			}),
		),
	)
}

// lotsSummary says what was imported: "3 lots in 2 holdings, $550,000 in
// all (the amount)".
func lotsSummary(lots []calc.LegacyLot) string {
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
		formatDollars(decimal.NewFromFloat(calc.LegacyTotal(lots))) + " in all: the amount invested while they are loaded."
}
