package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// answerLandmarks are the parts whose place TestRunKeepsTheAnswerInPlace
// follows: the answer's own parts and what comes after it, the form on a
// phone (under the answer) and the sticky answer bar's height.
var answerLandmarks = []string{"#headline", "#headline-text", "#headline .figures", "#headline-detail",
	"#headline-precision", "#inputs", "#answer-bar", "#charts", "#ledger", "#ledger table"}

// While a run goes on, nothing on the page moves: the progress bar keeps its
// box, the headline's note is a tag on its edge, the verdict and the
// run-out sentence keep the height they had, the answer bar on a phone
// keeps its lines, the ledger keeps its note's line
// (app/answer/headline.go). Each move of the answer moved the rest of the
// page, which Chromium painted and rastered again in view, three times a
// run (docs/ARCHITECTURE.md, "Round 11: an answer that keeps its place").
// Every animation frame from before the change to the final result, the
// landmarks' places and heights are read; every frame of the run (the
// headline stale or provisional) must match the settled page before it.
func TestRunKeepsTheAnswerInPlace(t *testing.T) {
	for _, phone := range []bool{false, true} {
		name := "desktop"
		if phone {
			name = "phone"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := startServer(t, siteV1)
			ctx := profileTab(t, phone)
			var frames []struct {
				State  string
				Places string
			}
			if err := chromedp.Run(ctx,
				coldVisit(srv.URL+"/"),
				waitVisible(simulationDone),
				chromedp.Evaluate(`(() => {
  const landmarks = `+jsStrings(answerLandmarks)+`;
  window.__places = [];
  const read = () => {
    const h = document.getElementById("headline");
    const state = h.classList.contains("provisional") ? "provisional" : h.classList.contains("stale") ? "stale" : "settled";
    const places = landmarks.map((s) => {
      const e = document.querySelector(s);
      if (!e) return s + " missing";
      const r = e.getBoundingClientRect();
      return s + " " + Math.round(r.top + scrollY) + "+" + Math.round(r.height);
    }).join(", ");
    const last = window.__places[window.__places.length - 1];
    if (!last || last.State !== state || last.Places !== places) window.__places.push({ State: state, Places: places });
    if (!window.__placesDone) requestAnimationFrame(read);
  };
  read();
})()`, nil),
				chromedp.Evaluate(`performance.clearMarks("smacalc:result")`, nil),
				chromedp.Evaluate(changeInputInOwnTask("1250000"), nil),
				waitMark("smacalc:result"),
				waitVisible(simulationDone),
				chromedp.Evaluate(`window.__placesDone = true; window.__places`, &frames),
			); err != nil {
				t.Fatal(err)
			}
			if len(frames) == 0 || frames[0].State != "settled" {
				t.Fatalf("the first frame read is not the settled page: %+v", frames)
			}
			before := frames[0].Places
			states := map[string]bool{}
			for _, f := range frames[1:] {
				states[f.State] = true
				if f.State != "settled" && f.Places != before {
					t.Errorf("%s frame moved the page:\n got  %s\n want %s", f.State, f.Places, before)
				}
			}
			if !states["stale"] && !states["provisional"] {
				t.Errorf("no frame of the run was read (states %v)", states)
			}
			if strings.Contains(before, "missing") {
				t.Errorf("a landmark is missing: %s", before)
			}
		})
	}
}

// jsStrings is a JavaScript array literal of strings, as jsString is of
// one: JSON's.
func jsStrings(list []string) string {
	b, _ := json.Marshal(list)
	return string(b)
}
