// Package breakeven is the room of the break-even map (issue 27): "is it
// worth it for me?" answered over two of the scenario's inputs at once. A
// heatmap of the median after-tax difference (SMA − fund) at the horizon,
// the current scenario marked, the line where the two break even, each
// square's figures on hover, tap or focus and in a table. The map is
// computed only when the person asks for it (store.ActionMap), after the
// main answer, in the workers; its state is the store's (store.MapState).
package breakeven

import (
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/chart"
	"smacalc/app/store"
	"smacalc/app/widget"
	"smacalc/calc"
)

// phoneWidth is the widest window that gets the phone's map (fewer,
// larger squares): below it a 9-column map's squares would be narrower
// than a fingertip (WCAG 2.5.8 asks for 24 CSS pixels).
const phoneWidth = 600

// Map is the break-even map's section.
type Map struct {
	app.Compo
	State   store.MapState
	Fund    string // "etf" or "mf": how the fund is named
	Horizon int    // the scenario's years, for the caption

	selected int // the square whose figures are shown, +1 (0: none)
}

// open asks for the map (or another pair) at the window's size.
func (m *Map) open(ctx app.Context, pair string) {
	phone := app.Window().Get("innerWidth").Int() < phoneWidth
	ctx.NewActionWithValue(store.ActionMap, store.MapRequest{Pair: pair, Phone: phone})
}

// pick shows the figures of the square an event is on (a click, a tap,
// the pointer over it, or keyboard focus).
func (m *Map) pick(ctx app.Context, e app.Event) {
	t := e.Get("target")
	if !t.Truthy() || t.Get("getAttribute").IsUndefined() {
		return
	}
	v := t.Call("getAttribute", "data-cell")
	if v.Type() != app.TypeString {
		return
	}
	k, err := strconv.Atoi(v.String())
	if err != nil || k+1 == m.selected {
		return
	}
	m.selected = k + 1
}

// arrow moves the focus between squares with the arrow keys, Home and
// End (the grid has one tab stop): up is the next row up the map.
func (m *Map) arrow(ctx app.Context, e app.Event) {
	bm := m.State.Map
	t := e.Get("target")
	if bm == nil || !t.Truthy() || t.Get("getAttribute").IsUndefined() {
		return
	}
	v := t.Call("getAttribute", "data-cell")
	k, err := strconv.Atoi(v.String())
	if v.Type() != app.TypeString || err != nil {
		return
	}
	nx, n := len(bm.X.Values), len(bm.X.Values)*len(bm.Y.Values)
	next := -1
	switch e.Get("key").String() {
	case "ArrowLeft":
		if k%nx > 0 {
			next = k - 1
		}
	case "ArrowRight":
		if k%nx < nx-1 {
			next = k + 1
		}
	case "ArrowUp":
		if k+nx < n {
			next = k + nx
		}
	case "ArrowDown":
		if k-nx >= 0 {
			next = k - nx
		}
	case "Home":
		next = k - k%nx
	case "End":
		next = k - k%nx + nx - 1
	default:
		return
	}
	e.PreventDefault()
	if next < 0 {
		return
	}
	if el := app.Window().Get("document").Call("querySelector", `#breakeven-chart [data-cell="`+strconv.Itoa(next)+`"]`); el.Truthy() {
		el.Call("focus")
	}
}

