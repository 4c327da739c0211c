package e2e

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"smacalc/calc/scenario"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestPresenterMode enters presenter mode, steps through two saved
// scenarios with the keyboard and leaves with Escape.
func TestPresenterMode(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteV1)
	ctx := browser(t, 1280, 800)
	var queries []string
	for _, q := range []string{"paths=40&stocks=60&horizon=6&fund=etf", "paths=40&stocks=60&horizon=6&fund=mf&dist=0.04"} {
		s, err := scenario.Decode(q)
		if err != nil {
			t.Fatal(err)
		}
		queries = append(queries, s.Encode())
	}
	saved, _ := json.Marshal(map[string]any{
		"format": "smacalc-saved-scenarios", "version": 1,
		"scenarios": []map[string]string{{"label": "Lee family — ETF", "query": queries[0]}, {"label": "Lee family — mutual fund", "query": queries[1]}},
	})

	var inputsShown, headerShown bool
	var position, location string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/?"+queries[0]),
		waitVisible(appReady),
		// go-app's local storage keeps each value JSON-encoded.
		chromedp.Evaluate(`localStorage.setItem("smacalc.saved-scenarios", JSON.stringify(`+jsString(string(saved))+`))`, nil),
		waitSimulated(),
		chromedp.Click("#present-start"),
		waitVisible("#presenter-bar"),
		chromedp.Text("#presenter-position", &position),
		chromedp.Evaluate(`!!document.querySelector("#inputs").offsetParent`, &inputsShown),
		chromedp.Evaluate(`!!document.querySelector(".site-header").offsetParent`, &headerShown),
	)
	if err != nil {
		t.Fatal(err)
	}
	if inputsShown || headerShown {
		t.Errorf("presenter mode still shows the inputs (%v) or the header (%v)", inputsShown, headerShown)
	}
	if !strings.Contains(position, "Lee family — ETF — 1 of 2") {
		t.Errorf("position %q", position)
	}
	viewportShot(t, ctx, "presenter.png") // what the audience sees

	// Each step starts at the top (issue 24, item 4), wherever the last
	// one was scrolled to.
	var run int
	var scrollY float64
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`window.scrollTo(0, document.body.scrollHeight)`, nil),
		runNumber(&run),
		chromedp.KeyEvent(kb.ArrowRight),
		// The progress line is hidden in presenter mode: wait on its state,
		// and on the step itself. A run number alone was once satisfied by
		// another run ending (make test, -parallel 4, under load): the
		// position still said 1 of 2.
		chromedp.Poll(`(() => { const p = document.querySelector("#progress"); return document.querySelector("#presenter-position").textContent.includes("2 of 2") && Number(p.dataset.run) > `+strconv.Itoa(run)+` && p.dataset.running === "false" && !!document.querySelector(`+jsString(headlineFinal)+`); })()`,
			nil, chromedp.WithPollingTimeout(60*time.Second)),
		chromedp.Text("#presenter-position", &position),
		chromedp.Location(&location),
		waitStable(`window.scrollY`),
		chromedp.Evaluate(`window.scrollY`, &scrollY),
	)
	if err != nil {
		t.Fatal(err)
	}
	if scrollY != 0 {
		t.Errorf("after →: scrolled to %.0f, want the top", scrollY)
	}
	if !strings.Contains(position, "mutual fund — 2 of 2") || !strings.HasSuffix(location, "?"+queries[1]) {
		t.Errorf("after →: position %q, location %q", position, location)
	}

	err = chromedp.Run(ctx,
		chromedp.KeyEvent(kb.Escape),
		waitVisible("#inputs"),
		chromedp.Poll(`!document.querySelector("#presenter-bar")`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`!!document.querySelector("#presenter-bar")`, &inputsShown),
	)
	if err != nil {
		t.Fatal(err)
	}
	if inputsShown {
		t.Error("Escape did not leave presenter mode")
	}
}
