package calc

import "math"

// PathOutcome is what one Monte Carlo path contributes to a Result. It is
// plain data so that chunks of paths can cross postMessage as JSON and be
// merged (short JSON names keep the messages small).
type PathOutcome struct {
	SMA           PathStrategy `json:"s"`
	Fund          PathStrategy `json:"f"`
	TrackingError float64      `json:"te"`
	Years         []PathYear   `json:"y"`
	// Keep is the after-tax wealth of keeping the existing holdings
	// (transition_keep.go); 0 without them.
	Keep float64 `json:"k,omitempty"`
}

// PathStrategy is one strategy's totals on one path.
type PathStrategy struct {
	AfterTax   float64 `json:"w"`   // wealth after the end treatment
	PreLiq     float64 `json:"pre"` // value after the last year's tax
	Liquidated float64 `json:"liq"` // value after liquidating everything
	Wealth0    float64 `json:"w0"`  // liquidated wealth at the start
	Return     float64 `json:"r"`   // annualized after-tax money-weighted return
	// ReturnBeforeSale is Return with PreLiq as the end wealth (the tax
	// on unrealized gains not paid); with end=hold it is Return.
	ReturnBeforeSale float64 `json:"rb"`
	Contrib          float64 `json:"c"`  // net contributions made
	Growth           float64 `json:"g"`  // market growth of the holdings
	Dividends        float64 `json:"d"`  // gross dividends
	Taxes            float64 `json:"t"`  // yearly taxes (without the end treatment's)
	EndTax           float64 `json:"et"` // tax of the end treatment
	Fees             float64 `json:"fe"`
	Trading          float64 `json:"tc"`
	DistTax          float64 `json:"dt"` // part of Taxes due to capital-gain distributions
	// Depleted is the year (1…horizon) at whose start the portfolio could
	// not pay the withdrawal and the tax due and was sold out; 0 = never.
	Depleted int `json:"dy,omitempty"`
	// Unpaid is the tax owed (in Taxes or EndTax) that the portfolio could
	// not pay because it ran out: the investor pays it from outside.
	Unpaid float64 `json:"ut,omitempty"`
}

// PathYear is one year of one path.
type PathYear struct {
	HarvST     float64 `json:"hs"`           // short-term losses harvested (positive)
	HarvLT     float64 `json:"hl"`           // long-term losses harvested (positive)
	Realized   float64 `json:"rg"`           // SMA's net realized capital gain (losses negative)
	SingleW    float64 `json:"lw,omitempty"` // legacy holdings' weight in the SMA at year end (transition.go)
	TE         float64 `json:"yte"`          // tracking error of the year (annualized)
	SMATax     float64 `json:"st"`           // SMA's tax for the year
	FundTax    float64 `json:"ft"`           // fund's tax for the year
	CF         float64 `json:"cf"`           // SMA's carryforward at year end
	SMAStart   float64 `json:"v0"`           // SMA value at the start of the year (after its flows)
	SMAWealth  float64 `json:"sw"`           // SMA liquidated wealth at year end
	FundWealth float64 `json:"fw"`           // fund liquidated wealth at year end

	// ForcedGains is the SMA's net gain realized by selling the names
	// that left the index (turnover.go).
	ForcedGains float64 `json:"fg,omitempty"`
}

// lotsPerBook is the initial capacity of a stock's book (a default path
// ends with about 10 lots a stock, at most about 30). 24 measured best:
// 16 let many books move out of the slab on each worker's first paths
// (allocation, GC and scattered lots: +3.5% CPU per stock-step), 32 makes
// the slab too large for the caches (+7%).
const lotsPerBook = 24

// sectorSlots is a power of two at least len(sectors).
const sectorSlots = 16

// substitute is the sector proxy holding the proceeds of a loss sale of a
// stock until it may be bought back (one step later).
type substitute struct {
	stock        int32
	value, basis float64
}

// account is one strategy's bookkeeping for the current year and the path.
type account struct {
	year    yearFlows // the current year's flows (start, end set at year end)
	total   PathStrategy
	real    gains // realized this tax year
	qd      float64
	distLT  float64
	cf      carry
	contrib []float64 // actual contribution at the start of each year
}

// ranOut records that the strategy could not pay `unpaid` of its tax (the
// investor pays it from outside) and, the first time, the year it ran out.
func (a *account) ranOut(unpaid float64, year int) {
	a.total.Unpaid += unpaid
	if a.total.Depleted == 0 {
		a.total.Depleted = year
	}
}

