package tax

import (
	"fmt"
	"strings"
)

// State is a simplified state income tax on the portfolio's income: flat
// rates, by kind of income, applied to the dividends and capital gains of an
// Income (never to wages, whose state tax the portfolio does not change).
// The presets are top marginal rates for a high earner; see stateBase for
// how losses are treated.
type State struct {
	// Code is the two-letter preset code, "none", or "flat" for a
	// user-typed rate.
	Code string
	// Ordinary applies to dividends (and to the capital-loss deduction
	// against other income); ShortTerm and LongTerm to the net short- and
	// long-term gains left after federal netting. Fractions: 0.133 = 13.3%.
	Ordinary, ShortTerm, LongTerm float64
}

// StateCodes lists the preset codes StatePreset accepts.
func StateCodes() []string {
	return []string{"CA", "NY", "NJ", "MA", "TX", "FL", "NV", "WA", "none"}
}

// StatePreset returns a state's preset (codes are case-insensitive).
//
//   - CA 13.3%: top rate, capital gains taxed as ordinary income.
//   - NY 10.9%, NJ 10.75%: top rates, gains as ordinary income.
//   - MA: 5% on dividends and long-term gains, 8.5% on short-term gains
//     (M.G.L. c. 62 §4; the 4% surtax on income over $1 million is not
//     modelled).
//   - TX, FL, NV: no income tax. WA: its 7% tax on long-term gains applies
//     only above a large annual deduction, so 0 below that threshold.
//   - none: no state tax.
func StatePreset(code string) (State, error) {
	c := strings.ToUpper(code)
	flat := func(r float64) State { return State{Code: c, Ordinary: r, ShortTerm: r, LongTerm: r} }
	switch c {
	case "CA":
		return flat(0.133), nil
	case "NY":
		return flat(0.109), nil
	case "NJ":
		return flat(0.1075), nil
	case "MA":
		return State{Code: c, Ordinary: 0.05, ShortTerm: 0.085, LongTerm: 0.05}, nil
	case "TX", "FL", "NV", "WA":
		return flat(0), nil
	case "NONE":
		return State{Code: "none"}, nil
	}
	return State{}, fmt.Errorf("unknown state %q: accepted %s", code, strings.Join(StateCodes(), ", "))
}

// FlatState taxes dividends and all gains at one rate (a fraction, e.g.
// 0.05). Rates are used to the nearest millionth and clamped to [0, 1].
func FlatState(rate float64) State {
	return State{Code: "flat", Ordinary: rate, ShortTerm: rate, LongTerm: rate}
}

// rates returns the state's rates as exact Rates (ordinary, short, long).
func (s State) rates() (Rate, Rate, Rate) {
	return RateOf(s.Ordinary), RateOf(s.ShortTerm), RateOf(s.LongTerm)
}
