package answer

import "testing"

func TestProgressText(t *testing.T) {
	for _, tc := range []struct {
		done, total int
		want        string
	}{
		{200, 500, "Simulating: 40%, 200 of 500 markets so far."},
		{0, 0, "Simulating: 0%, 0 of 0 markets so far."},
		{199, 200, "Simulating: 99%, 199 of 200 markets so far."},
	} {
		if got := progressText(tc.done, tc.total); got != tc.want {
			t.Errorf("progressText(%d, %d) = %q, want %q", tc.done, tc.total, got, tc.want)
		}
	}
}