func (a *account) reset(h int) {
	*a = account{contrib: a.contrib[:0]}
	for range h {
		a.contrib = append(a.contrib, 0)
	}
}

// pathSim is the working memory of the simulation, reused path after path
// (no allocation per path once warm).
type pathSim struct {
	s      Scenario
	mp     marketParams
	ix     index
	tx     *taxer
	steps  int32
	every  int32   // harvest every so many steps; 0 = never
	limitF float64 // 1 / (1 − threshold)
	tc     float64

	rng     normalSource
	zigSW   [128]float64 // zigW × the specific volatility × the path's sign, in units of ln 2/64
	sdUnits float64      // the specific volatility × the path's sign, in units of ln 2/64
	allHeld bool         // no sector excluded: the held index is the index
	cand    []int32      // harvest candidates of this step (see marketStep)

	price, idxN, heldN []float64
	books              []book
	shares, maxB       []float64
	lossStep, buyStep  []int32
	subSlot            []int32 // index in subs of a stock's substitute, or −1
	subs               []substitute
	sectorLR           [sectorSlots]float64 // an array: indexed by a masked sector, no bounds check
	sectorG            []float64

	sma, fund          account
	units, nav         float64
	fundBook           book
	smaVal, heldIdxVal float64
	idxVal             float64

	years []PathYear
	rec   *[2][]yearFlows // non-nil: record the ledger of this path
	insp  *inspector      // non-nil: record an Inspection of this path (inspect.go)

	mktZ float64     // this step's market log return (marketStep), for tr
	tr   *transition // non-nil: holdings moved into the SMA (transition.go)

	vols     []stockVol     // each name's specific volatility and drift (idio_weight.go)
	turnQ    float64        // probability that a name is replaced at a quarter end (turnover.go)
	turnSeed uint64         // the path pair's stream of replacements
	hist     *historyMarket // non-nil: the market replays history (history_market.go)
	histStep int            // the next month of hist
	weeks    *weekState     // non-nil: harvest checks every week (weekly.go)
}

func newPathSim(s Scenario, tx *taxer) *pathSim {
	if len(sectors) > sectorSlots {
		panic("calc: more sectors than sectorSlots")
	}
	n := s.Stocks
	p := &pathSim{
		s: s, mp: newMarketParams(s), ix: indexFor(s), tx: tx,
		steps:  int32(s.Horizon * stepsPerYear),
		limitF: 1 / (1 - s.Threshold),
		tc:     s.TradeCost,
		price:  make([]float64, n), idxN: make([]float64, n), heldN: make([]float64, n),
		books:  make([]book, n),
		shares: make([]float64, n), maxB: make([]float64, n),
		lossStep: make([]int32, n), buyStep: make([]int32, n), subSlot: make([]int32, n),
		cand:    make([]int32, n),
		sectorG: make([]float64, len(sectors)),
		turnQ:   turnoverPerQuarter(s.Turnover),
	}
	p.vols = stockVols(s, p.ix)
	if p.hist = newHistoryMarket(s); p.hist != nil {
		p.mp = historyParams(p.mp, s)
	}
	switch s.Harvest {
	case "monthly":
		p.every = 1
	case "quarterly":
		p.every = 3
	case "annual":
		p.every = 12
	}
	p.setupWeeks()
	// The books start in one slab (locality, and no growing of 500 small
	// slices on each worker's first paths); a book outgrowing its share
	// moves to its own array.
	slab := make([]lot, n*lotsPerBook)
	for i := range p.books {
		p.books[i] = slab[i*lotsPerBook : i*lotsPerBook : (i+1)*lotsPerBook]
	}
	excluded := make([]bool, len(sectors))
	for _, name := range s.Exclude {
		excluded[sectorIndex(name)] = true
	}
	p.allHeld = len(s.Exclude) == 0
	p.tr = newTransition(s)
	p.replayTransition()
	for i := range n {
		p.idxN[i] = p.ix.weight[i]
		if !excluded[p.ix.sector[i]] {
			p.heldN[i] = p.ix.weight[i]
		}
	}
	return p
}

