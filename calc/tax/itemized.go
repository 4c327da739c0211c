package tax

// Itemized deductions: charitable gifts (cash, and long-term appreciated
// shares at their fair market value) and the investor's other itemized
// deductions, against the standard deduction (§63(b), (d), (e)). Both
// paths compute them here, in cents.
//
// The rules, in the order they apply:
//
//   - A gift of long-term capital gain property (shares held more than a
//     year, IRC §1222(3)) to a public charity is deductible at its fair
//     market value: §170(e)(1)(A) reduces the deduction by the gain only
//     for property whose sale would not give long-term gain. (The engine
//     gives only long-term lots at a gain; short-term lots would deduct
//     at basis.)
//   - Cash gifts to public charities are limited to 60% of the
//     contribution base (§170(b)(1)(G), made permanent by Pub. L. 119-21
//     §70425(c)); capital gain property to 30% (§170(b)(1)(C)(i)), and
//     to what the 50% limit of §170(b)(1)(A) leaves after the cash
//     (§170(b)(1)(G)(iii)), as IRS Publication 526's Worksheet 2 does.
//     The contribution base is the AGI without a net operating loss
//     carryback (§170(b)(1)(H)); no NOL is modelled, so it is the AGI.
//   - What exceeds the 30% limit is carried over to the next five years
//     and treated as given then, as 30% property, after that year's own
//     gifts and oldest first (§170(d)(1)(A); Treas. Reg. §1.170A-10(b)).
//     A year in which the investor takes the standard deduction still
//     uses up the carryover it could have deducted (Treas. Reg.
//     §1.170A-10(a)(2)), so the carryover is the same either way. Cash
//     beyond 60% of AGI (giving more than 60% of income) is not carried
//     over here: the investor's yearly cash gift is taken as within it.
//   - From 2026 (Table.CharityFloor): the gifts an itemizer may deduct are
//     reduced by 0.5% of the contribution base, the 30% property first
//     and cash last (§170(b)(1)(I) as added by Pub. L. 119-21 §70425(a));
//     the amount the floor disallows is carried over only from a year
//     whose gifts exceed a percentage limit (§170(d)(1)(C)).
//   - The investor itemizes when the itemized deductions (the gifts
//     allowed plus Income.OtherItemized) exceed the standard deduction
//     (§63(e) lets them choose; the larger deduction is the lower tax).
//   - From 2026 (Table.TopBracketItemizedCap) itemized deductions are
//     reduced by 2/37 of the smaller of the deductions and the taxable
//     income before this reduction plus the deductions (that is, the AGI)
//     above where the 37% bracket begins (§68(a), (b) as amended by
//     Pub. L. 119-21 §70111); the comparison with the standard deduction
//     is made after it.
//   - From 2026 a taxpayer who does not itemize deducts up to $1,000
//     ($2,000 on a joint return) of cash gifts to public charities on top
//     of the standard deduction (§170(p), §63(b)(4), Pub. L. 119-21
//     §70424): gifts of shares do not count, and neither does a carryover.
//   - The AMT (Form 6251): the standard deduction is not allowed
//     (§56(b)(1)(E)), nor are taxes (§56(b)(1)(A)(ii)); charitable gifts
//     are, with no adjustment for appreciated property since 1993, and
//     §68 does not apply (§56(b)(1)(F)). Income.OtherItemized is taken as
//     state and local taxes (what most of those who itemize deduct
//     besides gifts) and added back. The §170(p) deduction is not the
//     standard deduction of §63(c), so it stays deducted.

// Charitable limits as shares of the contribution base (statutory, not
// indexed).
const (
	cashGiftLimit     Rate = 60 * Percent // §170(b)(1)(G)
	publicCharityCap  Rate = 50 * Percent // §170(b)(1)(A)
	propertyGiftLimit Rate = 30 * Percent // §170(b)(1)(C)(i)
)

// GiftCarryYears is how many years a charitable contribution beyond the
// limit is carried over (§170(d)(1)(A)).
const GiftCarryYears = 5

// giftCarry is a carryover of 30% property by the year it came from:
// [0] from last year, [GiftCarryYears-1] from five years ago (its last
// year of use), in cents.
type giftCarry [GiftCarryYears]int64

