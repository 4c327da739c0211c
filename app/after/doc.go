// Package after is the advisors' room "After a few years": what leaving
// the SMA at a chosen year is worth — keeping it, moving the lots in kind
// to a cheaper account, a tax-free §351 exchange into an ETF, or selling
// for the fund — side by side against the fund (calc.ExitPlans, keys
// "exit", "exitplan", "exitfee"), and, for an existing position, the
// transition's yearly gain budget side by side: none, the client's, and
// no limit (sell now), with the tracking error over time on one chart.
//
// It reads the complete result and its scenario from the shell, runs the
// budget variants on the side worker (store.Simulator.Background) and
// sends one intent: trying an exit year (store.ActionChange).
package after
