package calc

// When the losses run out (issue 27): with no new money, the losses an SMA
// harvests shrink as its lots gain (AQR, Sosner, Gromis & Krasner 2022:
// ≈155 bp of benefit in year 1, ≈8 bp by year 5 without outside
// short-term gains), while its fee and trading costs go on. On the typical
// market (median_market.go) — the path the ledger shows, so that the
// figures can be checked against it — each year's tax saving is set beside the SMA's extra cost,
// and the year after which the saving stays below the cost is reported.

// runOutYears fills years[k].TaxSaving and ExtraCost from the ledger
// path's outcome o and its recorded flows (rec[0] the SMA's, rec[1] the
// fund's) and returns Result.LossesRunOutYear.
func runOutYears(years []Year, o PathOutcome, rec [2][]yearFlows) *int {
	for k := range years {
		// The year's tax, not the ledger row's: the last row's also
		// holds the end treatment's tax, which is no yearly saving.
		saving := money(o.Years[k].FundTax - o.Years[k].SMATax)
		sma, fund := rec[0][k], rec[1][k]
		cost := money(sma.fees - fund.fees + sma.trading - fund.trading)
		years[k].TaxSaving, years[k].ExtraCost = &saving, &cost
	}
	return lossesRunOutYear(years)
}

// lossesRunOutYear is the year y (0 … horizon−1) such that the tax saving
// is below the extra cost in every year after y and not in year y; nil
// when it is not below in the last year. The amounts are compared in
// cents, as shown.
func lossesRunOutYear(years []Year) *int {
	y := len(years)
	for y > 0 && years[y-1].TaxSaving.LessThan(years[y-1].ExtraCost.Decimal) {
		y--
	}
	if y == len(years) {
		return nil
	}
	return &y
}
