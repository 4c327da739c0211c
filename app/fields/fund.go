package fields

// The fund key's values in words. The fund is "etf" or "mf" (the fund
// field's options).

// FundShort names the fund inside a sentence: "ETF", "mutual fund".
func FundShort(fund string) string {
	if fund == "mf" {
		return "mutual fund"
	}
	return "ETF"
}

// FundLabel names the fund at the start of a line: "ETF", "Mutual fund".
func FundLabel(fund string) string {
	if fund == "mf" {
		return "Mutual fund"
	}
	return "ETF"
}

// FundName is how the text names the fund of a scenario: "the ETF", "the
// mutual fund".
func FundName(fund string) string { return "the " + FundShort(fund) }
