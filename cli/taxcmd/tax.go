// Package taxcmd is the `smacalc tax` command: one year of federal, state
// and local tax from flags, printed as JSON. A function of its arguments
// and output streams that returns the exit status, like every smacalc
// command; package cli's Main dispatches to it.
//
// A package of its own, apart from cli's serve and build, so that its fuzz
// target (FuzzTax, the whole command line → exit status and output) builds
// without the site, net/http and go-app, which its instrumented build
// would otherwise compile a second time (issue 29).
package taxcmd

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"smacalc/calc/scenario"
	"smacalc/calc/tax"
	"smacalc/cli/jsonout"
)

const taxUsage = `usage: smacalc tax [-year YEAR] [-status STATUS] [-wages N] [-qd N]
                   [-stcg N] [-ltcg N] [-cf-st N] [-cf-lt N]
                   [-state CODE [-local nyc] | -staterate RATE]

One year of tax, printed as JSON (money as decimal strings): the federal
return (income_tax is the regular tax, amt the alternative minimum tax of
Form 6251 line 11, niit), and the state (and local) income tax attributed to
the portfolio income: the state's tax on the whole return with the
dividends, gains and carryforward minus its tax on the wages alone
(state_tax_return is the former). total = income_tax + amt + niit +
state_tax + local_tax.
`

const taxFlagsHint = "flags: -year -status -wages -qd -stcg -ltcg -cf-st -cf-lt -state -local -staterate ('smacalc tax -h' for details)"

// Run computes one year's return from flags (args: what follows `smacalc
// tax`) and prints it as indented JSON. Bad input prints a message naming
// the flag and the accepted values on stderr, nothing on stdout, and
// returns 2.
func Run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("smacalc tax", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // errors get a one-line hint below; -h the full text

	year := &yearFlag{year: 2026}
	status := &statusFlag{status: tax.Single}
	state := &stateFlag{state: tax.State{Code: "none"}}
	var rate rateFlag
	local := &localFlag{code: "none"}
	wages := &amountFlag{nonNegative: true}
	qd := &amountFlag{nonNegative: true}
	stcg, ltcg := &amountFlag{}, &amountFlag{}
	cfST := &amountFlag{nonNegative: true}
	cfLT := &amountFlag{nonNegative: true}

	fs.Var(year, "year", "tax year: "+taxYearList())
	fs.Var(status, "status", "filing status: "+strings.Join(tax.StatusCodes(), ", "))
	fs.Var(wages, "wages", "wages and other ordinary income, dollars")
	fs.Var(qd, "qd", "qualified dividends, dollars")
	fs.Var(stcg, "stcg", "net short-term capital gain, dollars (negative for a loss)")
	fs.Var(ltcg, "ltcg", "net long-term capital gain incl. capital-gain distributions, dollars (negative for a loss)")
	fs.Var(cfST, "cf-st", "short-term capital loss carried in, dollars")
	fs.Var(cfLT, "cf-lt", "long-term capital loss carried in, dollars")
	fs.Var(state, "state", "state (two-letter code, DC) or none: "+strings.Join(tax.StateCodes(), ", "))
	fs.Var(local, "local", "local income tax: "+strings.Join(tax.LocalCodes(), ", ")+" (nyc needs -state NY)")
	fs.Var(&rate, "staterate", "flat state rate as a fraction, e.g. 0.05 (overrides -state)")

	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, taxUsage, "\nflags:\n")
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return 0
		}
		fmt.Fprintln(stderr, taxFlagsHint)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "smacalc tax: unexpected argument %q: every input is a flag\n%s\n", fs.Arg(0), taxFlagsHint)
		return 2
	}

	t, err := tax.For(year.year)
	if err != nil { // cannot happen: yearFlag.Set checked it
		fmt.Fprintln(stderr, "smacalc tax: -year:", err)
		return 2
	}
	st := state.state
	if rate.set {
		st = tax.FlatState(rate.rate)
	} else {
		var err error
		if st, err = st.WithLocal(local.code); err != nil {
			fmt.Fprintf(stderr, "smacalc tax: -local: %v\n%s\n", err, taxFlagsHint)
			return 2
		}
	}
	r := tax.Compute(t, status.status, st,
		tax.Income{Wages: wages.value, QualifiedDividends: qd.value, ShortTermGain: stcg.value, LongTermGain: ltcg.value},
		tax.Carryforward{ShortTerm: cfST.value, LongTerm: cfLT.value})
	// The return of the wages alone, for the state tax attributed to the
	// portfolio income (as the simulation attributes it).
	w := tax.Compute(t, status.status, st, tax.Income{Wages: wages.value}, tax.Carryforward{})
	stateTax, localTax := r.StateTax.Sub(w.StateTax), r.LocalTax.Sub(w.LocalTax)
	total := r.IncomeTax.Add(r.AMT).Add(r.NIIT).Add(stateTax).Add(localTax)

	out := taxOutput{
		Year:                 t.Year,
		Status:               status.status.String(),
		State:                st.Code,
		Local:                localCode(st),
		TaxableIncome:        r.TaxableIncome.StringFixed(2),
		IncomeTax:            r.IncomeTax.StringFixed(2),
		AMT:                  r.AMT.StringFixed(2),
		NIIT:                 r.NIIT.StringFixed(2),
		StateTax:             stateTax.StringFixed(2),
		LocalTax:             localTax.StringFixed(2),
		StateTaxReturn:       r.StateTax.Add(r.LocalTax).StringFixed(2),
		Total:                total.StringFixed(2),
		STCarryforward:       r.Carryforward.ShortTerm.StringFixed(2),
		LTCarryforward:       r.Carryforward.LongTerm.StringFixed(2),
		MarginalOrdinaryRate: r.MarginalOrdinaryRate,
		MarginalLTCGRate:     r.MarginalLTCGRate,
	}
	if err := jsonout.Write(stdout, out); err != nil {
		fmt.Fprintln(stderr, "smacalc tax:", err)
		return 1
	}
	return 0
}

