package scenario

import (
	"math"
	"strconv"
	"strings"
)

// Key is one scenario key: its name and type, what values it accepts and
// its default, how the form shows it, and how it is read from and written
// to a Scenario. The table of keys (keys.go) is the only place each of
// these is stated.
type Key struct {
	Name string // the key in the query
	Unit Unit   // what a number means (NoUnit for words)
	// Min and Max, when Bounded, are the accepted range in the key's unit
	// (0.5 is 50%), both included: Validate refuses a value outside it and
	// the form offers it. A key with its own check (Allowed says what it
	// accepts) uses them only for the form.
	Min, Max float64
	Bounded  bool
	// Choices are a word key's accepted values, in the order the form
	// shows them, with the form's labels (nil for a key whose values come
	// from elsewhere: "state", "year", "exclude").
	Choices []Choice
	Meaning string // one line: what the key means (docs/KEYS.md, CLI usage)
	Example string // a value as written in a query

	// What the form needs: the label and help text people read, the unit
	// shown with the input (FormUnit; see DisplayUnit), the step of the
	// input in the displayed unit, the placeholder of an empty input,
	// whether an empty input leaves the key out (its default applies),
	// and the key whose input this one is shown under ("" when it has its
	// own place in a group, Group).
	Label       string
	Help        string
	FormUnit    string
	Step        string
	Placeholder string
	Optional    bool
	Under       string

	value   accessor                             // reads and writes the key's field
	allowed func() string                        // what a key with its own check accepts
	check   func(s Scenario, e *ValidationError) // its own check (nil: the range or the choices)
}

// Choice is one accepted value of a word key and the form's label for it.
type Choice struct{ Value, Label string }

// Type is how a key's value is written in the query.
type Type int

const (
	Integer  Type = iota // a whole number
	Decimal              // a decimal number, rounded to its unit's precision
	Word                 // a word (case-insensitive; canonical in lower case, a state code in upper case)
	WordList             // comma-separated words
	Unsigned             // a whole number from 0 to 2^64 − 1
)

func (t Type) String() string {
	return [...]string{"integer", "decimal", "word", "list", "unsigned"}[t]
}

// Unit is what a key's number means.
type Unit int

const (
	NoUnit       Unit = iota // a word, a list or a bare number (seed)
	Dollars                  // dollars, in whole cents
	Fraction                 // a rate or a share, 0.07 = 7%, in hundredths of a basis point; the form shows percent
	Years                    // a number of years
	CalendarYear             // a calendar year
	Count                    // a number of things (stocks, paths)
)

func (u Unit) String() string {
	return [...]string{"", "dollars", "fraction", "years", "year", "count"}[u]
}

// Type returns how the key's value is written.
func (k Key) Type() Type { return k.value.typ() }

// Advanced reports whether the form shows the key outside its short form.
func (k Key) Advanced() bool { return k.Group().Advanced }

// Default returns the text of the key's default value (Get of
// DefaultScenario); "" for a key that is unset by default.
func (k Key) Default() string {
	if _, unset := k.value.(flaggedField); unset {
		return ""
	}
	s := DefaultScenario()
	return k.value.get(&s)
}

// Get returns the text of the key's value in s, as Encode writes it.
func (k Key) Get(s Scenario) string { return k.value.get(&s) }

// Set parses text (already unescaped) into the key's field of s, as
// Decode does: rounded to the unit's precision, words in canonical case.
// It returns an error describing a value that does not parse; ranges are
// Validate's.
func (k Key) Set(s *Scenario, text string) error {
	if msg := k.value.set(s, text, k.precision()); msg != "" {
		return &ValidationError{Problems: []Problem{{Key: k.Name, Message: msg}}}
	}
	return nil
}

// Written reports whether Encode writes the key for s: always for the
// keys of the first release, only when set or not at the default for
// those added later.
func (k Key) Written(s Scenario) bool { return k.value.written(&s) }

// Allowed describes the values the key accepts, for people: its range,
// its choices or its own rule.
func (k Key) Allowed() string {
	switch {
	case k.allowed != nil:
		return k.allowed()
	case k.Choices != nil:
		v := make([]string, len(k.Choices))
		for i, c := range k.Choices {
			v[i] = c.Value
		}
		return strings.Join(v, ", ")
	case k.Bounded:
		return formatFloat(k.Min) + " to " + formatFloat(k.Max)
	}
	return ""
}

// DisplayUnit is the unit the form shows with the input: "$" for dollars,
// "years" for a horizon, otherwise FormUnit ("% a year", "stocks").
func (k Key) DisplayUnit() string {
	switch {
	case k.FormUnit != "":
		return k.FormUnit
	case k.Unit == Dollars:
		return "$"
	case k.Unit == Years:
		return "years"
	}
	return ""
}

