package calc

// decompose splits the mean difference of after-tax wealth into its
// sources. Each part is a mean over paths, rounded to the cent; growth of
// deferred tax takes the rounding so the parts add up to Total exactly.
func decompose(outs []PathOutcome) Decomposition {
	n := float64(len(outs))
	var total, taxDiff, dist, fee, trade, end, unpaid float64
	for _, o := range outs {
		total += o.SMA.AfterTax - o.Fund.AfterTax
		taxDiff += o.Fund.Taxes - o.SMA.Taxes
		dist += o.Fund.DistTax - o.SMA.DistTax
		fee += o.Fund.Fees - o.SMA.Fees
		trade += o.Fund.Trading - o.SMA.Trading
		end += o.Fund.EndTax - o.SMA.EndTax
		unpaid += o.SMA.Unpaid - o.Fund.Unpaid
	}
	d := Decomposition{
		Total:                     money(total / n),
		TaxSavedOnHarvestedLosses: money((taxDiff - dist) / n),
		DistributionsAvoided:      money(dist / n),
		FeeDifference:             money(fee / n),
		TradingCosts:              money(trade / n),
		ExtraTaxAtLiquidation:     money(end / n),
		UnpaidTax:                 money(unpaid / n),
	}
	rest := d.Total.Sub(d.TaxSavedOnHarvestedLosses.Decimal).Sub(d.DistributionsAvoided.Decimal).
		Sub(d.FeeDifference.Decimal).Sub(d.TradingCosts.Decimal).Sub(d.ExtraTaxAtLiquidation.Decimal).
		Sub(d.UnpaidTax.Decimal)
	d.GrowthOfDeferredTax = Money{rest}
	return d
}
