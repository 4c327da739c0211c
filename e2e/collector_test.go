package e2e

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCollectorWaitsForTheRuns checks that the page's Go collector does not
// run while a run goes on (wasm/simclient, collector.go): after each of
// three input changes, waited for, and after two changes in a row, the
// page collects once the browser is idle, and no collection ran during
// the runs. Each run allocates about 2.4 MB on the page: with the default
// GOGC the collector ran inside each of the three.
func TestCollectorWaitsForTheRuns(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 900)
	if err := chromedp.Run(ctx, coldVisit(srv.URL+"/"), waitMark("smacalc:warmed")); err != nil {
		t.Fatal(err)
	}
	var collections []runCollection
	for _, amount := range []string{"1250000", "1300000", "1350000"} {
		if err := chromedp.Run(ctx,
			chromedp.Evaluate(`performance.clearMarks(); performance.clearMeasures("smacalc:run-gc")`, nil),
			chromedp.Evaluate(changeInputInOwnTask(amount), nil),
			waitMark("smacalc:result"),
			waitMark("smacalc:run-gc-start"),
			chromedp.Poll(`performance.getEntriesByName("smacalc:run-gc", "measure").length > 0`, nil),
		); err != nil {
			t.Fatal(err)
		}
		collections = append(collections, lastRunCollection(t, ctx))
	}
	// Two changes in a row, the second before the first's answer: the
	// collector waits through both runs, and collects once after them.
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`performance.clearMarks(); performance.clearMeasures("smacalc:run-gc")`, nil),
		chromedp.Evaluate(changeInputInOwnTask("1400000"), nil),
		waitMark("smacalc:run"),
		chromedp.Evaluate(`performance.clearMarks()`, nil),
		chromedp.Evaluate(changeInputInOwnTask("1450000"), nil),
		waitMark("smacalc:result"),
		chromedp.Poll(`performance.getEntriesByName("smacalc:run-gc", "measure").length > 0`, nil),
	); err != nil {
		t.Fatal(err)
	}
	collections = append(collections, lastRunCollection(t, ctx))
	for i, c := range collections {
		if c.HeldGCs != 0 {
			t.Errorf("change %d: %d collections ran while the run held the collector", i+1, c.HeldGCs)
		}
		if c.HeapAfter >= c.HeapBefore {
			t.Errorf("change %d: the collection after the run left %.0f of %.0f bytes", i+1, c.HeapAfter, c.HeapBefore)
		}
	}
	t.Logf("collections after the runs: %+v", collections)
}

// runCollection is the page's collection after a run (the measure
// smacalc:run-gc of wasm/simclient, collector.go).
type runCollection struct {
	HeldGCs    int     `json:"heldGCs"` // collections while the collector was held
	HeapBefore float64 `json:"heapBefore"`
	HeapAfter  float64 `json:"heapAfter"`
	Ms         float64 `json:"ms"` // the collection's task
}

// lastRunCollection reads the page's smacalc:run-gc measure.
func lastRunCollection(t *testing.T, ctx context.Context) runCollection {
	t.Helper()
	var detail string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const m = performance.getEntriesByName("smacalc:run-gc", "measure")[0];
		return JSON.stringify({...m.detail, ms: m.duration});
	})()`, &detail)); err != nil {
		t.Fatal(err)
	}
	var c runCollection
	if err := json.Unmarshal([]byte(detail), &c); err != nil {
		t.Fatalf("the collection's detail %q: %v", detail, err)
	}
	return c
}