func (m *Map) Render() app.UI {
	widget.Rendered("breakevenMap")
	st := m.State
	fund := "ETF"
	if m.Fund == "mf" {
		fund = "mutual fund"
	}
	class := "breakeven"
	if st.Map == nil || !st.Map.Complete {
		class += " no-print" // the printed report has the whole map or none
	}
	return app.Section().ID("breakeven").Class(class).Aria("labelledby", "breakeven-title").
		DataSet("state", phase(st)).DataSet("done", st.Done).DataSet("total", st.Total).DataSet("pair", st.Pair).Body(
		app.H2().ID("breakeven-title").Text("Is it worth it for you? The break-even map"),
		app.P().Class("breakeven-intro").Text("Each square is your scenario with two of its inputs changed, everything else as you entered it: "+
			"blue where the SMA ends ahead of the "+fund+" after tax, orange where the "+fund+" does, white where they are even. "+
			"The dashed line is where they break even; the circle is your scenario."),
		app.If(!st.Open, func() app.UI {
			return app.Div().Class("breakeven-start").Body(
				app.Button().ID("breakeven-open").Type("button").Class("secondary").
					OnClick(func(ctx app.Context, e app.Event) { m.open(ctx, "") }).
					Text("Show the break-even map"),
				app.P().Class("hint").Text("It simulates your scenario a few dozen times over, with fewer markets each: a few seconds."),
			)
		}).Else(func() app.UI {
			return app.Div().Body(
				m.controls(),
				app.P().ID("breakeven-status").Class("status-line").Aria("live", "polite").Text(m.status()),
				app.If(st.Err != "", func() app.UI {
					return app.P().ID("breakeven-error").Class("field-error").Attr("role", "alert").Text(st.Err)
				}),
				app.If(st.Map != nil, func() app.UI { return m.drawing(fund) }),
			)
		}),
	)
}

// phase is the map's state in a word, for tests and styles: closed,
// waiting, running, done or error.
func phase(st store.MapState) string {
	switch {
	case !st.Open:
		return "closed"
	case st.Err != "":
		return "error"
	case st.Waiting:
		return "waiting"
	case st.Running:
		return "running"
	case st.Map != nil && st.Map.Complete:
		return "done"
	}
	return "waiting"
}

// controls is the choice of the pair of inputs.
func (m *Map) controls() app.UI {
	options := make([]app.UI, len(store.MapPairs))
	for i, p := range store.MapPairs {
		options[i] = app.Option().Value(p.ID).Selected(p.ID == m.State.Pair).Text(p.Label)
	}
	return app.Div().Class("breakeven-controls no-print").Body(
		app.Label().For("breakeven-pair").Text("Inputs across the map "),
		app.Select().ID("breakeven-pair").Body(options...).
			OnChange(func(ctx app.Context, e app.Event) {
				m.selected = 0
				m.open(ctx, ctx.JSSrc().Get("value").String())
			}),
	)
}

// status says what is computed: waiting, cells so far, or the map's size.
func (m *Map) status() string {
	st := m.State
	switch {
	case st.Waiting:
		return "The map starts once your result is in."
	case st.Running:
		return "Computing the map: " + strconv.Itoa(st.Done) + " of " + strconv.Itoa(st.Total) + " squares (a coarse map first, then the squares between)."
	case st.Map != nil && st.Map.Complete:
		return strconv.Itoa(len(st.Map.Cells)) + " squares, " + strconv.Itoa(st.Map.Paths) +
			" simulated markets each: the same markets in every square, so neighbours differ by the inputs, not by chance."
	}
	return ""
}

// grid is the map's cells as a grid (row by row, the first y value's row
// first), NaN where a cell is not computed yet.
type grid struct {
	nx, ny int
	value  []float64
	cell   []*calc.MapCell
}

func gridOf(bm *calc.BreakEvenMap) grid {
	g := grid{nx: len(bm.X.Values), ny: len(bm.Y.Values)}
	g.value = make([]float64, g.nx*g.ny)
	g.cell = make([]*calc.MapCell, g.nx*g.ny)
	for k := range g.value {
		g.value[k] = math.NaN()
	}
	xi, yi := positions(bm.X.Values), positions(bm.Y.Values)
	for n := range bm.Cells {
		c := &bm.Cells[n]
		k := yi[c.Y]*g.nx + xi[c.X]
		g.value[k], g.cell[k] = c.DifferenceP50.InexactFloat64(), c
	}
	return g
}

func positions(values []string) map[string]int {
	at := make(map[string]int, len(values))
	for i, v := range values {
		at[v] = i
	}
	return at
}

