package breakeven

import (
	"math"
	"strconv"
	"strings"

	"smacalc/app/chart"
	"smacalc/app/fields"
	"smacalc/app/widget"
)

// shortEnds are the end-of-horizon choices in a word or two, for the
// map's column labels (the form's labels are sentences).
var shortEnds = map[string]string{
	"liquidate": "Sell",
	"hold":      "Keep",
	"stepup":    "Heirs",
	"donate":    "Charity",
}

// axisName is what a key is called on the map: the form's label.
func axisName(key string) string {
	if f, ok := fields.SpecFor(key); ok && f.Label != "" {
		return f.Label
	}
	return key
}

// valueText is an axis value (as the query writes it) as a person reads
// it: short for the map's tick labels, in full for the table and the
// cell's details.
func valueText(key, v string, short bool) string {
	f, ok := fields.SpecFor(key)
	if !ok {
		return v
	}
	num, err := strconv.ParseFloat(v, 64)
	switch {
	case f.Kind == fields.KindChoice:
		if short {
			if s, ok := shortEnds[v]; ok && key == "end" {
				return s
			}
			if key == "state" {
				return v
			}
		}
		for _, o := range f.Options {
			if o.Value == v {
				return o.Label
			}
		}
		return v
	case err != nil:
		return v
	case f.Kind == fields.KindMoney:
		if short {
			return chart.Money(num)
		}
		return "$" + widget.GroupThousands(strconv.FormatFloat(num, 'f', -1, 64))
	case f.Kind == fields.KindPercent:
		return strconv.FormatFloat(math.Round(num*1e6)/1e4, 'f', -1, 64) + "%"
	case f.Unit != "":
		if short && strings.HasPrefix(f.Unit, "year") {
			return v + "y"
		}
		return v + " " + f.Unit
	}
	return v
}
