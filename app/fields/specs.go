// Package fields is the form's side of the scenario keys: each key's spec
// (label, unit, help, range, kind, group), the form's values in the units a
// person types and their conversion to and from a scenario (ToScenario,
// FromScenario, Recover for a share link), and the Scenario value that
// carries a decoded scenario with its canonical query.
//
// This file is the table of keys, on its own so that it can be replaced by
// a table read from the engine (calc's scenario keys) without touching the
// rest: the package uses it only through Spec, SpecFor, All, the groups
// (LayoutFor) and HoldingsFields, StateRateField and ExcludeField.
package fields

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"smacalc/calc/tax"
)

// Kind says how a scenario key is typed in the form and converted to
// its canonical value.
type Kind int

const (
	KindMoney   Kind = iota // dollars; "$" and "," are accepted
	KindPercent             // typed in percent, stored as a fraction
	KindInt                 // a whole number
	KindChoice              // a <select> of options
	KindSectors             // checkboxes (the "exclude" key)
)

// Option is one choice of a select.
type Option struct{ Value, Label string }

// Spec describes one input of the form: which scenario key it sets,
// what a person reads next to it and the range the browser suggests (the
// engine's own validation has the last word).
type Spec struct {
	Key      string
	Label    string
	Unit     string // shown after the input: "$", "%", "years", …
	Help     string // one or two sentences in plain words
	Kind     Kind
	Min, Max string // HTML min/max in the typed unit ("" = none)
	Step     string // HTML step ("any" when empty)
	Options  []Option
	Optional bool   // an empty value leaves the key out (its default applies)
	Example  string // the empty input's placeholder, e.g. "e.g. 5" ("" for none)
}

// InputID is the id of the input for a key; labels point at it.
func InputID(key string) string { return "in-" + key }

// ErrorID is the id of a field's error message (aria-describedby).
func ErrorID(key string) string { return "err-" + key }

// prospectFields are the short form a prospect sees first.
var prospectFields = []Spec{
	{Key: "amount", Label: "Amount to invest", Unit: "$", Kind: KindMoney, Min: "1000", Max: "10000000000", Step: "1000",
		Help: "What you would put into the index today, in dollars."},
	{Key: "horizon", Label: "How long you invest", Unit: "years", Kind: KindInt, Min: "1", Max: "50", Step: "1",
		Help: "Years until you sell, give or bequeath the investment."},
	{Key: "status", Label: "Filing status", Kind: KindChoice,
		Help:    "Your federal tax filing status; it sets the tax brackets.",
		Options: []Option{{"single", "Single"}, {"mfj", "Married filing jointly"}, {"mfs", "Married filing separately"}, {"hoh", "Head of household"}}},
	{Key: "wages", Label: "Other income per year", Unit: "$", Kind: KindMoney, Min: "0", Max: "1000000000", Step: "1000",
		Help: "Wages and other ordinary income besides this investment; it sets your tax bracket."},
	{Key: "state", Label: "State", Kind: KindChoice,
		Help:    "Your state's income tax on the investment's income, at your income (brackets, deductions and its rules for capital gains). Or choose \"My own rate\" at the end of the list and type a flat rate.",
		Options: stateOptions()},
	{Key: "stgains", Label: "Short-term gains you realise elsewhere, per year", Unit: "$", Kind: KindMoney, Min: "0", Max: "1000000000", Step: "1000",
		Help: "Gains on things held a year or less outside this investment (0 if none). Harvested losses offset these first, which is where they save the most tax."},
	{Key: "fund", Label: "Compare with", Kind: KindChoice,
		Help:    "The fund you would otherwise buy on the same index. Mutual funds can pay out capital gains you are taxed on; ETFs rarely do.",
		Options: []Option{{"etf", "An index ETF"}, {"mf", "An index mutual fund"}}},
	// The end treatment decides the answer more than any other assumption
	// (Texas, left to heirs: about nine times the default's median), so
	// it is in the short form.
	{Key: "end", Label: "At the end of the horizon", Kind: KindChoice,
		Help: "What happens after the last year. Selling pays tax on every unrealised gain, and the SMA, having harvested losses, has more of them; " +
			"heirs get a step-up in basis (no gain tax); giving shares to charity avoids the gain tax too.",
		Options: []Option{{"liquidate", "Sell everything and pay the tax"}, {"hold", "Keep holding (tax not yet paid)"}, {"stepup", "Leave to heirs (step-up in basis)"}, {"donate", "Give appreciated shares to charity"}}},
}

