package e2e

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// TestDefaultPage opens the calculator's start page (the default scenario,
// its answer prerendered) on a desktop, then on a phone, in one tab
// (onDesktopThenPhone), and checks on each what six tests checked in a
// tab of their own, each loading the same page (issue 29: one browser
// context instead of six, two loads of the page instead of seven):
//
//   - desktop: the page loads from its own origin only, without a
//     Content-Security-Policy violation, and its service worker installs
//     (before: TestPageLoadsFromOwnOriginOnly); the manifest makes it
//     installable (TestManifestIsInstallable);
//   - phone: the page does not scroll sideways at 390 px (TestPhoneLayout);
//     the answer starts on the first screen and follows a change of the
//     end-of-horizon choice, after the screens and axe (TestPhoneAnswerFirst;
//     the details axe opens are not the short form it changes), without a
//     script exception;
//   - both: the screens of the README (TestAnswerScreens), then axe-core
//     with every details element open (TestAccessibility).
//
// The desktop is 1366 × 900, the README's screenshots' size, where the
// origin and accessibility checks ran at 1280 × 800: no style rule of the
// page changes between the two (its media queries switch at 480, 600,
// 720, 901 and 1200 px wide), and neither the requests nor the policy
// depend on the window. The pictures the origin and phone-layout tests
// wrote of this page (home-desktop.png, home-phone.png) are the screens'
// full pictures (answer-desktop.png, answer-phone.png).
func TestDefaultPage(t *testing.T) {
	t.Parallel()
	axePath := os.Getenv("SMACALC_AXE")
	if axePath == "" {
		t.Fatal("SMACALC_AXE is not set: run `make e2e`, which installs axe-core")
	}
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatalf("axe-core: %v (run `make e2e`)", err)
	}
	srv := startServer(t, siteV1)
	ctx := browser(t, 1366, 900)
	// Every request of the tab, from its first page on.
	var requests requestLog
	requests.listen(ctx)
	if err := chromedp.Run(ctx, network.Enable(), watchPolicyViolations()); err != nil {
		t.Fatal(err)
	}
	var exceptions exceptionLog
	onDesktopThenPhone(t, ctx, srv.URL, func(t *testing.T, layout string) {
		if layout == "phone" {
			// The phone's page throws no script exception.
			exceptions.listen(ctx)
			defer exceptions.check(t)
		}
		var overflow bool
		var violations []string
		if err := chromedp.Run(ctx,
			chromedp.Navigate(srv.URL+"/"),
			waitVisible(appReady),
			chromedp.Evaluate(`document.documentElement.scrollWidth > window.innerWidth`, &overflow),
			chromedp.Evaluate(`window.__cspViolations`, &violations),
		); err != nil {
			t.Fatal(err)
		}
		if overflow {
			t.Errorf("the page scrolls sideways on the %s", layout)
		}
		if len(violations) > 0 {
			t.Errorf("Content-Security-Policy violations: %v", violations)
		}
		if layout == "desktop" {
			t.Run("own origin only", func(t *testing.T) { ownOriginOnly(t, ctx, srv, &requests) })
			t.Run("installable", func(t *testing.T) { installable(t, ctx) })
		}
		var before, barBefore string
		if layout == "phone" {
			t.Run("answer first", func(t *testing.T) { before, barBefore = phoneAnswerFirst(t, ctx) })
		}
		t.Run("screens", func(t *testing.T) { answerScreens(t, ctx, "answer-"+layout+".png") })
		t.Run("accessibility", func(t *testing.T) { accessible(t, ctx, axe, layout) })
		if layout == "phone" && before != "" {
			t.Run("answer follows", func(t *testing.T) { phoneAnswerFollows(t, ctx, before, barBefore) })
		}
	})
	// The phone's page too loaded nothing from elsewhere.
	if foreign := requests.foreign(srv.URL); len(foreign) > 0 {
		t.Errorf("requests left the origin %s: %v", srv.URL, foreign)
	}
}

