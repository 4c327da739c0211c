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
		want        bool
	}{
		{"too soon after the last refresh", ms(100), ms(300), 20, 200, false},
		{"a quarter second after an early refresh", ms(100), ms(350), 20, 200, true},
		{"late in a long run: half the elapsed time", ms(2000), ms(2600), 60, 200, false},
		{"late in a long run: spacing reached", ms(1500), ms(3000), 60, 200, true},
		{"final result due within the interval", ms(100), ms(400), 150, 200, false},
		{"final result due later than the interval", ms(100), ms(400), 100, 200, true},
	} {
		if got := refreshDue(t0, tc.last, tc.now, tc.done, tc.total); got != tc.want {
			t.Errorf("%s: refreshDue = %v, want %v", tc.name, got, tc.want)
		}
	}
}
