package calc

import (
	"math"

	"smacalc/calc/internal/market"
	"smacalc/calc/scenario"
)

// Index turnover and forced gains (key "turnover").
//
// A real index replaces names: the S&P 500 changes about 20–25 of its 500
// members a year, about 4–5% of the index (S&P Dow Jones Indices: 3.6% of
// constituents in 2020, 5.2% in 2017; "about 4% a year" on average), and
// about 70% of the deletions since 1995 came from corporate events such as
// mergers and acquisitions (S&P Dow Jones Indices, "Quarterly Changes May
// Not Be Constant", 2025). An index fund moves the leaving name out in kind
// (IRC §852(b)(6): redemptions in kind realize no gain in the fund), so
// the fund is unaffected; an SMA that tracks the index must sell it,
// realizing its gains and losses — the forced gains that AQR's net
// figures include — and buy the entering name at its index weight.
//
// Model: at each quarter end every name of the index is replaced with
// probability q = 1 − (1 − turnover)^(1/4), so the expected fraction of
// the names (and, with weight-independent draws, of the index's weight)
// replaced in a year is `turnover`. The entering name takes the leaving
// name's slot: its weight (the leaving name's value at that moment), its
// sector and its volatility, and its price process continues from there
// (only price ratios matter). The SMA sells every lot of the leaving name
// (net gain recorded in years[].forced_gains) and buys the entering name
// with the proceeds: a new lot at today's price; both trades pay the
// trading cost. A substitute held for a harvested loss of the leaving
// name is unwound as usual a step later, into the entering name.
//
// Which names leave is drawn from a stream of its own (SplitMix64 of the
// path pair's seed word, the step and the name), shared by both paths of
// an antithetic pair and separate from the market's draws: a scenario
// with turnover sees exactly the market of the same scenario without it.
// Of the leaving names, the share "takeover" leave by a cash takeover at a
// premium (takeover.go): drawn from the same stream, so a scenario with
// takeovers replaces exactly the names of the same scenario without them.

// turnoverPerQuarter is the probability that a name is replaced at one
// quarter end for a yearly turnover.
func turnoverPerQuarter(turnover float64) float64 {
	if turnover <= 0 {
		return 0
	}
	return 1 - math.Pow(1-turnover, 0.25)
}

// turnover draws the names leaving the index at each quarter end.
type turnover struct {
	q        float64 // probability that a name is replaced at a quarter end
	takeover float64 // share of the leaving names taken over for cash (takeover.go)
	seed     uint64  // the path pair's stream of replacements

	// The last quarter's leavers (quarterLeavers): drawn at step leftAt
	// from stream leftSeed. mirror is the turnover of the first path of
	// the pair when this is the second's, in lock-step (runPair): the
	// pair shares the stream, so the second path takes the first's list
	// instead of drawing a number for each of its names again (perf:
	// reconstitute's draws were 3% of BenchmarkSimulateDefault's samples).
	left     []leaver
	leftAt   int32
	leftSeed uint64
	mirror   *turnover
}

// leaver is a name leaving the index at a quarter end, and whether it
// leaves by a cash takeover.
type leaver struct {
	name int32
	cash bool
}

func newTurnover(s scenario.Scenario) turnover {
	return turnover{q: turnoverPerQuarter(s.Turnover), takeover: s.Takeover}
}

// begin sets the path's replacement stream from its pair's seed word.
func (tu *turnover) begin(pairWord uint64) {
	tu.seed = market.SplitMix64(pairWord ^ 0x5bd1e9955bd1e995)
}

// leavers returns the draw of the names leaving the index at the quarter
// ending at step t (leaverDraw.at).
func (tu *turnover) leavers(t int32) leaverDraw {
	return leaverDraw{
		limit: uint64(tu.q * (1 << 53)),
		cash:  uint64(tu.takeover * (1 << 53)),
		base:  market.SplitMix64(tu.seed ^ uint64(t)),
	}
}

// quarterLeavers returns the names of the n in the index leaving it at
// the quarter ending at step t, in index order (leavers' draw; the
// mirror's list when it drew this quarter of this stream).
func (tu *turnover) quarterLeavers(t int32, n int) []leaver {
	if m := tu.mirror; m != nil && m.leftAt == t && m.leftSeed == tu.seed {
		return m.left
	}
	leaves := tu.leavers(t)
	tu.left = tu.left[:0]
	for i := range n {
		if u, leaving := leaves.leaving(i); leaving {
			tu.left = append(tu.left, leaver{name: int32(i), cash: leaves.takenOver(u)})
		}
	}
	tu.leftAt, tu.leftSeed = t, tu.seed
	return tu.left
}

// leaverDraw is one quarter's draw of the names leaving the index. A
// value with methods rather than a closure: leaving is called for every
// name every quarter, and inlined (perf: the closure call was most of
// reconstitute's 2% of SimulateDefault).
type leaverDraw struct{ limit, cash, base uint64 }

// leaving returns whether name i leaves the index, and its draw u for
// takenOver.
func (d leaverDraw) leaving(i int) (u uint64, leaves bool) {
	u = market.SplitMix64(d.base + uint64(i))
	return u, u>>11 < d.limit
}

// takenOver returns whether a leaving name, of draw u, leaves by a cash
// takeover.
func (d leaverDraw) takenOver(u uint64) bool {
	return d.cash > 0 && market.SplitMix64(u)>>11 < d.cash
}