// run simulates path number `path` and returns its outcome.
func (p *pathSim) run(path int) PathOutcome {
	s := &p.s
	h := s.Horizon
	a, b, sign := pathSeed(s.Seed, path)
	p.rng.seed(a, b, sign)
	p.beginTurnover(a)
	p.histStep = 0
	p.beginWeeks(a, sign)
	p.sdUnits = sign * p.mp.specificSd * expUnitsPerLog
	for i, w := range zigW {
		p.zigSW[i] = w * p.sdUnits
	}

	// Start: every price 1, the index at 1.
	held := 0.0
	for i := range p.price {
		p.price[i] = 1
		p.books[i] = p.books[i][:0]
		p.shares[i], p.maxB[i] = 0, 0
		p.lossStep[i], p.buyStep[i], p.subSlot[i] = -1000, -1000, -1
		held += p.heldN[i]
	}
	p.subs = p.subs[:0]
	p.idxVal, p.heldIdxVal = 1, held
	p.sma.reset(h)
	p.fund.reset(h)
	p.fundBook = p.fundBook[:0]
	p.years = make([]PathYear, h)
	if p.rec != nil {
		p.rec[0], p.rec[1] = p.rec[0][:0], p.rec[1][:0]
	}

	// Initial position: cash (basis 1) is bought now; an existing position
	// (basis ≠ 1) is held long-term with its embedded gain.
	p.units, p.nav = 0, 1
	p.smaVal = 0
	amount := math.Max(s.Amount-p.tr.startValue(), 0) // the index part
	if s.Basis == 1 {
		p.smaBuy(amount, 0)
		p.fundBuy(amount, 0)
	} else if amount > 0 {
		for i := range p.price {
			if p.heldN[i] > 0 {
				q := amount * p.heldN[i] / held
				p.books[i].buy(q, s.Basis, -13)
				p.shares[i] = q
				p.maxB[i] = s.Basis
			}
		}
		p.smaVal = amount
		p.units = amount
		p.fundBook.buy(amount, s.Basis, -13)
	}
	if p.tr != nil {
		p.tr.start(p)
	}
	p.sma.year.start, p.fund.year.start = s.Amount, s.Amount
	p.flowsAtYearStart(0, 0, 0)
	if p.insp != nil {
		p.insp.begin(p)
	}
	p.sma.total.Wealth0 = p.liquidatedNow(&p.sma, 0, false, 0)
	p.fund.total.Wealth0 = p.liquidatedNow(&p.fund, 0, false, 0)

	var sumD, sumD2, yD, yD2 float64
	for t := int32(1); t <= p.steps; t++ {
		vPrev := p.smaVal
		idxPrev := p.idxVal
		harvestNow := p.every > 0 && t%p.every == 0
		p.beginMonth(t)
		growthS := p.marketStep(harvestNow)
		growthS += p.pinToHistory(idxPrev, harvestNow)
		if p.tr != nil {
			growthS += p.tr.step(p)
		}
		if p.insp != nil {
			p.insp.step(p)
		}
		p.sma.year.growth += growthS
		p.followIndex(idxPrev)

		p.unwindSubstitutes(t)
		growthS += p.weekHarvests(t)
		if harvestNow {
			p.harvest(t)
		}
		if t%3 == 0 {
			growthS += p.reconstitute(t)
		}
		divS := 0.0
		rIdx := p.idxVal/idxPrev - 1
		if t%3 == 0 {
			divS = p.quarter(t)
			if p.tr != nil {
				p.tr.keepQuarter(p, t)
			}
			rIdx += p.quarterYield(t)
		}
		if vPrev > 0 {
			d := (growthS+divS)/vPrev - rIdx
			sumD += d
			sumD2 += d * d
			yD += d
			yD2 += d * d
		}
		if t%stepsPerYear == 0 {
			y := int(t / stepsPerYear)
			if p.tr != nil {
				p.tr.yearEnd(p, y, t)
			}
			yr := &p.years[y-1]
			yr.Realized = p.sma.real.st + p.sma.real.lt
			m := yD / stepsPerYear
			yr.TE = math.Sqrt(math.Max(yD2/stepsPerYear-m*m, 0) * stepsPerYear)
			yD, yD2 = 0, 0
			p.yearEnd(y, t)
		}
	}
	mean := sumD / float64(p.steps)
	te := sumD2/float64(p.steps) - mean*mean
	out := PathOutcome{SMA: p.sma.total, Fund: p.fund.total, Years: p.years,
		TrackingError: math.Sqrt(math.Max(te, 0) * stepsPerYear)}
	out.SMA.Return = moneyWeightedReturn(s.Amount, p.sma.contrib, out.SMA.AfterTax)
	out.Fund.Return = moneyWeightedReturn(s.Amount, p.fund.contrib, out.Fund.AfterTax)
	out.SMA.ReturnBeforeSale, out.Fund.ReturnBeforeSale = out.SMA.Return, out.Fund.Return
	if s.End != "hold" {
		out.SMA.ReturnBeforeSale = returnBeforeSale(*s, p.sma.contrib, out.SMA.PreLiq)
		out.Fund.ReturnBeforeSale = returnBeforeSale(*s, p.fund.contrib, out.Fund.PreLiq)
	}
	if p.tr != nil {
		out.Keep = p.tr.keep.wealth
	}
	return out
}

