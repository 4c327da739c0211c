package calc

import (
	"math"

	"smacalc/calc/scenario"
)

// Cash takeovers at a premium (keys "takeover" and "premium").
//
// Most names leave an index through a corporate event: about 70% of the
// S&P 500's deletions since 1995 were mergers and acquisitions (S&P Dow
// Jones Indices, "Quarterly Changes May Not Be Constant", 2025; see
// turnover.go). When the buyer pays cash, the target's price jumps to the
// offer, above its price before the bid by the takeover premium, and every
// holder is paid out: an SMA realizes the gain on each of its lots in the
// name, a fund realizes it inside the fund. An index ETF usually does not
// distribute that gain (it hands its lowest-cost shares of the target out
// through in-kind redemptions before the deal closes, IRC §852(b)(6)); a
// mutual fund's realized gains are what the "dist" key's rate stands for.
// As with the rest of the turnover, the fund is therefore unaffected here.
//
// Model: of the names that leave the index at a quarter end (turnover.go),
// the share "takeover" leave by a cash takeover (default 0: the key is
// optional, since the share of deletions paid in cash has no published
// figure this model could cite). A name taken over first rises by
// "premium" — announcement and completion in the same step, so the SMA
// cannot harvest or trade in between — moving the index, the fund's NAV
// and the SMA with it; then the SMA sells every lot at the offer price and
// buys the entering name, as for any leaving name. The default premium,
// 30%, is within the published averages for US public targets: 21–30%
// one-month premiums by quarter in 2007–2009 (Dealogic), averages "from the
// low 20's to high 30's" over 2003–2013 (Mergerstat control premiums), 36%
// over 1990–2010 (Kengelbach & Roos, BCG 2011); large targets, like an
// index's, sit at the lower end (docs/MARKET.md gives the sources, and a
// guide to the share of deletions paid in cash).
//
// The premium is part of the index's return, not an addition to it: "ret"
// keeps its meaning (the index's expected return) because each name's
// monthly log drift is lowered by ln(1 + q·premium)/3, q being a name's
// chance of a cash takeover in a quarter (a compensated jump, as in
// Merton 1976's jump-diffusion). Between takeovers names therefore drift
// slightly lower, which leaves a little more to harvest; the sector
// substitutes, diversified portfolios, keep the full drift.
//
// A replay of history (history_market.go) already contains the takeover
// premiums its companies were bought at, and pins the index to the data
// every month, so the two keys are refused together.

// takeoverPerQuarter is a name's probability of leaving the index by a
// cash takeover at one quarter end.
func takeoverPerQuarter(s scenario.Scenario) float64 {
	return turnoverPerQuarter(s.Turnover) * s.Takeover
}

// takeoverDrift is the amount by which a name's log drift per monthly step
// is lowered so that the takeovers' premiums leave its expected growth,
// and the index's expected return, unchanged.
func takeoverDrift(s scenario.Scenario) float64 {
	return math.Log1p(takeoverPerQuarter(s)*s.Premium) / 3
}
