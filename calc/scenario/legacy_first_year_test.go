package scenario

import "testing"

// LegacyFirstYear names the tax year the lots need (issue 25, item 6).
func TestLegacyFirstYear(t *testing.T) {
	for _, c := range []struct {
		dates  []string
		year   int
		latest string
	}{
		{nil, 0, ""},
		{[]string{"2012-05-01", "2025-06-01", "2019-03-15"}, 2026, "2025-06-01"},
		{[]string{"2025-01-01"}, 2025, "2025-01-01"},
		{[]string{"2024-12-31"}, 2025, "2024-12-31"},
		{[]string{"2020-01-01", "not a date"}, 0, ""},
	} {
		lots := make([]LegacyLot, len(c.dates))
		for i, d := range c.dates {
			lots[i] = LegacyLot{Holding: "A", Value: 1, Acquired: d}
		}
		year, latest := LegacyFirstYear(lots)
		if year != c.year || latest != c.latest {
			t.Errorf("%v: %d %q, want %d %q", c.dates, year, latest, c.year, c.latest)
		}
		// The year it names is one the lots' own check accepts, and the
		// year before is one it refuses.
		if year > 0 {
			for i, l := range lots {
				if l.problem(year) != "" || l.problem(year-1) == "" && l.Acquired == latest {
					t.Errorf("%v lot %d: year %d: %q, year %d: %q", c.dates, i, year, l.problem(year), year-1, l.problem(year-1))
				}
			}
		}
	}
}
