package tax

import (
	"testing"

	"github.com/shopspring/decimal"
)

// itemizedCase is a return with gifts, computed by hand from the rules
// cited with each case (itemized.go).
type itemizedCase struct {
	name                   string
	year                   int
	status                 Status
	wages                  string
	property, cash, other  string
	carryIn                [GiftCarryYears]string
	itemizing              bool
	deduction, charitable  string // Form 1040 lines 12+13; gifts deducted
	floor, reduction, nonI string // 0.5% floor, §68 reduction, §170(p)
	carryOut               [GiftCarryYears]string
	amti                   string // Form 6251 line 4, when checked
}

var itemizedCases = []itemizedCase{
	// §170(b)(1)(C)(i): 30% of the 100,000 contribution base (the AGI,
	// §170(b)(1)(H)) is 30,000; the other 10,000 of the 40,000 gift of
	// shares is carried over (§170(d)(1)(A)). Itemized 30,000 + 10,000 =
	// 40,000 > 15,750 standard (2025): itemizing.
	{name: "30% limit, carryover out", year: 2025, status: Single, wages: "100000",
		property: "40000", other: "10000",
		itemizing: true, deduction: "40000", charitable: "30000",
		carryOut: [5]string{"10000"}},
	// The next year: this year's 25,000 is used first, then 5,000 of last
	// year's 10,000 (Treas. Reg. §1.170A-10(b)); 5,000 is left, a year
	// older.
	{name: "carryover used after the year's gift", year: 2025, status: Single, wages: "100000",
		property: "25000", other: "10000", carryIn: [5]string{"10000"},
		itemizing: true, deduction: "40000", charitable: "30000",
		carryOut: [5]string{"", "5000"}},
	// A five-year-old carryover is used once more and what is left
	// expires (§170(d)(1)(A)): AGI 10,000, limit 3,000, 4,000 of 7,000
	// lost. Not itemizing (3,000 < 15,750), the carryover is used all
	// the same (Treas. Reg. §1.170A-10(a)(2)).
	{name: "carryover expires after five years", year: 2025, status: Single, wages: "10000",
		carryIn:   [5]string{"", "", "", "", "7000"},
		deduction: "15750", charitable: "0"},
	// Cash 30,000 (60% limit 60,000) and shares 30,000: the shares are
	// limited to the smaller of 30% (30,000) and 50% less the cash
	// (50,000 − 30,000 = 20,000), §170(b)(1)(G)(iii); 10,000 carried.
	{name: "cash first under the 50% limit", year: 2025, status: Single, wages: "100000",
		property: "30000", cash: "30000",
		itemizing: true, deduction: "50000", charitable: "50000",
		carryOut: [5]string{"10000"}},
	// 2026, the 0.5% floor (§170(b)(1)(I)): 0.5% × 400,000 = 2,000 off
	// the 20,000 gift: 18,000 + 40,000 other = 58,000; the AGI is below
	// the 37% bracket (640,600), so §68 takes nothing. No excess: the
	// floor's 2,000 is not carried (§170(d)(1)(C)). AMTI = 400,000 −
	// 18,000 (the gifts stay deducted, the other deductions are added
	// back).
	{name: "2026 floor", year: 2026, status: Single, wages: "400000",
		property: "20000", other: "40000",
		itemizing: true, deduction: "58000", charitable: "18000", floor: "2000",
		amti: "382000"},
	// 2026, the floor with an excess: 30% × 100,000 = 30,000 of the
	// 40,000 allowed, less the 500 floor = 29,500; the excess 10,000 is
	// carried with the floor's 500 (§170(d)(1)(C)).
	{name: "2026 floor carried with an excess", year: 2026, status: Single, wages: "100000",
		property:  "40000",
		itemizing: true, deduction: "29500", charitable: "29500", floor: "500",
		carryOut: [5]string{"10500"}},
	// 2026, the 2/37 cap (§68 as amended): AGI 1,000,000; floor 5,000;
	// itemized 15,000 + 40,000 = 55,000; income above 640,600 is 359,400,
	// so the cap is 2/37 × 55,000 = 2,972.97; deduction 52,027.03. The
	// AMT does not apply §68 (§56(b)(1)(F)): AMTI = 1,000,000 − 15,000.
	{name: "2026 2/37 cap", year: 2026, status: Single, wages: "1000000",
		property: "20000", other: "40000",
		itemizing: true, deduction: "52027.03", charitable: "15000", floor: "5000", reduction: "2972.97",
		amti: "985000"},
	// 2026, not itemizing (2,500 after the floor < 32,200): cash gifts
	// deduct up to 2,000 on a joint return on top of the standard
	// deduction (§170(p)); gifts of shares do not.
	{name: "2026 non-itemizer, cash", year: 2026, status: MarriedJoint, wages: "100000",
		cash:      "3000",
		deduction: "34200", charitable: "0", nonI: "2000", amti: "98000"},
	{name: "2026 non-itemizer, shares", year: 2026, status: MarriedJoint, wages: "100000",
		property:  "3000",
		deduction: "32200", charitable: "0", amti: "100000"},
	// Before 2026 there is no §170(p) deduction and no floor.
	{name: "2025 non-itemizer, cash", year: 2025, status: MarriedJoint, wages: "100000",
		cash:      "3000",
		deduction: "31500", charitable: "0", amti: "100000"},
}