// pathSeed derives the seed words of a path's random source from the
// scenario's seed and the path index through SplitMix64. Paths come in
// antithetic pairs (Hammersley & Morton 1956): paths 2k and 2k+1 share
// pair k's stream, the second with every normal draw negated (sign −1), so
// a down market on one is an up market on the other. Pairs are
// independent of each other and of how paths are split across workers;
// the even paths alone are plain independent Monte Carlo paths.
func pathSeed(seed uint64, path int) (a, b uint64, sign float64) {
	pair := uint64(path) >> 1
	a = splitmix64(seed ^ splitmix64(pair+0x632be59bd9b4e019))
	sign = 1
	if path&1 == 1 {
		sign = -1
	}
	return a, splitmix64(a ^ 0x9e3779b97f4a7c15), sign
}

// marketStep draws one month of returns, moves every price, the index and
// the substitutes, and returns the SMA's market growth. This is the kernel:
// the generator's state lives in registers, the ziggurat's fast path (over
// 99% of draws) and exp2over64 are written out inline, and no bounds are
// checked. A stock's log return is computed in units of ln 2/64 (the
// sector part once per sector, the specific part as the ziggurat's integer
// times a per-path table, zigSW), which makes the exponential's range
// reduction exact and short (fastmath.go). With the scenario ranges
// (vol ≤ 1, idio ≤ 2) and the ziggurat's largest draw (about 14), a month's
// log return is below 30 in size, far inside exp2over64's range. When
// harvest is set it also lists, in stock order and without a branch, the
// stocks whose price is below their highest lot basis × (1 − threshold):
// the only ones the harvest looks at.
func (p *pathSim) marketStep(harvest bool) float64 {
	mp := &p.mp
	rng := &p.rng
	m := p.marketFactor(mp.mktSd * rng.norm())
	p.mktZ = m
	for k := range len(sectors) {
		f := mp.sectorSd * rng.norm()
		p.sectorLR[k] = float64(mp.stockDrift+m+f) * expUnitsPerLog
		p.sectorG[k] = expFast(mp.sectorDrift + m + f)
	}
	sec := p.ix.sector
	n := len(sec)
	price, shares, idxN, heldN, maxB := p.price[:n], p.shares[:n], p.idxN[:n], p.heldN[:n], p.maxB[:n]
	cand, vols := p.cand[:n], p.vols[:n]
	lr := &p.sectorLR
	sw := &p.zigSW
	sdu := p.sdUnits
	lf := p.limitF
	if !harvest {
		lf = math.Inf(1) // no stock is a candidate
	}
	allHeld := p.allHeld
	nc := 0
	s0, s1, s2, s3 := rng.s0, rng.s1, rng.s2, rng.s3
	var valOld, idx, heldIdx, val float64
	for i, sc := range sec {
		// Standard normal draw: math/rand/v2's ziggurat on xoshiro256++,
		// times the specific volatility in units of ln 2/64.
		var u uint64
		s0, s1, s2, s3, u = xoshiroStep(s0, s1, s2, s3)
		j := int32(u)
		zi := u >> 32 & 0x7F
		d := float64(j) * sw[zi]
		if absInt32(j) >= zigK[zi] {
			rng.s0, rng.s1, rng.s2, rng.s3 = s0, s1, s2, s3
			d = sdu * rng.normSlow(j, zi, float64(j)*zigW[zi])
			s0, s1, s2, s3 = rng.s0, rng.s1, rng.s2, rng.s3
		}
		// g = 2^(y/64) = e^(log return) (exp2over64, inline), with the
		// name's own volatility and drift (idio_weight.go); the drift is
		// added to the sector's part, off the draw's dependency chain.
		v := &vols[i]
		y := float64(lr[sc&(sectorSlots-1)]+v.drift) + float64(d*v.rel)
		kd := float64(y+expShift) - expShift
		k := int64(kd)
		r := float64(y-kd) * ln2over64
		r2 := float64(r * r)
		a0 := float64(r*0.5) + 1
		a1 := float64(r*(1.0/24)) + 1.0/6
		a2 := float64(r*(1.0/720)) + 1.0/120
		q := a0 + float64(r2*(a1+float64(r2*a2)))
		t := &expTable[k&63]
		g := (t[0] + float64(t[1]+float64(t[0]*float64(r*q)))) * math.Float64frombits(uint64(k>>6+1023)<<52)

		po := price[i]
		pn := po * g
		price[i] = pn
		sh := shares[i]
		valOld += float64(sh * po)
		val += float64(sh * pn)
		idx += float64(idxN[i] * pn)
		if !allHeld {
			heldIdx += float64(heldN[i] * pn)
		}
		cand[nc] = int32(i)
		if float64(pn*lf) < maxB[i] {
			nc++
		}
	}
	if allHeld {
		heldIdx = idx
	}
	rng.s0, rng.s1, rng.s2, rng.s3 = s0, s1, s2, s3
	p.cand = cand[:nc]
	growth := val - valOld
	for k := range p.subs {
		sub := &p.subs[k]
		g := sub.value * (p.sectorG[sec[sub.stock]] - 1)
		growth += g
		sub.value += g
		val += sub.value
	}
	p.idxVal, p.heldIdxVal, p.smaVal = idx, heldIdx, val
	return growth
}