// ownOriginOnly: the page loaded from its own origin only, says what it is
// and that it runs in the browser, installs its service worker, and
// offers no new version on a first visit.
func ownOriginOnly(t *testing.T, ctx context.Context, srv *server, requests *requestLog) {
	var title, promise, status string
	var violations []string
	var bannerShown bool
	err := chromedp.Run(ctx,
		chromedp.Title(&title),
		chromedp.Text(".promise", &promise),
		chromedp.Text("#calculator-status", &status),
		waitServiceWorker(ctx),
		chromedp.Evaluate(`window.__cspViolations`, &violations),
		chromedp.Evaluate(`!!document.querySelector("#update-reload")`, &bannerShown),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(violations) > 0 {
		t.Errorf("Content-Security-Policy violations: %v", violations)
	}
	if bannerShown {
		t.Error("a first visit offers a new version")
	}
	if !strings.Contains(title, "smacalc") {
		t.Errorf("title = %q, want the product's name", title)
	}
	if !strings.Contains(promise, "tax-loss harvesting") {
		t.Errorf("promise = %q", promise)
	}
	if !strings.Contains(status, "running in your browser") {
		t.Errorf("calculator status = %q: the WASM UI did not render", status)
	}
	if requests.count() < 5 {
		t.Fatalf("only %d requests recorded: the network log is not working", requests.count())
	}
	if foreign := requests.foreign(srv.URL); len(foreign) > 0 {
		t.Errorf("requests left the origin %s: %v", srv.URL, foreign)
	}
}

// installable: the manifest names the app, its colour, a standalone
// display and local icons of the sizes an install needs, each served.
func installable(t *testing.T, ctx context.Context) {
	var manifestJSON string
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`fetch("/manifest.webmanifest").then(r => r.text())`, &manifestJSON, awaitPromise),
	); err != nil {
		t.Fatal(err)
	}
	var manifest struct {
		Name       string `json:"name"`
		ShortName  string `json:"short_name"`
		ThemeColor string `json:"theme_color"`
		StartURL   string `json:"start_url"`
		Display    string `json:"display"`
		Icons      []struct {
			Src     string `json:"src"`
			Sizes   string `json:"sizes"`
			Purpose string `json:"purpose"`
			Type    string `json:"type"`
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(manifestJSON), &manifest); err != nil {
		t.Fatalf("manifest: %v\n%s", err, manifestJSON)
	}
	if manifest.Name == "" || manifest.ShortName == "" || manifest.ThemeColor == "" || manifest.StartURL == "" || manifest.Display != "standalone" {
		t.Errorf("manifest lacks name, theme colour or standalone display: %s", manifestJSON)
	}
	want := map[string]bool{"192x192": false, "512x512": false, "maskable": false, "image/svg+xml": false}
	for _, icon := range manifest.Icons {
		if u, err := url.Parse(icon.Src); err != nil || u.IsAbs() {
			t.Errorf("icon %q is not a local path", icon.Src)
		}
		want[icon.Sizes] = true
		want[icon.Purpose] = true
		want[icon.Type] = true
		var status int
		if err := chromedp.Run(ctx, chromedp.Evaluate(`fetch(`+jsString(icon.Src)+`).then(r => r.status)`, &status, awaitPromise)); err != nil || status != 200 {
			t.Errorf("icon %s: status %d, %v", icon.Src, status, err)
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("manifest has no %s icon", k)
		}
	}
}

// answerScreens writes the screens of the page shown (the README's
// screenshots): what the first screen shows, the whole page, and its
// charts, inputs and year table.
func answerScreens(t *testing.T, ctx context.Context, name string) {
	err := chromedp.Run(ctx,
		waitSimulated(),
		waitVisible(`#ledger-sma`),
		chromedp.Evaluate(`window.scrollTo(0, 0)`, nil),
	)
	if err != nil {
		t.Fatal(err)
	}
	viewportShot(t, ctx, strings.Replace(name, ".png", "-screen.png", 1))
	screenshot(t, ctx, name)
	for _, part := range []string{"charts", "inputs", "ledger"} {
		elementScreenshot(t, ctx, "#"+part, strings.Replace(name, ".png", "-"+part+".png", 1))
	}
}

