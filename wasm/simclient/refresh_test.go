package simclient

import (
	"testing"
	"time"
)

func TestRefreshDue(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	for _, tc := range []struct {
		name        string
		last, now   time.Time
		done, total int
		cost        time.Duration // the last refresh's
		want        bool
	}{
		{"too soon after the last refresh", ms(100), ms(300), 20, 200, 0, false},
		{"a quarter second after an early refresh", ms(100), ms(350), 20, 200, 0, true},
		{"late in a long run: half the elapsed time", ms(2000), ms(2600), 60, 200, 0, false},
		{"late in a long run: spacing reached", ms(1500), ms(3000), 60, 200, 0, true},
		{"final result due within the interval", ms(100), ms(400), 150, 200, 0, false},
		{"final result due later than the interval", ms(100), ms(400), 100, 200, 0, true},
		// 100 of 200 paths in 400 ms: the final result due in 400 ms.
		{"a refresh costlier than half the time left", ms(100), ms(400), 100, 200, 250 * time.Millisecond, false},
		{"a refresh cheaper than half the time left", ms(100), ms(400), 100, 200, 150 * time.Millisecond, true},
	} {
		if got := refreshDue(t0, tc.last, tc.now, tc.done, tc.total, tc.cost); got != tc.want {
			t.Errorf("%s: refreshDue = %v, want %v", tc.name, got, tc.want)
		}
	}
}
