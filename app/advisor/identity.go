package advisor

import (
	"strconv"
	"strings"
	"unicode"

	"smacalc/app/fields"
	"smacalc/app/widget"

	"github.com/shopspring/decimal"
)

// scenarioName is a scenario in a few words, the way an advisor tells two
// apart: "$250,000 for 20 years in the ETF, leave to heirs".
func scenarioName(s fields.Scenario) string {
	if s.Query == "" {
		return ""
	}
	years := strconv.Itoa(s.Horizon) + " years"
	if s.Horizon == 1 {
		years = "1 year"
	}
	end := s.End
	if f, ok := fields.SpecFor("end"); ok {
		end = strings.ToLower(fields.Text(f, s.End))
	}
	return widget.Dollars(decimal.NewFromFloat(s.Amount)) + " for " + years + " in the " + fields.FundShort(s.Fund) + ", " + end
}

// fileStem names an export after the client and the scenario:
// "smacalc-lee-family-250000-20y-etf-stepup" (ASCII letters and digits,
// so every file system and mail client keeps the name).
func fileStem(client string, s fields.Scenario) string {
	parts := []string{"smacalc"}
	if c := slug(client); c != "" {
		parts = append(parts, c)
	}
	if s.Query != "" {
		parts = append(parts, strconv.FormatFloat(s.Amount, 'f', -1, 64), strconv.Itoa(s.Horizon)+"y", s.Fund, s.End)
	}
	return strings.Join(parts, "-")
}

// slug keeps a name's ASCII letters and digits, lower case, words joined
// by "-", at most 40 characters.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.TrimRight(b.String(), "-")
}
