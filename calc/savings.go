package calc

// The papers' accounting of the tax saved (key "savings").
//
// In a real account the tax the SMA saves is money the investor keeps: calc's
// default ("reinvest") leaves it in the SMA, where it buys new lots (which
// can be harvested in turn). AQR (Sosner, Gromis & Krasner 2022, J. Beta
// Investment Strategies 13(2)) and Vanguard (Khang, Cummings & Paradise 2022,
// same issue) measure the benefit without reinvesting it: the saving is
// taken out of the account. With "withdraw", at the start of each year the
// SMA pays out the tax it saved in the year before — the fund's portfolio
// tax minus the SMA's, when positive — by selling (highest-basis lots
// first, as every sale). The payout counts as a withdrawal in the SMA's
// money-weighted return (the investor receives it), so the tax alpha still
// counts the saving once; the SMA's after-tax wealth at the horizon does not
// include it.

// savingsPayout is the cash the SMA pays out at the start of year y+1 for
// the tax it saved in year y under the scenario's "savings" mode: smaTax
// and fundTax are the taxes due for year y (negative: a refund of losses
// used against other income).
func savingsPayout(mode string, smaTax, fundTax float64) float64 {
	if mode != "withdraw" {
		return 0
	}
	return max(fundTax-smaTax, 0)
}
