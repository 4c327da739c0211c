package calc

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"smacalc/calc/internal/lotbook"
	"smacalc/calc/internal/market"
	"smacalc/calc/scenario"
)

// sectorAbbr are the ticker prefixes of the sectors, in sectors' order.
var sectorAbbr = [...]string{"IT", "FIN", "HC", "DISC", "COMM", "IND", "STPL", "EN", "UTIL", "RE", "MAT"}

// stockNames are the synthetic tickers of the index's stocks: the
// sector's abbreviation and the zero-padded index rank.
func stockNames(ix index) []string {
	n := len(ix.sector)
	width := max(3, len(strconv.Itoa(n)))
	names := make([]string, n)
	for i, sc := range ix.sector {
		names[i] = fmt.Sprintf("%s-%0*d", sectorAbbr[sc], width, i+1)
	}
	return names
}

// inspector records one path for Inspect. pathSim calls it where
// something happens (path.go, path_parts.go; the SMA's harvests and
// buy-backs, sma.go) with the state it is to record.
type inspector struct {
	query   string
	names   []string
	sector  []uint8                     // sector of each stock
	dates   []string                    // label of each step (see date)
	before  string                      // label of the steps before the start
	subName []string                    // name of each sector's proxy
	proxy   [market.SectorSlots]float64 // price of each sector's proxy (1 at the start)
	harvestLog
	scale []float64 // per stock: display price per engine price (displayScale)
	years []InspectionYear
}

// The engine prices every stock, proxy and the fund at 1.00 at the start;
// the inspection shows them at their prices instead, a presentation
// scaling that changes no amount (value = shares × price is the same):
// each stock at its share price (market_shares.go), so the SMA's whole
// shares show as whole numbers; the sector proxies and the fund start at
// $100.
const (
	proxyStartPrice = 100
	fundStartNAV    = 100
)

// displayShares rounds a scaled share count to 9 decimals, so that a
// whole number of shares shows as one (the division by the share size
// leaves a last-bit error); amounts are computed from the engine's own
// figures, never from these.
func displayShares(sh float64) float64 { return math.Round(sh*1e9) / 1e9 }

func newInspector(s scenario.Scenario) *inspector {
	if len(sectorAbbr) != len(sectors) {
		panic("calc: sectorAbbr does not match sectors")
	}
	ix := indexFor(s)
	in := &inspector{query: s.Encode(), names: stockNames(ix), sector: ix.sector, harvestLog: harvestLog{pending: make([]int32, s.Stocks)}}
	in.before = "before " + strconv.Itoa(s.Year)
	in.years = make([]InspectionYear, 0, s.Horizon+1)
	in.dates = make([]string, s.Horizon*stepsPerYear+1)
	for t := range in.dates {
		m := max(t-1, 0)
		in.dates[t] = fmt.Sprintf("%04d-%02d", s.Year+m/12, m%12+1)
	}
	for k := range sectors {
		in.subName = append(in.subName, "Substitute: "+sectors[k].Name+" proxy")
	}
	return in
}

// date labels step t: the end of month t (t ≥ 1), the start for t = 0,
// "before <year 1>" for t < 0.
func (in *inspector) date(t int32) string {
	if t < 0 {
		return in.before
	}
	return in.dates[t]
}

// begin resets the recording and takes each stock's share price at the
// start (size: the engine shares in one share, smaSide.size) as its
// display scale; the year-0 snapshot follows.
func (in *inspector) begin(size []float64) {
	for k := range in.proxy {
		in.proxy[k] = 1
	}
	in.harvestLog.begin()
	in.years = in.years[:0]
	in.scale = append(in.scale[:0], size...)
}

// step moves the sector proxies' prices by the step's growth g of each
// sector (after the market's step).
func (in *inspector) step(g []float64) {
	for k, gk := range g {
		in.proxy[k] *= gk
	}
}

