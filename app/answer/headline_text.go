package answer

import (
	"math"
	"strconv"

	"github.com/shopspring/decimal"

	"smacalc/app/fields"
	"smacalc/app/widget"
	"smacalc/calc"
)

// amountPhrase says how much more or less: "$11,680 more", "$2,300 less",
// or "the same" when it rounds to zero dollars.
func amountPhrase(d decimal.Decimal) string {
	r := d.Round(0)
	switch r.Sign() {
	case 1:
		return widget.Dollars(d) + " more"
	case -1:
		return widget.Dollars(d) + " less"
	}
	return "the same"
}

// rangePhrase words the 10th–90th percentile range of the difference:
// "between $1,200 and $85,968 more", "between $34,332 less and $85,968
// more", "between $500 and $9,000 less".
func rangePhrase(lo, hi decimal.Decimal) string {
	lo, hi = lo.Round(0), hi.Round(0)
	switch {
	case lo.Sign() >= 0 && hi.Sign() > 0:
		return "between " + widget.Dollars(lo) + " and " + widget.Dollars(hi) + " more"
	case hi.Sign() <= 0 && lo.Sign() < 0:
		return "between " + widget.Dollars(hi) + " and " + widget.Dollars(lo) + " less"
	case lo.Sign() == 0 && hi.Sign() == 0:
		return "the same"
	}
	return "between " + widget.Dollars(lo) + " less and " + widget.Dollars(hi) + " more"
}

// endPhrases say what happens at the end of the horizon, as the sentence
// that gives the result words it (the end treatment decides the answer).
var endPhrases = map[string]string{
	"liquidate": "selling everything at the end and paying the tax",
	"hold":      "still holding at the end (the tax on the gains not yet paid)",
	"stepup":    "leaving it to heirs (step-up in basis)",
	"donate":    "donating the appreciated shares at the end",
}

// headlineSentence is the one sentence a prospect reads first.
func headlineSentence(r *calc.Result, fund string) string {
	years := strconv.Itoa(r.Horizon) + " years"
	if r.Horizon == 1 {
		years = "1 year"
	}
	if e := endPhrases[r.End]; e != "" {
		years += ", " + e + ","
	}
	d := r.Difference
	var what string
	if d.P50.Round(0).IsZero() {
		what = "you would keep about the same with an SMA as with " + fields.FundName(fund) + " (median)"
	} else {
		what = "you would keep about " + amountPhrase(d.P50.Decimal) + " with an SMA than with " + fields.FundName(fund) + " (median)"
	}
	return "After " + years + " " + what + ", " + rangePhrase(d.P10.Decimal, d.P90.Decimal) +
		" in 80% of simulated markets."
}

// Tones of the headline: widget.Tone's, and pending while provisional.
const (
	toneClear    = widget.ToneClear
	toneFund     = widget.ToneFund
	toneMixed    = widget.ToneMixed
	tonePending  = "pending" // provisional: no verdict yet
	errorMargins = widget.ErrorMargins
)

// headlineTone judges a result (widget.Tone); tonePending while
// provisional.
func headlineTone(r *calc.Result, provisional bool) string {
	if provisional {
		return tonePending
	}
	return widget.Tone(r)
}

// verdictText says in words how sure the answer is.
func verdictText(r *calc.Result, fund string, tone string) string {
	share := widget.PercentOf(r.SMAAheadFraction, 0)
	switch tone {
	case toneClear:
		return "A clear edge: the SMA ends ahead in " + share + " of simulated markets."
	case toneFund:
		return "A clear edge for " + fields.FundName(fund) + ": the SMA ends ahead in only " + share + " of simulated markets."
	}
	a := r.TaxAlphaBps
	text := "Not clear-cut: the SMA ends ahead in " + share + " of simulated markets and behind in " + behindText(r) + "."
	if math.Abs(a.P50) <= errorMargins*a.SE {
		text += " The median is within the simulation's margin of error (±" + widget.BpsAsPercent(errorMargins*a.SE) + " a year)."
	}
	return text
}

// behindText is the share of markets where the SMA ends behind, "the rest"
// when no market ends level, and otherwise the share with the level ones
// named (a level end: both portfolios ran out, or the same wealth).
func behindText(r *calc.Result) string {
	level := 1 - r.SMAAheadFraction - r.SMABehindFraction
	if level < 0.005 {
		return "the rest"
	}
	return widget.PercentOf(r.SMABehindFraction, 0) + "; both end the same in " + widget.PercentOf(level, 0)
}

// provisionalText is the note of a provisional result, and staleText of
// a result of earlier inputs. Each is a tag on the headline's top edge
// (app/answer/headline.go), one short line even on a phone.
func provisionalText(done, total int) string {
	return "So far, " + strconv.Itoa(done) + " of " + strconv.Itoa(total) + " simulated markets"
}

const staleText = "Results of your previous inputs"

// provisionalVerdict is the verdict of a provisional result: the share so
// far, and that it will move.
func provisionalVerdict(r *calc.Result, total int) string {
	return "So far the SMA ends ahead in " + widget.AheadText(r) + " of the markets simulated; these figures will move until all " +
		strconv.Itoa(total) + " are done."
}

// precisionText says in plain words how far the simulation's own random
// error could move the headline's tax alpha (issue 24, item 5: not
// "Precision ±0.04%"): "With 200 simulated markets, the median tax alpha
// could be off by about 0.05% a year either way." Two standard errors of
// the alpha with the end chosen, the margin the verdict uses; short
// enough for one line of the printed report.
func precisionText(r *calc.Result) string {
	return "With " + strconv.Itoa(r.Paths) + " simulated markets, the median tax alpha could be off by about " +
		widget.BpsAsPercent(errorMargins*r.TaxAlphaBps.SE) + " a year either way."
}
