package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// compareFit measures the pinned comparison's tables against the box
// that holds them and the answer column: a table wider than its box
// scrolls sideways (the box is overflow-x: auto), one wider than the
// column spills out of it.
const compareFit = `[...document.querySelectorAll("#compare-table, #compare-inputs")].map((t) => {
	const box = t.parentElement, column = document.querySelector("#answer").getBoundingClientRect();
	const r = box.getBoundingClientRect();
	return {id: t.id, table: t.scrollWidth, box: box.clientWidth, boxScroll: box.scrollWidth,
		outside: Math.max(0, Math.round(r.right - column.right), Math.round(column.left - r.left))};
})`

// compareBox is one compare table's widths (compareFit).
type compareBox struct {
	ID        string `json:"id"`
	Table     int    `json:"table"`
	Box       int    `json:"box"`
	BoxScroll int    `json:"boxScroll"`
	Outside   int    `json:"outside"`
}

// TestCompareFitsTheAnswerColumn pins a scenario with the comparison's
// longest rows (an exit plan, yearly gifts) and changes its end, so every
// label and figure is at its longest; then, in one tab resized from a
// phone to a wide desktop, checks that neither comparison table is wider
// than its box (no sideways scroll) nor its box wider than the answer
// column (issue 24, item 4: on desktop the table scrolled sideways).
// Pictures of the whole answer with the pin, phone and desktop.
func TestCompareFitsTheAnswerColumn(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	var run int
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?amount=5000000&horizon=8&exit=4&exitplan=etf351&give=20000&itemized=40000&state=NY&stocks=60&paths=20&seed=4"),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Click("#pin"),
		waitVisible("#compare-table"),
		runNumber(&run),
		chromedp.SetValue("#in-end", "stepup"),
		chromedp.Evaluate(`document.querySelector("#in-end").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		waitNewRun(&run),
		waitVisible("#compare-inputs"),
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []struct {
		width, height int64
		shot          string
	}{{1920, 1080, ""}, {1440, 900, ""}, {1280, 900, "compare-fit-desktop.png"}, {1024, 768, "compare-fit-1024.png"}, {390, 844, "compare-fit-phone.png"}} {
		var viewport []chromedp.EmulateViewportOption
		if size.width < 600 {
			viewport = append(viewport, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2))
		}
		var boxes []compareBox
		var rows int
		roles := map[string]int{}
		err := chromedp.Run(ctx,
			chromedp.EmulateViewport(size.width, size.height, viewport...),
			waitStable(`[innerWidth, `+compareFit+`]`),
			chromedp.Evaluate(compareFit, &boxes),
			chromedp.Evaluate(`document.querySelectorAll("#compare-table tbody tr").length`, &rows),
			tableRoles("#compare-table", roles),
		)
		if err != nil {
			t.Fatalf("%d wide: %v", size.width, err)
		}
		if len(boxes) != 2 {
			t.Fatalf("%d wide: %d compare tables, want the results and the inputs", size.width, len(boxes))
		}
		for _, b := range boxes {
			if b.Table > b.Box || b.BoxScroll > b.Box || b.Outside > 0 {
				t.Errorf("%d wide: #%s is %d px wide in a box of %d (scrolls to %d), %d px outside the answer column",
					size.width, b.ID, b.Table, b.Box, b.BoxScroll, b.Outside)
			}
		}
		// However it is laid out, it stays a table to a screen reader:
		// its column heads, a header for each row and two cells a row.
		if roles["columnheader"] != 3 || roles["rowheader"] != rows || roles["cell"] != 2*rows {
			t.Errorf("%d wide: #compare-table's %d rows read as %v, want 3 column headers, a row header and 2 cells a row", size.width, rows, roles)
		}
		if size.shot != "" {
			elementScreenshot(t, ctx, "#answer", size.shot)
		}
		t.Logf("%d wide: %+v", size.width, boxes)
	}
}

// tableRoles counts the table's cells by the role the accessibility tree
// gives them (columnheader, rowheader, cell), leaving out ignored nodes: a
// table whose rows the stylesheet lays out as grids may lose them.
func tableRoles(sel string, roles map[string]int) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var nodes []*cdp.Node
		if err := chromedp.Nodes(sel, &nodes, chromedp.ByQuery).Do(ctx); err != nil {
			return err
		}
		for _, role := range []string{"columnheader", "rowheader", "cell"} {
			found, err := accessibility.QueryAXTree().WithBackendNodeID(nodes[0].BackendNodeID).WithRole(role).Do(ctx)
			if err != nil {
				return err
			}
			for _, n := range found {
				if !n.Ignored {
					roles[role]++
				}
			}
		}
		return nil
	})
}