// Group is a fieldset of the advanced section.
type Group struct {
	Legend string
	Fields []Spec
}

var advancedGroups = []Group{
	{"Your taxes", []Spec{
		{Key: "year", Label: "Tax law year", Kind: KindChoice, Options: yearOptions(),
			Help: "The year of the federal tax brackets; they are kept for the whole horizon."},
		{Key: "ltgains", Label: "Long-term gains you realise elsewhere, per year", Unit: "$", Kind: KindMoney, Min: "0", Max: "1000000000", Step: "1000",
			Help: "Gains on things held more than a year outside this investment; harvested losses can offset them too."},
		{Key: "local", Label: "Local income tax", Kind: KindChoice, Optional: true,
			Help:    "New York City's income tax for a resident (with state New York). Other local taxes are not modelled.",
			Options: []Option{{"none", "None"}, {"nyc", "New York City"}}},
	}},
	{"Your money", []Spec{
		{Key: "basis", Label: "Cost basis of what you invest", Unit: "% of amount", Kind: KindPercent, Min: "0", Max: "200", Step: "1",
			Help: "100% means cash. Below 100% means you start from shares with an unrealised gain (60% = the shares cost 60% of their value today)."},
		{Key: "contrib", Label: "Added each year", Unit: "$", Kind: KindMoney, Step: "1000",
			Help: "Money added every year; a negative amount is a yearly withdrawal (at most 10% of the amount)."},
	}},
	{"Market", []Spec{
		{Key: "ret", Label: "Expected market return", Unit: "% a year", Kind: KindPercent, Min: "-50", Max: "50", Step: "0.1",
			Help: "The index's average yearly return before taxes and fees, dividends included."},
		{Key: "vol", Label: "Market volatility", Unit: "% a year", Kind: KindPercent, Min: "0", Max: "100", Step: "0.5",
			Help: "How much the whole market swings in a year (one standard deviation); about 16% historically."},
		{Key: "idio", Label: "Single-stock volatility", Unit: "% a year", Kind: KindPercent, Min: "0", Max: "200", Step: "1",
			Help: "How much a stock swings on its own, apart from the market, averaged over the index by weight: the largest companies swing less, the smallest more. More spread between stocks means more losses to harvest."},
		{Key: "history", Label: "Replay the market from year", Kind: KindInt, Min: "1926", Max: "2024", Step: "1", Optional: true,
			Help: "Leave empty for simulated markets. A year replays the S&P 500's real monthly returns and dividends from January of that year (Robert Shiller's data); expected return, volatility and dividend yield are then not used, and the spread between results comes only from how individual stocks move around that market."},
		{Key: "div", Label: "Dividend yield", Unit: "% a year", Kind: KindPercent, Min: "0", Max: "20", Step: "0.1",
			Help: "Dividends paid each year as a share of the value; taxed every year in both strategies."},
		{Key: "index", Label: "Index", Kind: KindChoice, Optional: true,
			Help:    "The index both strategies own. It sets how many companies it has, how concentrated it is and how many it replaces each year; the boxes below override it.",
			Options: []Option{{"sp500", "S&P 500"}, {"r1000", "Russell 1000"}, {"r3000", "Russell 3000 (1,000 stocks stand for its 3,000)"}}},
		{Key: "stocks", Label: "Stocks held in the SMA", Unit: "stocks", Kind: KindInt, Min: "1", Max: "1000", Step: "1",
			Help: "How many of the index's stocks the account owns directly (500 for an S&P 500-like index)."},
		{Key: "turnover", Label: "Index turnover", Unit: "% a year", Kind: KindPercent, Min: "0", Max: "50", Step: "0.1", Optional: true,
			Help: "Leave empty for the index's published figure (about 4.5% for the S&P 500). The share of the index's companies replaced each year (mergers, companies growing or shrinking out of it). The SMA must sell a company that leaves, paying tax on its gain; the fund does not."},
		{Key: "takeover", Label: "Bought out for cash", Unit: "% of the companies leaving", Kind: KindPercent, Min: "0", Max: "100", Step: "1", Optional: true,
			Help: "Leave empty to leave takeovers out. Of the companies that leave the index, the share bought by another company for cash. Their price jumps to the offer and the SMA sells at that price, paying tax on the gain; the fund does not. About half is a reasonable figure for the S&P 500."},
		{Key: "premium", Label: "Takeover premium", Unit: "% above the price", Kind: KindPercent, Min: "0", Max: "200", Step: "1", Optional: true,
			Help: "Leave empty for 30%. How far above its market price a company is bought for cash; published averages for US companies are about 20–40%. The index's return stays the one above: the premiums are part of it."},
	}},
	{"Harvesting and costs", []Spec{
		{Key: "harvest", Label: "Harvest losses", Kind: KindChoice,
			Help:    "How often the manager looks for losses to sell. More often catches more dips.",
			Options: []Option{{"weekly", "Every week"}, {"monthly", "Every month"}, {"quarterly", "Every quarter"}, {"annual", "Once a year"}, {"none", "Never (no harvesting)"}}},
		{Key: "threshold", Label: "Harvest a lot when it is down by", Unit: "%", Kind: KindPercent, Min: "0", Max: "90", Step: "1",
			Help: "A lot is sold for its loss only when its price is at least this far below what it cost."},
		{Key: "smafee", Label: "SMA fee", Unit: "% a year", Kind: KindPercent, Min: "0", Max: "5", Step: "0.01",
			Help: "The manager's yearly fee as a share of the account (0.35 = 0.35%)."},
		{Key: "tradecost", Label: "Trading cost", Unit: "% of each trade", Kind: KindPercent, Min: "0", Max: "5", Step: "0.01",
			Help: "Spreads and commissions paid on every purchase and sale in the SMA."},
		{Key: "savings", Label: "Tax saved by harvesting", Kind: KindChoice, Optional: true,
			Help:    "Whether the tax the SMA saves each year stays invested in it, as in a real account, or is paid out to you, as the research papers measure it. Either way it counts once in the result.",
			Options: []Option{{"reinvest", "Stays invested in the SMA"}, {"withdraw", "Paid out to you each year"}}},
	}},
	{"The fund", []Spec{
		{Key: "fundfee", Label: "Fund expense ratio", Unit: "% a year", Kind: KindPercent, Min: "0", Max: "5", Step: "0.01",
			Help: "The fund's yearly cost (0.03 = 0.03%, a typical index ETF)."},
		{Key: "dist", Label: "Fund capital-gain distributions", Unit: "% of value a year", Kind: KindPercent, Min: "0", Max: "50", Step: "0.1",
			Help: "Gains the fund pays out and you are taxed on each year. Index ETFs: about 0; index mutual funds: a little; active funds: several %."},
	}},
	{"Simulation", []Spec{
		{Key: "paths", Label: "Simulated markets", Unit: "paths", Kind: KindInt, Min: "1", Max: "20000", Step: "100",
			Help: "How many random market histories are simulated. More paths give steadier numbers and take longer."},
		{Key: "seed", Label: "Random seed", Kind: KindInt, Min: "0", Step: "1",
			Help: "The same seed gives exactly the same result; change it to see how much the numbers move by chance."},
	}},
}