// Percent reports whether the form shows the key in percent (the query
// holds a fraction: 0.07 is typed 7).
func (k Key) Percent() bool { return k.Unit == Fraction }

// DisplayRange returns Min and Max as the form shows them, in percent for
// a fraction (shifted in decimal, so 0.05 is "5", not
// 5.000000000000001), or "" when the key is not bounded (an unsigned key,
// the seed, is bounded below by 0).
func (k Key) DisplayRange() (lo, hi string) {
	if !k.Bounded {
		if k.Type() == Unsigned {
			return "0", ""
		}
		return "", ""
	}
	if k.Percent() {
		return percentText(k.Min), percentText(k.Max)
	}
	return formatFloat(k.Min), formatFloat(k.Max)
}

// precision is the key's number of steps in one unit (see centsPerDollar).
func (k *Key) precision() float64 {
	if k.Unit == Dollars {
		return centsPerDollar
	}
	return ratePerUnit
}

// percentText writes f × 100 exactly, moving the decimal point of f's
// shortest text two places right.
func percentText(f float64) string {
	digits, frac, _ := strings.Cut(formatFloat(math.Abs(f)), ".")
	frac += "00"
	digits, frac = strings.TrimLeft(digits+frac[:2], "0"), strings.TrimRight(frac[2:], "0")
	if digits == "" {
		digits = "0"
	}
	if frac != "" {
		digits += "." + frac
	}
	if f < 0 {
		digits = "-" + digits
	}
	return digits
}

// accessor reads, writes and checks one key's field of a Scenario.
type accessor interface {
	typ() Type
	get(s *Scenario) string
	// set parses text into the field, rounding a number to per steps a
	// unit, and returns a problem message or "".
	set(s *Scenario, text string, per float64) string
	reset(s *Scenario) // to the default
	isDefault(s *Scenario) bool
	written(s *Scenario) bool // Encode writes the key
	// check records a problem when the value is outside k's range or
	// choices.
	check(k *Key, s *Scenario, e *ValidationError)
}

// intField is a whole-number key.
type intField struct {
	at  func(*Scenario) *int
	def int
}

func whole(at func(*Scenario) *int, def int) intField { return intField{at, def} }

func (f intField) typ() Type                  { return Integer }
func (f intField) get(s *Scenario) string     { return strconv.Itoa(*f.at(s)) }
func (f intField) reset(s *Scenario)          { *f.at(s) = f.def }
func (f intField) isDefault(s *Scenario) bool { return *f.at(s) == f.def }
func (f intField) written(*Scenario) bool     { return true }
func (f intField) set(s *Scenario, v string, _ float64) string {
	n, err := strconv.Atoi(v)
	if err != nil {
		return "not a whole number: " + strconv.Quote(v)
	}
	*f.at(s) = n
	return ""
}
func (f intField) check(k *Key, s *Scenario, e *ValidationError) {
	if k.Bounded {
		rangeI(e, k.Name, *f.at(s), int(k.Min), int(k.Max))
	}
}

// floatField is a decimal key (dollars or a fraction).
type floatField struct {
	at  func(*Scenario) *float64
	def float64
}

func number(at func(*Scenario) *float64, def float64) floatField { return floatField{at, def} }

func (f floatField) typ() Type                  { return Decimal }
func (f floatField) get(s *Scenario) string     { return formatFloat(*f.at(s)) }
func (f floatField) reset(s *Scenario)          { *f.at(s) = f.def }
func (f floatField) isDefault(s *Scenario) bool { return *f.at(s) == f.def }
func (f floatField) written(*Scenario) bool     { return true }
func (f floatField) set(s *Scenario, v string, per float64) string {
	return parseNumber(v, per, f.at(s))
}
func (f floatField) check(k *Key, s *Scenario, e *ValidationError) {
	if k.Bounded {
		rangeF(e, k.Name, *f.at(s), k.Min, k.Max, k.precision())
	}
}

// wordField is a word key, canonical in lower case.
type wordField struct {
	at  func(*Scenario) *string
	def string
}

func word(at func(*Scenario) *string, def string) wordField { return wordField{at, def} }