func TestItemizedDeductions(t *testing.T) {
	for _, c := range itemizedCases {
		t.Run(c.name, func(t *testing.T) {
			in := Income{Wages: dec(c.wages), PropertyGift: orZero(c.property), CashGift: orZero(c.cash), OtherItemized: orZero(c.other)}
			var cf Carryforward
			var cfF CarryforwardF
			for k, g := range c.carryIn {
				cf.Gifts[k] = orZero(g)
				cfF.Gifts[k] = orZero(g).InexactFloat64()
			}
			tb := mustTable(t, c.year)
			r := Compute(tb, c.status, State{}, in, cf)
			check := func(what string, got decimal.Decimal, want string) {
				t.Helper()
				if !got.Equal(orZero(want)) {
					t.Errorf("%s = %s, want %s", what, got.StringFixed(2), orZero(want).StringFixed(2))
				}
			}
			if r.Itemizing != c.itemizing {
				t.Errorf("itemizing = %v, want %v", r.Itemizing, c.itemizing)
			}
			check("deduction", r.Deduction, c.deduction)
			check("taxable income", r.TaxableIncome, nonNegative(dec(c.wages).Sub(dec(c.deduction))).String())
			check("charitable deduction", r.CharitableDeduction, c.charitable)
			check("floor", r.CharityFloor, c.floor)
			check("§68 reduction", r.ItemizedReduction, c.reduction)
			check("non-itemizer deduction", r.NonItemizerDeduction, c.nonI)
			for k := range c.carryOut {
				check("carryover", r.Carryforward.Gifts[k], c.carryOut[k])
			}
			if c.amti != "" {
				check("AMTI (Form 6251 line 4)", r.AMTWorksheet.Line(4), c.amti)
			}
			// The float path agrees to the cent.
			f := ComputeF(tb, c.status, State{}, IncomeF{
				Wages: in.Wages.InexactFloat64(), PropertyGift: in.PropertyGift.InexactFloat64(),
				CashGift: in.CashGift.InexactFloat64(), OtherItemized: in.OtherItemized.InexactFloat64(),
			}, cfF)
			if got, want := f.TaxableIncome, r.TaxableIncome.InexactFloat64(); got != want {
				t.Errorf("float taxable income = %v, want %v", got, want)
			}
			if got, want := f.Total, r.Total.InexactFloat64(); got != want {
				t.Errorf("float total = %v, want %v", got, want)
			}
			for k := range c.carryOut {
				if got, want := f.Carryforward.Gifts[k], r.Carryforward.Gifts[k].InexactFloat64(); got != want {
					t.Errorf("float carryover[%d] = %v, want %v", k, got, want)
				}
			}
		})
	}
}

// Without gifts or other itemized deductions nothing changes: the
// standard deduction, whatever the year.
func TestNoGiftsStandardDeduction(t *testing.T) {
	for _, y := range Years() {
		tb := mustTable(t, y)
		r := Compute(tb, MarriedJoint, State{}, Income{Wages: dec("250000")}, Carryforward{})
		if want := dollars(tb.Schedules[MarriedJoint].StandardDeduction); !r.Deduction.Equal(want) || r.Itemizing {
			t.Errorf("%d: deduction %s (itemizing %v), want the standard %s", y, r.Deduction, r.Itemizing, want)
		}
	}
}

// A state that starts from federal taxable income (Colorado) takes the
// itemized deduction when the household itemizes; one with its own
// deduction (California) does not see it (docs/STATE_TAX.md).
func TestStateFollowsFederalItemized(t *testing.T) {
	tb := mustTable(t, 2026)
	in := Income{Wages: dec("400000")}
	gifts := in
	gifts.PropertyGift, gifts.OtherItemized = dec("20000"), dec("40000")
	for _, c := range []struct {
		code    string
		follows bool
	}{{"CO", true}, {"CA", false}} {
		st, err := StatePreset(c.code)
		if err != nil {
			t.Fatal(err)
		}
		plain := Compute(tb, Single, st, in, Carryforward{})
		with := Compute(tb, Single, st, gifts, Carryforward{})
		got := plain.StateTaxableIncome.Sub(with.StateTaxableIncome)
		want := decimal.Zero
		if c.follows {
			want = with.Deduction.Sub(plain.Deduction) // 58,000 − 16,100
		}
		if !got.Equal(want) {
			t.Errorf("%s: state taxable income lower by %s with itemizing, want %s", c.code, got, want)
		}
	}
}
