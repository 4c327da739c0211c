package chart_test

import (
	"fmt"
	"strings"

	"smacalc/app/chart"
)

func ExampleMoney() {
	for _, v := range []float64{0, 999, 12345, -12000, 850000, 1234567, 2.5e9} {
		fmt.Println(chart.Money(v))
	}
	// Output:
	// $0
	// $999
	// $12.3K
	// −$12K
	// $850K
	// $1.23M
	// $2.5B
}

func ExamplePercent() {
	fmt.Println(chart.Percent(0.07), chart.Percent(0.0082), chart.Percent(-0.005))
	// Output: 7% 0.82% −0.5%
}

func ExampleBasisPoints() {
	fmt.Println(chart.BasisPoints(155), chart.BasisPoints(8.25), chart.BasisPoints(-12))
	// Output: 155 bp 8.3 bp −12 bp
}

func ExampleLines() {
	svg := chart.Lines(chart.LineChart{
		Title:  "After-tax wealth",
		XLabel: "Year",
		Series: []chart.Series{
			{Name: "SMA", Median: []float64{1e6, 1.07e6, 1.15e6}, Low: []float64{1e6, 0.9e6, 0.85e6}, High: []float64{1e6, 1.25e6, 1.5e6}},
			{Name: "ETF", Median: []float64{1e6, 1.06e6, 1.13e6}},
		},
	})
	fmt.Println(strings.HasPrefix(svg, "<svg"), strings.Contains(svg, `role="img"`))
	// Output: true true
}