// HoldingsFields are the concentrated position of the advisors' "existing
// holdings" section (advisor_existing_holdings.go); empty keeps the
// default (no position; basis 100%, volatility 35%, no gain budget).
var HoldingsFields = []Spec{
	{Key: "single", Label: "Held in one stock", Unit: "% of amount", Kind: KindPercent, Min: "0", Max: "95", Step: "1", Optional: true,
		Help: "Part of the amount the client holds today in a single stock, moved into the SMA's index over the years (empty: none)."},
	{Key: "singlebasis", Label: "Its cost basis", Unit: "% of its value", Kind: KindPercent, Min: "0", Max: "200", Step: "1", Optional: true,
		Help: "What the position cost as a share of its value today: 10% means 90% of it is gain (empty: 100%, no gain)."},
	{Key: "singlevol", Label: "Its volatility", Unit: "% a year", Kind: KindPercent, Min: "0", Max: "150", Step: "1", Optional: true,
		Help: "How much the stock swings in a year, market included (empty: 35%, a typical single stock)."},
	{Key: "gainbudget", Label: "Most net gain realised a year", Unit: "$", Kind: KindMoney, Min: "0", Max: "1000000000", Step: "1000", Optional: true,
		Help: "The SMA sells the position each December up to this net capital gain, after the year's harvested losses, which let it sell more. Empty: sell everything at once."},
}

