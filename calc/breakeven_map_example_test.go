package calc_test

import (
	"context"
	"fmt"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

func ExampleParseMapAxis() {
	base := scenario.DefaultScenario()
	fee, _ := calc.ParseMapAxis(base, "smafee=0.001:0.004:4")
	end, _ := calc.ParseMapAxis(base, "end=liquidate,hold,stepup,donate")
	_, err := calc.ParseMapAxis(base, "wages=0:2e9:3")
	fmt.Println(fee.Values, fee.Numeric)
	fmt.Println(end.Values, end.Numeric)
	fmt.Println(err)
	// Output:
	// [0.001 0.002 0.003 0.004] true
	// [liquidate hold stepup donate] false
	// axis "wages=0:2e9:3": wages=2000000000: must be between 0 and 1000000000
}

func ExampleMapPaths() {
	// About three default results over the whole map.
	fmt.Println(calc.MapPaths(5*5), calc.MapPaths(7*7), calc.MapPaths(9*9))
	// Output: 24 12 10
}

// A page computes the cells in workers, in any order, and assembles what
// it has: here the four corners of a 3 × 2 map first.
func ExampleMapScenarios() {
	base, _ := scenario.Decode("stocks=20&horizon=2&paths=4")
	x, _ := calc.ParseMapAxis(base, "wages=100000:500000:3")
	y, _ := calc.ParseMapAxis(base, "stgains=0,100000")
	cells, _ := calc.MapScenarios(base, x, y)
	var results []calc.Result
	for _, k := range []int{5, 0, 2, 3} { // the corners, in any order
		r, _ := calc.MapCellResult(context.Background(), cells[k])
		results = append(results, r)
	}
	m, _ := calc.AssembleMap(base, x, y, results)
	fmt.Println(len(cells), "cells;", len(m.Cells), "computed; complete:", m.Complete)
	for _, c := range m.Cells {
		fmt.Println(c.X, c.Y, c.Paths)
	}
	// Output:
	// 6 cells; 4 computed; complete: false
	// 100000 0 4
	// 500000 0 4
	// 100000 100000 4
	// 500000 100000 4
}

// The map of a small scenario: six markets a cell (the same six in every
// cell), the SMA fee across, outside short-term gains up.
func ExampleBreakEven() {
	base, _ := scenario.Decode("stocks=20&horizon=3&paths=6")
	x, _ := calc.ParseMapAxis(base, "smafee=0:0.01:3")
	y, _ := calc.ParseMapAxis(base, "stgains=0,100000")
	m, _ := calc.BreakEven(context.Background(), base, x, y, nil)
	for _, c := range m.Cells {
		fmt.Printf("smafee %-5s stgains %-6s median %10s  ahead %.2f  se %s\n", c.X, c.Y, c.DifferenceP50, c.SMAAheadFraction, c.SE)
	}
	for _, p := range m.BreakEven {
		fmt.Printf("break-even at smafee %.4f, stgains %.0f\n", *p.X, *p.Y)
	}
	// Output:
	// smafee 0     stgains 0      median    9741.42  ahead 0.83  se 11701.41
	// smafee 0.005 stgains 0      median   -6705.60  ahead 0.33  se 15746.90
	// smafee 0.01  stgains 0      median  -20297.53  ahead 0.17  se 11133.73
	// smafee 0     stgains 100000 median   36154.72  ahead 0.83  se 12641.25
	// smafee 0.005 stgains 100000 median   20204.18  ahead 0.83  se 15187.21
	// smafee 0.01  stgains 100000 median    2443.29  ahead 0.50  se 17677.09
	// break-even at smafee 0.0030, stgains 0
	// break-even at smafee 0.0050, stgains 24919
	// break-even at smafee 0.0100, stgains 89256
}
