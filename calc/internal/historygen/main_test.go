package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestGeneratedTableIsCurrent fails when calc/history.go differs from what
// the committed CSV generates: run `go generate ./calc/`.
func TestGeneratedTableIsCurrent(t *testing.T) {
	const in = "testdata/history/shiller_monthly.csv"
	f, err := os.Open("../../" + in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, wantYears, err := generate(f, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../history.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("calc/history.go is not what the CSV generates; run: go generate ./calc/")
	}
	gotYears, err := os.ReadFile("../../scenario/history_years.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gotYears, wantYears) {
		t.Error("calc/scenario/history_years.go is not what the CSV generates; run: go generate ./calc/")
	}
}

func TestParseRejects(t *testing.T) {
	const prov = "# source\nmonth,price,dividend\n"
	year := func(y string, from int) string {
		var b strings.Builder
		for m := from; m <= 12; m++ {
			fmt.Fprintf(&b, "%s-%02d,10,0.5\n", y, m)
		}
		return b.String()
	}
	good := prov + "1999-12,10,0.5\n" + year("2000", 1) + year("2001", 1)
	if _, _, err := parse(strings.NewReader(good)); err != nil {
		t.Fatalf("parse(good) = %v", err)
	}
	for _, tc := range []struct {
		name, csv, want string
	}{
		{"no source", strings.TrimPrefix(good, "# source\n"), "source"},
		{"bad header", strings.Replace(good, "month,price,dividend", "date,p,d", 1), "header"},
		{"gap", strings.Replace(good, "2000-06,10,0.5\n", "", 1), "no gaps"},
		{"repeat", strings.Replace(good, "2000-06,10,0.5\n", "2000-06,10,0.5\n2000-06,10,0.5\n", 1), "no gaps"},
		{"zero price", strings.Replace(good, "2000-03,10,", "2000-03,0,", 1), "positive"},
		{"not a number", strings.Replace(good, "2000-03,10,0.5", "2000-03,10,x", 1), "positive"},
		{"bad month", strings.Replace(good, "2000-03,", "2000-3,", 1), "YYYY-MM"},
		{"ends mid-year", strings.TrimSuffix(good, "2001-12,10,0.5\n"), "December to December"},
		{"starts mid-year", prov + "1999-11,10,0.5\n1999-12,10,0.5\n" + year("2000", 1) + year("2001", 1), "December to December"},
		{"too short", prov + "1999-12,10,0.5\n", "at least"},
	} {
		if _, _, err := parse(strings.NewReader(tc.csv)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: parse error = %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}
