package scenario

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
	Turnover     float64  // yearly index reconstitution turnover ("turnover"; calc/turnover.go)
	Savings      string   // reinvest or withdraw the tax saved ("savings"; calc/savings.go)
	History      int      // start year of a replay of history, 0 = off ("history"; calc/history_market.go)
	Takeover     float64  // share of the names leaving the index that are bought for cash ("takeover"; calc/takeover.go)
	Premium      float64  // a cash takeover's premium over the price before it ("premium"; calc/takeover.go)

	// Existing holdings moved into the SMA (calc/transition.go). A concentrated
	// position is a fraction of Amount in one stock; legacy lots come from
	// a file (ParseLegacyLots) and are not part of the query.
	Single        float64     // fraction of Amount held in one stock ("single")
	SingleBasis   float64     // its cost basis as a fraction of its value ("singlebasis")
	SingleVol     float64     // its total volatility, and each legacy holding's ("singlevol")
	GainBudget    float64     // most net capital gain realized a year to move ("gainbudget")
	HasGainBudget bool        // GainBudget is set; unset: no limit, sell at once
	Legacy        []LegacyLot // legacy lots (nil: none); Amount is their total

	// Yearly gifts of appreciated lots (calc/give.go).
	Give     float64 // dollars a year given to charity ("give")
	Itemized float64 // other itemized deductions per year ("itemized")
}

// DefaultScenario describes a typical high-earning prospect: married filing
// jointly in California with $400,000 of wages and $50,000 a year of outside
// short-term gains, investing $1,000,000 of cash for 10 years in a 500-stock
// index, harvested monthly, compared with a low-cost ETF, liquidated at the end.
// Each key's default is stated in the key table (keys.go, Key.Default).
func DefaultScenario() Scenario {
	var s Scenario
	for i := range keys {
		keys[i].value.reset(&s)
	}
	return s
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

// Constants of keys that the engine reads too.
const (
	// DefaultSingleVol is the total volatility of a single stock when
	// "singlevol" is not given: about the median of S&P 500 members' (Ang,
	// Hodrick, Xing & Zhang 2006 put idiosyncratic volatility near 25–30%;
	// with the market's 16% that is 30–35% in total).
	DefaultSingleVol = 0.35
	// MaxSingle is the largest "single": the rest (at least 5%) is the
	// index, which the SMA holds from the start.
	MaxSingle = 0.95
	// DefaultPremium is the premium of a cash takeover over the price
	// before the bid (calc/takeover.go gives the studies).
	DefaultPremium = 0.30
	// WeeksPerMonth is the number of checks a month of "harvest=weekly"
	// (calc/weekly.go): a weekly scenario counts as that many steps a
	// month against MaxWork.
	WeeksPerMonth = 4
)
