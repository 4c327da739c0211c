package store

import (
	"strconv"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// MapPair is one pair of keys the break-even map can be drawn over (issue
// 27): its id (the select's value), what it is in words, and the axes'
// specs (calc.ParseMapAxis) on a wide screen and on a phone, where the map
// has fewer cells so that each stays large enough to read and to tap.
type MapPair struct {
	ID, Label string
	axes      func(s scenario.Scenario, phone bool) (x, y string)
}

// steps is the count of a range's values: wide on a wide screen, narrow on
// a phone; narrow = (wide+1)/2, the wide range's every other value, so the
// phone's cells are cells of the wide map.
func steps(phone bool, wide int) string {
	if phone {
		return strconv.Itoa((wide + 1) / 2)
	}
	return strconv.Itoa(wide)
}

// wagesRange spans the federal brackets: from none to past the start of
// the 37% bracket for married couples filing jointly (IRC §1(j), $768,700
// in 2026 under Rev. Proc. 2025-32) in steps of $100,000.
func wagesRange(phone bool, wide int) string {
	return "wages=0:" + strconv.Itoa(100000*(wide-1)) + ":" + steps(phone, wide)
}

// MapPairs are the pairs offered, the default first: income × outside
// short-term gains decide what a harvested loss is worth (a loss offsets
// short-term gains at the ordinary rate, then long-term gains, then
// $3,000 of income, IRC §1211(b), and carries forward, §1212(b)).
var MapPairs = []MapPair{
	{ID: "income", Label: "Income × outside short-term gains", axes: func(s scenario.Scenario, phone bool) (string, string) {
		// From none to more than the account's likely yearly losses: a
		// harvesting SMA realizes losses of the order of 10–15% of its value
		// a year in its first years (Chaudhuri, Burnham & Lo 2020).
		return wagesRange(phone, 9), "stgains=0:" + strconv.FormatFloat(roundTo(0.15*s.Amount, 1000), 'f', -1, 64) + ":" + steps(phone, 7)
	}},
	{ID: "basis", Label: "Cost basis of what you hold today × income", axes: func(s scenario.Scenario, phone bool) (string, string) {
		// Basis 1 is cash; 0.2 is a holding with 80% of its value in
		// embedded gains, which the SMA must realize to move into the index.
		return "basis=0.2:1:" + steps(phone, 9), wagesRange(phone, 7)
	}},
	{ID: "fee", Label: "SMA fee × years held", axes: func(s scenario.Scenario, phone bool) (string, string) {
		return "smafee=0:0.006:" + steps(phone, 7), "horizon=5:35:" + steps(phone, 7)
	}},
	{ID: "end", Label: "What happens at the end × years held", axes: func(s scenario.Scenario, phone bool) (string, string) {
		return "end=liquidate,hold,stepup,donate", "horizon=5:35:" + steps(phone, 7)
	}},
	{ID: "state", Label: "State × income", axes: func(s scenario.Scenario, phone bool) (string, string) {
		states := "state=CA,NY,NJ,MA,IL,PA,TX,FL"
		if phone {
			states = "state=CA,NY,IL,TX"
		}
		return states, wagesRange(phone, 7)
	}},
	{ID: "single", Label: "A concentrated stock moved in: its share × its cost basis", axes: func(s scenario.Scenario, phone bool) (string, string) {
		return "single=0:0.6:" + steps(phone, 7), "singlebasis=0:1:" + steps(phone, 5)
	}},
}

// MapPairByID is the pair with id, the default pair for an unknown id.
func MapPairByID(id string) MapPair {
	for _, p := range MapPairs {
		if p.ID == id {
			return p
		}
	}
	return MapPairs[0]
}

// Axes are the pair's axes for s, phone-sized or not, checked against s
// (calc.ParseMapAxis).
func (p MapPair) Axes(s scenario.Scenario, phone bool) (x, y calc.MapAxis, err error) {
	xs, ys := p.axes(s, phone)
	if x, err = calc.ParseMapAxis(s, xs); err != nil {
		return x, y, err
	}
	y, err = calc.ParseMapAxis(s, ys)
	return x, y, err
}

// CoarseIndices are the positions of an axis of n values that a map
// computes first: every other value and the last, so that a first,
// coarse map covers the whole range; the rest refine it.
func CoarseIndices(n int) []int {
	var out []int
	for i := 0; i < n; i += 2 {
		out = append(out, i)
	}
	if n > 0 && (n-1)%2 == 1 {
		out = append(out, n-1)
	}
	return out
}

// MapPathsFor is the paths of each cell of a map of s with cells cells:
// the scenario's own paths when they are not the default (as `smacalc map`
// uses a query's paths when it gives them), at most mapPathsCap, else
// calc.MapPaths (about three default results in all).
func MapPathsFor(s scenario.Scenario, cells int) int {
	if s.Paths != scenario.DefaultScenario().Paths {
		return min(s.Paths, mapPathsCap)
	}
	return calc.MapPaths(cells)
}

// mapPathsCap bounds a cell's paths taken from the scenario: a map of 63
// cells of 100 paths is already some thirty default results.
const mapPathsCap = 100

func roundTo(v, unit float64) float64 {
	return float64(int64(v/unit+0.5)) * unit
}
