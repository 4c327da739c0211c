package advisor

import (
	"testing"

	"smacalc/app/savedfile"
)

func TestStepSaved(t *testing.T) {
	list := []savedfile.Scenario{{Label: "A", Query: "q=a"}, {Label: "B", Query: "q=b"}, {Label: "C", Query: "q=c"}}
	tests := []struct {
		current string
		by      int
		want    int
	}{
		{"q=a", +1, 1},
		{"q=b", -1, 0},
		{"q=c", +1, -1}, // stops at the end
		{"q=a", -1, -1}, // and at the start
		{"q=z", +1, 0},  // an unsaved scenario comes before the first
		{"q=z", -1, -1},
		{"q=b", 0, 1},
	}
	for _, tt := range tests {
		if got := stepSaved(list, tt.current, tt.by); got != tt.want {
			t.Errorf("stepSaved(%s, %+d) = %d, want %d", tt.current, tt.by, got, tt.want)
		}
	}
	if got := stepSaved(nil, "q=a", +1); got != -1 {
		t.Errorf("no saved scenarios: %d", got)
	}
}

func TestPosition(t *testing.T) {
	list := []savedfile.Scenario{{Label: "Smith — ETF", Query: "q=a"}, {Label: "Smith — MF", Query: "q=b"}}
	for current, want := range map[string]string{
		"q=b": "Smith — MF — 2 of 2",
		"q=z": "Current scenario (not saved) — 2 saved",
	} {
		if got := position(list, current); got != want {
			t.Errorf("position(%s) = %q, want %q", current, got, want)
		}
	}
	if got := position(nil, "q"); got != "Current scenario (save scenarios to step through them)" {
		t.Errorf("no saved: %q", got)
	}
}
