// Package tax computes what a year of portfolio results costs an investor in
// tax: United States federal income tax, the alternative minimum tax, the
// net investment income tax and the income tax of the investor's state (the
// 50 states and DC, optionally New York City's tax), for tax years with a
// Table (see Years). Everything the simulation charges as tax goes through
// this package.
//
// # The return
//
// Compute follows the forms in order:
//
//  1. Schedule D netting (IRC §1222): short-term gains net with short-term
//     losses and the short-term carryover (line 7), long-term likewise
//     (line 15), then the two together (line 16). Capital-gain
//     distributions are long-term (§852(b)(3)(B)).
//  2. Form 1040 line 7: a net gain is income; a net loss is deductible up
//     to 3,000 (1,500 married filing separately) (§1211(b)).
//  3. AGI less the standard deduction (§63) is taxable income.
//  4. The Qualified Dividends and Capital Gain Tax Worksheet (§1(h)):
//     qualified dividends and net capital gain are stacked above ordinary
//     taxable income and taxed at 0/15/20% by where they fall, never more
//     than taxing everything at the ordinary rates (§1(j)).
//  5. The alternative minimum tax (Form 6251, see below), the NIIT
//     (§1411, Form 8960), then the state and local tax.
//  6. The Capital Loss Carryover Worksheet (§1212(b)): the loss not used
//     carries forward indefinitely, keeping its character; the deduction
//     against other income uses short-term loss first.
//
// Investor.PortfolioTax prices a portfolio's year as tax(return with the
// portfolio's results) − tax(return without them), so losses are valued at
// the investor's real marginal rates.
//
// # Modelling choices
//
// Scope. Wages stand for all ordinary income other than short-term gains;
// all dividends are qualified. Not modelled: itemized deductions, the
// additional standard deduction for age or blindness, credits. The
// ordinary tax uses the exact rate schedule at every income (the IRS Tax
// Table's $50 bands under $100,000 would make the tax a step function).
//
// AMT (§55, Form 6251). The household takes the standard deduction, so
// line 2a adds it back and no other adjustment or preference applies: the
// alternative minimum taxable income is the AGI (state income tax is an
// adjustment only for those who itemize). Line 5's exemption shrinks by
// 25% of AMTI above the phase-out start through 2025 and by 50% from 2026
// (Pub. L. 119-21 §70107 also reset the start to $500,000 / $1,000,000);
// a separate return adds back the same share of AMTI above the level where
// its exemption is gone (line 4). Line 7 is 26% / 28%, or Part III when
// there are qualified dividends or net capital gain: those are taxed at
// 0/15/20% in the bands the regular tax's ordinary income leaves, the rest
// at 26% / 28%. The AMT (line 11) is the excess of the tentative minimum
// tax over the regular tax; Return.IncomeTax stays the regular tax and
// Total includes both. The marginal rates below are the regular tax's.
//
// NIIT. 3.8% × min(net investment income, MAGI − threshold), thresholds
// 200,000 single and head of household, 250,000 joint, 125,000 separate
// (§1411(b), not indexed). MAGI is AGI. Net investment income is the
// dividends plus the capital gain or loss included in income (Form 8960
// line 5a takes Form 1040 line 7): a net capital loss reduces it by the
// deductible part only (up to 3,000), as Treas. Reg. §1.1411-4(d) allows,
// and net investment income is never below zero (Form 8960 line 12).
//
// State. Each jurisdiction's law is data (StateLaw, one per state and
// year, with its sources; a year the state had not published is derived
// from the previous one as the state's law indexes it and marked
// Projected). The state tax is computed on the whole return — wages,
// dividends and gains, the state's deductions, exemptions, credits and
// phase-outs for a filer without dependents, its brackets by status — and
// the state's treatment of capital gains: federal netting, loss limit and
// carryforward by default; no loss against other income and no
// carryforward (NJ, PA); a smaller loss limit (MA); an exclusion of
// part of the net capital gain (AR, AZ, ND, NM, SC, VT, WI) or all of it
// (MO from 2025); own rates on it (MT) or an alternative rate when lower
// (HI); a higher rate on short-term gains and a surtax (MA); a tax on
// long-term gains only (WA) or dividends only (NH in 2024); New York's
// supplemental tax; the federal income tax deduction (AL, MO, OR); a
// personal credit that is a share of the tax (CT). A local
// tax (New York City) is computed on the state's taxable income. Flat
// (FlatState) keeps the earlier approximation for a rate the user types:
// the rate on the dividends and the gains left after federal netting,
// never on wages. docs/STATE_TAX.md lists the sources and what is not
// modelled.
//
// Carryforward. Line 4 of the Capital Loss Carryover Worksheet counts only
// the part of the deduction that reduced taxable income (§1212(b)(2)): with
// income below the standard deduction the unused part of the 3,000 is
// carried too. Loss is conserved: loss carried in + loss realized = loss
// used against gains + loss deducted (line 4) + loss carried out.
//
// Marginal rates. Return.MarginalOrdinaryRate and MarginalLTCGRate are the
// statutory federal rates, by rule, on the next dollar: for ordinary
// income the bracket rate at the top of ordinary taxable income (0 while
// the standard deduction is not used up); for long-term gain the 0/15/20%
// band at the top of taxable income, or the ordinary rate when the dollar
// would shrink a long-term loss netted against short-term gain or the
// capital loss deduction, or 0 when it would only shrink the carryforward.
// The NIIT's 3.8% is added when the dollar raises it. They never exceed
// 37% + 3.8%, and leave out the "push" by which ordinary income moves
// stacked gains into a higher band (a true marginal cost of up to 43.8%);
// the incremental tax, a difference of whole returns, includes it.
//
// # Numbers
//
// The decimal path (Compute, Investor.PortfolioTax) uses shopspring/decimal;
// inputs are rounded to the cent and every computed line is rounded to the
// cent, half away from zero. The float path (ComputeF,
// Investor.PortfolioTaxF) takes and returns float64 dollars but computes in
// int64 cents with rates as integer millionths (Rate), so its lines are
// rounded exactly like the decimal path's and the two agree to the cent;
// it does not allocate. Float inputs are rounded to the cent as
// RoundToCent shows; NaN counts as 0 and amounts beyond ±10^13 dollars are
// clamped. Negative wages, dividends or carryforwards count as 0. A nil
// Table or an invalid Status is a programming error and panics.
//
// The package is pure: no I/O, no clock, no randomness, no mutable package
// state. For returns a fresh copy of its table.
package tax
