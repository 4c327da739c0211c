// Package calc is the engine of smacalc: a Monte Carlo comparison of owning
// an index directly in a separately managed account (SMA) with lot-by-lot
// tax-loss harvesting against owning it through a fund (ETF or mutual
// fund), after all taxes and fees. It is pure and deterministic: no I/O, no
// clock, no global random source; the same Scenario always gives the same
// Result, natively and in WebAssembly, however the paths are split across
// workers.
//
// # Use
//
//	s, err := scenario.Decode("amount=500000&horizon=20") // the share link's query
//	r, err := calc.Simulate(ctx, s, progress)             // or SimulatePaths per worker + Merge
//
// The input is package calc/scenario: the Scenario, its one canonical text
// form (Encode, every key in MODEL.md's order), Decode and Validate, which
// report every bad key at once in a *ValidationError, and the table that
// states each key once (name, type, range, default, unit, help text, form
// group; docs/KEYS.md is generated from it). calc imports it, never the
// other way round.
//
// # Model
//
// Monthly steps (a month is 365.25/12 = 30.44 days), both strategies on the
// same market path, so differences are paired.
//
// Market (market.go; the kernel in internal/market): factor model, every
// beta 1; a quarter of the non-market variance ("idio") is a GICS sector
// factor, the rest is stock-specific; lognormal with the drift that makes
// the expected price growth ln(1+ret) − div a year, plus the dividend yield
// paid quarterly. Cap-weighted, Zipf-like (w ∝ i^−0.8) index; stocks
// assigned to sectors to match approximate S&P 500 sector weights
// (scenario.Constituents, scenario/sectors.go). Each stock's own volatility
// falls with its weight, their cap-weighted average being "idio"
// (idio_weight.go); the index replaces "turnover" of its names a year,
// which the SMA sells and rebuys (turnover.go: forced gains), the share
// "takeover" of them bought for cash at "premium" above their price
// (takeover.go); index presets set the number of companies, with a
// representative sample above 1000 (scenario/index_presets.go,
// index_presets.go); "history" replays the S&P Composite's monthly returns
// for the market factor (history_market.go); "savings=withdraw" pays the
// tax saved out of the SMA (savings.go); "harvest=weekly" checks every week
// on Brownian bridges of each month (weekly.go). Sources of every default:
// docs/MARKET.md.
//
// SMA (sma.go; the lots in internal/lotbook): every purchase is a tax lot;
// lots are sold highest basis first (HIFO). At each harvest date (monthly,
// quarterly, annual or never) every lot whose price is more than `threshold`
// below its basis is sold; a stock is checked only when its price is below
// its highest lot basis × (1 − threshold). Losses keep their character
// (long-term when held more than 12 monthly steps, IRC §1222). Wash sales
// (IRC §1091): the proceeds of a loss sale go to a substitute (a proxy with
// the stock's sector return: market + sector factor) and the stock is bought
// back at the next step, 30.44 days later, outside the 30-day window; cash
// that would buy a stock in the step of its loss sale also goes to the
// substitute, and a stock bought in a step is not harvested in that step. So
// the simulated SMA never makes a wash sale; lotbook.WashSale implements the
// §1091 adjustment (disallowed loss added to the replacement's basis,
// holding period tacked, pro rata) for what one would cost. The initial
// cash buys all held stocks in proportion to their index weight. Later
// cash (dividends less fees, contributions, tax refunds) is treated as
// managers describe it (cash.go, docs/MARKET.md): it waits, counted in the
// SMA's value and earning nothing, for the next month end's trading window
// and then buys the names furthest below their target weights, in
// purchases of at least minTrade ($100; less waits), skipping the names
// sold at a loss in that step. Cash needs (fees beyond dividends, taxes,
// withdrawals) use the waiting cash first, then sell every stock in
// proportion, HIFO within each, and the sector substitutes in proportion
// for what the stocks cannot raise. Excluded sectors are not held; the
// rest keep their relative index weights. Trading costs apply to every SMA
// trade (the initial purchase with cash included) and are not deducted
// for tax. The SMA fee is billed quarterly and is not deductible (IRC
// §67(g)).
//
// Fund (fund.go): NAV follows the index's price; the expense ratio is paid
// from the fund's dividend income (so only the rest is distributed and
// taxed — in effect deductible), any excess lowers the NAV; capital-gain
// distributions (`dist` × NAV, at each year end) are long-term gains,
// reinvested. `fund` labels the vehicle; its taxes are what `dist` says.
//
// Taxes (taxes.go, year_end.go, account.go): each year, each strategy's
// qualified dividends and net realized gains are added to the investor's
// wages and outside gains and the whole return is computed by package
// calc/tax (federal brackets, 0/15/20% rates, AMT, NIIT, netting, $3,000
// loss limit, carryforward with character, and the state's income tax law
// for `state`, with New York City's tax when `local=nyc`, or the flat
// `staterate`); the strategy's tax is that minus the return without the
// portfolio. Carryforwards are kept per strategy. Taxes are paid FROM THE
// PORTFOLIO at the start of the next year by selling (the SMA sells HIFO in
// proportion; the fund sells its highest-basis shares); a negative tax (a
// saving) is reinvested. The same rule applies to both. Contributions
// (negative: withdrawals) happen at the start of each year, the first with
// the initial amount. An initial `basis` ≠ 1 is an existing long-term
// position held the same way in both strategies.
//
// Running out is an outcome, not an error. When a portfolio cannot raise
// both the tax due and the withdrawal, the tax is paid first, the
// withdrawal gets what is left, everything is sold and the portfolio stays
// at zero (later withdrawals are not made). Tax the portfolio cannot pay —
// typically the tax on the gains of that last sale, due a year later — is
// paid by the investor from outside: it counts in `taxes` and is reported
// as `unpaid_tax`, but it is not subtracted from any wealth figure, so no
// wealth figure is below zero. Each strategy reports `depleted_fraction`
// (share of paths that ran out) and `depleted_year` (the median year of
// running out among those paths, the lower middle one for an even count;
// 0 when none did); the decomposition's `unpaid_tax` is the SMA's unpaid
// tax minus the fund's. The after-tax return of a path that ran out is the
// IRR of the amount invested against the withdrawals received. When both
// strategies run out their wealth is level at zero: `sma_ahead_fraction`
// and `sma_behind_fraction` count the paths where the SMA ends ahead and
// behind, and the rest are level.
//
// Existing holdings (transition.go, legacy_steps.go; the lots file is read
// by scenario.ParseLegacyLots, scenario/legacy_lots.go): a concentrated
// position ("single" of Amount, basis "singlebasis", total volatility
// "singlevol") or legacy lots from a file (ParseLegacyLots; Amount is
// their total; holding periods count from January 1 of the tax year).
// Each holding is its own stock, beta 1, outside the index. The SMA holds
// them and, at each year's last step, sells lots (lowest gain per dollar
// first) so that the year's net realized gain reaches "gainbudget" and no
// more, investing the proceeds in the index: harvested losses pay for
// moving more at no net gain. No budget: sold at the start. The fund
// strategy sells them at the start (the tax is year 1's) and buys the
// fund. Cash needs the index part cannot meet sell them in proportion.
// Result.Keep is a third strategy for comparison (transition_keep.go): the
// holdings kept as they are, the rest in the fund, taxed the same way.
// Without holdings none of this runs (pathSim.tr is nil).
//
// Gifts (give.go, issue 28): with "give", at each year's last step both
// strategies give that much of their long-term lots at a gain, most
// appreciated first, in place of the investor's cash gift, and buy the
// shares back with the cash; the tax engine deducts the gift at market
// value when itemizing beats the standard deduction ("itemized": the
// other itemized deductions), with the 30%-of-AGI limit and the
// five-year carryover per strategy, and from 2026 the 0.5% floor, the
// 2/37 cap and the non-itemizer's cash deduction (calc/tax/itemized.go).
// Exit plans (exit.go, exit_result.go; keys "exit", "exitplan",
// "exitfee"): at the end of year "exit" the path branches on the same
// markets into keeping the SMA (the path itself: nothing else in the
// Result changes), selling everything for the fund, moving the lots in
// kind (a second pass of the path without harvesting, at "exitfee") and
// a tax-free §351 exchange into an ETF, modelled only when the portfolio
// passes the diversification tests of IRC §368(a)(2)(F)(ii) (Treas. Reg.
// §1.351-1(c)(6)); Result.ExitPlans reports each plan's after-tax wealth
// with the end treatment and names the best.
//
// End: liquidate (tax on all unrealized gains, using the carryforward),
// hold (no tax on unrealized gains), stepup (IRC §1014: none, carryforward
// lost), donate (long-term lots at a gain are given away untaxed, the other
// lots are sold).
//
// # Results
//
// Tax alpha is the annualized difference of the two after-tax
// money-weighted returns (IRR with the contributions as flows), per path,
// in basis points; fees are included. years[k].benefit_bps is the mean
// (over paths) of the fund's tax minus the SMA's in year k divided by the
// mean SMA value at the start of year k. tax_alpha_bps.se is the Monte
// Carlo standard error of the headline (the median tax alpha), by McKean &
// Schrader (1984): the half-width of the distribution-free 95% confidence
// interval for the median — the order statistics of ranks
// (n+1)/2 ∓ 1.96·√n/2 — divided by 1.96, times the square root of the
// antithetic pairs' variance factor (pairFactor, below);
// tax_alpha_before_sale_bps.se likewise. It is in partial results
// (Summarize) too, so a UI can show the precision while paths arrive. The
// decomposition splits the mean difference (over paths) into tax saved on
// harvested losses, distributions avoided, fee difference, trading costs,
// extra tax at liquidation, unpaid tax (see above) and growth of deferred
// tax (the SMA's extra market growth and dividends); it adds up exactly.
// tax_alpha_before_sale_bps is the alpha with the value before the final
// sale as the end wealth (as published tax-alpha figures are stated; the
// contributions are the scenario's schedule). difference_over_time is the
// difference if both were sold at the end of each year, percentiles across
// paths.
//
// median_market (the JSON name is kept) is the typical market
// (median_market.go, issue 24): one simulated market, never a mean of
// two, whose difference is within the headline's Monte Carlo error of the
// median difference (1.96 standard errors, the 95% interval of McKean &
// Schrader) and, among those, whose SMA and fund wealth both rank nearest
// the 50th percentile of their own distributions (the larger of the two
// distances smallest). The market whose difference is the median can be a
// poor market for both strategies (issue 24: $250,000 over 20 years shown
// as $181,304 and $141,196 when each strategy's median was about $700,000),
// and a reader takes the wealth shown as what they end up with; a market
// chosen on its difference alone answers another question. So the wealth
// shown lies between each strategy's 40th and 60th percentiles (when the
// window holds no such market — rare at 200 paths, more frequent with
// fewer — the typical market of both whose difference is nearest the
// median stands in, and the page shows its difference as it is). Its
// wealth, decomposition (total = SMA − fund to the cent) and the tax due
// if everything were sold (sma_tax_if_sold: what keep, end=hold, still
// owes and heirs, end=stepup, do not under IRC §1014) are its own. The
// ledger is that market re-simulated, reconciled to the cent (see Ledger),
// and ends at the wealth shown.
//
// losses_run_out_year (losses_run_out.go, issue 27) is read on that same
// path, the typical market as the ledger shows it: the year after which
// its yearly tax saving (the fund's tax minus the SMA's, without the end
// treatment's) stays below what the SMA costs over the fund that year
// (fee minus the fund's expenses, plus trading costs), both in years[]
// as tax_saving and extra_cost; 0 when the saving never covers the cost,
// null when it still does in the last year. One path is noisy — a year
// of forced gains can dip below — which is why the definition asks for
// the saving to stay below to the horizon.
//
// # The break-even map
//
// BreakEven (breakeven_map.go, issue 27) is the median difference over two
// scenario keys: each cell is the Result of its own scenario (Decode of
// its query: `smacalc simulate` of it gives the same figures) with the
// base's seed, so every cell sees the same markets (common random
// numbers) and the map is smooth where a cell alone is not precise. The
// API is made for workers: MapScenarios lists the cells, any subset is
// computed in any order (MapCellResult, or SimulatePaths + Summarize),
// AssembleMap takes whatever results there are; a range axis with
// 2(M−1)+1 values holds the M-value one's values exactly, so a coarse
// map's cells are the fine map's. By default a map spends about three
// default results (MapPaths: 24 paths a cell for 5 × 5); a cell's median
// then has a standard error (difference_se, "se") of roughly $3,000 to
// $10,000 on the default $1,000,000 over ten years, while neighbouring
// cells differ far more precisely than that.
//
// # Transparency
//
// Inspect(s, path) re-runs one path (the UI passes Result.Ledger.Path,
// the median difference) with a recorder (inspect.go; a nil check
// outside the kernel's per-stock loop when not inspecting, and they change
// nothing: same outcome, same goldens) and returns, for the start and the
// end of each year (after that year's trades, before the next year's tax
// payment and contribution), every SMA holding with its tax lots (HIFO
// order, cost, value, gain, short or long term), one holding per sector
// proxy holding the proceeds of the step's loss sales, the fund's shares
// and basis, and every lot harvested that year (proceeds, basis, loss,
// character, the proxy bought, the month the stock was bought back).
// Tickers are synthetic: sector abbreviation and index rank ("IT-001").
// Prices are a presentation scaling of the engine's (which start at 1.00):
// each stock starts between $50 and $200 a share (drawn from its rank),
// moved so that the shares bought at the start are a whole number when at
// least half a share is bought; the sector proxies and the fund start at
// $100. Share counts are divided by the same factor, so no amount changes.
// The figures reconcile: the holdings add up to the ledger's End + Taxes
// (the value before the year's tax is paid) within a cent per holding,
// the lots' shares to their holding's exactly, the harvested losses to
// the path's yearly ST and LT harvests within half a cent per sale.
// HoldingsCSV, LotsCSV and HarvestsCSV export them (RFC 4180). Existing
// holdings being moved (see above) are not listed: the figures are the
// index part's. A default
// path (500 stocks, 10 years) has about 35,000 lot rows and 20,000
// harvests; inspecting it takes about 17 ms natively.
//
// Paths come in antithetic pairs (Hammersley & Morton 1956): paths 2k and
// 2k+1 draw from pair k's xoshiro256++ source, seeded through SplitMix64
// from (seed, k), the second with every normal draw negated. Paths carries
// per-path outcomes and Merge summarises them in path order, so any split
// gives byte-identical JSON; the standard error counts a pair's two paths
// together when both are present (pairFactor), so a split on any boundary
// is valid, and splits on even boundaries keep every pair in one worker's
// partial result.
//
// # Historical returns
//
// history.go holds the S&P Composite's monthly prices and dividends from
// Robert Shiller's data, December 1925 to December 2024 (generated by
// internal/historygen; docs/HISTORY.md has the source, the method and the
// checks); HistoryYears says which years it holds, and
// scenario.HistoryStartYears which start years a replay of a horizon can
// use (TestHistoryYearsMatchScenario keeps the scenario's years the
// table's). The `history` key (a start year) replays it
// (history_market.go).
//
// # Speed and platforms
//
// The kernel (market.State.Step, internal/market) draws the normals with
// math/rand/v2's ziggurat on xoshiro256++ (rng.go: the same draws as
// rand.New(src).NormFloat64() with that generator, without an interface call
// per draw, and no 64×64→128-bit multiply, which WebAssembly lacks). It
// computes each stock's log return in units of ln 2/64 — the sector part
// once per sector, the specific part as the ziggurat's integer times a
// per-path table — so that the exponential (exp2over64 in fastmath.go,
// within 0.51 ulp) needs no Cody–Waite reduction, and evaluates its
// polynomial with Estrin's scheme: the per-stock dependency chain, which
// bounds how many stocks an out-of-order CPU overlaps, is what the kernel's
// time was; for the same reason 2^(k/64) comes from a table already scaled
// by 2^⌊k/64⌋ for |k| ≤ 512 (expWide: the same bits, one product fewer). The harvest candidates are listed without a branch. All of it is
// pure-Go arithmetic with products that could be fused into an FMA rounded
// explicitly (float64 conversions), because math.Exp and math.Log are
// assembly on amd64 and pure Go in WebAssembly and differ in the last bit
// for several percent of arguments: with them a worker in the browser and
// the native CLI could disagree. Lots are kept lowest basis first (lotbook)
// so that a harvest is a truncation and most purchases an append (the
// insertion point is found from the top); the harvest only visits the stocks
// the kernel flagged as below their highest basis × (1 − threshold), listed
// in a pass after the prices move (market.State.listCandidates: in the
// move's loop the list's registers made it spill). The two paths of an
// antithetic pair run in lock-step (runPair, path.go): the second takes the
// first's specific shocks, negated (market.State.Mirror: a product's
// rounding is symmetric, so they are its own to the bit), and its quarters'
// leavers, instead of drawing them again; each step checks that the first
// drew from the same state of the stream, so nothing but the speed depends
// on it. SimulatePaths keeps the
// path simulators of the last scenario for its next call (idlePathSims,
// simulate.go): a worker simulates a run in chunks of a few paths, and each
// call allocated, zeroed and left to the collector 300 KB of lot books. It
// is the package's one shared state and holds memory, never a result: a
// path depends only on the scenario and its index. In WebAssembly, Go
// compiles each function to a dispatch loop over its basic blocks, so
// every loop iteration, every jump past a block and every call costs
// saving and reloading the live values: the hot loops (move,
// listCandidates, investCash's scan, lotbook.UnrealizedBooks) take two
// or four elements an iteration with no branch inside but the exit, and
// the year end's revaluation is one function, not a call per stock
// (docs/ARCHITECTURE.md, "Round 9").
//
// BenchmarkSimulateDefault (10 default paths per op) reports ns and CPU ns
// per stock-step; on the 2-core development machine (CPU time, medians of
// six runs) it went from 35.1 to 22.8 CPU ns per stock-step, the kernel
// alone (BenchmarkMarketStep) from 18.2 to 6.5; in WebAssembly (node) from
// about 78 to 60. The rest is lot bookkeeping the model requires: on a
// default path 32,000 purchases (20,000 of them the quarterly dividend
// reinvestment into every name), 12,000 harvests selling 20,000 lots, and
// a revaluation of every lot at each year end. Investing cash as managers
// do (cash.go: the most underweight names at the month's window, $100 at
// least) then took a default path to 7,400 purchases, 5,500 harvests
// selling 5,900 lots, and SimulateDefault from 43.1 to 23.6 CPU ns per
// stock-step (medians of six alternated runs on a heavily shared
// machine); that change is a change of model (goldens regenerated).
// docs/ARCHITECTURE.md ("Speed: the engine") has the profiles behind each
// change. None of the rest changes the model; the change of generator (from PCG-DXSM) and the
// antithetic pairs changed the random draws, and so every golden file.
//
// # Layout
//
// A path is simulated by pathSim (path.go), which composes its parts and
// hands each what it needs — the market state, the SMA's lot book, an
// account, explicit inputs — so that no part reaches back into it. The
// packages:
//
//	internal/market     the market of a path: the kernel (kernel.go:
//	                    State.Step), xoshiro256++ and the ziggurat
//	                    (rng.go), pure-Go exp and log (fastmath.go); it
//	                    knows no scenario and no strategy
//	internal/lotbook    tax lots: HIFO books, gains by character, the
//	                    holding period, wash sales
//	tax                 the investor's return (federal, state, local)
//	scenario            the input: Scenario, its key table, codec and
//	                    validation, legacy lots
//	internal/historygen generates history.go from Shiller's data
//
// The files of package calc, each using only those on its line or
// listed before it (and package scenario):
//
//	outcome.go, ledger.go, result.go, history.go, history_returns.go
//	                    a path's outcome, a year's flows, the Result, the
//	                    historical data
//	market.go, sectors.go, index_presets.go, idio_weight.go,
//	history_market.go, takeover.go, turnover.go, savings.go,
//	legacy_lots.go      the model's constants, the index and the parts
//	                    named above
//	market_state.go     the market.State of a scenario
//	taxes.go, account.go, irr.go  the yearly tax (package tax); a
//	                    strategy's flows, gains and carryforward, settle,
//	                    payable; the money-weighted return
//	holdings.go         the SMA's lot book: a lotbook.Book per stock and
//	                    the sector substitutes
//	harvest_log.go      the lots harvested, as an inspection records them
//	sma.go, cash.go, fund.go  the two strategies' trades (cash.go: the
//	                    SMA's waiting cash and its investment)
//	weekly.go           weekly checks, on the market and the SMA given
//	give.go, give_result.go  yearly gifts of appreciated lots (key
//	                    "give"): both strategies give their most
//	                    appreciated long-term lots and buy them back;
//	                    the gifts in years[], the ledger and Result.Gifts
//	transition.go, transition_keep.go  existing holdings moved, or kept
//	inspect.go, inspection.go  the recorder of an Inspection; its result
//	                    and CSV
//	path.go, path_parts.go, year_end.go  pathSim: the month, the optional
//	                    parts, the year
//	percentiles.go, decomposition.go, median_market.go, aggregate.go
//	                    outcomes to a Result
//	losses_run_out.go   the ledger path's yearly saving and extra cost, the
//	                    year the losses run out
//	simulate.go, partial.go, index_months.go  Simulate, SimulatePaths,
//	                    Merge, Inspect, Summarize, IndexMonths: the entry
//	                    points
//	typical_ledger.go   Merge in two halves for two threads: TypicalPath,
//	                    MergeWithoutLedger, LedgerOf, Result.AddLedger
//	breakeven_axis.go, breakeven_map.go, breakeven_line.go  the break-even
//	                    map: axes, the cells' scenarios,
//	                    assembling cells' results, the break-even line
package calc
