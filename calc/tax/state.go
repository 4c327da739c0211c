package tax

import (
	"fmt"
	"slices"
	"strings"
)

// State selects the state income tax of a return: a jurisdiction's law
// (Code "AL" … "WY", "DC"), optionally with a local tax (Local "nyc"),
// no state tax (Code "none"), or a flat rate typed by the user (Code
// "flat", see FlatState). The law for the return's year is looked up when
// the return is computed (StateLawFor).
type State struct {
	// Code is the two-letter code, "none", or "flat".
	Code string
	// Local is a local income tax computed on the state's taxable income:
	// "" (none) or "nyc" (New York City, with Code "NY").
	Local string
	// Ordinary, ShortTerm and LongTerm are the rates of a flat State
	// (Code "flat"): Ordinary applies to dividends, ShortTerm and LongTerm
	// to the net gains left after federal netting. Fractions: 0.05 = 5%.
	Ordinary, ShortTerm, LongTerm float64
}

// stateNames are the jurisdictions with a law, by code.
var stateNames = map[string]string{
	"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
	"CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
	"FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
	"IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
	"ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
	"MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
	"NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
	"NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
	"PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
	"TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
	"WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}

// StateCodes lists the accepted state codes: the 50 states and DC in
// alphabetical order of code, then "none".
func StateCodes() []string {
	codes := make([]string, 0, len(stateNames)+1)
	for c := range stateNames {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return append(codes, "none")
}

// StateName is the jurisdiction's name ("" for an unknown code).
func StateName(code string) string { return stateNames[strings.ToUpper(code)] }

// StatePreset returns the State of a code (case-insensitive): one of
// StateCodes.
func StatePreset(code string) (State, error) {
	c := strings.ToUpper(code)
	if c == "NONE" {
		return State{Code: "none"}, nil
	}
	if _, ok := stateNames[c]; ok {
		return State{Code: c}, nil
	}
	return State{}, fmt.Errorf("unknown state %q: accepted %s", code, strings.Join(StateCodes(), ", "))
}

// LocalCodes lists the accepted local taxes: "none" and "nyc".
func LocalCodes() []string { return []string{"none", "nyc"} }

// WithLocal returns s with a local income tax: "nyc" (only with NY) or
// "none" / "" for none.
func (s State) WithLocal(local string) (State, error) {
	switch strings.ToLower(local) {
	case "", "none":
		s.Local = ""
		return s, nil
	case "nyc":
		if s.Code != "NY" {
			return s, fmt.Errorf("local tax nyc needs state NY, not %s", s.Code)
		}
		s.Local = "nyc"
		return s, nil
	}
	return s, fmt.Errorf("unknown local tax %q: accepted %s", local, strings.Join(LocalCodes(), ", "))
}

// FlatState taxes dividends and all gains at one rate (a fraction, e.g.
// 0.05), never wages. Rates are used to the nearest millionth and clamped
// to [0, 1].
func FlatState(rate float64) State {
	return State{Code: "flat", Ordinary: rate, ShortTerm: rate, LongTerm: rate}
}

// rates returns a flat State's rates as exact Rates (ordinary, short,
// long).
func (s State) rates() (Rate, Rate, Rate) {
	return RateOf(s.Ordinary), RateOf(s.ShortTerm), RateOf(s.LongTerm)
}

// StateLawFor returns a jurisdiction's law for a tax year (a fresh copy).
func StateLawFor(code string, year int) (*StateLaw, error) {
	st, err := StatePreset(code)
	if err != nil {
		return nil, err
	}
	sl := st.law(year)
	if sl == nil {
		return nil, fmt.Errorf("no state law for %s", code)
	}
	return sl, nil
}

// law is the State's law for a year, or nil (no state tax, a flat rate).
// A year outside the data uses the nearest year there is.
func (s State) law(year int) *StateLaw {
	if _, ok := stateNames[s.Code]; !ok {
		return nil
	}
	return nearestYear(stateLaws(s.Code), year)
}

// localLaw is the local tax's law for a year, or nil.
func (s State) localLaw(year int) *StateLaw {
	if s.Local == "nyc" && s.Code == "NY" {
		return nearestYear(newYorkCity(), year)
	}
	return nil
}

func nearestYear(laws []StateLaw, year int) *StateLaw {
	if len(laws) == 0 {
		return nil
	}
	best := 0
	for i, l := range laws {
		if l.Year <= year {
			best = i
		}
	}
	return &laws[best]
}
