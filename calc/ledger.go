package calc

// Ledger is the year-by-year accounting of one representative path, for
// both strategies, in dollars and cents. Every row reconciles exactly:
//
//	Start + Contributions + Growth + Dividends − Taxes − Fees − TradingCosts = End
//
// Taxes are the year's incremental tax (negative when the portfolio's
// losses lower the investor's other tax), accrued in the year they are due
// for and paid from the portfolio at the start of the next year (only as
// much as the portfolio can raise: the rest of a portfolio that ran out
// is paid from outside, see Strategy.UnpaidTax); the last
// row's Taxes include the end treatment's tax and its End is the after-tax
// wealth. End is the portfolio value less the tax owed for the year, and
// the next row starts from it. Growth is the market's change in value of
// the holdings; it is the only amount not rounded independently: it takes
// the rounding of the other amounts (at most a few cents a row).
type Ledger struct {
	Path       int         `json:"path"`       // index of the path shown (median difference)
	Difference Money       `json:"difference"` // SMA − fund after-tax wealth on this path
	SMA        []LedgerRow `json:"sma"`
	Fund       []LedgerRow `json:"fund"`
}

// LedgerRow is one year of one strategy.
type LedgerRow struct {
	Year          int   `json:"year"`
	Start         Money `json:"start"`
	Contributions Money `json:"contributions"`
	Growth        Money `json:"growth"`
	Dividends     Money `json:"dividends"`
	Taxes         Money `json:"taxes"`
	Fees          Money `json:"fees"`
	TradingCosts  Money `json:"trading_costs"`
	End           Money `json:"end"`

	// With existing holdings moved into the SMA (transition.go; SMA rows
	// only): the net capital gain realized in the year, the holdings sold
	// (proceeds before trading costs) and the part of them sold at the
	// year end with the room the year's harvested losses opened.
	RealizedGains       *Money `json:"realized_gains,omitempty"`
	LegacySold          *Money `json:"legacy_sold,omitempty"`
	LegacySoldHarvested *Money `json:"legacy_sold_harvest_funded,omitempty"`

	// Gift is the year's gift of lots (key "give"; give.go).
	Gift *LedgerGift `json:"gift,omitempty"`
}

// Reconciles reports whether the row's amounts add up to End exactly.
func (r LedgerRow) Reconciles() bool {
	sum := r.Start.Add(r.Contributions.Decimal).Add(r.Growth.Decimal).Add(r.Dividends.Decimal).
		Sub(r.Taxes.Decimal).Sub(r.Fees.Decimal).Sub(r.TradingCosts.Decimal)
	return sum.Equal(r.End.Decimal)
}

// yearFlows is one year of one strategy in float, as the kernel sees it.
type yearFlows struct {
	start, contrib, growth, div, taxes, fees, trading, end float64

	legacy                      bool // the transition's fields are set
	realized, moved, movedExtra float64

	// The SMA's losses harvested (positive) and gains forced by the
	// index's turnover in the year, for PathYear (not in the ledger).
	harvST, harvLT, forced float64

	gift giftFlows // the year's gift of lots (give.go)
}

// ledgerRows converts float years to rows that reconcile to the cent:
// Start and End are the rounded float values (a row starts where the
// previous one ended), the flows are rounded, and Growth is what is left.
func ledgerRows(ys []yearFlows) []LedgerRow {
	rows := make([]LedgerRow, len(ys))
	var prevEnd Money
	for i, y := range ys {
		start := money(y.start)
		if i > 0 {
			start = prevEnd
		}
		r := LedgerRow{
			Year:          i + 1,
			Start:         start,
			Contributions: money(y.contrib),
			Dividends:     money(y.div),
			Taxes:         money(y.taxes),
			Fees:          money(y.fees),
			TradingCosts:  money(y.trading),
			End:           money(y.end),
		}
		growth := r.End.Sub(r.Start.Decimal).Sub(r.Contributions.Decimal).Sub(r.Dividends.Decimal).
			Add(r.Taxes.Decimal).Add(r.Fees.Decimal).Add(r.TradingCosts.Decimal)
		r.Growth = Money{growth}
		if y.legacy {
			rg, sold, extra := money(y.realized), money(y.moved), money(y.movedExtra)
			r.RealizedGains, r.LegacySold, r.LegacySoldHarvested = &rg, &sold, &extra
		}
		if y.gift.made {
			r.Gift = ledgerGift(y.gift)
		}
		rows[i] = r
		prevEnd = r.End
	}
	return rows
}