// followIndex moves the fund's NAV with the index since it stood at
// idxPrev, and books the fund's growth.
func (p *pathSim) followIndex(idxPrev float64) {
	navPrev := p.nav
	p.nav *= p.idxVal / idxPrev
	p.fund.year.growth += p.units * (p.nav - navPrev)
}

// smaBuy invests cash in the held stocks in proportion to their index
// weights. A stock sold at a loss in this step is not bought (wash sale):
// its share goes to the sector substitute until the next step. This runs
// for every stock at each quarter's dividend reinvestment, so the common
// case — a lot at a new highest basis with room in its book — is an
// append written out here.
func (p *pathSim) smaBuy(cash float64, t int32) {
	if cash <= 0 || p.heldIdxVal <= 0 {
		return
	}
	cost := cash * p.tc
	p.sma.year.trading += cost
	per := (cash - cost) / p.heldIdxVal
	n := len(p.heldN)
	price, books, shares, maxB := p.price[:n], p.books[:n], p.shares[:n], p.maxB[:n]
	lossStep, buyStep := p.lossStep[:n], p.buyStep[:n]
	for i, w := range p.heldN {
		if w == 0 {
			continue
		}
		pr := price[i]
		amount := per * w * pr
		if lossStep[i] == t {
			p.addSubstitute(int32(i), amount)
			continue
		}
		q := amount / pr
		if b := books[i]; len(b) < cap(b) && (len(b) == 0 || b[len(b)-1].basis < pr) {
			books[i] = append(b, lot{shares: q, basis: pr, step: t})
		} else {
			books[i].buy(q, pr, t)
		}
		shares[i] += q
		buyStep[i] = t
		if pr > maxB[i] {
			maxB[i] = pr
		}
	}
	p.smaVal += cash - cost
}

func (p *pathSim) addSubstitute(stock int32, amount float64) {
	p.addSubstituteAt(stock, amount, amount)
}

// smaSell raises `need` dollars of cash (after trading costs) by selling
// every held stock in proportion, highest-basis lots first.
func (p *pathSim) smaSell(need float64, t int32) {
	if p.tr != nil {
		need = p.tr.cover(p, need, t)
	}
	stockVal := 0.0
	for i, q := range p.shares {
		stockVal += q * p.price[i]
	}
	if need <= 0 || stockVal <= 0 {
		return
	}
	gross := need / (1 - p.tc)
	f := math.Min(gross/stockVal, 1)
	gross = f * stockVal
	for i, q := range p.shares {
		if q == 0 {
			continue
		}
		p.books[i].sellHIFO(q*f, p.price[i], t, &p.sma.real)
		p.shares[i] = q * (1 - f)
		if len(p.books[i]) == 0 {
			p.shares[i] = 0
		}
		p.maxB[i] = p.books[i].maxBasis()
	}
	cost := gross * p.tc
	p.sma.year.trading += cost
	p.smaVal -= gross
}