// none reports whether nothing is carried (written out: comparing the
// arrays calls memequal in the kernel's hot path).
func (g *giftCarry) none() bool { return g[0]|g[1]|g[2]|g[3]|g[4] == 0 }

// deductionLines are a return's deduction, in cents.
type deductionLines struct {
	standard     int64 // the standard deduction (§63(c))
	propertyUsed int64 // 30% property deductible before the floor: this year's, then the carryover
	cashUsed     int64 // cash deductible before the floor
	floor        int64 // the 0.5% floor taken from them (§170(b)(1)(I))
	charitable   int64 // gifts deductible when itemizing
	itemized     int64 // charitable + other, before §68
	cap68        int64 // the §68 reduction
	nonItemizer  int64 // §170(p), when not itemizing
	itemizing    bool
	taken        int64 // the deduction from AGI (Form 1040 line 12 + 13)
	amt          int64 // what the AMT deducts from the AGI (Form 6251)
	carry        giftCarry
}

// hasGifts reports whether a return has anything to itemize: without, the
// deduction is the standard one and nothing else runs.
func (in incomeCents) hasGifts(cf carryCents) bool {
	return in.propertyGift|in.cashGift|in.otherItemized != 0 || !cf.gifts.none()
}

// setDeduction puts a computed deduction on the sheet.
func (sh *sheet) setDeduction(d *deductionLines) {
	sh.deduction, sh.amtDeducted = d.taken, d.amt
	sh.itemizing, sh.charitable = d.itemizing, d.charitable
	sh.carry.gifts = d.carry
}

// deductions computes the deduction of a return with adjusted gross
// income agi.
func (l *law) deductions(agi int64, in incomeCents, cf carryCents) deductionLines {
	d := deductionLines{standard: l.deduction, taken: l.deduction}
	if !in.hasGifts(cf) {
		return d
	}
	base := max(0, agi) // contribution base, §170(b)(1)(H)
	property, cash, other := max(0, in.propertyGift), max(0, in.cashGift), max(0, in.otherItemized)

	d.cashUsed = min(cash, applyRate(base, cashGiftLimit))
	propertyLimit := max(0, min(applyRate(base, propertyGiftLimit), applyRate(base, publicCharityCap)-d.cashUsed))
	available := property
	for _, c := range cf.gifts {
		available += max(0, c)
	}
	d.propertyUsed = min(available, propertyLimit)

	// §170(b)(1)(I): the floor comes off the 30% property first, then cash.
	floor := applyRate(base, l.charityFloor)
	floorProperty := min(floor, d.propertyUsed)
	floorCash := min(floor-floorProperty, d.cashUsed)
	d.floor = floorProperty + floorCash
	d.charitable = d.propertyUsed + d.cashUsed - d.floor

	// The carryover: this year's gift is used first, then the carryover
	// oldest first; what is left moves a year older, the five-year-old
	// part expires (§170(d)(1)(A)).
	used := d.propertyUsed
	take := func(x int64) int64 {
		t := min(x, used)
		used -= t
		return x - t
	}
	var left giftCarry
	left[0] = take(property)
	for k := GiftCarryYears - 1; k >= 0; k-- {
		rest := take(max(0, cf.gifts[k]))
		if k < GiftCarryYears-1 {
			left[k+1] = rest
		}
	}
	d.carry = left
	// §170(d)(1)(C): when this year's gifts leave an excess to carry, the
	// floor's share of the 30% property is carried with it.
	if left[0] > 0 {
		d.carry[0] += floorProperty
	}

	d.itemized = d.charitable + other
	if l.itemizedCap {
		// §68 as amended: 2/37 of the smaller of the deductions and the
		// income above the 37% bracket, rounded to the cent.
		excess := min(d.itemized, max(0, agi-l.tops[5]))
		d.cap68 = (2*excess + 18) / 37
	}
	d.nonItemizer = min(cash, l.nonItemizerCharity)
	itemizedAllowed := d.itemized - d.cap68
	d.itemizing = itemizedAllowed > d.standard+d.nonItemizer
	if d.itemizing {
		d.taken = itemizedAllowed
		d.amt = d.charitable
	} else {
		d.taken = d.standard + d.nonItemizer
		d.amt = d.nonItemizer
	}
	return d
}
