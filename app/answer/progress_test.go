package answer

import "testing"

func TestProgressText(t *testing.T) {
	for _, tc := range []struct {
		done, total int
		want        string
	}{
		{200, 500, "Simulating… 40% (200 of 500 paths)"},
		{0, 0, "Simulating… 0% (0 of 0 paths)"},
		{199, 200, "Simulating… 99% (199 of 200 paths)"},
	} {
		if got := progressText(tc.done, tc.total); got != tc.want {
			t.Errorf("progressText(%d, %d) = %q, want %q", tc.done, tc.total, got, tc.want)
		}
	}
	if got, want := progressShare(2, 200), "1% (2 of 200 paths)"; got != want {
		t.Errorf("progressShare = %q, want %q", got, want)
	}
}