// estimates stand in for the cells not computed yet: the nearest cell of
// the coarse map (computed first), so the map being refined reads at once.
func (g grid) estimates() []float64 {
	est := make([]float64, len(g.value))
	cx, cy := store.CoarseIndices(g.nx), store.CoarseIndices(g.ny)
	for k := range est {
		est[k] = math.NaN()
		if !math.IsNaN(g.value[k]) {
			continue
		}
		i, j := nearest(k%g.nx, cx), nearest(k/g.nx, cy)
		est[k] = g.value[j*g.nx+i]
	}
	return est
}

func nearest(i int, at []int) int {
	best := at[0]
	for _, a := range at {
		if abs(a-i) < abs(best-i) {
			best = a
		}
	}
	return best
}

func abs(i int) int { return max(i, -i) }

// currentAt is the current value's position on the axis in cells:
// exactly its index when it is one of the values, interpolated between
// neighbours on a number axis, and not there (ok false) outside the range
// or on a word axis without it.
func currentAt(a calc.MapAxis) (float64, bool) {
	for i, v := range a.Values {
		if v == a.Current {
			return float64(i), true
		}
	}
	if !a.Numeric {
		return 0, false
	}
	cur, err := strconv.ParseFloat(a.Current, 64)
	if err != nil {
		return 0, false
	}
	for i := 0; i+1 < len(a.Values); i++ {
		lo, err1 := strconv.ParseFloat(a.Values[i], 64)
		hi, err2 := strconv.ParseFloat(a.Values[i+1], 64)
		if err1 == nil && err2 == nil && cur > lo && cur < hi {
			return float64(i) + (cur-lo)/(hi-lo), true
		}
	}
	return 0, false
}

// drawing is the map, the chosen square's figures and the table.
func (m *Map) drawing(fund string) app.UI {
	st := m.State
	bm := st.Map
	g := gridOf(bm)
	xt, yt := make([]string, g.nx), make([]string, g.ny)
	for i, v := range bm.X.Values {
		xt[i] = valueText(bm.X.Key, v, true)
	}
	for j, v := range bm.Y.Values {
		yt[j] = valueText(bm.Y.Key, v, true)
	}
	var lines [][][2]float64
	for _, p := range st.Line {
		for len(lines) <= p.Line {
			lines = append(lines, nil)
		}
		lines[p.Line] = append(lines[p.Line], [2]float64{p.XI, p.YI})
	}
	var marker *[2]float64
	if x, okx := currentAt(bm.X); okx {
		if y, oky := currentAt(bm.Y); oky {
			marker = &[2]float64{x, y}
		}
	}
	c := chart.HeatmapChart{
		Title:  "Median after-tax difference, SMA − " + fund + ", after " + years(m.Horizon),
		XLabel: axisName(bm.X.Key), YLabel: axisName(bm.Y.Key),
		XTicks: xt, YTicks: yt, Values: g.value, Estimated: g.estimates(),
		Lines: lines, LineName: "Break-even", Marker: marker, MarkerName: "Your scenario",
		Interactive: true, Selected: -1, HideTitle: true, ID: "breakeven-svg",
		CellLabel:  func(k int) string { return m.cellText(g, k, fund) },
		CellLabels: !st.Phone,
	}
	if st.Phone {
		// Larger labels on a phone: the 400-unit drawing is shown about
		// 370 px wide, so 17 units are about 16 px.
		c.Width, c.Height, c.FontSize = 400, 460, 17
	}
	if bm.Y.Key == "horizon" || bm.X.Key == "horizon" {
		c.Title = "Median after-tax difference, SMA − " + fund + ", at the end of the years held"
	}
	detail := "Point at or tap a square for its figures, or tab to the map and move with the arrow keys."
	if k := m.selected - 1; k >= 0 && k < len(g.value) {
		detail = m.cellText(g, k, fund)
	}
	return app.Div().Body(
		app.H3().ID("breakeven-caption").Class("chart-title").Text(c.Title),
		app.Div().ID("breakeven-chart").Class("breakeven-chart").
			On("focusin", m.pick).On("mouseover", m.pick).OnClick(m.pick).On("keydown", m.arrow).
			Body(app.Raw(chart.Heatmap(c))),
		app.P().ID("breakeven-cell").Class("breakeven-cell no-print").Aria("live", "polite").Text(detail),
		// The table once the map is complete: while it is refined, each
		// redraw would otherwise diff some 400 table nodes on the main thread.
		app.If(bm.Complete, func() app.UI { return m.table(g, fund) }),
		app.P().Class("breakeven-note").Text("Each square is the median of the simulated markets, so it is rougher than your main result, which simulates more. "+
			"The map changes two inputs at a time; everything else — the markets, the fees, the tax law of the year chosen — stays as in your scenario."),
	)
}