// inspectedState is what a snapshot records: both strategies, the
// market, and the year's harvested losses (positive).
type inspectedState struct {
	sma            *smaSide
	fund           *fundSide
	mkt            *market.State
	harvST, harvLT float64
}

// snapshot records the state at step t, the end of year y (0: the start).
func (in *inspector) snapshot(y int, t int32, st inspectedState) {
	held := &st.sma.lots
	iy := InspectionYear{Year: y, Step: int(t), Date: in.date(t), Value: fastMoney(st.sma.value), Cash: fastMoney(st.sma.cash)}
	if y > 0 {
		iy.HarvestedST, iy.HarvestedLT = fastMoney(st.harvST), fastMoney(st.harvLT)
	}
	proxies := in.proxyTotals(held.subs)
	nh, nl := proxies.count, proxies.count // a holding and a lot per proxy
	for _, b := range held.books {
		if len(b) > 0 {
			nh++
			nl += len(b)
		}
	}
	holdings := make([]Holding, 0, nh)
	lots := make([]Lot, nl) // every holding's lots, in one allocation
	total := st.sma.value
	weight := func(v float64) float64 {
		if total == 0 {
			return 0
		}
		return v / total
	}
	for i, b := range held.books {
		if len(b) == 0 {
			continue
		}
		h, v := in.stockHolding(i, b, t, st.mkt, lots[:len(b):len(b)])
		lots = lots[len(b):]
		h.Weight = weight(v)
		holdings = append(holdings, h)
	}
	for k := range sectors {
		if proxies.n[k] == 0 {
			continue
		}
		h := in.proxyHolding(k, &proxies, held.subs, t, lots[:1:1])
		lots = lots[1:]
		h.Weight = weight(proxies.value[k])
		holdings = append(holdings, h)
	}
	iy.Holdings = largestFirst(holdings)
	iy.Fund = fundHolding(st.fund)
	in.years = append(in.years, iy)
}

// proxyTotals are the substitutes summed by sector proxy.
type proxyTotals struct {
	value, basis [market.SectorSlots]float64
	n            [market.SectorSlots]int // substitutes in each proxy
	count        int                     // proxies held
}

func (in *inspector) proxyTotals(subs []substitute) proxyTotals {
	var p proxyTotals
	for _, sub := range subs {
		k := in.sector[sub.stock]
		if p.n[k] == 0 {
			p.count++
		}
		p.n[k]++
		p.value[k] += sub.value
		p.basis[k] += sub.basis
	}
	return p
}

// stockHolding is stock i's holding of the lots in book b at step t
// (ls: room for its lots), and its value at the engine's price.
func (in *inspector) stockHolding(i int, b lotbook.Book, t int32, m *market.State, ls []Lot) (Holding, float64) {
	pr := m.Price[i]
	scale := in.scale[i]
	var engineShares, sh, basis float64
	for k := range b {
		l := b.HIFO(k)
		engineShares += l.Shares
		lotShares := displayShares(l.Shares / scale)
		sh += lotShares
		basis += l.Shares * l.Basis
		ls[k] = Lot{Bought: int(l.Step), BoughtDate: in.date(l.Step), Shares: lotShares,
			CostPerShare: l.Basis * scale, LongTerm: longTerm(l.Step, t)}
		ls[k].Value, ls[k].Basis, ls[k].Gain = moneyGain(l.Shares*pr, l.Shares*l.Basis)
	}
	v := engineShares * pr
	h := Holding{Stock: i, Name: in.names[i], Sector: sectors[in.sector[i]].Name,
		Shares: sh, Price: pr * scale, Lots: ls}
	if m.IdxVal > 0 {
		h.IndexWeight = m.IdxN[i] * pr / m.IdxVal
	}
	h.Value, h.Basis, h.UnrealizedGain = moneyGain(v, basis)
	return h, v
}