// smaSellAll sells every lot and substitute: the portfolio has run out.
func (p *pathSim) smaSellAll(t int32) {
	p.smaSell(math.Inf(1), t)
	for _, sub := range p.subs {
		p.subSlot[sub.stock] = -1
		p.sma.real.st += sub.value - sub.basis // held under a month: short-term
		p.sma.year.trading += sub.value * p.tc
	}
	p.subs = p.subs[:0]
	p.smaVal = 0
}

// smaSellable is the cash selling everything would raise, after trading
// costs.
func (p *pathSim) smaSellable() float64 {
	return math.Max(p.smaVal, 0) * (1 - p.tc)
}

// unwindSubstitutes sells the substitutes bought one step (30.44 days)
// earlier and buys the original stocks back.
func (p *pathSim) unwindSubstitutes(t int32) {
	if p.insp != nil {
		p.insp.boughtBack(p.subs, t)
	}
	for _, sub := range p.subs {
		p.subSlot[sub.stock] = -1
		p.sma.real.st += sub.value - sub.basis // held one month: short-term
		proceeds := sub.value * (1 - p.tc)
		buy := proceeds * (1 - p.tc)
		cost := sub.value - buy
		p.sma.year.trading += cost
		p.smaVal -= cost
		i := sub.stock
		pr := p.price[i]
		q := buy / pr
		p.books[i].buy(q, pr, t)
		p.shares[i] += q
		p.buyStep[i] = t
		if pr > p.maxB[i] {
			p.maxB[i] = pr
		}
	}
	p.subs = p.subs[:0]
}

// harvest sells, in every held stock not bought in this step, the lots
// whose price is more than the threshold below their basis, and moves the
// proceeds to the stock's sector substitute.
func (p *pathSim) harvest(t int32) {
	lf := p.limitF
	for _, c := range p.cand {
		i := int(c)
		pr := p.price[i]
		if p.buyStep[i] == t {
			continue
		}
		var g gains
		before := p.books[i]
		sold, _ := p.books[i].harvest(pr*lf, pr, t, &g)
		if sold == 0 {
			continue
		}
		invest, cost := p.lossSold(i, t, pr, sold, g, before)
		p.smaVal -= cost
		p.addSubstitute(int32(i), invest)
	}
}

// lossSold books the harvest of `sold` shares of stock i at step t and
// price pr (realized gains g; before is the book before the sale, whose
// tail was sold) and returns the cash that buys the substitute and the
// trading cost of the sale and the purchase.
func (p *pathSim) lossSold(i int, t int32, pr, sold float64, g gains, before book) (invest, cost float64) {
	if p.insp != nil { // the lots sold are the tail cut off the book
		p.insp.harvested(i, t, pr, before[len(p.books[i]):])
	}
	p.sma.real.st += g.st
	p.sma.real.lt += g.lt
	y := &p.years[(t-1)/stepsPerYear]
	y.HarvST -= g.st
	y.HarvLT -= g.lt
	p.shares[i] -= sold
	if len(p.books[i]) == 0 {
		p.shares[i] = 0
	}
	p.maxB[i] = p.books[i].maxBasis()
	p.lossStep[i] = t
	proceeds := sold * pr * (1 - p.tc)
	invest = proceeds * (1 - p.tc)
	cost = sold*pr - invest
	p.sma.year.trading += cost
	return invest, cost
}

// quarter pays dividends and fees at a quarter end and reinvests the net
// cash; it returns the SMA's dividends.
func (p *pathSim) quarter(t int32) float64 {
	s := &p.s
	yield := p.quarterYield(t)
	div := yield * p.smaVal
	fee := s.SMAFee / 4 * p.smaVal
	p.sma.qd += div
	p.sma.year.div += div
	p.sma.year.fees += fee
	p.smaCash(div-fee, t)

	v := p.units * p.nav
	fdiv := yield * v
	ffee := s.FundFee / 4 * v
	p.fund.year.div += fdiv
	p.fund.year.fees += ffee
	// The fund pays its expenses from its income (so they are, in effect,
	// deductible) and distributes the rest; expenses beyond the income
	// lower the NAV.
	if net := fdiv - ffee; net >= 0 {
		p.fund.qd += net
		p.fundBuy(net, t)
	} else if v > 0 {
		p.nav *= 1 + net/v
	}
	return div
}