// HoldingsKey reports whether key is one of HoldingsFields: they stay in
// the advisors' section, never in the short form.
func HoldingsKey(key string) bool {
	return slices.ContainsFunc(HoldingsFields, func(f Spec) bool { return f.Key == key })
}

// ExcludeField is the sector checkboxes of the advanced section.
var ExcludeField = Spec{Key: "exclude", Label: "Sectors the SMA leaves out", Kind: KindSectors,
	Help: "An SMA can skip sectors you do not want to own. Its return then drifts from the index's (tracking error): sometimes better, sometimes worse."}

// StateRateField is "My own rate": a flat state rate instead of the
// state's law. It is shown under the state choice once the person picks
// OwnRateChoice or a link carries a rate (stateField), never on its own.
var StateRateField = Spec{Key: "staterate", Label: "Your own state tax rate", Unit: "%", Kind: KindPercent, Min: "0", Max: "20", Step: "0.1", Optional: true, Example: "e.g. 5",
	Help: "A flat rate on the investment's dividends and gains, e.g. 5 for 5%; it replaces the state's law and any local tax. Choose a state above to use its law again."}

// OwnRateChoice is the last choice of the state list; OwnRateKey keeps
// that choice in the form's values while no rate is typed yet (a form-only
// key: it is not a scenario key and never reaches the link).
const (
	OwnRateChoice = "own"
	OwnRateKey    = "state-own"
)

// stateOptions are the 50 states and DC by name, no state tax, and "My
// own rate".
func stateOptions() []Option {
	var out []Option
	for _, c := range tax.StateCodes() {
		label := tax.StateName(c)
		if c == "none" {
			label = "No state income tax"
		}
		out = append(out, Option{c, label})
	}
	slices.SortStableFunc(out[:len(out)-1], func(a, b Option) int { return strings.Compare(a.Label, b.Label) })
	return append(out, Option{OwnRateChoice, "My own rate…"})
}

func yearOptions() []Option {
	var out []Option
	for _, y := range tax.Years() {
		out = append(out, Option{strconv.Itoa(y), strconv.Itoa(y)})
	}
	return out
}

// SectorLabel turns "information-technology" into "Information technology".
func SectorLabel(name string) string {
	b := []byte(name)
	for i := range b {
		if b[i] == '-' {
			b[i] = ' '
		}
	}
	if len(b) > 0 && b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return string(b)
}

// All lists every spec, prospect form first.
func All() []Spec {
	out := append([]Spec(nil), prospectFields...)
	for _, g := range advancedGroups {
		out = append(out, g.Fields...)
	}
	out = append(out, HoldingsFields...)
	return append(out, StateRateField, ExcludeField)
}

// fieldsByKey indexes All once: the form looks a spec up for every
// key on every keystroke, and copying the whole list for each lookup made
// most of the garbage a keystroke left for the collector.
var fieldsByKey = sync.OnceValue(func() map[string]Spec {
	m := map[string]Spec{}
	for _, f := range All() {
		if _, dup := m[f.Key]; !dup { // the first spec of a key wins, as the list's order says
			m[f.Key] = f
		}
	}
	return m
})

// SpecFor returns the spec of a key.
func SpecFor(key string) (Spec, bool) {
	f, ok := fieldsByKey()[key]
	return f, ok
}
