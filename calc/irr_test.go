package calc

import (
	"math"
	"testing"
)

func TestMoneyWeightedReturn(t *testing.T) {
	r := moneyWeightedReturn(100, []float64{0, 0}, 121)
	if math.Abs(r-0.1) > 1e-9 {
		t.Fatalf("r = %v", r)
	}
	// 100 now, 100 in a year, 231 after two years at 10%.
	r = moneyWeightedReturn(100, []float64{0, 100}, 231)
	if math.Abs(r-0.1) > 1e-9 {
		t.Fatalf("r = %v", r)
	}
}
