package widget

import "smacalc/calc"

// Tones of a result: the evidence, not the sign, decides them. The
// headline colours itself by the tone; the comparison of two scenarios
// shows each side's.
const (
	ToneClear = "good"  // the SMA ends ahead in a clear majority of markets, beyond the simulation's error
	ToneFund  = "bad"   // the fund ends ahead in a clear majority, beyond the error
	ToneMixed = "mixed" // neither: a coin toss or within the error

	clearShare = 2.0 / 3.0 // "a clear majority" of simulated markets
	// ErrorMargins is how many Monte Carlo standard errors the median must
	// be away from zero (about 95%).
	ErrorMargins = 2.0
)

// Tone judges a complete result: ToneClear when the SMA ends ahead in at
// least two thirds of the simulated markets and the median tax alpha is
// more than two Monte Carlo standard errors above zero; ToneFund for the
// mirror image; ToneMixed otherwise.
func Tone(r *calc.Result) string {
	a := r.TaxAlphaBps
	switch {
	case r.SMAAheadFraction >= clearShare && a.P50 > ErrorMargins*a.SE:
		return ToneClear
	case r.SMABehindFraction >= clearShare && a.P50 < -ErrorMargins*a.SE:
		return ToneFund
	}
	return ToneMixed
}

// AlphaLabels name the two tax alphas for an end of the horizon (the
// scenario's "end"): with a final sale, before and after it; otherwise
// nothing is sold (issue 24, item 5), so the first is the alpha while
// invested and the second the alpha with the end chosen.
func AlphaLabels(end string) (before, after string) {
	switch end {
	case "hold":
		return "while invested", "at the end, kept unsold"
	case "stepup":
		return "while invested", "at the end, left to heirs"
	case "donate":
		return "while invested", "at the end, given to charity"
	}
	return "before the final sale", "after the final sale"
}

// VerdictWords are a tone in a few words, for a table cell: "Clear edge
// for the SMA", "Clear edge for the ETF", "Not clear-cut".
func VerdictWords(tone, fundShort string) string {
	switch tone {
	case ToneClear:
		return "Clear edge for the SMA"
	case ToneFund:
		return "Clear edge for the " + fundShort
	}
	return "Not clear-cut"
}