// phoneAnswerFirst checks the default scenario freshly loaded on a 390×844
// phone: the answer starts on the first screen and the end-of-horizon
// choice is in the short form. It returns the headline and the line under
// the form, for phoneAnswerFollows.
func phoneAnswerFirst(t *testing.T, ctx context.Context) (before, barBefore string) {
	var top float64
	var endShown, advancedOpen bool
	err := chromedp.Run(ctx,
		waitSimulated(),
		chromedp.Evaluate(`window.scrollTo(0, 0)`, nil),
		chromedp.Evaluate(`document.querySelector("#headline").getBoundingClientRect().top + 0`, &top),
		visible(`#in-end`, &endShown),
		chromedp.Evaluate(`document.querySelector("#advanced").open`, &advancedOpen),
		chromedp.Text(`#headline-text`, &before),
		chromedp.Text(`#answer-bar-text`, &barBefore),
	)
	if err != nil {
		t.Fatal(err)
	}
	viewportShot(t, ctx, "phone-first-screen.png")
	if top >= 700 {
		t.Errorf("phone: the answer starts %.0f px down, want < 700 (first screen)", top)
	}
	if !endShown || advancedOpen {
		t.Errorf("#in-end visible %v with the advanced section open %v: want it in the short form", endShown, advancedOpen)
	}
	return before, barBefore
}

// phoneAnswerFollows changes the end-of-horizon choice on the phone:
// the answer updates (provisional first, then final) and so does the line
// that keeps it in view under the form. The default scenario with the
// heirs' step-up is simulated at its full size (200 markets of 500
// stocks): the browser's figure to the dollar against the engine's.
func phoneAnswerFollows(t *testing.T, ctx context.Context, before, barBefore string) {
	var run int
	var after, barAfter string
	var sawProvisional bool
	err := chromedp.Run(ctx,
		runNumber(&run),
		chromedp.ScrollIntoView(`#in-end`),
		chromedp.SetValue(`#in-end`, "stepup"),
		chromedp.Evaluate(`document.querySelector("#in-end").dispatchEvent(new Event("change", { bubbles: true }))`, nil),
		// The answer line under the form shows the run as it goes:
		// provisional (muted, "so far") first.
		chromedp.Poll(`document.querySelector("#answer-bar").dataset.provisional === "true" || document.querySelector("#progress").dataset.running === "false"`,
			nil, chromedp.WithPollingInterval(5*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second)),
		chromedp.Evaluate(`document.querySelector("#answer-bar").dataset.provisional === "true"`, &sawProvisional),
		chromedp.ActionFunc(func(ctx context.Context) error {
			if !sawProvisional {
				return nil
			}
			// One read of the headline while it is provisional: the run
			// may end between two reads, and the settled headline has no
			// note to wait for.
			var state struct {
				Provisional bool   `json:"provisional"`
				Tone        string `json:"tone"`
				Note        string `json:"note"`
			}
			var png []byte
			if err := chromedp.Run(ctx,
				chromedp.Evaluate(`(() => {
					const h = document.querySelector("#headline"), n = document.querySelector("#headline-note");
					return {provisional: document.querySelector("#answer-bar").dataset.provisional === "true",
						tone: h.dataset.tone || "", note: n ? n.textContent : ""};
				})()`, &state),
				elementPNG(`#answer`, &png), // the headline with its note, a tag on its top edge
			); err != nil {
				return err
			}
			writeArtifact(t, "phone-provisional.png", png)
			if !state.Provisional {
				sawProvisional = false // it settled before the read
				return nil
			}
			if state.Tone != "pending" || !strings.HasPrefix(state.Note, "So far, ") {
				t.Errorf("provisional headline: tone %q, note %q", state.Tone, state.Note)
			}
			return nil
		}),
		waitNewRun(&run),
		chromedp.Text(`#headline-text`, &after),
		chromedp.Text(`#answer-bar-text`, &barAfter),
	)
	if err != nil {
		t.Fatal(err)
	}
	viewportShot(t, ctx, "phone-after-change.png")
	if !sawProvisional {
		t.Log("the run ended before a provisional result was seen")
	}
	if after == before || !strings.Contains(after, "heirs") {
		t.Errorf("headline after choosing heirs: %q (before %q)", after, before)
	}
	if barAfter == barBefore {
		t.Errorf("the answer line under the form did not change: %q", barAfter)
	}
	s, _ := scenario.Decode("end=stepup")
	want, err := calc.Simulate(context.Background(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(barAfter, dollars(want.Difference.P50.Decimal)) {
		t.Errorf("answer line %q, engine median %s", barAfter, want.Difference.P50)
	}
}
