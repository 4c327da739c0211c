package fields

import (
	"errors"
	"net/url"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"

	"smacalc/app/widget"
	"smacalc/calc/scenario"
)

// Values holds what the person typed, by scenario key, in the units the
// form shows (dollars, percent). It is never modified in place once handed to
// a component: go-app compares a child's fields to decide whether to update.
type Values map[string]string

// With returns a copy of v with key set to text.
func (v Values) With(key, text string) Values {
	out := make(Values, len(v)+1)
	for k, x := range v {
		out[k] = x
	}
	out[key] = text
	return out
}

// FromScenario writes a scenario into the form's units.
func FromScenario(s scenario.Scenario) Values {
	q, _ := url.ParseQuery(s.Encode())
	v := Values{}
	for _, f := range All() {
		text := q.Get(f.Key)
		switch f.Kind {
		case KindMoney:
			text = DisplayMoney(text)
		case KindPercent:
			if text != "" {
				if d, err := decimal.NewFromString(text); err == nil {
					text = d.Shift(2).String()
				}
			}
		}
		v[f.Key] = text
	}
	return v
}

// DisplayMoney groups the thousands of a plain decimal ("-1234567.5" →
// "-1,234,567.5"); anything else is returned as is.
func DisplayMoney(text string) string {
	sign := ""
	if strings.HasPrefix(text, "-") {
		sign, text = "-", text[1:]
	}
	whole, frac, hasFrac := strings.Cut(text, ".")
	if whole == "" || strings.IndexFunc(whole, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
		return sign + text
	}
	out := sign + widget.GroupThousands(whole)
	if hasFrac {
		out += "." + frac
	}
	return out
}

// errNotNumber is the message for text that is not a number.
var errNotNumber = errors.New("enter a number")

// canonicalValue converts a typed value to the text of the scenario key.
func canonicalValue(f Spec, text string) (string, error) {
	switch f.Kind {
	case KindMoney, KindInt, KindPercent:
		clean := strings.Map(func(r rune) rune {
			switch r {
			case ',', '$', '%', ' ', '\u00a0', '_':
				return -1
			case '\u2212': // typographic minus
				return '-'
			}
			return r
		}, text)
		d, err := decimal.NewFromString(clean)
		if err != nil || strings.ContainsAny(clean, "eE") {
			return "", errNotNumber
		}
		if f.Kind == KindPercent {
			d = d.Shift(-2)
		}
		if f.Kind == KindInt && !d.IsInteger() {
			return "", errors.New("enter a whole number")
		}
		return d.String(), nil
	}
	return text, nil
}

// ToScenario maps the form to a scenario. It returns the scenario with its
// canonical query (meaningful only when problems is empty; its Query is
// then "") and the problems by key, in words for the form.
func ToScenario(v Values) (Scenario, map[string]string) {
	problems := map[string]string{}
	var parts []string
	for _, key := range scenario.Names() {
		f, ok := SpecFor(key)
		if !ok {
			continue
		}
		text := strings.TrimSpace(v[key])
		if text == "" {
			if f.Optional || f.Kind == KindSectors {
				continue
			}
			problems[key] = "Enter a value."
			continue
		}
		canon, err := canonicalValue(f, text)
		if err != nil {
			problems[key] = sentence(err.Error()) + "."
			continue
		}
		parts = append(parts, key+"="+url.QueryEscape(canon))
	}
	s, err := scenario.Decode(strings.Join(parts, "&"))
	var ve *scenario.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			if _, seen := problems[p.Key]; !seen {
				problems[p.Key] = ProblemText(p)
			}
		}
	} else if err != nil {
		problems[""] = err.Error()
	}
	if len(problems) > 0 {
		return Scenario{Scenario: s}, problems
	}
	return Of(s), nil
}

