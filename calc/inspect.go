package calc

import (
	"encoding/csv"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Inspection is what the SMA holds and did on one path of a scenario,
// year by year: the transparency view of the representative path
// (Result.Ledger.Path). See Inspect.
type Inspection struct {
	Scenario string           `json:"scenario"` // canonical query of the scenario
	Path     int              `json:"path"`
	Years    []InspectionYear `json:"years"` // Years[k] is year k: 0 = the start, then 1 … Horizon
}

// InspectionYear is the state of both portfolios at the end of a year,
// after that year's trades and before the next year's flows (the tax for
// the year, still owed, and the next contribution). Year 0 is the start,
// after the initial purchase and the first year's contribution.
type InspectionYear struct {
	Year int    `json:"year"`
	Step int    `json:"step"` // the simulation step: 12 × Year
	Date string `json:"date"` // "2026-01" for year 0, then the December of each year ("2026-12")
	// Value is the SMA's value (stocks and substitutes). For year k ≥ 1 it
	// equals Ledger.SMA[k−1].End + Ledger.SMA[k−1].Taxes, and for year 0
	// the value at the start of year 1 (each within a cent).
	Value Money `json:"value"`
	// HarvestedST and HarvestedLT are the year's harvested losses
	// (positive), the path's figures behind Result.Years.
	HarvestedST Money `json:"harvested_st"`
	HarvestedLT Money `json:"harvested_lt"`
	// Holdings are the SMA's positions, largest market value first: one
	// per stock held and one per sector proxy holding the proceeds of the
	// step's loss sales.
	Holdings []Holding `json:"holdings"`
	// Harvests are the year's loss sales, one per lot sold, in the order
	// the engine made them (by month, then index rank).
	Harvests []HarvestEvent `json:"harvests"`
	Fund     FundHolding    `json:"fund"`
}

// Holding is one position of the SMA. Money is rounded to the cent:
// UnrealizedGain = Value − Basis exactly; the lots' amounts, each rounded,
// may add up to the holding's within half a cent per lot.
type Holding struct {
	// Stock is the index rank − 1 (0 = the largest constituent at the
	// start); −1 for a substitute.
	Stock int `json:"stock"`
	// Name is a synthetic ticker: the sector's abbreviation and the index
	// rank ("IT-001"), stable for a number of stocks; a substitute is
	// "Substitute: <sector> proxy".
	Name   string `json:"name"`
	Sector string `json:"sector"` // GICS name as in Sectors() ("information-technology")
	// Substitute marks a sector proxy (market + sector factor) holding the
	// proceeds of loss sales during the wash-sale window; Replaces names
	// the stocks it stands in for. Its price is 100.00 at the start,
	// moved by the sector's return.
	Substitute bool     `json:"substitute"`
	Replaces   []string `json:"replaces,omitempty"`
	Shares     float64  `json:"shares"` // the sum of the lots' shares
	Price      float64  `json:"price"`
	Value      Money    `json:"value"`
	Basis      Money    `json:"basis"`
	// UnrealizedGain is Value − Basis (negative: a loss not yet harvested,
	// smaller than the threshold).
	UnrealizedGain Money   `json:"unrealized_gain"`
	Weight         float64 `json:"weight"`       // share of the SMA's value
	IndexWeight    float64 `json:"index_weight"` // the stock's current weight in the index (0 for a substitute)
	// Lots are the tax lots, highest cost per share first (the order
	// harvests and sales take them).
	Lots []Lot `json:"lots"`
}

// Lot is one tax lot of a holding.
type Lot struct {
	// Bought is the step of purchase: 0 = the start, k = the end of month
	// k (12 = December of year 1; the next year's contribution and tax
	// payment happen at the same step). A position held at the start
	// (basis < 1) has Bought < 0, long-term from the start.
	Bought       int     `json:"bought"`
	BoughtDate   string  `json:"bought_date"` // "2026-03" (the scenario's year is year 1), "before 2026" when Bought < 0
	Shares       float64 `json:"shares"`
	CostPerShare float64 `json:"cost_per_share"`
	Basis        Money   `json:"basis"`
	Value        Money   `json:"value"`
	Gain         Money   `json:"gain"` // Value − Basis
	// LongTerm: held more than 12 steps at the year end (a sale now would
	// be long-term).
	LongTerm bool `json:"long_term"`
	// WashAdjusted: the basis includes a loss disallowed by a wash sale.
	// Always false: the simulated SMA never makes a wash sale (doc.go).
	WashAdjusted bool `json:"wash_adjusted"`
}

// HarvestEvent is the sale of one lot at a loss. The proceeds (less
// trading costs) buy the stock's sector proxy, which is sold and the stock
// bought back at the next step.
type HarvestEvent struct {
	Month         int     `json:"month"` // step of the sale (end of month Month)
	Date          string  `json:"date"`
	Stock         int     `json:"stock"`
	Name          string  `json:"name"`
	Sector        string  `json:"sector"`
	LotBought     int     `json:"lot_bought"` // the lot's purchase step
	LotBoughtDate string  `json:"lot_bought_date"`
	Shares        float64 `json:"shares"`
	Price         float64 `json:"price"`
	Proceeds      Money   `json:"proceeds"` // shares × price, before trading costs
	Basis         Money   `json:"basis"`    // Proceeds + Loss
	Loss          Money   `json:"loss"`     // realized loss, positive
	ShortTerm     bool    `json:"short_term"`
	// SubstituteName is the holding the proceeds bought.
	SubstituteName string `json:"substitute_name"`
	// BoughtBackMonth is the step at which the substitute was sold and
	// the stock bought back (Month + 1, possibly in the next year); 0 and
	// "" when the horizon ended first.
	BoughtBackMonth int    `json:"bought_back_month"`
	BoughtBackDate  string `json:"bought_back_date"`
}

// FundHolding is the fund side at the same moment.
type FundHolding struct {
	Shares         float64 `json:"shares"`
	NAV            float64 `json:"nav"` // 100.00 at the start
	Value          Money   `json:"value"`
	Basis          Money   `json:"basis"`
	UnrealizedGain Money   `json:"unrealized_gain"` // Value − Basis
}

// Inspect re-runs path `path` of the scenario (usually Result.Ledger.Path)
// and reports what the SMA holds at the start and at the end of each year,
// lot by lot, and every loss it harvested. The path is the same as in
// Simulate: recording does not change it.
func Inspect(s Scenario, path int) (*Inspection, error) {
	in, _, err := inspectPath(s, path)
	return in, err
}

func inspectPath(s Scenario, path int) (*Inspection, PathOutcome, error) {
	if err := s.Validate(); err != nil {
		return nil, PathOutcome{}, err
	}
	if path < 0 || path >= s.Paths {
		return nil, PathOutcome{}, fmt.Errorf("calc: path %d outside 0..%d", path, s.Paths-1)
	}
	tx, err := newTaxer(s)
	if err != nil {
		return nil, PathOutcome{}, err
	}
	sim := newPathSim(s, tx)
	in := newInspector(s)
	sim.insp = in
	o := sim.run(path)
	if err := o.check(); err != nil {
		return nil, PathOutcome{}, fmt.Errorf("%w: path %d: %v", ErrOutOfRange, path, err)
	}
	return in.result(path), o, nil
}

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

// inspector records one path for Inspect through the hooks in path.go.
type inspector struct {
	query   string
	names   []string
	sector  []uint8              // sector of each stock
	dates   []string             // label of each step (see date)
	before  string               // label of the steps before the start
	subName []string             // name of each sector's proxy
	proxy   [sectorSlots]float64 // price of each sector's proxy (1 at the start)
	events  []harvestLot         // every lot harvested on the path, in order
	pending []int32              // per stock: first event awaiting its buy-back, or −1
	scale   []float64            // per stock: display price per engine price (displayScale)
	years   []InspectionYear
}

// The engine prices every stock, proxy and the fund at 1.00 at the start;
// the inspection shows them at plausible prices instead, a presentation
// scaling that changes no amount (value = shares × price is the same):
// each stock starts between $50 and $200 a share, with a whole number of
// shares bought at the start when the amount allows; the sector proxies
// and the fund start at $100.
const (
	proxyStartPrice = 100
	fundStartNAV    = 100
)

// displayShares rounds a scaled share count to 9 decimals, so that the
// whole number of shares bought at the start shows as one (the division
// by the scale leaves a last-bit error); amounts are computed from the
// engine's own figures, never from these.
func displayShares(sh float64) float64 { return math.Round(sh*1e9) / 1e9 }

// displayScale is the factor by which stock i's prices are multiplied
// (and its share counts divided) in an inspection. A target price between
// $50 and $200 is drawn from the stock's rank (deterministic, spread by
// SplitMix64); the price is then moved so that the shares bought at the
// start (shares at the engine's price of 1) are a whole number, which
// keeps it within about 1% of the target when at least 50 shares are
// bought. A stock bought for less than half its target price keeps the
// target and fractional shares.
func displayScale(i int, shares float64) float64 {
	u := float64(splitmix64(uint64(i)+0x5ca1ab1e)>>11) / (1 << 53)
	target := 50 + 150*u
	n := math.Round(shares / target)
	if n < 1 {
		return target
	}
	return shares / n
}

// harvestLot is a lot sold at a loss, as recorded (a HarvestEvent in the
// result).
type harvestLot struct {
	stock, step, lotStep, back int32
	shares, price, basis       float64
}

func newInspector(s Scenario) *inspector {
	if len(sectorAbbr) != len(sectors) {
		panic("calc: sectorAbbr does not match sectors")
	}
	ix := indexFor(s)
	in := &inspector{query: s.Encode(), names: stockNames(ix), sector: ix.sector, pending: make([]int32, s.Stocks)}
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

// begin resets the recording and takes the year-0 snapshot.
func (in *inspector) begin(p *pathSim) {
	for k := range in.proxy {
		in.proxy[k] = 1
	}
	for i := range in.pending {
		in.pending[i] = -1
	}
	in.events = in.events[:0]
	in.years = in.years[:0]
	in.scale = in.scale[:0]
	for i, b := range p.books {
		sh := 0.0
		for k := range b {
			sh += b.hifo(k).shares
		}
		in.scale = append(in.scale, displayScale(i, sh))
	}
	in.snapshot(p, 0, 0)
}

// step moves the sector proxies' prices (after marketStep).
func (in *inspector) step(p *pathSim) {
	for k, g := range p.sectorG {
		in.proxy[k] *= g
	}
}

// harvested records the lots of stock i sold at a loss at step t.
func (in *inspector) harvested(i int, t int32, price float64, sold []lot) {
	in.pending[i] = int32(len(in.events))
	for k := len(sold) - 1; k >= 0; k-- { // highest basis first, the order of the sale
		l := sold[k]
		in.events = append(in.events, harvestLot{stock: int32(i), step: t, lotStep: l.step,
			shares: l.shares, price: price, basis: l.basis})
	}
}

// boughtBack records that the substitutes are sold at step t and their
// stocks bought back.
func (in *inspector) boughtBack(subs []substitute, t int32) {
	for _, sub := range subs {
		i := sub.stock
		k := in.pending[i]
		if k < 0 {
			continue
		}
		in.pending[i] = -1
		for ; int(k) < len(in.events) && in.events[k].stock == i && in.events[k].step == t-1; k++ {
			in.events[k].back = t
		}
	}
}

// snapshot records the state at step t, the end of year y (0: the start).
func (in *inspector) snapshot(p *pathSim, y int, t int32) {
	iy := InspectionYear{Year: y, Step: int(t), Date: in.date(t), Value: fastMoney(p.smaVal)}
	if y > 0 {
		py := &p.years[y-1]
		iy.HarvestedST, iy.HarvestedLT = fastMoney(py.HarvST), fastMoney(py.HarvLT)
	}
	// Substitutes: one holding per sector proxy.
	var subVal, subBasis [sectorSlots]float64
	var subN [sectorSlots]int
	nh, nl := 0, 0
	for _, sub := range p.subs {
		k := in.sector[sub.stock]
		if subN[k] == 0 {
			nh++
			nl++
		}
		subN[k]++
		subVal[k] += sub.value
		subBasis[k] += sub.basis
	}
	for _, b := range p.books {
		if len(b) > 0 {
			nh++
			nl += len(b)
		}
	}
	holdings := make([]Holding, 0, nh)
	lots := make([]Lot, nl)
	total := p.smaVal
	weight := func(v float64) float64 {
		if total == 0 {
			return 0
		}
		return v / total
	}
	for i, b := range p.books {
		if len(b) == 0 {
			continue
		}
		pr := p.price[i]
		scale := in.scale[i]
		ls := lots[:len(b):len(b)]
		lots = lots[len(b):]
		var engineShares, sh, basis float64
		for k := range b {
			l := b.hifo(k)
			engineShares += l.shares
			lotShares := displayShares(l.shares / scale)
			sh += lotShares
			basis += l.shares * l.basis
			ls[k] = Lot{Bought: int(l.step), BoughtDate: in.date(l.step), Shares: lotShares,
				CostPerShare: l.basis * scale, LongTerm: longTerm(l.step, t)}
			ls[k].Value, ls[k].Basis, ls[k].Gain = moneyGain(l.shares*pr, l.shares*l.basis)
		}
		v := engineShares * pr
		h := Holding{Stock: i, Name: in.names[i], Sector: sectors[in.sector[i]].Name,
			Shares: sh, Price: pr * scale, Weight: weight(v), Lots: ls}
		if p.idxVal > 0 {
			h.IndexWeight = p.idxN[i] * pr / p.idxVal
		}
		h.Value, h.Basis, h.UnrealizedGain = moneyGain(v, basis)
		holdings = append(holdings, h)
	}
	for k := range sectors {
		if subN[k] == 0 {
			continue
		}
		pr := in.proxy[k] * proxyStartPrice
		sh := subVal[k] / pr
		h := Holding{Stock: -1, Name: in.subName[k], Sector: sectors[k].Name, Substitute: true,
			Replaces: make([]string, 0, subN[k]), Shares: sh, Price: pr, Weight: weight(subVal[k])}
		for _, sub := range p.subs {
			if int(in.sector[sub.stock]) == k {
				h.Replaces = append(h.Replaces, in.names[sub.stock])
			}
		}
		slices.Sort(h.Replaces)
		h.Value, h.Basis, h.UnrealizedGain = moneyGain(subVal[k], subBasis[k])
		// Every substitute is bought in the step of its loss sale and sold
		// at the next: one lot.
		l := Lot{Bought: int(t), BoughtDate: in.date(t), Shares: sh, CostPerShare: subBasis[k] / sh,
			Value: h.Value, Basis: h.Basis, Gain: h.UnrealizedGain}
		lots[0] = l
		h.Lots = lots[:1:1]
		lots = lots[1:]
		holdings = append(holdings, h)
	}
	// Largest value first (ties by name); sorting indices moves less.
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
	iy.Holdings = make([]Holding, len(holdings))
	for k, o := range order {
		iy.Holdings[k] = holdings[o]
	}

	var fb float64
	for k := range p.fundBook {
		l := p.fundBook.hifo(k)
		fb += l.shares * l.basis
	}
	iy.Fund = FundHolding{Shares: p.units / fundStartNAV, NAV: p.nav * fundStartNAV}
	iy.Fund.Value, iy.Fund.Basis, iy.Fund.UnrealizedGain = moneyGain(p.units*p.nav, fb)
	in.years = append(in.years, iy)
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

// cents is an amount in whole cents, when it could be found quickly.
type cents struct {
	c  int64
	ok bool
}

// fastCents rounds f to the cent as money does (the shortest decimal
// that reads back as f, rounded half away from zero) without going
// through a decimal, when f × 100 is not within 0.001 of a half cent (the
// error of f × 100 is below 0.0003 for amounts under $10 billion);
// otherwise ok is false.
func fastCents(f float64) cents {
	c := f * 100
	if !(math.Abs(c) < 1e12) {
		return cents{}
	}
	if math.Abs(c-math.Floor(c)-0.5) < 1e-3 {
		return cents{}
	}
	return cents{int64(math.Round(c)), true}
}

func (c cents) money() Money { return fromCents(c.c) }

func fromCents(c int64) Money { return Money{decimal.New(c, -2)} }

// fastMoney is money(f), faster.
func fastMoney(f float64) Money {
	if c := fastCents(f); c.ok {
		return c.money()
	}
	return money(f)
}

// moneyGain rounds a value and a basis to the cent and returns them with
// their difference.
func moneyGain(value, basis float64) (v, b, gain Money) {
	vc, bc := fastCents(value), fastCents(basis)
	if vc.ok && bc.ok {
		return vc.money(), bc.money(), fromCents(vc.c - bc.c)
	}
	v, b = money(value), money(basis)
	return v, b, Money{v.Sub(b.Decimal)}
}

// HoldingsCSV is the year's holdings as CSV (RFC 4180, with a header):
// name, sector, shares, value, basis, unrealized_gain, weight,
// index_weight. Money has two decimals, shares and weights six.
func (y InspectionYear) HoldingsCSV() string {
	rows := [][]string{{"name", "sector", "shares", "value", "basis", "unrealized_gain", "weight", "index_weight"}}
	for _, h := range y.Holdings {
		rows = append(rows, []string{h.Name, h.Sector, f6(h.Shares), h.Value.String(), h.Basis.String(),
			h.UnrealizedGain.String(), f6(h.Weight), f6(h.IndexWeight)})
	}
	return writeCSV(rows)
}

// LotsCSV is the holding's lots as CSV (RFC 4180, with a header): name,
// bought_date, bought, shares, cost_per_share, basis, value, gain, term
// (short or long), wash_adjusted.
func (h Holding) LotsCSV() string {
	rows := [][]string{{"name", "bought_date", "bought", "shares", "cost_per_share", "basis", "value", "gain", "term", "wash_adjusted"}}
	for _, l := range h.Lots {
		rows = append(rows, []string{h.Name, l.BoughtDate, strconv.Itoa(l.Bought), f6(l.Shares), f6(l.CostPerShare),
			l.Basis.String(), l.Value.String(), l.Gain.String(), term(!l.LongTerm), strconv.FormatBool(l.WashAdjusted)})
	}
	return writeCSV(rows)
}

// HarvestsCSV is the year's loss sales as CSV (RFC 4180, with a header):
// date, name, sector, lot_bought_date, shares, price, proceeds, basis,
// loss, term, substitute, bought_back_date.
func (y InspectionYear) HarvestsCSV() string {
	rows := [][]string{{"date", "name", "sector", "lot_bought_date", "shares", "price", "proceeds", "basis", "loss", "term", "substitute", "bought_back_date"}}
	for _, e := range y.Harvests {
		rows = append(rows, []string{e.Date, e.Name, e.Sector, e.LotBoughtDate, f6(e.Shares), f6(e.Price),
			e.Proceeds.String(), e.Basis.String(), e.Loss.String(), term(e.ShortTerm), e.SubstituteName, e.BoughtBackDate})
	}
	return writeCSV(rows)
}

func f6(f float64) string { return strconv.FormatFloat(f, 'f', 6, 64) }

func term(short bool) string {
	if short {
		return "short"
	}
	return "long"
}

func writeCSV(rows [][]string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.WriteAll(rows) // a strings.Builder does not fail
	return b.String()
}