func years(n int) string {
	if n == 1 {
		return "1 year"
	}
	return strconv.Itoa(n) + " years"
}

// cellText is a square's figures in words.
func (m *Map) cellText(g grid, k int, fund string) string {
	bm := m.State.Map
	where := axisName(bm.X.Key) + " " + valueText(bm.X.Key, bm.X.Values[k%g.nx], false) + ", " +
		axisName(bm.Y.Key) + " " + valueText(bm.Y.Key, bm.Y.Values[k/g.nx], false)
	c := g.cell[k]
	if c == nil {
		return where + ": not computed yet."
	}
	d := c.DifferenceP50.Decimal
	who := "the SMA ends ahead by " + widget.Dollars(d)
	if d.IsNegative() {
		who = "the " + fund + " ends ahead by " + widget.Dollars(d)
	}
	return where + ": in the median market " + who + " (± " + widget.Dollars(c.SE.Decimal) + "); the SMA ends ahead in " +
		widget.PercentOf(c.SMAAheadFraction, 0) + " of markets."
}

// table is the map as a table: a row for each value of the y key (top
// down as on the map), a column for each value of the x key.
func (m *Map) table(g grid, fund string) app.UI {
	bm := m.State.Map
	head := []app.UI{app.Th().Scope("col").Text(axisName(bm.Y.Key) + " \\ " + axisName(bm.X.Key))}
	for _, v := range bm.X.Values {
		head = append(head, app.Th().Scope("col").Text(valueText(bm.X.Key, v, false)))
	}
	rows := make([]app.UI, 0, g.ny)
	for j := g.ny - 1; j >= 0; j-- {
		cells := []app.UI{app.Th().Scope("row").Text(valueText(bm.Y.Key, bm.Y.Values[j], false))}
		for i := range g.nx {
			k := j*g.nx + i
			c := g.cell[k]
			current := bm.X.Values[i] == bm.X.Current && bm.Y.Values[j] == bm.Y.Current
			td := app.Td().DataSet("x", bm.X.Values[i]).DataSet("y", bm.Y.Values[j])
			if current {
				td = td.Class("current")
			}
			if c == nil {
				cells = append(cells, td.Text("…"))
				continue
			}
			cells = append(cells, td.DataSet("diff", c.DifferenceP50.StringFixed(2)).DataSet("ahead", c.SMAAheadFraction).Body(
				app.Text(widget.SignedDollars(c.DifferenceP50.Decimal)),
				app.Br(),
				app.Span().Class("breakeven-ahead").Text(widget.PercentOf(c.SMAAheadFraction, 0)+" ahead"),
				app.If(current, func() app.UI { return app.Span().Class("breakeven-yours").Text(" (your scenario)") }),
			))
		}
		rows = append(rows, app.Tr().Body(cells...))
	}
	return app.Details().ID("breakeven-table-wrap").Class("breakeven-table no-print").Body(
		app.Summary().Text("The map as a table"),
		app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("label", "The break-even map as a table").Body(
			app.Table().ID("breakeven-table").Class("money-table").Body(
				app.Caption().Text("Median after-tax difference (SMA − "+fund+") and the share of markets where the SMA ends ahead, by "+
					axisName(bm.Y.Key)+" (rows) and "+axisName(bm.X.Key)+" (columns)"),
				app.THead().Body(app.Tr().Body(head...)),
				app.TBody().Body(rows...),
			),
		),
	)
}