// ProblemText words an engine problem for the form: ranges in the units
// the form shows rather than the key's decimals.
func ProblemText(p scenario.Problem) string {
	f, ok := SpecFor(p.Key)
	if ok && f.Min != "" && f.Max != "" && strings.Contains(p.Message, "between") && !strings.Contains(p.Message, "×") {
		return "Enter a value from " + RangeText(f) + "."
	}
	return sentence(p.Message) + "."
}

// RangeText is a field's allowed range in its own units: "0 to 20 %".
func RangeText(f Spec) string {
	lo, hi := f.Min, f.Max
	if f.Kind == KindMoney {
		lo, hi = "$"+DisplayMoney(lo), "$"+DisplayMoney(hi)
	}
	unit := ""
	if f.Unit != "" && f.Unit != "$" {
		unit = " " + f.Unit
	}
	return lo + " to " + hi + unit
}

// sentence capitalises the first letter.
func sentence(s string) string {
	s = strings.TrimSuffix(s, ".")
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// maxRecoveries bounds how many times Recover drops keys: a value
// dropped can reveal a problem of another key that depended on it (a
// withdrawal checked against the amount).
const maxRecoveries = 4

// Recover reads a share link's query as far as it can, so that a bad
// link still shows a result: a key whose value is invalid, repeated or
// unknown is dropped (its default applies) and named in a note. A link that
// cannot be read at all (too long) gives the starting scenario, with a
// note (start: the page's starting scenario).
func Recover(raw string, start Scenario) (Scenario, []string) {
	query := strings.TrimPrefix(raw, "?")
	var notes []string
	for range maxRecoveries {
		s, err := scenario.Decode(query)
		if err == nil {
			return Of(s), notes
		}
		var ve *scenario.ValidationError
		if !errors.As(err, &ve) {
			break
		}
		bad := map[string]bool{}
		for _, p := range ve.Problems {
			if p.Key == "" {
				return start, append(notes, "The link could not be read ("+p.Message+"): the starting scenario is shown instead.")
			}
			if !bad[p.Key] {
				bad[p.Key] = true
				notes = append(notes, linkNote(p))
			}
		}
		query = withoutKeys(query, bad)
	}
	return start, append(notes, "The link could not be read: the starting scenario is shown instead.")
}

// linkNote names a link's bad value and what replaces it.
func linkNote(p scenario.Problem) string {
	f, ok := SpecFor(p.Key)
	if !ok {
		return "The link's “" + p.Key + "” is not a setting of this calculator: it was ignored."
	}
	def := Text(f, FromScenario(scenario.DefaultScenario())[f.Key])
	return "The link's “" + f.Label + "” (" + p.Key + ") was not valid (" + p.Message + "): the default, " + def + ", is used instead."
}

// withoutKeys is query without the parts whose (unescaped) key is in drop.
func withoutKeys(query string, drop map[string]bool) string {
	var keep []string
	for part := range strings.SplitSeq(query, "&") {
		rawKey, _, _ := strings.Cut(part, "=")
		key, err := url.QueryUnescape(rawKey)
		if err != nil {
			key = rawKey
		}
		if part != "" && !drop[key] && !drop[rawKey] {
			keep = append(keep, part)
		}
	}
	return strings.Join(keep, "&")
}

// GroupTyped is the text of a money field grouped by thousands once it is
// settled ("250000" or "$250000" → "250,000"), as a link's amounts are
// shown; the text of any other field, or what is not a plain number, is
// returned as typed (its message names what is wrong with it).
func GroupTyped(key, text string) string {
	f, ok := SpecFor(key)
	if !ok || f.Kind != KindMoney {
		return text
	}
	clean := strings.Map(func(r rune) rune {
		switch r {
		case ',', '$', ' ', '\u00a0', '_':
			return -1
		}
		return r
	}, strings.TrimSpace(text))
	if _, err := decimal.NewFromString(clean); err != nil || strings.ContainsAny(clean, "eE+") {
		return text
	}
	return DisplayMoney(clean)
}
