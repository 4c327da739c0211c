package calc

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Scenario is the single input of the calculator: one investor, one index,
// two ways to own it. Its canonical text form is the URL query produced by
// Encode (see MODEL.md, "Scenario keys"). Amounts are dollars, rates are
// decimals (0.07 = 7%).
type Scenario struct {
	Year         int      // tax-law year of the tables (key "year")
	Status       string   // filing status: single, mfj, mfs, hoh ("status")
	Wages        float64  // other ordinary income per year ("wages")
	STGains      float64  // outside short-term gains per year ("stgains")
	LTGains      float64  // outside long-term gains per year ("ltgains")
	State        string   // two-letter state code (upper case), DC, or "none" ("state")
	StateRate    float64  // flat state rate overriding the state's law ("staterate")
	HasStateRate bool     // StateRate is set (the key is present)
	Amount       float64  // initial investment ("amount")
	Basis        float64  // initial cost basis as a fraction of Amount ("basis")
	Contrib      float64  // contribution per year, negative = withdrawal ("contrib")
	Horizon      int      // years ("horizon")
	Ret          float64  // expected market return per year ("ret")
	Vol          float64  // market volatility per year ("vol")
	Idio         float64  // non-market volatility per stock per year ("idio")
	Div          float64  // dividend yield ("div")
	Stocks       int      // number of stocks in the index ("stocks")
	Harvest      string   // monthly, quarterly, annual, none ("harvest")
	Threshold    float64  // loss below basis that triggers a harvest ("threshold")
	SMAFee       float64  // SMA fee per year ("smafee")
	TradeCost    float64  // trading cost, fraction of traded value ("tradecost")
	Fund         string   // etf or mf ("fund")
	FundFee      float64  // fund expense ratio ("fundfee")
	Dist         float64  // fund capital-gain distributions per year, fraction of NAV ("dist")
	End          string   // liquidate, hold, stepup, donate ("end")
	Exclude      []string // sectors the SMA does not hold ("exclude"); nil when none
	Paths        int      // Monte Carlo paths ("paths")
	Seed         uint64   // random seed ("seed")
	Local        string   // local income tax: "none" or "nyc" (with state NY) ("local")
	Index        string   // index preset: sp500, r1000, r3000 ("index"; index_presets.go)
	Turnover     float64  // yearly index reconstitution turnover ("turnover"; turnover.go)
	Savings      string   // reinvest or withdraw the tax saved ("savings"; savings.go)
	History      int      // start year of a replay of history, 0 = off ("history"; history_market.go)
	Takeover     float64  // share of the names leaving the index that are bought for cash ("takeover"; takeover.go)
	Premium      float64  // a cash takeover's premium over the price before it ("premium"; takeover.go)

	// Existing holdings moved into the SMA (transition.go). A concentrated
	// position is a fraction of Amount in one stock; legacy lots come from
	// a file (ParseLegacyLots) and are not part of the query.
	Single        float64     // fraction of Amount held in one stock ("single")
	SingleBasis   float64     // its cost basis as a fraction of its value ("singlebasis")
	SingleVol     float64     // its total volatility, and each legacy holding's ("singlevol")
	GainBudget    float64     // most net capital gain realized a year to move ("gainbudget")
	HasGainBudget bool        // GainBudget is set; unset: no limit, sell at once
	Legacy        []LegacyLot // legacy lots (nil: none); Amount is their total
}