func (p *pathSim) smaCash(cash float64, t int32) {
	if cash > 0 {
		p.smaBuy(cash, t)
	} else if cash < 0 {
		p.smaSell(-cash, t)
	}
}

func (p *pathSim) fundBuy(cash float64, t int32) {
	if cash <= 0 {
		return
	}
	q := cash / p.nav
	p.fundBook.buy(q, p.nav, t)
	p.units += q
}

func (p *pathSim) fundCash(cash float64, t int32) {
	if cash > 0 {
		p.fundBuy(cash, t)
	} else if cash < 0 {
		q := math.Min(-cash/p.nav, p.units)
		p.fundBook.sellHIFO(q, p.nav, t, &p.fund.real)
		p.units -= q
		if len(p.fundBook) == 0 {
			p.units = 0
		}
	}
}

// flowsAtYearStart settles the flows at the start of year y+1 (y = 0 at
// the start): the tax due for year y (negative = a saving, reinvested) is
// paid from the portfolio and the year's contribution made. Sales realize
// gains in year y+1.
//
// A portfolio that cannot pay both the tax and the withdrawal has run out,
// which is an outcome, not an error: the tax is paid first, the
// withdrawal gets what is left, everything is sold and the portfolio stays
// at zero (see settle).
func (p *pathSim) flowsAtYearStart(y int, smaTax, fundTax float64) {
	t := int32(y * stepsPerYear)
	want := p.s.Contrib
	smaC, smaCash, smaOut := settle(&p.sma, y, want-p.savingsPayout(smaTax, fundTax), smaTax, p.smaSellable())
	fundC, fundCash, fundOut := settle(&p.fund, y, want, fundTax, math.Max(p.units*p.nav, 0))
	p.sma.contrib[y], p.fund.contrib[y] = smaC, fundC
	p.sma.year.contrib, p.fund.year.contrib = smaC, fundC
	if smaOut {
		p.smaSellAll(t)
	} else {
		p.smaCash(smaCash, t)
	}
	if fundOut {
		p.fundCash(-math.Inf(1), t)
	} else {
		p.fundCash(fundCash, t)
	}
	if p.tr != nil {
		p.tr.yearStart(p, t)
	}
	p.years[y].SMAStart = p.smaVal
}

// settle works out one strategy's flows at the start of year y+1: the
// contribution actually made, the cash going into the portfolio (negative:
// out of it) and whether the portfolio runs out. `avail` is the cash that
// selling everything raises. When the tax due and the withdrawal need more
// than that, the tax comes first, the withdrawal is cut to what is left,
// and any tax still uncovered is recorded as unpaid (paid from outside).
func settle(acc *account, y int, want, tax, avail float64) (contrib, cash float64, out bool) {
	need := tax - want // cash the portfolio must raise
	if need <= 0 || need < avail {
		return want, -need, false
	}
	short := need - avail
	contrib = want
	if want < 0 {
		cut := math.Min(short, -want)
		contrib += cut
		short -= cut
	}
	acc.ranOut(short, y+1)
	return contrib, -avail, true
}

// unrealizedOf returns the gains of selling the strategy's holdings now
// (donate: keeping the long-term lots at a gain).
func (p *pathSim) unrealizedOf(acc *account, t int32, donate bool) gains {
	var g gains
	if acc == &p.fund {
		p.fundBook.unrealized(p.nav, t, donate, &g)
		return g
	}
	for i := range p.books {
		p.books[i].unrealized(p.price[i], t, donate, &g)
	}
	for _, sub := range p.subs {
		g.st += sub.value - sub.basis
	}
	if p.tr != nil {
		p.tr.unrealized(t, donate, &g)
	}
	return g
}

// liquidatedNow is the strategy's wealth after selling everything at step t
// on top of the year's income so far and its tax `yearTax`.
func (p *pathSim) liquidatedNow(acc *account, t int32, donate bool, yearTax float64) float64 {
	v := p.smaVal
	if acc == &p.fund {
		v = p.units * p.nav
	}
	return math.Max(v-yearTax-p.endTax(acc, t, donate, yearTax), 0)
}