// taxOutput is what `smacalc tax` prints: money as decimal strings with two
// decimals, rates as numbers. StateTax and LocalTax are attributed to the
// portfolio income (with it minus without it); StateTaxReturn is the state
// and local tax of the whole return.
type taxOutput struct {
	Year                 int     `json:"year"`
	Status               string  `json:"status"`
	State                string  `json:"state"`
	Local                string  `json:"local"`
	TaxableIncome        string  `json:"taxable_income"`
	IncomeTax            string  `json:"income_tax"`
	AMT                  string  `json:"amt"`
	NIIT                 string  `json:"niit"`
	StateTax             string  `json:"state_tax"`
	LocalTax             string  `json:"local_tax"`
	StateTaxReturn       string  `json:"state_tax_return"`
	Total                string  `json:"total"`
	STCarryforward       string  `json:"st_carryforward"`
	LTCarryforward       string  `json:"lt_carryforward"`
	MarginalOrdinaryRate float64 `json:"marginal_ordinary_rate"`
	MarginalLTCGRate     float64 `json:"marginal_ltcg_rate"`
}

func taxYearList() string {
	var years []string
	for _, y := range tax.Years() {
		years = append(years, strconv.Itoa(y))
	}
	return strings.Join(years, ", ")
}

// The flag values check their input as it is parsed, so the flag package's
// message names the flag: `invalid value "x" for flag -wages: ...`.

type yearFlag struct{ year int }

func (f *yearFlag) String() string {
	if f == nil {
		return ""
	}
	return strconv.Itoa(f.year)
}

func (f *yearFlag) Set(s string) error {
	y, err := strconv.Atoi(s)
	if err == nil {
		if _, err = tax.For(y); err == nil {
			f.year = y
			return nil
		}
	}
	return fmt.Errorf("unknown tax year: accepted %s", taxYearList())
}

type statusFlag struct{ status tax.Status }

func (f *statusFlag) String() string {
	if f == nil {
		return ""
	}
	return f.status.String()
}

func (f *statusFlag) Set(s string) error {
	st, err := tax.ParseStatus(s)
	if err != nil {
		return fmt.Errorf("unknown filing status: accepted %s", strings.Join(tax.StatusCodes(), ", "))
	}
	f.status = st
	return nil
}

type stateFlag struct{ state tax.State }

func (f *stateFlag) String() string {
	if f == nil {
		return ""
	}
	return f.state.Code
}

func (f *stateFlag) Set(s string) error {
	st, err := tax.StatePreset(s)
	if err != nil {
		return fmt.Errorf("unknown state: accepted %s, or -staterate for a flat rate", strings.Join(tax.StateCodes(), ", "))
	}
	f.state = st
	return nil
}

// localCode is the local tax a State applies ("none" for a flat rate, which
// replaces the state's and any local tax).
func localCode(st tax.State) string {
	if st.Local == "" {
		return "none"
	}
	return st.Local
}

type localFlag struct{ code string }

func (f *localFlag) String() string {
	if f == nil {
		return ""
	}
	return f.code
}

func (f *localFlag) Set(s string) error {
	c := strings.ToLower(s)
	for _, ok := range tax.LocalCodes() {
		if c == ok {
			f.code = c
			return nil
		}
	}
	return fmt.Errorf("unknown local tax: accepted %s", strings.Join(tax.LocalCodes(), ", "))
}

// rateSyntax is a plain fraction between 0 and 1 with at most 6 decimals
// (rates are exact to the millionth).
var rateSyntax = regexp.MustCompile(`^(0(\.[0-9]{1,6})?|\.[0-9]{1,6}|1(\.0{1,6})?)$`)

type rateFlag struct {
	rate float64
	set  bool
}

func (f *rateFlag) String() string {
	if f == nil || !f.set {
		return ""
	}
	return strconv.FormatFloat(f.rate, 'f', -1, 64)
}

func (f *rateFlag) Set(s string) error {
	if !rateSyntax.MatchString(s) {
		return errors.New("want a rate as a fraction from 0 to 1 with at most 6 decimals, e.g. 0.05 for 5%")
	}
	r, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return errors.New("want a rate as a fraction from 0 to 1, e.g. 0.05 for 5%")
	}
	if r > scenario.MaxStateRate { // the same cap as a scenario's staterate
		return fmt.Errorf("want a rate from 0 to %g, e.g. 0.05 for 5%%", scenario.MaxStateRate)
	}
	f.rate, f.set = r, true
	return nil
}

// amountSyntax is a plain amount of dollars: up to 13 digits, at most 2
// decimals, no exponent (which would let "1e999999999" through to the
// decimal arithmetic), no thousands separators.
var amountSyntax = regexp.MustCompile(`^-?[0-9]{1,13}(\.[0-9]{1,2})?$`)

type amountFlag struct {
	value       decimal.Decimal
	nonNegative bool
}

func (f *amountFlag) String() string {
	if f == nil {
		return ""
	}
	return f.value.String()
}

func (f *amountFlag) Set(s string) error {
	want := "want an amount in dollars with at most 2 decimals, negative for a loss, e.g. 20000 or -1500.50"
	if f.nonNegative {
		want = "want a non-negative amount in dollars with at most 2 decimals, e.g. 60000 or 1500.50"
	}
	if !amountSyntax.MatchString(s) {
		return errors.New(want)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return errors.New(want)
	}
	if f.nonNegative && d.Sign() < 0 {
		return errors.New("must not be negative: " + want)
	}
	f.value = d
	return nil
}