// proxyHolding is sector k's proxy holding the substitutes (p: their
// totals) at step t, with its one lot in ls.
func (in *inspector) proxyHolding(k int, p *proxyTotals, subs []substitute, t int32, ls []Lot) Holding {
	pr := in.proxy[k] * proxyStartPrice
	sh := p.value[k] / pr
	h := Holding{Stock: -1, Name: in.subName[k], Sector: sectors[k].Name, Substitute: true,
		Replaces: make([]string, 0, p.n[k]), Shares: sh, Price: pr}
	for _, sub := range subs {
		if int(in.sector[sub.stock]) == k {
			h.Replaces = append(h.Replaces, in.names[sub.stock])
		}
	}
	slices.Sort(h.Replaces)
	h.Value, h.Basis, h.UnrealizedGain = moneyGain(p.value[k], p.basis[k])
	// Every substitute is bought in the step of its loss sale and sold at
	// the next: one lot.
	ls[0] = Lot{Bought: int(t), BoughtDate: in.date(t), Shares: sh, CostPerShare: p.basis[k] / sh,
		Value: h.Value, Basis: h.Basis, Gain: h.UnrealizedGain}
	h.Lots = ls
	return h
}

// largestFirst orders holdings by value, largest first (ties by name);
// sorting indices moves less.
func largestFirst(holdings []Holding) []Holding {
	order := make([]int32, len(holdings))
	val := make([]float64, len(holdings))
	for k := range holdings {
		order[k] = int32(k)
		val[k] = holdings[k].Shares * holdings[k].Price
	}
	slices.SortFunc(order, func(a, b int32) int {
		switch {
		case val[a] > val[b]:
			return -1
		case val[a] < val[b]:
			return 1
		}
		return strings.Compare(holdings[a].Name, holdings[b].Name)
	})
	sorted := make([]Holding, len(holdings))
	for k, o := range order {
		sorted[k] = holdings[o]
	}
	return sorted
}

// fundHolding is the fund's shares, NAV and basis.
func fundHolding(f *fundSide) FundHolding {
	var fb float64
	for k := range f.book {
		l := f.book.HIFO(k)
		fb += l.Shares * l.Basis
	}
	h := FundHolding{Shares: f.units / fundStartNAV, NAV: f.nav * fundStartNAV}
	h.Value, h.Basis, h.UnrealizedGain = moneyGain(f.units*f.nav, fb)
	return h
}

// result hands the recording over, the harvests split by year.
func (in *inspector) result(path int) *Inspection {
	events := make([]HarvestEvent, len(in.events))
	for k, e := range in.events {
		sc := int(in.sector[e.stock])
		loss := -(e.shares * (e.price - e.basis)) // as the engine books it
		ev := HarvestEvent{
			Month: int(e.step), Date: in.date(e.step), Stock: int(e.stock), Name: in.names[e.stock], Sector: sectors[sc].Name,
			LotBought: int(e.lotStep), LotBoughtDate: in.date(e.lotStep),
			Shares: displayShares(e.shares / in.scale[e.stock]), Price: e.price * in.scale[e.stock],
			ShortTerm:      !longTerm(e.lotStep, e.step),
			SubstituteName: in.subName[sc],
		}
		if e.back > 0 {
			ev.BoughtBackMonth, ev.BoughtBackDate = int(e.back), in.date(e.back)
		}
		pc, lc := fastCents(e.shares*e.price), fastCents(loss)
		if pc.ok && lc.ok {
			ev.Proceeds, ev.Loss, ev.Basis = pc.money(), lc.money(), fromCents(pc.c+lc.c)
		} else {
			ev.Proceeds, ev.Loss = money(e.shares*e.price), money(loss)
			ev.Basis = Money{ev.Proceeds.Add(ev.Loss.Decimal)}
		}
		events[k] = ev
	}
	years := in.years
	k := 0
	for y := range years {
		first := k
		for k < len(events) && (y > 0 && (events[k].Month-1)/stepsPerYear+1 == y) {
			k++
		}
		years[y].Harvests = events[first:k:k]
	}
	return &Inspection{Scenario: in.query, Path: path, Years: years}
}
