package answer

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// While a run is provisional, the verdict and the run-out sentence keep
// the height of what they said before it: the held text lies under the
// new one, invisible and hidden from assistive technology; with nothing
// held (or the same text) the paragraph is plain.
func TestHeldPlaces(t *testing.T) {
	for _, tc := range []struct {
		name    string
		ui      app.UI
		want    []string
		wantNot []string
	}{
		{name: "verdict, nothing held", ui: heldText(app.P().ID("v"), "headline-verdict", "So far", ""),
			want: []string{`class="headline-verdict"`, ">So far</p>"}, wantNot: []string{"held"}},
		{name: "verdict, same text", ui: heldText(app.P().ID("v"), "headline-verdict", "Same", "Same"),
			want: []string{">Same</p>"}, wantNot: []string{"held"}},
		{name: "verdict held", ui: heldText(app.P().ID("v"), "headline-verdict", "So far", "A clear edge"),
			want: []string{`class="headline-verdict held-place"`, "<span>So far</span>", `class="held"`, "aria-hidden", ">A clear edge</span>"}},
		{name: "run-out settled", ui: runOutPlace("With no new money, …", "earlier"),
			want: []string{`id="headline-runout"`, "With no new money, …"}, wantNot: []string{"held", "earlier"}},
		{name: "run-out held", ui: runOutPlace("", "With no new money, …"),
			want: []string{`id="headline-runout-place"`, "headline-runout pending held-place", runOutPendingText, `class="held"`, "aria-hidden", ">With no new money, …</span>"}},
		{name: "no run-out", ui: runOutPlace("", ""),
			want: []string{`id="headline-runout-place"`, "hidden"}, wantNot: []string{runOutPendingText}},
	} {
		html := app.HTMLString(tc.ui) // attributes in any order
		for _, w := range tc.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s: %s lacks %s", tc.name, html, w)
			}
		}
		for _, w := range tc.wantNot {
			if strings.Contains(html, w) {
				t.Errorf("%s: %s has %s", tc.name, html, w)
			}
		}
	}
}

// The note is a one-line tag: short texts.
func TestNotesAreShort(t *testing.T) {
	for _, note := range []string{staleText, provisionalText(1998, 2000)} {
		if len(note) > 40 {
			t.Errorf("note %q is %d characters, want at most 40 (one line on a phone)", note, len(note))
		}
	}
}