func (f wordField) typ() Type                  { return Word }
func (f wordField) get(s *Scenario) string     { return *f.at(s) }
func (f wordField) reset(s *Scenario)          { *f.at(s) = f.def }
func (f wordField) isDefault(s *Scenario) bool { return *f.at(s) == f.def }
func (f wordField) written(*Scenario) bool     { return true }
func (f wordField) set(s *Scenario, v string, _ float64) string {
	*f.at(s) = strings.ToLower(v)
	return ""
}
func (f wordField) check(k *Key, s *Scenario, e *ValidationError) {
	if k.Choices != nil {
		oneOf(e, k.Name, *f.at(s), k.Choices)
	}
}

// stateField is the "state" key: a code in upper case, or "none".
type stateField struct{ wordField }

func stateCode(at func(*Scenario) *string, def string) stateField {
	return stateField{wordField{at, def}}
}

func (f stateField) set(s *Scenario, v string, _ float64) string {
	if strings.EqualFold(v, "none") {
		*f.at(s) = "none"
	} else {
		*f.at(s) = strings.ToUpper(v)
	}
	return ""
}

// maxSeed is the largest seed, 2^64 − 1.
var maxSeed = strconv.FormatUint(math.MaxUint64, 10)

// seedField is the "seed" key.
type seedField struct {
	at  func(*Scenario) *uint64
	def uint64
}

func seed(at func(*Scenario) *uint64, def uint64) seedField { return seedField{at, def} }

func (f seedField) typ() Type                               { return Unsigned }
func (f seedField) get(s *Scenario) string                  { return strconv.FormatUint(*f.at(s), 10) }
func (f seedField) reset(s *Scenario)                       { *f.at(s) = f.def }
func (f seedField) isDefault(s *Scenario) bool              { return *f.at(s) == f.def }
func (f seedField) written(*Scenario) bool                  { return true }
func (f seedField) check(*Key, *Scenario, *ValidationError) {}
func (f seedField) set(s *Scenario, v string, _ float64) string {
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return "not a whole number between 0 and " + maxSeed + ": " + strconv.Quote(v)
	}
	*f.at(s) = n
	return ""
}

// listField is the "exclude" key: comma-separated words, written only
// when there are any.
type listField struct {
	at func(*Scenario) *[]string
}

func sectorList(at func(*Scenario) *[]string) listField { return listField{at} }

func (f listField) typ() Type                               { return WordList }
func (f listField) get(s *Scenario) string                  { return strings.Join(*f.at(s), ",") }
func (f listField) reset(s *Scenario)                       { *f.at(s) = nil }
func (f listField) isDefault(s *Scenario) bool              { return len(*f.at(s)) == 0 }
func (f listField) written(s *Scenario) bool                { return !f.isDefault(s) }
func (f listField) check(*Key, *Scenario, *ValidationError) {}
func (f listField) set(s *Scenario, v string, _ float64) string {
	var list []string
	for name := range strings.SplitSeq(v, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name != "" {
			list = append(list, name)
		}
	}
	*f.at(s) = list
	return ""
}

// omittedField is a key added after the first release: written only when
// it differs from its default.
type omittedField struct{ accessor }

func omitted(a accessor) omittedField { return omittedField{a} }

func (f omittedField) written(s *Scenario) bool { return !f.isDefault(s) }

// flaggedField is a number key that is either set or not (its Has flag):
// written, and checked, only when set. An empty value unsets it when
// emptyUnsets ("gainbudget": empty is no limit); otherwise the flag is
// set whatever the value and an empty one does not parse ("staterate").
type flaggedField struct {
	floatField
	flag        func(*Scenario) *bool
	emptyUnsets bool
}

func flagged(f floatField, flag func(*Scenario) *bool, emptyUnsets bool) flaggedField {
	return flaggedField{f, flag, emptyUnsets}
}

func (f flaggedField) reset(s *Scenario) {
	f.floatField.reset(s)
	*f.flag(s) = false
}
func (f flaggedField) isDefault(s *Scenario) bool { return !*f.flag(s) }
func (f flaggedField) written(s *Scenario) bool   { return *f.flag(s) }
func (f flaggedField) set(s *Scenario, v string, per float64) string {
	*f.flag(s) = !f.emptyUnsets || v != ""
	if f.emptyUnsets && v == "" {
		*f.at(s) = 0
		return ""
	}
	return f.floatField.set(s, v, per)
}
func (f flaggedField) check(k *Key, s *Scenario, e *ValidationError) {
	if *f.flag(s) {
		f.floatField.check(k, s, e)
	}
}

// presetField is a number key whose default comes from another key
// ("turnover" from the index preset): written only when it differs from
// that default.
type presetField struct {
	floatField
	def func(*Scenario) float64
}

func presetDefault(f floatField, def func(*Scenario) float64) presetField {
	return presetField{f, def}
}

func (f presetField) written(s *Scenario) bool { return *f.at(s) != f.def(s) }
