package calc

import (
	"encoding/csv"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Inspection is what the SMA holds and did on one path of a scenario,
// year by year: the transparency view of the representative path
// (Result.Ledger.Path). See Inspect.
type Inspection struct {
	Scenario string           `json:"scenario"` // canonical query of the scenario
	Path     int              `json:"path"`
	Years    []InspectionYear `json:"years"` // Years[k] is year k: 0 = the start, then 1 … Horizon
}

// InspectionYear is the state of both portfolios at the end of a year,
// after that year's trades and before the next year's flows (the tax for
// the year, still owed, and the next contribution). Year 0 is the start,
// after the initial purchase and the first year's contribution.
type InspectionYear struct {
	Year int    `json:"year"`
	Step int    `json:"step"` // the simulation step: 12 × Year
	Date string `json:"date"` // "2026-01" for year 0, then the December of each year ("2026-12")
	// Value is the SMA's value (stocks, substitutes and cash). For year k ≥ 1 it
	// equals Ledger.SMA[k−1].End + Ledger.SMA[k−1].Taxes, and for year 0
	// the value at the start of year 1 (each within a cent).
	Value Money `json:"value"`
	// Cash is the SMA's cash waiting for the next month's trading window
	// (the last quarter's dividends net of the fee): Value is the holdings
	// plus Cash.
	Cash Money `json:"cash"`
	// HarvestedST and HarvestedLT are the year's harvested losses
	// (positive), the path's figures behind Result.Years.
	HarvestedST Money `json:"harvested_st"`
	HarvestedLT Money `json:"harvested_lt"`
	// Holdings are the SMA's positions, largest market value first: one
	// per stock held and one per sector proxy holding the proceeds of the
	// step's loss sales.
	Holdings []Holding `json:"holdings"`
	// Harvests are the year's loss sales, one per lot sold, in the order
	// the engine made them (by month, then index rank).
	Harvests []HarvestEvent `json:"harvests"`
	Fund     FundHolding    `json:"fund"`
}

// Holding is one position of the SMA. Money is rounded to the cent:
// UnrealizedGain = Value − Basis exactly; the lots' amounts, each rounded,
// may add up to the holding's within half a cent per lot.
type Holding struct {
	// Stock is the index rank − 1 (0 = the largest constituent at the
	// start); −1 for a substitute.
	Stock int `json:"stock"`
	// Name is a synthetic ticker: the sector's abbreviation and the index
	// rank ("IT-001"), stable for a number of stocks; a substitute is
	// "Substitute: <sector> proxy".
	Name   string `json:"name"`
	Sector string `json:"sector"` // GICS name as in Sectors() ("information-technology")
	// Substitute marks a sector proxy (market + sector factor) holding the
	// proceeds of loss sales during the wash-sale window; Replaces names
	// the stocks it stands in for. Its price is 100.00 at the start,
	// moved by the sector's return.
	Substitute bool     `json:"substitute"`
	Replaces   []string `json:"replaces,omitempty"`
	Shares     float64  `json:"shares"` // the sum of the lots' shares
	Price      float64  `json:"price"`
	Value      Money    `json:"value"`
	Basis      Money    `json:"basis"`
	// UnrealizedGain is Value − Basis (negative: a loss not yet harvested,
	// smaller than the threshold).
	UnrealizedGain Money   `json:"unrealized_gain"`
	Weight         float64 `json:"weight"`       // share of the SMA's value
	IndexWeight    float64 `json:"index_weight"` // the stock's current weight in the index (0 for a substitute)
	// Lots are the tax lots, highest cost per share first (the order
	// harvests and sales take them).
	Lots []Lot `json:"lots"`
}

// Lot is one tax lot of a holding.
type Lot struct {
	// Bought is the step of purchase: 0 = the start, k = the end of month
	// k (12 = December of year 1; the next year's contribution and tax
	// payment happen at the same step). A position held at the start
	// (basis < 1) has Bought < 0, long-term from the start.
	Bought       int     `json:"bought"`
	BoughtDate   string  `json:"bought_date"` // "2026-03" (the scenario's year is year 1), "before 2026" when Bought < 0
	Shares       float64 `json:"shares"`
	CostPerShare float64 `json:"cost_per_share"`
	Basis        Money   `json:"basis"`
	Value        Money   `json:"value"`
	Gain         Money   `json:"gain"` // Value − Basis
	// LongTerm: held more than 12 steps at the year end (a sale now would
	// be long-term).
	LongTerm bool `json:"long_term"`
	// WashAdjusted: the basis includes a loss disallowed by a wash sale.
	// Always false: the simulated SMA never makes a wash sale (doc.go).
	WashAdjusted bool `json:"wash_adjusted"`
}

// HarvestEvent is the sale of one lot at a loss. The proceeds (less
// trading costs) buy the stock's sector proxy, which is sold and the stock
// bought back at the next step.
type HarvestEvent struct {
	Month         int     `json:"month"` // step of the sale (end of month Month)
	Date          string  `json:"date"`
	Stock         int     `json:"stock"`
	Name          string  `json:"name"`
	Sector        string  `json:"sector"`
	LotBought     int     `json:"lot_bought"` // the lot's purchase step
	LotBoughtDate string  `json:"lot_bought_date"`
	Shares        float64 `json:"shares"`
	Price         float64 `json:"price"`
	Proceeds      Money   `json:"proceeds"` // shares × price, before trading costs
	Basis         Money   `json:"basis"`    // Proceeds + Loss
	Loss          Money   `json:"loss"`     // realized loss, positive
	ShortTerm     bool    `json:"short_term"`
	// SubstituteName is the holding the proceeds bought.
	SubstituteName string `json:"substitute_name"`
	// BoughtBackMonth is the step at which the substitute was sold and
	// the stock bought back (Month + 1, possibly in the next year); 0 and
	// "" when the horizon ended first.
	BoughtBackMonth int    `json:"bought_back_month"`
	BoughtBackDate  string `json:"bought_back_date"`
}

// FundHolding is the fund side at the same moment.
type FundHolding struct {
	Shares         float64 `json:"shares"`
	NAV            float64 `json:"nav"` // 100.00 at the start
	Value          Money   `json:"value"`
	Basis          Money   `json:"basis"`
	UnrealizedGain Money   `json:"unrealized_gain"` // Value − Basis
}

// cents is an amount in whole cents, when it could be found quickly.
type cents struct {
	c  int64
	ok bool
}

// fastCents rounds f to the cent as money does (the shortest decimal
// that reads back as f, rounded half away from zero) without going
// through a decimal, when f × 100 is not within 0.001 of a half cent (the
// error of f × 100 is below 0.0003 for amounts under $10 billion);
// otherwise ok is false.
func fastCents(f float64) cents {
	c := f * 100
	if !(math.Abs(c) < 1e12) {
		return cents{}
	}
	if math.Abs(c-math.Floor(c)-0.5) < 1e-3 {
		return cents{}
	}
	return cents{int64(math.Round(c)), true}
}

func (c cents) money() Money { return fromCents(c.c) }

func fromCents(c int64) Money { return Money{decimal.New(c, -2)} }

// fastMoney is money(f), faster.
func fastMoney(f float64) Money {
	if c := fastCents(f); c.ok {
		return c.money()
	}
	return money(f)
}

// moneyGain rounds a value and a basis to the cent and returns them with
// their difference.
func moneyGain(value, basis float64) (v, b, gain Money) {
	vc, bc := fastCents(value), fastCents(basis)
	if vc.ok && bc.ok {
		return vc.money(), bc.money(), fromCents(vc.c - bc.c)
	}
	v, b = money(value), money(basis)
	return v, b, Money{v.Sub(b.Decimal)}
}

// HoldingsCSV is the year's holdings as CSV (RFC 4180, with a header):
// name, sector, shares, value, basis, unrealized_gain, weight,
// index_weight. Money has two decimals, shares and weights six.
func (y InspectionYear) HoldingsCSV() string {
	rows := [][]string{{"name", "sector", "shares", "value", "basis", "unrealized_gain", "weight", "index_weight"}}
	for _, h := range y.Holdings {
		rows = append(rows, []string{h.Name, h.Sector, f6(h.Shares), h.Value.String(), h.Basis.String(),
			h.UnrealizedGain.String(), f6(h.Weight), f6(h.IndexWeight)})
	}
	return writeCSV(rows)
}

// LotsCSV is the holding's lots as CSV (RFC 4180, with a header): name,
// bought_date, bought, shares, cost_per_share, basis, value, gain, term
// (short or long), wash_adjusted.
func (h Holding) LotsCSV() string {
	rows := [][]string{{"name", "bought_date", "bought", "shares", "cost_per_share", "basis", "value", "gain", "term", "wash_adjusted"}}
	for _, l := range h.Lots {
		rows = append(rows, []string{h.Name, l.BoughtDate, strconv.Itoa(l.Bought), f6(l.Shares), f6(l.CostPerShare),
			l.Basis.String(), l.Value.String(), l.Gain.String(), term(!l.LongTerm), strconv.FormatBool(l.WashAdjusted)})
	}
	return writeCSV(rows)
}

// HarvestsCSV is the year's loss sales as CSV (RFC 4180, with a header):
// date, name, sector, lot_bought_date, shares, price, proceeds, basis,
// loss, term, substitute, bought_back_date.
func (y InspectionYear) HarvestsCSV() string {
	rows := [][]string{{"date", "name", "sector", "lot_bought_date", "shares", "price", "proceeds", "basis", "loss", "term", "substitute", "bought_back_date"}}
	for _, e := range y.Harvests {
		rows = append(rows, []string{e.Date, e.Name, e.Sector, e.LotBoughtDate, f6(e.Shares), f6(e.Price),
			e.Proceeds.String(), e.Basis.String(), e.Loss.String(), term(e.ShortTerm), e.SubstituteName, e.BoughtBackDate})
	}
	return writeCSV(rows)
}

func f6(f float64) string { return strconv.FormatFloat(f, 'f', 6, 64) }

func term(short bool) string {
	if short {
		return "short"
	}
	return "long"
}

func writeCSV(rows [][]string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.WriteAll(rows) // a strings.Builder does not fail
	return b.String()
}