// endTax is the extra tax of selling everything (or, donating, everything
// but the long-term lots at a gain) at step t.
func (p *pathSim) endTax(acc *account, t int32, donate bool, yearTax float64) float64 {
	u := p.unrealizedOf(acc, t, donate)
	r := acc.real
	lt := r.lt + acc.distLT
	all, _ := p.tx.portfolioTax(acc.qd, r.st+u.st, lt+u.lt, acc.cf)
	return all - yearTax
}

// yearEnd distributes the fund's capital gains, computes both strategies'
// tax for year y, records the year and either settles the next year's
// flows or, at the horizon, applies the end treatment.
func (p *pathSim) yearEnd(y int, t int32) {
	s := &p.s
	if s.Dist > 0 && p.units > 0 {
		d := s.Dist * p.units * p.nav
		p.nav -= d / p.units
		p.fund.distLT += d
		p.fundBuy(d, t)
	}
	sma, fund := &p.sma, &p.fund
	tS, cfS := p.tx.portfolioTax(sma.qd, sma.real.st, sma.real.lt, sma.cf)
	tF, cfF := p.tx.portfolioTax(fund.qd, fund.real.st, fund.real.lt+fund.distLT, fund.cf)
	distTax := 0.0
	if fund.distLT != 0 {
		t0, _ := p.tx.portfolioTax(fund.qd, fund.real.st, fund.real.lt, fund.cf)
		distTax = tF - t0
	}
	yr := &p.years[y-1]
	yr.SMATax, yr.FundTax, yr.CF = tS, tF, cfS.total()
	liqS := p.endTax(sma, t, false, tS)
	liqF := p.endTax(fund, t, false, tF)
	vS, vF := math.Max(p.smaVal, 0), math.Max(p.units*p.nav, 0)
	// Wealth never goes below zero: tax beyond the portfolio's value is
	// paid from outside (see payable).
	yr.SMAWealth, yr.FundWealth = math.Max(vS-tS-liqS, 0), math.Max(vF-tF-liqF, 0)

	sma.total.Taxes += tS
	fund.total.Taxes += tF
	fund.total.DistTax += distTax
	final := y == s.Horizon
	var eS, eF float64
	if final {
		switch s.End {
		case "liquidate":
			eS, eF = liqS, liqF
		case "donate":
			eS, eF = p.endTax(sma, t, true, tS), p.endTax(fund, t, true, tF)
		}
		sma.total.EndTax, fund.total.EndTax = eS, eF
		sma.total.PreLiq, fund.total.PreLiq = math.Max(vS-tS, 0), math.Max(vF-tF, 0)
		sma.total.Liquidated, fund.total.Liquidated = yr.SMAWealth, yr.FundWealth
	}
	// Taxes are paid from the portfolio as far as it goes: before the
	// horizon by selling at the start of the next year (after trading
	// costs), at the horizon out of its value.
	capS, due := vS, y
	if !final {
		capS, due = p.smaSellable(), y+1
	}
	sma.year.taxes = payable(sma, tS+eS, capS, due)
	fund.year.taxes = payable(fund, tF+eF, vF, due)
	if final {
		sma.total.AfterTax, fund.total.AfterTax = vS-sma.year.taxes, vF-fund.year.taxes
	}
	sma.year.end, fund.year.end = vS-sma.year.taxes, vF-fund.year.taxes
	for _, acc := range []*account{sma, fund} {
		acc.total.Contrib += acc.year.contrib
		acc.total.Growth += acc.year.growth
		acc.total.Dividends += acc.year.div
		acc.total.Fees += acc.year.fees
		acc.total.Trading += acc.year.trading
	}
	if p.rec != nil {
		p.rec[0] = append(p.rec[0], sma.year)
		p.rec[1] = append(p.rec[1], fund.year)
	}
	if p.insp != nil {
		p.insp.snapshot(p, y, t)
	}
	if final {
		return
	}
	payS, payF := sma.year.taxes, fund.year.taxes
	for _, acc := range []*account{sma, fund} {
		acc.year = yearFlows{start: acc.year.end}
		acc.real, acc.qd, acc.distLT = gains{}, 0, 0
	}
	sma.cf, fund.cf = cfS, cfF
	p.flowsAtYearStart(y, payS, payF)
}

// payable is the part of the tax owed that a portfolio raising at most
// `most` can pay, due in year `due`; the rest is recorded as unpaid (the
// investor pays it from outside) and the portfolio as run out.
func payable(acc *account, tax, most float64, due int) float64 {
	if tax <= most {
		return tax
	}
	acc.ranOut(tax-most, due)
	return most
}
