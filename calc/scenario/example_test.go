package scenario_test

import (
	"errors"
	"fmt"

	"smacalc/calc/scenario"
)

func ExampleScenario_Encode() {
	s := scenario.DefaultScenario()
	s.Amount, s.Horizon = 500000, 20
	s.Exclude = []string{"energy"}
	fmt.Println(s.Encode())
	// Output:
	// year=2026&status=mfj&wages=400000&stgains=50000&ltgains=0&state=CA&amount=500000&basis=1&contrib=0&horizon=20&ret=0.07&vol=0.16&idio=0.22&div=0.015&stocks=500&harvest=monthly&threshold=0.05&smafee=0.0035&tradecost=0.0005&fund=etf&fundfee=0.0003&dist=0&end=liquidate&exclude=energy&paths=200&seed=1
}

func ExampleScenario_Validate() {
	s := scenario.DefaultScenario()
	s.Basis = 2.5       // more than twice the value
	s.Ret = 0.0700001   // finer than a hundredth of a basis point
	s.Harvest = "daily" // not offered
	err := s.Validate()
	var ve *scenario.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("%s: %s\n", p.Key, p.Message)
		}
	}
	// Output:
	// basis: must be between 0 and 2
	// ret: must be given in hundredths of a basis point (6 decimals): 0.07
	// harvest: "daily" is not one of weekly, monthly, quarterly, annual, none
}

func ExampleLookup() {
	k, _ := scenario.Lookup("basis")
	lo, hi := k.DisplayRange()
	fmt.Println(k.Type(), k.Unit, k.Min, k.Max, k.Default())
	fmt.Printf("%s: %s–%s %s (%s)\n", k.Label, lo, hi, k.DisplayUnit(), k.Group().Legend)
	// Output:
	// decimal fraction 0 2 1
	// Cost basis of what you invest: 0–200 % of amount (Your money)
}
