package scenario

import (
	"strings"

	"smacalc/calc/tax"
)

// The key table: every scenario key once, in canonical order (the order
// Encode writes them in, MODEL.md's). Everything that reads a key — the
// codec, Validate's range checks, the form, the CLI's usage text and
// docs/KEYS.md — reads it here.
//
// Keys after "seed" were added after the first release: each is written by
// Encode only when it is set or differs from its default, so share links
// made before the key existed keep their canonical form (MODEL.md, "old
// links keep working").
var keys = []Key{
	{Name: "year", Unit: CalendarYear, value: whole(func(s *Scenario) *int { return &s.Year }, 2026),
		Meaning: "tax-law year of the tables (kept for the whole horizon)", Example: "2026",
		allowed: func() string { return "a year with tax tables: " + joinInts(tax.Years()) },
		check:   checkYear,
		Label:   "Tax law year", Help: "The year of the federal tax brackets; they are kept for the whole horizon."},
	{Name: "status", value: word(func(s *Scenario) *string { return &s.Status }, "mfj"),
		Choices: []Choice{{"single", "Single"}, {"mfj", "Married filing jointly"}, {"mfs", "Married filing separately"}, {"hoh", "Head of household"}},
		Meaning: "federal filing status", Example: "mfj",
		Label: "Filing status", Help: "Your federal tax filing status; it sets the tax brackets."},
	{Name: "wages", Unit: Dollars, Min: 0, Max: 1e9, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.Wages }, 400000),
		Meaning: "other ordinary income per year", Example: "400000",
		Label: "Other income per year", Step: "1000",
		Help: "Wages and other ordinary income besides this investment; it sets your tax bracket."},
	{Name: "stgains", Unit: Dollars, Min: 0, Max: 1e9, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.STGains }, 50000),
		Meaning: "outside short-term gains per year (before harvesting)", Example: "50000",
		Label: "Short-term gains you realise elsewhere, per year", Step: "1000",
		Help: "Gains on things held a year or less outside this investment (0 if none). Harvested losses offset these first, which is where they save the most tax."},
	{Name: "ltgains", Unit: Dollars, Min: 0, Max: 1e9, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.LTGains }, 0),
		Meaning: "outside long-term gains per year", Example: "0",
		Label: "Long-term gains you realise elsewhere, per year", Step: "1000",
		Help: "Gains on things held more than a year outside this investment; harvested losses can offset them too."},
	{Name: "state", value: stateCode(func(s *Scenario) *string { return &s.State }, "CA"),
		Meaning: "state income tax law: a two-letter state code, `DC`, or `none`", Example: "CA",
		allowed: func() string { return "a two-letter state code, DC or none" },
		check:   checkStateKey,
		Label:   "State",
		Help:    "Your state's income tax on the investment's income, at your income (brackets, deductions and its rules for capital gains). Or choose \"My own rate\" at the end of the list and type a flat rate."},
	{Name: "staterate", Unit: Fraction, Min: 0, Max: MaxStateRate, Bounded: true,
		value:   flagged(number(func(s *Scenario) *float64 { return &s.StateRate }, 0), func(s *Scenario) *bool { return &s.HasStateRate }, false),
		Meaning: "flat state rate on the portfolio's income, replacing the state's law and any local tax (written only when set)", Example: "0.093",
		Label: "Your own state tax rate", FormUnit: "%", Step: "0.1", Optional: true, Placeholder: "e.g. 5", Under: "state",
		Help: "A flat rate on the investment's dividends and gains, e.g. 5 for 5%; it replaces the state's law and any local tax. Choose a state above to use its law again."},
	{Name: "amount", Unit: Dollars, Min: 1000, Max: 1e10, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.Amount }, 1000000),
		Meaning: "initial investment (with legacy lots: their total)", Example: "1000000",
		Label: "Amount to invest", Step: "1000",
		Help: "What you would put into the index today, in dollars."},
	{Name: "basis", Unit: Fraction, Min: 0, Max: 2, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.Basis }, 1),
		Meaning: "initial cost basis as a fraction of `amount` (1 = cash)", Example: "1",
		Label: "Cost basis of what you invest", FormUnit: "% of amount", Step: "1",
		Help: "100% means cash. Below 100% means you start from shares with an unrealised gain (60% = the shares cost 60% of their value today)."},
	{Name: "contrib", Unit: Dollars, Max: maxContrib, value: number(func(s *Scenario) *float64 { return &s.Contrib }, 0),
		Meaning: "contribution per year (negative = withdrawal)", Example: "0",
		allowed: func() string {
			return "−" + percentText(maxWithdrawal) + "% of amount to " + formatFloat(maxContrib)
		},
		check: checkContrib,
		Label: "Added each year", Step: "1000",
		Help: "Money added every year; a negative amount is a yearly withdrawal (at most 10% of the amount)."},
	{Name: "horizon", Unit: Years, Min: 1, Max: 50, Bounded: true, value: whole(func(s *Scenario) *int { return &s.Horizon }, 10),
		Meaning: "years", Example: "10",
		Label: "How long you invest", Step: "1",
		Help: "Years until you sell, give or bequeath the investment."},
	{Name: "ret", Unit: Fraction, Min: -0.5, Max: 0.5, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.Ret }, 0.07),
		Meaning: "expected market return per year", Example: "0.07",
		Label: "Expected market return", FormUnit: "% a year", Step: "0.1",
		Help: "The index's average yearly return before taxes and fees, dividends included."},
	{Name: "vol", Unit: Fraction, Min: 0, Max: 1, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.Vol }, 0.16),
		Meaning: "market volatility per year", Example: "0.16",
		Label: "Market volatility", FormUnit: "% a year", Step: "0.5",
		Help: "How much the whole market swings in a year (one standard deviation); about 16% historically."},
	// idio's default: S&P DJI's 6.3% average monthly dispersion of the S&P
	// 500, mapped through the model's own market (docs/MARKET.md,
	// validate/dispersion.go).
	{Name: "idio", Unit: Fraction, Min: 0, Max: 2, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.Idio }, 0.22),
		Meaning: "idiosyncratic (non-market) volatility per stock per year", Example: "0.22",
		Label: "Single-stock volatility", FormUnit: "% a year", Step: "1",
		Help: "How much a stock swings on its own, apart from the market, averaged over the index by weight: the largest companies swing less, the smallest more. More spread between stocks means more losses to harvest."},
	{Name: "div", Unit: Fraction, Min: 0, Max: 0.2, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.Div }, 0.015),
		Meaning: "dividend yield", Example: "0.015",
		Label: "Dividend yield", FormUnit: "% a year", Step: "0.1",
		Help: "Dividends paid each year as a share of the value; taxed every year in both strategies."},
	{Name: "stocks", Unit: Count, Min: 1, Max: 1000, Bounded: true, value: whole(func(s *Scenario) *int { return &s.Stocks }, 500),
		Meaning: "number of stocks held in the SMA (default: the index preset's)", Example: "500",
		Label: "Stocks held in the SMA", FormUnit: "stocks", Step: "1",
		Help: "How many of the index's stocks the account owns directly (500 for an S&P 500-like index)."},
	{Name: "harvest", value: word(func(s *Scenario) *string { return &s.Harvest }, "monthly"),
		Choices: []Choice{{"weekly", "Every week"}, {"monthly", "Every month"}, {"quarterly", "Every quarter"}, {"annual", "Once a year"}, {"none", "Never (no harvesting)"}},
		Meaning: "how often losses are harvested", Example: "monthly",
		Label: "Harvest losses", Help: "How often the manager looks for losses to sell. More often catches more dips."},
	{Name: "threshold", Unit: Fraction, Min: 0, Max: 0.9, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.Threshold }, 0.05),
		Meaning: "loss below basis that triggers a harvest", Example: "0.05",
		Label: "Harvest a lot when it is down by", FormUnit: "%", Step: "1",
		Help: "A lot is sold for its loss only when its price is at least this far below what it cost."},
	{Name: "smafee", Unit: Fraction, Min: 0, Max: 0.05, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.SMAFee }, 0.0035),
		Meaning: "SMA fee per year", Example: "0.0035",
		Label: "SMA fee", FormUnit: "% a year", Step: "0.01",
		Help: "The manager's yearly fee as a share of the account (0.35 = 0.35%)."},
	{Name: "tradecost", Unit: Fraction, Min: 0, Max: 0.05, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.TradeCost }, 0.0005),
		Meaning: "trading cost as a fraction of traded value", Example: "0.0005",
		Label: "Trading cost", FormUnit: "% of each trade", Step: "0.01",
		Help: "Spreads and commissions paid on every purchase and sale in the SMA."},
	{Name: "fund", value: word(func(s *Scenario) *string { return &s.Fund }, "etf"),
		Choices: []Choice{{"etf", "An index ETF"}, {"mf", "An index mutual fund"}},
		Meaning: "the fund compared with: `etf` or `mf`", Example: "etf",
		Label: "Compare with",
		Help:  "The fund you would otherwise buy on the same index. Mutual funds can pay out capital gains you are taxed on; ETFs rarely do."},
	{Name: "fundfee", Unit: Fraction, Min: 0, Max: 0.05, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.FundFee }, 0.0003),
		Meaning: "fund expense ratio", Example: "0.0003",
		Label: "Fund expense ratio", FormUnit: "% a year", Step: "0.01",
		Help: "The fund's yearly cost (0.03 = 0.03%, a typical index ETF)."},
	{Name: "dist", Unit: Fraction, Min: 0, Max: 0.5, Bounded: true, value: number(func(s *Scenario) *float64 { return &s.Dist }, 0),
		Meaning: "fund capital-gain distributions per year, fraction of NAV", Example: "0",
		Label: "Fund capital-gain distributions", FormUnit: "% of value a year", Step: "0.1",
		Help: "Gains the fund pays out and you are taxed on each year. Index ETFs: about 0; index mutual funds: a little; active funds: several %."},
	// The end treatment decides the answer more than any other assumption
	// (Texas, left to heirs: about nine times the default's median), so
	// it is in the short form.
	{Name: "end", value: word(func(s *Scenario) *string { return &s.End }, "liquidate"),
		Choices: []Choice{{"liquidate", "Sell everything and pay the tax"}, {"hold", "Keep holding (tax not yet paid)"}, {"stepup", "Leave to heirs (step-up in basis)"}, {"donate", "Give appreciated shares to charity"}},
		Meaning: "what happens after the last year", Example: "liquidate",
		Label: "At the end of the horizon",
		Help: "What happens after the last year. Selling pays tax on every unrealised gain, and the SMA, having harvested losses, has more of them; " +
			"heirs get a step-up in basis (no gain tax); giving shares to charity avoids the gain tax too."},
	{Name: "exclude", value: sectorList(func(s *Scenario) *[]string { return &s.Exclude }),
		Meaning: "comma-separated sectors the SMA does not hold (GICS names, lower case, `-` for spaces)", Example: "energy,utilities",
		allowed: func() string { return "sectors: " + strings.Join(SectorNames(), ", ") },
		check:   checkExclude,
		Label:   "Sectors the SMA leaves out",
		Help:    "An SMA can skip sectors you do not want to own. Its return then drifts from the index's (tracking error): sometimes better, sometimes worse."},
	// 200 paths (100 antithetic pairs) keep the headline's Monte Carlo
	// standard error under 5 bp/yr with a margin in every scenario of
	// docs/VALIDATION.md §6 and §7 (the hardest needs about 100; at 200
	// paths the largest error measured over 16 seeds is 3.6 bp/yr, the
	// default scenario's 2.5).
	{Name: "paths", Unit: Count, Min: 1, Max: 20000, Bounded: true, value: whole(func(s *Scenario) *int { return &s.Paths }, 200),
		Meaning: "Monte Carlo paths (with stocks and horizon, at most MaxWork)", Example: "200",
		Label: "Simulated markets", FormUnit: "markets", Step: "100",
		Help: "How many random market histories are simulated. More of them give steadier numbers and take longer."},
	{Name: "seed", value: seed(func(s *Scenario) *uint64 { return &s.Seed }, 1),
		Meaning: "random seed", Example: "1",
		allowed: func() string { return "0 to " + maxSeed },
		Label:   "Random seed", Step: "1",
		Help: "The same seed gives exactly the same result; change it to see how much the numbers move by chance."},
	{Name: "local", value: omitted(word(func(s *Scenario) *string { return &s.Local }, "none")),
		Choices: []Choice{{"none", "None"}, {"nyc", "New York City"}},
		Meaning: "local income tax: `none` or `nyc` (needs `state=NY`)", Example: "nyc",
		check: checkLocalKey,
		Label: "Local income tax", Optional: true,
		Help: "New York City's income tax for a resident (with state New York). Other local taxes are not modelled."},
	// The S&P 500 and its published turnover (index_presets.go).
	{Name: "index", value: omitted(word(func(s *Scenario) *string { return &s.Index }, "sp500")),
		Choices: []Choice{{"sp500", "S&P 500"}, {"r1000", "Russell 1000"}, {"r3000", "Russell 3000 (1,000 stocks stand for its 3,000)"}},
		Meaning: "index preset: companies, default `stocks`, concentration and default `turnover`", Example: "sp500",
		Label: "Index", Optional: true,
		Help: "The index both strategies own. It sets how many companies it has, how concentrated it is and how many it replaces each year; the boxes below override it."},
	// Written when it differs from its index preset's turnover.
	{Name: "turnover", Unit: Fraction, Min: 0, Max: 0.5, Bounded: true,
		value:   presetDefault(number(func(s *Scenario) *float64 { return &s.Turnover }, DefaultTurnover), func(s *Scenario) float64 { return PresetOf(s.Index).Turnover }),
		Meaning: "yearly index reconstitution turnover (names replaced; forced gains in the SMA; default: the preset's)", Example: "0.045",
		Label: "Index turnover", FormUnit: "% a year", Step: "0.1", Optional: true,
		Help: "Leave empty for the index's published figure (about 4.5% for the S&P 500). The share of the index's companies replaced each year (mergers, companies growing or shrinking out of it). The SMA must sell a company that leaves, paying tax on its gain; the fund does not."},
	// The tax saved reinvested, as in a real investor's account.
	{Name: "savings", value: omitted(word(func(s *Scenario) *string { return &s.Savings }, "reinvest")),
		Choices: []Choice{{"reinvest", "Stays invested in the SMA"}, {"withdraw", "Paid out to you each year"}},
		Meaning: "tax saved by harvesting is `reinvest`ed in the SMA or `withdraw`n (the papers' convention)", Example: "reinvest",
		Label: "Tax saved by harvesting", Optional: true,
		Help: "Whether the tax the SMA saves each year stays invested in it, as in a real account, or is paid out to you, as the research papers measure it. Either way it counts once in the result."},
	{Name: "single", Unit: Fraction, Min: 0, Max: MaxSingle, Bounded: true, value: omitted(number(func(s *Scenario) *float64 { return &s.Single }, 0)),
		Meaning: "fraction of `amount` held in one concentrated stock, moved into the index", Example: "0.6",
		Label: "Held in one stock", FormUnit: "% of amount", Step: "1", Optional: true,
		Help: "Part of the amount the client holds today in a single stock, moved into the SMA's index over the years (empty: none)."},
	{Name: "singlebasis", Unit: Fraction, Min: 0, Max: 2, Bounded: true, value: omitted(number(func(s *Scenario) *float64 { return &s.SingleBasis }, 1)),
		Meaning: "that stock's cost basis as a fraction of its value", Example: "0.1",
		Label: "Its cost basis", FormUnit: "% of its value", Step: "1", Optional: true,
		Help: "What the position cost as a share of its value today: 10% means 90% of it is gain (empty: 100%, no gain)."},
	{Name: "singlevol", Unit: Fraction, Min: 0, Max: 1.5, Bounded: true, value: omitted(number(func(s *Scenario) *float64 { return &s.SingleVol }, DefaultSingleVol)),
		Meaning: "that stock's total volatility, and each legacy holding's", Example: "0.35",
		Label: "Its volatility", FormUnit: "% a year", Step: "1", Optional: true,
		Help: "How much the stock swings in a year, market included (empty: 35%, a typical single stock)."},
	// Empty: no limit (the position is sold at once).
	{Name: "gainbudget", Unit: Dollars, Min: 0, Max: 1e9, Bounded: true,
		value:   flagged(number(func(s *Scenario) *float64 { return &s.GainBudget }, 0), func(s *Scenario) *bool { return &s.HasGainBudget }, true),
		Meaning: "most net capital gain the SMA realizes a year to move the holdings into the index, dollars (empty: no limit)", Example: "50000",
		Label: "Most net gain realised a year", Step: "1000", Optional: true,
		Help: "The SMA sells the position each December up to this net capital gain, after the year's harvested losses, which let it sell more. Empty: sell everything at once."},
	{Name: "history", Unit: CalendarYear, Min: HistoryFirstYear, Max: HistoryLastYear, Bounded: true, value: omitted(whole(func(s *Scenario) *int { return &s.History }, 0)),
		Meaning: "replay the S&P Composite's monthly total returns from this January (Shiller) for the market factor; `ret`, `vol`, `div` are then not used for the market; 0: off", Example: "2000",
		allowed: func() string {
			return "0 (off) or a start year from " + itoa(HistoryFirstYear) + " to " + itoa(HistoryLastYear) + " − horizon + 1"
		},
		check: checkHistoryKey,
		Label: "Replay the market from year", Step: "1", Optional: true,
		Help: "Leave empty for simulated markets. A year replays the S&P 500's real monthly returns and dividends from January of that year (Robert Shiller's data); expected return, volatility and dividend yield are then not used, and the spread between results comes only from how individual stocks move around that market."},
	// Cash takeovers are off unless asked for (calc/takeover.go).
	{Name: "takeover", Unit: Fraction, Min: 0, Max: 1, Bounded: true, value: omitted(number(func(s *Scenario) *float64 { return &s.Takeover }, 0)),
		Meaning: "share of the names leaving the index that are bought for cash; the SMA sells them at the offer (not with `history`)", Example: "0.5",
		Label: "Bought out for cash", FormUnit: "% of the companies leaving", Step: "1", Optional: true,
		Help: "Leave empty to leave takeovers out. Of the companies that leave the index, the share bought by another company for cash. Their price jumps to the offer and the SMA sells at that price, paying tax on the gain; the fund does not. About half is a reasonable figure for the S&P 500."},
	{Name: "premium", Unit: Fraction, Min: 0, Max: 2, Bounded: true, value: omitted(number(func(s *Scenario) *float64 { return &s.Premium }, DefaultPremium)),
		Meaning: "a cash takeover's premium over the price before it", Example: "0.25",
		Label: "Takeover premium", FormUnit: "% above the price", Step: "1", Optional: true,
		Help: "Leave empty for 30%. How far above its market price a company is bought for cash; published averages for US companies are about 20–40%. The index's return stays the one above: the premiums are part of it."},
	// Yearly gifts of appreciated lots (calc/give.go; issue 28 item 2).
	{Name: "give", Unit: Dollars, Min: 0, Max: 1e8, Bounded: true, value: omitted(number(func(s *Scenario) *float64 { return &s.Give }, 0)),
		Meaning: "dollars a year given to charity; the SMA gives its most appreciated long-term lots, the fund investor their most appreciated fund lots, each reinvesting the cash it would have given", Example: "20000",
		Label: "Given to charity each year", Step: "1000", Optional: true,
		Help: "What you give to charity every year anyway (empty: nothing). Both portfolios give shares held over a year with the largest gains instead of cash and invest the cash instead: the gain given away is never taxed, and the gift is deducted at its market value when you itemize."},
	{Name: "itemized", Unit: Dollars, Min: 0, Max: 1e8, Bounded: true, value: omitted(number(func(s *Scenario) *float64 { return &s.Itemized }, 0)),
		Meaning: "other itemized deductions per year (gifts deduct only when itemizing beats the standard deduction)", Example: "40000",
		Label: "Other itemized deductions per year", Step: "1000", Optional: true,
		Help: "State and local taxes, mortgage interest and the like (empty: none). Gifts are deducted only when these plus the gifts are more than the standard deduction."},
	// Exit plans (calc/exit.go): off unless a year is given; every plan
	// is then reported side by side, "exitplan" names the one the client
	// is weighing.
	{Name: "exit", Unit: Years, Min: 0, Max: maxExitYear, Bounded: true, value: omitted(whole(func(s *Scenario) *int { return &s.Exit }, 0)),
		Meaning: "year at whose end an exit plan applies (1..`horizon`); 0: none. Every plan is then reported side by side (`exit_plans`)", Example: "5",
		allowed: func() string { return "0 (none) or a year from 1 to horizon" },
		check:   checkExitKey,
		Label:   "Leave the SMA at the end of year", Step: "1", Optional: true,
		Help: "Leave empty for no exit. A year compares, from its end on, keeping the SMA with moving the lots to a cheaper account, exchanging them for ETF shares tax-free (§351) and selling everything for the fund."},
	{Name: "exitplan", value: omitted(word(func(s *Scenario) *string { return &s.ExitPlan }, "keep")),
		Choices: []Choice{{"keep", "Keep the SMA"}, {"inkind", "Move the lots to a cheaper account"}, {"etf351", "Exchange the lots for ETF shares (§351)"}, {"sell", "Sell everything, buy the fund"}},
		Meaning: "the exit plan weighed: `keep`, `inkind` (lots move as they are, harvesting stops), `etf351` (tax-free §351 exchange into an ETF, when the portfolio passes the §368(a)(2)(F)(ii) diversification test), `sell` (sell all, buy the fund)", Example: "etf351",
		Label: "Exit plan", Optional: true,
		Help: "The plan you are weighing; all four are shown side by side. In kind: the stocks move as they are (basis and dates kept), no more harvesting. §351 exchange: the stocks go into an ETF without tax, only when no company is over 25% of the value and the five largest are at most 50%. Sell: pay the tax now and buy the fund."},
	// Empty: the fund's expense ratio (Scenario.ExitFeeRate).
	{Name: "exitfee", Unit: Fraction, Min: 0, Max: 0.05, Bounded: true,
		value:   flagged(number(func(s *Scenario) *float64 { return &s.ExitFee }, 0), func(s *Scenario) *bool { return &s.HasExitFee }, true),
		Meaning: "yearly cost after the exit, fraction of value (empty: `fundfee`)", Example: "0.0005",
		Label: "Yearly cost after leaving", FormUnit: "% a year", Step: "0.01", Optional: true,
		Help: "What the account or ETF costs a year after the exit (empty: the fund's expense ratio)."},
}

// keyIndex finds a key's row in keys.
var keyIndex = func() map[string]int {
	m := make(map[string]int, len(keys))
	for i, k := range keys {
		m[k.Name] = i
	}
	return m
}()

// Keys returns the key table, in canonical order (a copy: the table
// itself cannot be changed from outside).
func Keys() []Key { return append([]Key(nil), keys...) }

// Names returns the key names in canonical order.
func Names() []string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.Name
	}
	return names
}

// Lookup returns the key named name.
func Lookup(name string) (Key, bool) {
	i, ok := keyIndex[name]
	if !ok {
		return Key{}, false
	}
	return keys[i], true
}

// key returns the table's row of a key the package itself names.
func key(name string) *Key { return &keys[keyIndex[name]] }
