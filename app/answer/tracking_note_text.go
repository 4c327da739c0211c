package answer

import (
	"math"
	"strings"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// withoutExclusions is the query of the scenario with every sector held:
// the comparison for the tracking-error note, with the sectors excluded.
// "" when nothing is excluded.
func withoutExclusions(sc fields.Scenario) (string, []string) {
	s := sc.Scenario
	if len(s.Exclude) == 0 {
		return "", nil
	}
	ex := s.Exclude
	s.Exclude = nil
	return s.Encode(), ex
}

// sectorPhrase names excluded sectors in a sentence: "energy and
// utilities".
func sectorPhrase(names []string) string {
	words := make([]string, len(names))
	for i, n := range names {
		words[i] = strings.ReplaceAll(n, "-", " ")
	}
	return widget.JoinNames(words)
}

// trackingNoteText states the trade-off of excluding sectors: the tracking
// error, and how the median tax alpha and the median difference compare
// with the same scenario holding every sector (base; nil while it runs).
func trackingNoteText(excluded []string, r, base *calc.Result) string {
	s := "Excluding " + sectorPhrase(excluded) + ": tracking error " + widget.PercentOf(r.TrackingError, 1) +
		" a year against the index"
	if base == nil {
		return s + "; comparing with every sector held…"
	}
	return s + ". Against holding every sector: median tax alpha " + alphaChange(r.TaxAlphaBps.P50-base.TaxAlphaBps.P50) +
		", median after-tax difference " + dollarChange(r, base) + "."
}

// alphaChange is a change of tax alpha: "unchanged" below half a basis
// point, else "+0.12%/yr" or "−0.10%/yr".
func alphaChange(bps float64) string {
	if math.Abs(bps) < 0.5 {
		return "unchanged"
	}
	s := widget.BpsAsPercent(bps) + "/yr"
	if bps > 0 {
		s = "+" + s
	}
	return s
}

// dollarChange is the change of the median difference in whole dollars:
// "+$1,234", "−$1,234", "unchanged".
func dollarChange(r, base *calc.Result) string {
	d := r.Difference.P50.Sub(base.Difference.P50.Decimal).Round(0)
	switch d.Sign() {
	case 1:
		return "+" + widget.Dollars(d)
	case -1:
		return widget.Minus + widget.Dollars(d)
	}
	return "unchanged"
}
