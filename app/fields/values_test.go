package fields

import (
	"strings"
	"testing"

	"smacalc/calc/scenario"
)

func TestEveryKeyHasAField(t *testing.T) {
	for _, k := range scenario.Names() {
		f, ok := SpecFor(k)
		if !ok {
			t.Errorf("no field for key %q", k)
			continue
		}
		if f.Label == "" || f.Help == "" {
			t.Errorf("field %q lacks a label or help", k)
		}
		if (f.Kind == KindMoney || f.Kind == KindPercent || f.Kind == KindInt) && f.Key != "contrib" && f.Key != "seed" && (f.Min == "" || f.Max == "") {
			t.Errorf("field %q has no range", k)
		}
	}
}

func TestFormRoundTripsTheScenario(t *testing.T) {
	s := scenario.DefaultScenario()
	s.SMAFee, s.TradeCost, s.FundFee, s.Dist = 0.0035, 0.0005, 0.0003, 0.013
	s.StateRate, s.HasStateRate = 0.0725, true
	s.Contrib = -25000.5
	s.Exclude = []string{"energy", "utilities"}
	s.Basis = 0.6
	s.Ret = 0.071
	v := FromScenario(s)
	if v["amount"] != "1,000,000" || v["smafee"] != "0.35" || v["ret"] != "7.1" || v["basis"] != "60" || v["staterate"] != "7.25" || v["contrib"] != "-25,000.5" {
		t.Errorf("form values: %v", v)
	}
	got, problems := ToScenario(v)
	query := got.Query
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if query != s.Encode() || got.Encode() != s.Encode() {
		t.Errorf("query\n got %s\nwant %s", query, s.Encode())
	}
}

func TestFormTypedValues(t *testing.T) {
	v := FromScenario(scenario.DefaultScenario())
	v = v.With("amount", "$2,500,000").With("smafee", "0.2%").With("ret", " 6 ").With("contrib", "−10,000")
	s, problems := ToScenario(v)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if s.Amount != 2500000 || s.SMAFee != 0.002 || s.Ret != 0.06 || s.Contrib != -10000 {
		t.Errorf("scenario: %+v", s)
	}
}

func TestFormProblems(t *testing.T) {
	base := FromScenario(scenario.DefaultScenario())
	for _, c := range []struct{ key, text, want string }{
		{"amount", "abc", "Enter a number."},
		{"amount", "", "Enter a value."},
		{"amount", "10", "Enter a value from $1,000 to $10,000,000,000."},
		{"horizon", "7.5", "Enter a whole number."},
		{"horizon", "80", "Enter a value from 1 to 50 years."},
		{"staterate", "30", "Enter a value from 0 to 20 %."},
		{"exclude", "energy,narnia", "Unknown sector"},
	} {
		got, problems := ToScenario(base.With(c.key, c.text))
		query := got.Query
		if query != "" {
			t.Errorf("%s=%q: got a query", c.key, c.text)
		}
		if !strings.Contains(problems[c.key], c.want) {
			t.Errorf("%s=%q: problem %q, want %q", c.key, c.text, problems[c.key], c.want)
		}
	}
	// An empty optional field leaves the key out.
	s, problems := ToScenario(base.With("staterate", ""))
	if len(problems) > 0 || s.HasStateRate {
		t.Errorf("empty staterate: %v %+v", problems, s)
	}
}

func TestRecoverQuery(t *testing.T) {
	for _, tc := range []struct {
		query   string
		horizon int
		amount  float64
		notes   []string // parts of the notes, in order
	}{
		{"amount=abc&horizon=12", 12, 1000000, []string{"“Amount to invest” (amount)", "$1,000,000"}},
		{"amount=5&colour=red&horizon=20", 20, 1000000, []string{"“Amount to invest”", "“colour” is not a setting"}},
		{"horizon=8&horizon=9", 10, 1000000, []string{"(horizon)", "given more than once"}},
		{"amount=250000&horizon=7", 7, 250000, nil},
		{"amount%ZZ=1&horizon=3", 3, 1000000, []string{"not a setting"}},
		{strings.Repeat("x", scenario.MaxQueryLength+1), 10, 1000000, []string{"could not be read"}},
	} {
		s, notes := Recover(tc.query, Start(""))
		if s.Horizon != tc.horizon || s.Amount != tc.amount {
			t.Errorf("%.40s: horizon %d amount %v, want %d %v", tc.query, s.Horizon, s.Amount, tc.horizon, tc.amount)
		}
		if err := s.Validate(); err != nil {
			t.Errorf("%.40s: recovered scenario invalid: %v", tc.query, err)
		}
		if (len(tc.notes) == 0) != (len(notes) == 0) {
			t.Errorf("%.40s: notes %q", tc.query, notes)
		}
		all := strings.Join(notes, " | ")
		for _, part := range tc.notes {
			if !strings.Contains(all, part) {
				t.Errorf("%.40s: notes %q lack %q", tc.query, all, part)
			}
		}
	}
}

// A link over the limit says it is too long (issue 16, finding 7), not
// that "“”" is not a setting.
func TestRecoverQueryTooLong(t *testing.T) {
	_, notes := Recover("wages="+strings.Repeat("1", scenario.MaxQueryLength), Start(""))
	if len(notes) != 1 || !strings.Contains(notes[0], "(too long: ") || strings.Contains(notes[0], "not a setting") {
		t.Errorf("a long link: %q", notes)
	}
}

func TestGroupTyped(t *testing.T) {
	for _, tc := range []struct{ key, text, want string }{
		{"amount", "250000", "250,000"},
		{"amount", "$1250000.5", "1,250,000.5"},
		{"amount", "250,000", "250,000"},
		{"amount", "25o000", "25o000"}, // not a number: kept as typed for its message
		{"amount", "1e6", "1e6"},
		{"amount", "", ""},
		{"horizon", "2000", "2000"}, // not money
		{"wages", "400000", "400,000"},
	} {
		if got := GroupTyped(tc.key, tc.text); got != tc.want {
			t.Errorf("GroupTyped(%q, %q) = %q, want %q", tc.key, tc.text, got, tc.want)
		}
	}
}