// DefaultScenario describes a typical high-earning prospect: married filing
// jointly in California with $400,000 of wages and $50,000 a year of outside
// short-term gains, investing $1,000,000 of cash for 10 years in a 500-stock
// index, harvested monthly, compared with a low-cost ETF, liquidated at the end.
func DefaultScenario() Scenario {
	return Scenario{
		Year:      2026,
		Status:    "mfj",
		Wages:     400000,
		STGains:   50000,
		LTGains:   0,
		State:     "CA",
		Amount:    1000000,
		Basis:     1,
		Contrib:   0,
		Horizon:   10,
		Ret:       0.07,
		Vol:       0.16,
		Idio:      0.25,
		Div:       0.015,
		Stocks:    500,
		Harvest:   "monthly",
		Threshold: 0.05,
		SMAFee:    0.0035,
		TradeCost: 0.0005,
		Fund:      "etf",
		FundFee:   0.0003,
		Dist:      0,
		End:       "liquidate",
		// 200 paths (100 antithetic pairs) keep the headline's Monte Carlo
		// standard error under 5 bp/yr with a margin in every scenario of
		// docs/VALIDATION.md §6 and §7 (the hardest needs about 100; at
		// 200 paths the largest error measured over 16 seeds is 3.6 bp/yr,
		// the default scenario's 2.5).
		Paths: 200,
		Seed:  1,
		Local: "none",
		// The S&P 500 and its published turnover (index_presets.go), and
		// the tax saved reinvested, as in a real investor's account
		// (savings.go).
		Index:    "sp500",
		Turnover: defaultTurnover,
		Savings:  "reinvest",
		// Cash takeovers are off unless asked for; when they are, at the
		// premium published studies find (takeover.go).
		Takeover: 0,
		Premium:  defaultPremium,

		Single:      0,
		SingleBasis: 1,
		SingleVol:   DefaultSingleVol,
	}
}

// Limits on the amount of work one scenario may ask for. They keep a browser
// worker responsive and its memory bounded, and bound how long the largest
// accepted scenario runs.
const (
	// MaxWork bounds paths × stocks × monthly steps (horizon × 12). Sized
	// by measurement so that the largest accepted scenario finishes within
	// 30 seconds natively on one core of the 2-core machine the project is
	// built on (about 25 million stock-steps a second at the time; see
	// README, "Limits"). A faster kernel does not raise it by itself:
	// re-measure and change it here.
	MaxWork = 5e8
	// MaxPathYears bounds paths × horizon (per-path results are kept for
	// the percentiles and for merging chunks of paths).
	MaxPathYears = 250000
)

// MaxStateRate is the highest flat state rate accepted (key "staterate",
// and `smacalc tax -staterate`): above every state's top rate (California's
// 13.3%) with room, and well below anything that would be a typo for a
// percentage.
const MaxStateRate = 0.2

var (
	statuses   = []string{"single", "mfj", "mfs", "hoh"}
	harvests   = []string{"weekly", "monthly", "quarterly", "annual", "none"}
	fundKinds  = []string{"etf", "mf"}
	endChoices = []string{"liquidate", "hold", "stepup", "donate"}
	savingsUse = []string{"reinvest", "withdraw"}
)

// Problem is one invalid key of a Scenario.
type Problem struct {
	Key     string `json:"key"`
	Message string `json:"message"`
}

// ValidationError lists every invalid key of a scenario, in key order.
type ValidationError struct {
	Problems []Problem `json:"problems"`
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Key + ": " + p.Message
	}
	return "invalid scenario: " + strings.Join(parts, "; ")
}

// add records a problem once: a link that repeats a key a thousand times
// gets one message, not a thousand.
func (e *ValidationError) add(key, format string, args ...any) {
	p := Problem{Key: key, Message: fmt.Sprintf(format, args...)}
	for _, q := range e.Problems {
		if q == p {
			return
		}
	}
	e.Problems = append(e.Problems, p)
}

func (e *ValidationError) has(key string) bool {
	for _, p := range e.Problems {
		if p.Key == key {
			return true
		}
	}
	return false
}

func (e *ValidationError) orNil() error {
	if len(e.Problems) == 0 {
		return nil
	}
	return e
}

// Validate checks every key and returns a *ValidationError naming each bad
// key with its allowed range, or nil.
func (s Scenario) Validate() error {
	var e ValidationError
	s.validate(&e)
	return e.orNil()
}

func (s Scenario) validate(e *ValidationError) {
	years := taxYears()
	if !slices.Contains(years, s.Year) && !e.has("year") {
		e.add("year", "no tax tables for %d; available: %s", s.Year, joinInts(years))
	}
	oneOf(e, "status", s.Status, statuses)
	rangeF(e, "wages", s.Wages, 0, 1e9)
	rangeF(e, "stgains", s.STGains, 0, 1e9)
	rangeF(e, "ltgains", s.LTGains, 0, 1e9)
	if !e.has("state") {
		if err := checkState(s.State); err != nil {
			e.add("state", "%v", err)
		}
	}
	if s.HasStateRate {
		rangeF(e, "staterate", s.StateRate, 0, MaxStateRate)
	}
	if !e.has("local") {
		if err := checkLocal(s.State, s.Local); err != nil {
			e.add("local", "%v", err)
		}
	}
	rangeF(e, "amount", s.Amount, 1000, 1e10)
	rangeF(e, "basis", s.Basis, 0, 2)
	if !e.has("contrib") && finite(s.Contrib) && finite(s.Amount) {
		if s.Contrib > 1e9 {
			e.add("contrib", "must be at most 1000000000 a year")
		} else if s.Contrib < -0.1*s.Amount {
			e.add("contrib", "withdrawals may be at most 10%% of amount a year (%s)", formatFloat(0.1*s.Amount))
		} else {
			onStep(e, "contrib", s.Contrib)
		}
	} else if !finite(s.Contrib) && !e.has("contrib") {
		e.add("contrib", "must be a finite number")
	}
	rangeI(e, "horizon", s.Horizon, 1, 50)
	rangeF(e, "ret", s.Ret, -0.5, 0.5)
	rangeF(e, "vol", s.Vol, 0, 1)
	rangeF(e, "idio", s.Idio, 0, 2)
	rangeF(e, "div", s.Div, 0, 0.2)
	rangeI(e, "stocks", s.Stocks, 1, 1000)
	oneOf(e, "harvest", s.Harvest, harvests)
	rangeF(e, "threshold", s.Threshold, 0, 0.9)
	rangeF(e, "smafee", s.SMAFee, 0, 0.05)
	rangeF(e, "tradecost", s.TradeCost, 0, 0.05)
	oneOf(e, "fund", s.Fund, fundKinds)
	rangeF(e, "fundfee", s.FundFee, 0, 0.05)
	rangeF(e, "dist", s.Dist, 0, 0.5)
	oneOf(e, "end", s.End, endChoices)
	if !e.has("exclude") {
		s.validateExclude(e)
	}
	s.validateTransition(e)
	rangeI(e, "paths", s.Paths, 1, 20000)
	s.validateWork(e) // limits.go
	s.validateMarket(e)
	s.validateExactRange(e) // limits.go
}

func (s Scenario) validateExclude(e *ValidationError) {
	if len(s.Exclude) == 0 {
		return
	}
	seen := map[string]bool{}
	for _, name := range s.Exclude {
		if sectorIndex(name) < 0 {
			e.add("exclude", "unknown sector %q; accepted: %s", name, strings.Join(SectorNames(), ", "))
			return
		}
		if seen[name] {
			e.add("exclude", "sector %q listed twice", name)
			return
		}
		seen[name] = true
	}
	if s.Stocks >= 1 && s.Stocks <= 1000 {
		ix := indexFor(s)
		held := 0
		for i := range s.Stocks {
			if !seen[sectors[ix.sector[i]].Name] {
				held++
			}
		}
		if held == 0 {
			e.add("exclude", "excludes every stock of a %d-stock index; exclude fewer sectors or use more stocks", s.Stocks)
		}
	}
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func rangeF(e *ValidationError, key string, v, lo, hi float64) {
	if e.has(key) {
		return
	}
	if !finite(v) || v < lo || v > hi {
		e.add(key, "must be between %s and %s", formatFloat(lo), formatFloat(hi))
		return
	}
	onStep(e, key, v)
}

// onStep refuses a value finer than its key's precision (Decode rounds to
// it; a Scenario built in Go must respect it) and −0, so that every valid
// scenario has one short canonical query.
func onStep(e *ValidationError, key string, v float64) {
	per := stepsOf(key)
	if r := roundTo(v, per); r != v || math.Signbit(v) && v == 0 {
		what := "cents"
		if per == ratePerUnit {
			what = "hundredths of a basis point (6 decimals)"
		}
		e.add(key, "must be given in %s: %s", what, formatFloat(r))
	}
}

func rangeI(e *ValidationError, key string, v, lo, hi int) {
	if e.has(key) {
		return
	}
	if v < lo || v > hi {
		e.add(key, "must be a whole number between %d and %d", lo, hi)
	}
}

func oneOf(e *ValidationError, key, v string, allowed []string) {
	if e.has(key) {
		return
	}
	if !slices.Contains(allowed, v) {
		e.add(key, "%q is not one of %s", v, strings.Join(allowed, ", "))
	}
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}
